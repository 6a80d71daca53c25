"""Speed of quotation analysis, on hostile inputs and on news (run by hand).

    python tests/bench/bench_quotes_speed.py [CORPUS_DIR] [--size 200000] [--repeat 5]

Each adversarial case of ``tests/quotes/adversarial.py`` is built at
``--size`` characters and analysed ``--repeat`` times; with CORPUS_DIR, so
are the PolNeAR splits (CORPUS_DIR/polnear/{dev,train}.jsonl, paragraphs
split as ``bench_quotes.py`` does). Only ``analyze`` is timed, in CPU time
(``time.process_time``), and the fastest pass counts. Targets: 1M chars/s on
each adversarial case, 2M chars/s on news. The load average is printed, since
CPU time still suffers on a busy machine.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_quotes import split  # noqa: E402

from reader.quotes import analyze  # noqa: E402
from tests.quotes.adversarial import CASES  # noqa: E402

_TARGETS = {"adversarial": 1_000_000, "news": 2_000_000}


def _best(docs: list, repeat: int) -> tuple[float, int]:
    best = float("inf")
    quotes = 0
    for _ in range(repeat):
        t0 = time.process_time()
        quotes = sum(len(analyze(paragraphs)[0]) for paragraphs in docs)
        best = min(best, time.process_time() - t0)
    return best, quotes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, nargs="?", help="the shared corpus folder (holds polnear/)")
    ap.add_argument("--size", type=int, default=200_000, help="characters in each adversarial text")
    ap.add_argument("--repeat", type=int, default=5, help="timed passes; the fastest counts")
    args = ap.parse_args()
    rows = []
    for name, make in CASES.items():
        paragraphs = make(args.size)
        chars = sum(len(p.text) for p in paragraphs)
        rows.append((name, "adversarial", chars, *_best([paragraphs], args.repeat)))
    if args.corpus is not None:
        for part in ("dev", "train"):
            path = args.corpus / "polnear" / f"{part}.jsonl"
            texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8")]
            docs = [split(t)[0] for t in texts]
            rows.append((f"PolNeAR {part}", "news", sum(map(len, texts)), *_best(docs, args.repeat)))
    print(f"load average {os.getloadavg()[0]:.2f}; CPU time, best of {args.repeat}")
    print(f"{'input':<32} {'chars':>10} {'quotes':>7} {'seconds':>8} {'chars/s':>12}  target")
    for name, kind, chars, seconds, quotes in rows:
        rate = chars / seconds if seconds else float("inf")
        target = _TARGETS[kind]
        mark = "ok" if rate >= target else "SLOW"
        print(f"{name:<32} {chars:>10,} {quotes:>7,} {seconds:>8.3f} {rate:>12,.0f}  {target / 1e6:.0f}M {mark}")


if __name__ == "__main__":
    main()
