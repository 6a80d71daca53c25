"""Benchmark quote detection and attribution on PolNeAR (run by hand).

    python tests/bench/bench_quotes.py CORPUS_DIR [--split dev] [--errors N]

Reads CORPUS_DIR/polnear/<split>.jsonl, splits each article's text into the
title (a heading) and paragraphs, runs ``reader.quotes.analyze`` and maps the
offsets back. Prints quote P/R/F1 against direct quotations, speaker mention
accuracy, full-name accuracy (on dev-speakers.jsonl) and speed (one core,
the fastest of ``--repeat`` passes, analysis only).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reader.model import Paragraph  # noqa: E402
from reader.quotes import analyze  # noqa: E402

_BREAK = re.compile(r"\n+")


def split(text: str) -> tuple[list[Paragraph], list[int]]:
    paragraphs: list[Paragraph] = []
    offsets: list[int] = []
    pos = 0
    for m in list(_BREAK.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        if chunk.strip():
            paragraphs.append(Paragraph(chunk, "heading" if not paragraphs else "text"))
            offsets.append(pos)
        pos = m.end() if m else len(text)
    return paragraphs, offsets


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _norm(name: str | None) -> str:
    if not name:
        return ""
    words = re.sub(r"[^\w\s]", " ", name.casefold()).split()
    if words and words[0] in ("a", "an", "the"):
        words = words[1:]
    keep = [w for i, w in enumerate(words) if not (len(w) == 1 and 0 < i < len(words) - 1)]
    return " ".join(keep)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--errors", type=int, default=0, help="print this many errors of each kind")
    ap.add_argument("--repeat", type=int, default=3, help="timing passes; the fastest counts")
    args = ap.parse_args()
    folder = args.corpus / "polnear"
    docs = [json.loads(line) for line in open(folder / f"{args.split}.jsonl", encoding="utf-8")]

    tp = fp = fn = 0
    mention_ok = mention_n = 0
    chars = 0
    elapsed = 0.0
    predicted: dict[str, list[tuple[int, int, str | None]]] = {}
    errs: dict[str, list[str]] = {"fp": [], "fn": [], "mention": []}
    for doc in docs:
        text = doc["text"]
        paragraphs, offsets = split(text)
        chars += len(text)
        t0 = time.perf_counter()
        quotes, _speakers = analyze(paragraphs)
        elapsed += time.perf_counter() - t0
        preds = []
        for q in quotes:
            base = offsets[q.paragraph]
            mention = None
            if q.mention is not None:
                mb = offsets[q.mention.paragraph]
                mention = (mb + q.mention.start, mb + q.mention.end)
            preds.append(((base + q.start, base + q.end), mention, q))
        predicted[doc["id"]] = [(s, e, q.speaker) for (s, e), _, q in preds]
        gold = [
            ((c["start"], c["end"]), q)
            for q in doc["quotes"]
            if q["kind"] == "direct"
            for c in q["contents"]
        ]
        other = [
            (x["start"], x["end"])
            for q in doc["quotes"]
            if q["kind"] != "direct"
            for x in q["contents"] + q["sources"] + ([q["cue"]] if q.get("cue") else [])
        ]
        used: set[int] = set()
        for span, mention, q in preds:
            hit = None
            for gi, (g, _gq) in enumerate(gold):
                ov = _overlap(span, g)
                if gi not in used and ov * 2 >= span[1] - span[0] and ov * 2 >= g[1] - g[0]:
                    hit = gi
                    break
            if hit is not None:
                used.add(hit)
                tp += 1
                gq = gold[hit][1]
                if gq["sources"]:
                    mention_n += 1
                    if mention and any(_overlap(mention, (s["start"], s["end"])) for s in gq["sources"]):
                        mention_ok += 1
                    else:
                        errs["mention"].append(
                            f"{doc['id']}: {text[span[0]:span[1]][:70]!r} -> {q.mention and q.mention.text!r}"
                            f" gold {[s['text'][:40] for s in gq['sources']]}"
                        )
                continue
            if any(_overlap(span, g) for g, _ in gold) or not any(_overlap(span, o) for o in other):
                fp += 1
                lo = max(0, span[0] - 60)
                errs["fp"].append(f"{doc['id']}: {text[lo:span[1] + 60]!r}")
        for gi, (g, gq) in enumerate(gold):
            if gi not in used:
                fn += 1
                lo = max(0, g[0] - 80)
                errs["fn"].append(f"{doc['id']}: {text[lo:g[1] + 60]!r}")

    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    rows = [
        ("articles", f"{len(docs)}"),
        ("quote precision", f"{p:.3f}  ({tp} tp, {fp} fp)"),
        ("quote recall", f"{r:.3f}  ({fn} fn)"),
        ("quote F1", f"{f1:.3f}"),
        ("mention accuracy", f"{mention_ok / max(1, mention_n):.3f}  ({mention_ok}/{mention_n})"),
    ]
    speakers_file = folder / f"{args.split}-speakers.jsonl"
    if speakers_file.exists():
        ok = n = 0
        name_errs = []
        for line in open(speakers_file, encoding="utf-8"):
            row = json.loads(line)
            n += 1
            want = {_norm(row["speaker"])} | {_norm(a) for a in row.get("accept") or ()}
            got = None
            for s, e, speaker in predicted.get(row["doc"], ()):
                if any(_overlap((s, e), tuple(c)) * 2 >= (e - s) for c in row["contents"]):
                    got = speaker
                    break
            if _norm(got) in want:
                ok += 1
            else:
                name_errs.append(f"{row['doc'][:40]}: {row['source']!r} want {row['speaker']!r} got {got!r}")
        errs["name"] = name_errs
        rows.append(("name accuracy", f"{ok / max(1, n):.3f}  ({ok}/{n})"))
    split_docs = [split(doc["text"])[0] for doc in docs]
    for _ in range(args.repeat - 1):
        t0 = time.perf_counter()
        for paragraphs in split_docs:
            analyze(paragraphs)
        elapsed = min(elapsed, time.perf_counter() - t0)
    rows.append(("speed", f"{chars / elapsed:,.0f} chars/s  ({chars:,} chars in {elapsed:.2f} s, best of {args.repeat})"))
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    for kind, lines in errs.items():
        if args.errors and lines:
            print(f"\n== {kind} ({len(lines)})")
            for line in lines[: args.errors]:
                print("  " + line)


if __name__ == "__main__":
    main()
