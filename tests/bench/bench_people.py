"""People on PolNeAR: how many speakers the analysis finds, how many people the library makes.

    python tests/bench/bench_people.py CORPUS_DIR [--merges]

Writes every train and dev article of CORPUS_DIR/polnear as a plain-text
file into a temporary folder, imports the folder with ``byline import``
(as a user would), and prints the number of speakers the per-article
analysis found (one per article and name), the distinct names, and the
people the library makes of them (persons and organisations or
descriptions). ``--merges`` lists every person made of more than one name,
with the article where each lone name was used, to check by hand.
Not part of the suite.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reader.library import Library  # noqa: E402
from reader.quotes.firstnames import first_name_gender, is_given_name  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--merges", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        pages, data = Path(tmp) / "pages", Path(tmp) / "library"
        pages.mkdir()
        n = 0
        for split in ("train", "dev"):
            for line in (args.corpus / "polnear" / f"{split}.jsonl").open(encoding="utf-8"):
                article = json.loads(line)
                (pages / f"{split}-{n:04}.txt").write_text(article["text"], encoding="utf-8")
                n += 1
        done = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data), "import", str(pages)],
                              cwd=ROOT, capture_output=True, text=True)
        print(f"{n} articles written; byline import: {done.stderr.strip().splitlines()[-1:]}")
        library = Library.open(data)
        speakers = [r for r in library.search_index.speaker_rows() if r[3]]
        people = library.people(first_name_gender, is_given_name)
        kinds = Counter(p.kind for p in people)
        print(f"articles in the library: {len(library.list()):,}")
        print(f"speakers found by the per-article analysis: {len(speakers):,} "
              f"({len({r[1] for r in speakers}):,} distinct names)")
        print(f"people in the library: {len(people):,} ({kinds['person']:,} persons, "
              f"{kinds['other']:,} organisations or descriptions)")
        merged = [p for p in people if len(p.names) > 1]
        print(f"made of more than one name: {len(merged)} people of {sum(len(p.names) for p in merged)} names")
        if args.merges:
            by_name = {}
            for article_id, name, _, _ in speakers:
                by_name.setdefault(name, article_id)
            for person in merged:
                print(f"- {person.name}: {sorted(person.names)}")
                for name in sorted(person.names):
                    if len(name.split()) == 1:
                        print(f"    {name!r} in {library.entry(by_name[name]).title[:70]!r}")
        library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
