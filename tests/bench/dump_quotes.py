"""Write every analysis result to one file, to check speed work changes nothing.

    python tests/bench/dump_quotes.py CORPUS_DIR OUT [--size 200000]

For every PolNeAR dev and train article (paragraphs split as
``bench_quotes.py`` does) and every adversarial case of
``tests/quotes/adversarial.py`` (at ``--size`` characters), writes one JSON
line with each quotation (paragraph, offsets, text, speaker, mention, cue,
group) and each speaker (full name, aliases, count). Two dumps of the same
code are byte-identical; compare the one from before a change with the one
after it (``cmp``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_quotes import split  # noqa: E402

from reader.quotes import analyze  # noqa: E402
from tests.quotes.adversarial import CASES  # noqa: E402


def _result(paragraphs: list) -> dict:
    quotes, speakers = analyze(paragraphs)
    return {
        "quotes": [
            [
                q.paragraph,
                q.start,
                q.end,
                q.text,
                q.speaker,
                q.mention and [q.mention.paragraph, q.mention.start, q.mention.end, q.mention.text],
                q.cue,
                q.group,
            ]
            for q in quotes
        ],
        "speakers": [[s.name, list(s.aliases), s.quotes] for s in speakers],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="the shared corpus folder (holds polnear/)")
    ap.add_argument("out", type=Path, help="the file to write")
    ap.add_argument("--size", type=int, default=200_000, help="characters in each adversarial text")
    args = ap.parse_args()
    with open(args.out, "w", encoding="utf-8") as out:
        for part in ("dev", "train"):
            for line in open(args.corpus / "polnear" / f"{part}.jsonl", encoding="utf-8"):
                doc = json.loads(line)
                row = {"id": doc["id"], **_result(split(doc["text"])[0])}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        for name, make in CASES.items():
            row = {"id": name, **_result(make(args.size))}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
