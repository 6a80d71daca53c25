"""Main-text extraction: byline against bare trafilatura on the AEB corpus.

Run by hand (not part of the test suite)::

    python tests/bench/bench_extract.py /path/to/corpus/aeb [--limit N] [--worst N] [--repeat N]

CORPUS_DIR holds ``ground-truth.json`` ({id: {"articleBody", "url"}}),
``html/<id>.html`` and ``text/<id>.txt`` (the same pages flattened to text).

Scoring rules:

* The metric is the article-extraction-benchmark's: tokens are ``\\w+``;
  each text becomes a multiset of 4-token shingles (a text shorter than 4
  tokens is one shorter shingle); per page, tp/fp/fn are the multiset
  overlaps, normalised to sum to 1; precision is the mean over pages with
  tp+fp > 0, recall the mean over pages with tp+fn > 0, F1 their harmonic
  mean. A page's own F1 (for the per-page lists) is 2PR/(P+R) of its counts.
* What is scored is the article body: byline's paragraphs (subheadings
  included, headline not, as in the ground truth) joined by blank lines, and
  trafilatura's plain-text output. A page byline refuses ("no article text
  found") or that raises scores as empty output, for every system alike.
* Bare trafilatura runs in the same process on the same bytes, in both its
  fast mode (``fast=True``: what byline runs) and its default mode. It often
  starts with the headline, which the ground truth leaves out; a second row
  for each mode scores its output without a first line that is the page's
  title (<title>/og:title for HTML, the dump's first line for text), and the
  per-page comparisons use that trimmed output, the kinder one to
  trafilatura. On text dumps trafilatura is given the dump as a page of one
  <p> per line.
* Per-page floors (HTML): the pages where byline's F1 is below trafilatura
  fast's minus 0.01, or below its default mode's minus 0.3, are printed.
* Glued boundaries: in byline's HTML text, "word.Word" joins (a word, a
  sentence mark, then a capitalised word with no space between) that the
  page's ground truth does not have as often, plus "wordword" joins (a token
  that is not in the ground truth but is two adjacent ground-truth tokens run
  together). Counted the same way for trafilatura fast, for scale.
* Speed is pages per second on one core, parsing bytes already in memory,
  by CPU time (time.process_time). The systems take turns page by page, so
  a change in the machine's load falls on all of them alike, and each page's
  time is its best of --repeat runs; the ratio of the sums is the figure. byline's
  HTML time is ``reader.ingest.extract`` (decoding, metadata and cleaning
  included, quote analysis not), set against ``trafilatura.extract(fast=True)``.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    out: Counter = Counter()
    for i in range(max(1, len(tokens) - n + 1)):
        gram = tuple(tokens[i : i + n])
        if gram:
            out[gram] += 1
    return out


def page_counts(truth: str, predicted: str) -> tuple[float, float, float]:
    """tp, fp, fn of one page, normalised to sum to 1 (or all 0)."""
    t, p = shingles(truth), shingles(predicted)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def scores(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def run(systems: dict[str, Callable[[bytes], str]], pages: dict[str, bytes],
        repeat: int = 1) -> dict[str, tuple[dict[str, str], float]]:
    """Every page through every system: each one's outputs and pages per second.

    The systems take turns page by page, so a change in the machine's load
    falls on all of them alike; a page's time is the best of ``repeat`` runs.
    """
    outputs: dict[str, dict[str, str]] = {name: {} for name in systems}
    best: dict[str, dict[str, float]] = {name: {} for name in systems}
    for _ in range(max(1, repeat)):
        for key, data in pages.items():
            for name, extract in systems.items():
                start = time.process_time()
                try:
                    out = extract(data) or ""
                except Exception:  # noqa: BLE001 - a failure scores as empty output
                    out = ""
                elapsed = time.process_time() - start
                outputs[name][key] = out
                best[name][key] = min(elapsed, best[name].get(key, float("inf")))
    result = {}
    for name in systems:
        total = sum(best[name].values())
        result[name] = (outputs[name], len(pages) / total if total else float("inf"))
    return result


def page_f1(counts: tuple[float, float, float]) -> float:
    p, r = _precision(*counts), _recall(*counts)
    return 2 * p * r / (p + r) if p + r else 0.0


_JOIN = re.compile(r"[^\W\d_]{2,}[.!?:;,][\"'\u201d\u2019)\]]*[A-Z][a-z][^\W\d_]*")
_SPACED_PAIR = re.compile(r"(?=\b(\w{2,})\s+(\w{2,})\b)")


def glued(truth: str, predicted: str) -> int:
    """Boundaries run together in ``predicted`` that ``truth`` keeps apart."""
    joins = Counter(_JOIN.findall(predicted)) - Counter(_JOIN.findall(truth))
    known = set(_TOKEN.findall(truth))
    pairs = {a + b for a, b in _SPACED_PAIR.findall(truth)}
    words = sum(1 for token in _TOKEN.findall(predicted) if token not in known and token in pairs)
    return sum(joins.values()) + words


def byline_body(data: bytes) -> str:
    from reader.errors import SourceError
    from reader.ingest import extract

    try:
        article = extract(data, source="bench")
    except SourceError:
        return ""
    return "\n\n".join(p.text for p in article.paragraphs)


def trafilatura_body(data: bytes) -> str:
    import trafilatura

    return trafilatura.extract(data) or ""


def trafilatura_fast_body(data: bytes) -> str:
    import trafilatura

    return trafilatura.extract(data, fast=True) or ""


def _text_page(data: bytes) -> str:
    """A text dump as a page of one <p> per line, for trafilatura."""
    import html

    text = data.decode("utf-8", errors="replace")
    return "<html><body>" + "".join(
        f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip()
    ) + "</body></html>"


def trafilatura_text_body(data: bytes) -> str:
    """trafilatura (default mode) on a text dump."""
    import trafilatura

    return trafilatura.extract(_text_page(data)) or ""


def trafilatura_text_fast_body(data: bytes) -> str:
    """trafilatura (fast mode) on a text dump."""
    import trafilatura

    return trafilatura.extract(_text_page(data), fast=True) or ""


def page_title(data: bytes, kind: str) -> str:
    """The page's own title, to recognise a headline line at the top."""
    if kind == "text":
        return data.decode("utf-8", errors="replace").strip().split("\n", 1)[0].strip()
    import trafilatura

    from reader.ingest.metadata import read_meta

    tree = trafilatura.load_html(data)
    return (read_meta(tree).title or "") if tree is not None else ""


def without_headline(text: str, title: str) -> str:
    first, _, rest = text.strip().partition("\n")
    key = first.strip().casefold()
    if title and key and (key == title.casefold() or key in title.casefold()):
        return rest
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="the aeb corpus directory")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--worst", type=int, default=0, help="list byline's N worst pages of each input")
    parser.add_argument("--repeat", type=int, default=1, help="time each system N times, keep the best")
    args = parser.parse_args()

    if not (args.corpus / "ground-truth.json").is_file():
        parser.error(f"{args.corpus}: no ground-truth.json (give the aeb corpus directory)")
    truth = json.loads((args.corpus / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[: args.limit or None]
    html = {k: (args.corpus / "html" / f"{k}.html").read_bytes() for k in keys
            if (args.corpus / "html" / f"{k}.html").exists()}
    text = {k: (args.corpus / "text" / f"{k}.txt").read_bytes() for k in keys
            if (args.corpus / "text" / f"{k}.txt").exists()}

    # Warm both up (imports, trafilatura's lazy set-up) before timing.
    byline_body(next(iter(html.values())))
    trafilatura_body(next(iter(html.values())))

    rows = []
    per_page: dict[tuple[str, str], dict[str, float]] = {}
    outputs_of: dict[tuple[str, str], dict[str, str]] = {}
    runs = {
        "HTML": (html, run({"byline": byline_body, "trafilatura fast": trafilatura_fast_body,
                            "trafilatura default": trafilatura_body}, html, args.repeat)),
        "text dumps": (text, run({"byline": byline_body,
                                  "trafilatura fast": trafilatura_text_fast_body,
                                  "trafilatura default": trafilatura_text_body},
                                 text, args.repeat)),
    }
    for label, (pages, results) in runs.items():
        for system, (outputs, speed) in results.items():
            outputs_of[label, system] = outputs
            counts = {k: page_counts(truth[k].get("articleBody", ""), outputs[k]) for k in pages}
            p, r, f1 = scores(list(counts.values()))
            rows.append((label, system, len(pages), p, r, f1, speed))
            per_page[label, system] = {k: page_f1(c) for k, c in counts.items()}
            if system != "byline":
                kind = "html" if label == "HTML" else "text"
                trimmed = {
                    k: page_counts(truth[k].get("articleBody", ""),
                                   without_headline(outputs[k], page_title(pages[k], kind)))
                    for k in pages
                }
                p, r, f1 = scores(list(trimmed.values()))
                rows.append((label, "  - headline line", len(pages), p, r, f1, speed))
                per_page[label, system] = {k: page_f1(c) for k, c in trimmed.items()}
            if args.worst and system == "byline":
                print(f"byline's {args.worst} worst {label} pages:", file=sys.stderr)
                worst = sorted(counts, key=lambda k: page_f1(counts[k]))
                for k in worst[: args.worst]:
                    c = counts[k]
                    print(f"  {k[:12]}  P={_precision(*c):.2f} R={_recall(*c):.2f} F1={page_f1(c):.2f}",
                          file=sys.stderr)

    print(f"{'input':<11} {'system':<20} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} {'pages/s':>8}")
    for label, system, n, p, r, f1, speed in rows:
        print(f"{label:<11} {system:<20} {n:>5} {p:>6.3f} {r:>6.3f} {f1:>6.3f} {speed:>8.1f}")
    for label in ("HTML", "text dumps"):
        ours, fast, _, default, _ = [row for row in rows if row[0] == label]
        print(f"{label}: byline's time per page {fast[6] / ours[6]:.2f}x trafilatura fast's, "
              f"{default[6] / ours[6]:.2f}x its default's")

    ours = per_page["HTML", "byline"]
    fast = per_page["HTML", "trafilatura fast"]
    default = per_page["HTML", "trafilatura default"]
    below = [k for k in html if ours[k] < fast[k] - 0.01 or ours[k] < default[k] - 0.3]
    print(f"HTML pages below trafilatura fast - 0.01 or default - 0.3: {len(below)}")
    for k in sorted(below, key=lambda k: ours[k] - max(fast[k], default[k])):
        print(f"  {k[:12]}  byline {ours[k]:.3f}  fast {fast[k]:.3f}  default {default[k]:.3f}")
    for system in ("byline", "trafilatura fast"):
        found = {k: glued(truth[k].get("articleBody", ""), outputs_of["HTML", system][k])
                 for k in html}
        pages_glued = sorted((k for k in found if found[k]), key=lambda k: -found[k])
        print(f"HTML glued boundaries, {system}: {sum(found.values())} on {len(pages_glued)} pages"
              + (" (" + ", ".join(f"{k[:8]}:{found[k]}" for k in pages_glued[:8]) + ")"
                 if pages_glued else ""))


if __name__ == "__main__":
    main()
