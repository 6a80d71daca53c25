"""Benchmark quote detection and attribution on PolNeAR (run by hand).

    python tests/bench/bench_quotes.py CORPUS_DIR [--split dev|train] [--errors N]

Reads CORPUS_DIR/polnear/<split>.jsonl, splits each article's text into the
title (a heading) and paragraphs, runs ``reader.quotes.analyze`` and maps
the offsets back. Prints, for byline and for a one-regex baseline:

Scoring rules
-------------
* Quotation spans are scored against PolNeAR's *direct* quotations (each
  ``contents`` span of one is a gold span). A predicted span matches a gold
  one when they overlap by at least half of each; each gold span matches once.
* Precision leaves out a predicted span that overlaps no direct quotation but
  does overlap a *mixed* or *indirect* attribution (its content, source or
  cue): PolNeAR files many real quotations under those kinds, so they count
  neither for nor against. How many are left out is printed ("left out").
* Mention accuracy: of the matched spans whose gold quotation names a source,
  the share whose predicted mention overlaps that source.
* Full-name accuracy uses ``<split>-speakers.jsonl`` (dev: 146 quotations in
  20 articles; train: 419 in 66): a quotation's predicted speaker is the
  speaker of the first predicted span covering at least half of it; it is
  right when, casefolded, without punctuation, a leading article or middle
  initials, it equals ``speaker`` or one of ``accept``. A ``null`` speaker
  (nobody speaks) is right only when byline gives no speaker; organisations,
  groups and joint speakers ("A and B", with "B and A" in ``accept``) are
  compared as written.
* The baseline is one regular expression: text between double quotation
  marks in one paragraph, no speaker; it is scored by the same span rules.
* Speed: analysis only, one core, the fastest of ``--repeat`` passes (CPU
  time, ``time.process_time``).

``--errors N`` prints up to N of each kind of error; full-name errors are
grouped by category (pronoun, role phrase, description, no speaker, relayed,
coordinated, given name, other) with their counts.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reader.model import Paragraph  # noqa: E402
from reader.quotes import analyze  # noqa: E402

_BREAK = re.compile(r"\n+")
_BASELINE = re.compile(r"[\"“][^\"“”\n]+[\"”]")
_PRONOUNS = frozenset("he she they it i we who his her their its that this you".split())
_DETERMINERS = frozenset("a an the his her their its one another this that some".split())
_RELAY = re.compile(r"\b(?:quot\w*|recall\w*|cit(?:e|ed|es|ing))\b", re.I)
CATEGORIES = ("pronoun", "role phrase", "description", "no speaker", "relayed", "coordinated", "given name", "other")


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


def _around(text: str, s: int, e: int) -> str:
    return text[max(0, s - 60) : e + 60]


class Score:
    """Quotation-span counts for one system over one split."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = self.left_out = 0
        self.errs: dict[str, list[str]] = {"fp": [], "fn": []}

    def add(self, doc: dict, spans: list[tuple[int, int]]) -> list[int | None]:
        """Score one article's predicted spans; returns each one's gold index."""
        text = doc["text"]
        gold = [
            ((c["start"], c["end"]), q) for q in doc["quotes"] if q["kind"] == "direct" for c in q["contents"]
        ]
        other = [
            (x["start"], x["end"])
            for q in doc["quotes"]
            if q["kind"] != "direct"
            for x in q["contents"] + q["sources"] + ([q["cue"]] if q.get("cue") else [])
        ]
        used: set[int] = set()
        hits: list[int | None] = []
        for span in spans:
            hit = None
            for gi, (g, _gq) in enumerate(gold):
                ov = _overlap(span, g)
                if gi not in used and ov * 2 >= span[1] - span[0] and ov * 2 >= g[1] - g[0]:
                    hit = gi
                    break
            hits.append(hit)
            if hit is not None:
                used.add(hit)
                self.tp += 1
            elif any(_overlap(span, g) for g, _ in gold) or not any(_overlap(span, o) for o in other):
                self.fp += 1
                self.errs["fp"].append(f"{doc['id']}: {_around(text, *span)!r}")
            else:
                self.left_out += 1
        for gi, (g, _gq) in enumerate(gold):
            if gi not in used:
                self.fn += 1
                self.errs["fn"].append(f"{doc['id']}: {text[max(0, g[0] - 80) : g[1] + 60]!r}")
        self.gold = gold
        return hits

    def rows(self, label: str) -> list[tuple[str, str]]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return [
            (f"{label}quote F1", f"{f1:.3f}  (P {p:.3f}: {self.tp} tp, {self.fp} fp; R {r:.3f}: {self.fn} fn)"),
            (f"{label}left out", f"{self.left_out} predictions overlap only mixed/indirect attributions"),
        ]


def category(row: dict, got: str | None, cue: str | None, sentence: str) -> str:
    """Which kind of full-name error this is (see the module's docstring)."""
    want = row["speaker"] or ""
    source = (row.get("source") or "").strip()
    low = source.lower().rstrip("’'s")
    gw, ww = _norm(got).split(), _norm(want).split()
    if " and " in want:
        return "coordinated"
    if _RELAY.search(cue or "") or _RELAY.search(sentence):
        return "relayed"
    if low in _PRONOUNS:
        return "pronoun"
    if got is None:
        return "no speaker"
    if gw and ww and gw != ww and (ww[-len(gw) :] == gw or gw[-len(ww) :] == ww or gw[-1] == ww[-1]):
        return "given name"
    words = source.split()
    if words and words[0].lower() in _DETERMINERS or source[:1].islower():
        return "description"
    if any(w[:1].isupper() for w in words) and any(w[:1].islower() for w in words):
        return "role phrase"
    return "other"


def names(folder: Path, split_name: str, predicted: dict) -> tuple[str, dict[str, list[str]]] | None:
    speakers_file = folder / f"{split_name}-speakers.jsonl"
    if not speakers_file.exists():
        return None
    ok = n = 0
    by_cat: dict[str, list[str]] = {c: [] for c in CATEGORIES}
    for line in open(speakers_file, encoding="utf-8"):
        row = json.loads(line)
        n += 1
        want = {_norm(row["speaker"])} | {_norm(a) for a in row.get("accept") or ()}
        got = cue = None
        sentence = ""
        for s, e, speaker, q_cue, context in predicted.get(row["doc"], ()):
            if any(_overlap((s, e), tuple(c)) * 2 >= (e - s) for c in row["contents"]):
                got, cue, sentence = speaker, q_cue, context
                break
        if _norm(got) in want:
            ok += 1
        else:
            cat = category(row, got, cue, sentence)
            by_cat[cat].append(f"{row['doc'][:40]}: {row['source']!r} want {row['speaker']!r} got {got!r}")
    return f"{ok / max(1, n):.3f}  ({ok}/{n})", by_cat


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="the folder holding polnear/")
    ap.add_argument("--split", default="dev", help="dev (default) or train")
    ap.add_argument("--errors", type=int, default=0, help="print this many errors of each kind")
    ap.add_argument("--repeat", type=int, default=3, help="timing passes; the fastest counts")
    args = ap.parse_args()
    folder = args.corpus / "polnear"
    docs = [json.loads(line) for line in open(folder / f"{args.split}.jsonl", encoding="utf-8")]

    ours, base = Score(), Score()
    mention_ok = mention_n = 0
    chars = 0
    elapsed = 0.0
    predicted: dict[str, list] = {}
    mention_errs: list[str] = []
    split_docs = []
    for doc in docs:
        text = doc["text"]
        paragraphs, offsets = split(text)
        split_docs.append(paragraphs)
        chars += len(text)
        t0 = time.process_time()
        quotes, _speakers = analyze(paragraphs)
        elapsed += time.process_time() - t0
        spans, mentions = [], []
        for q in quotes:
            b = offsets[q.paragraph]
            spans.append((b + q.start, b + q.end))
            mb = offsets[q.mention.paragraph] if q.mention else 0
            mentions.append((mb + q.mention.start, mb + q.mention.end) if q.mention else None)
        predicted[doc["id"]] = [
            (s, e, q.speaker, q.cue, text[max(0, s - 100) : s]) for (s, e), q in zip(spans, quotes)
        ]
        hits = ours.add(doc, spans)
        for (s, e), mention, q, hit in zip(spans, mentions, quotes, hits):
            if hit is None:
                continue
            gq = ours.gold[hit][1]
            if gq["sources"]:
                mention_n += 1
                if mention and any(_overlap(mention, (x["start"], x["end"])) for x in gq["sources"]):
                    mention_ok += 1
                else:
                    mention_errs.append(
                        f"{doc['id']}: {text[s:e][:70]!r} -> {q.mention and q.mention.text!r}"
                        f" gold {[x['text'][:40] for x in gq['sources']]}"
                    )
        base.add(doc, [m.span() for m in _BASELINE.finditer(text) if "\n" not in m.group()])

    rows = [("articles", f"{len(docs)} ({args.split})")]
    rows += ours.rows("")
    rows.append(("mention accuracy", f"{mention_ok / max(1, mention_n):.3f}  ({mention_ok}/{mention_n})"))
    named = names(folder, args.split, predicted)
    if named is not None:
        rows.append(("full-name accuracy", named[0]))
    rows += base.rows("one regex: ")
    for _ in range(args.repeat - 1):
        t0 = time.process_time()
        for paragraphs in split_docs:
            analyze(paragraphs)
        elapsed = min(elapsed, time.process_time() - t0)
    rows.append(("speed", f"{chars / elapsed:,.0f} chars/s  ({chars:,} chars in {elapsed:.2f} s CPU, best of {args.repeat})"))
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    if named is not None:
        counts = Counter({c: len(v) for c, v in named[1].items() if v})
        print("full-name errors: " + (", ".join(f"{c} {n}" for c, n in counts.most_common()) or "none"))
    if not args.errors:
        return
    for kind, lines in (("fp", ours.errs["fp"]), ("fn", ours.errs["fn"]), ("mention", mention_errs)):
        if lines:
            print(f"\n== {kind} ({len(lines)})")
            for line in lines[: args.errors]:
                print("  " + line)
    if named is not None:
        for cat, lines in named[1].items():
            if lines:
                print(f"\n== full name: {cat} ({len(lines)})")
                for line in lines[: args.errors]:
                    print("  " + line)


if __name__ == "__main__":
    main()
