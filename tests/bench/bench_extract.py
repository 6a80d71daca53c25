"""Main-text extraction: byline against bare trafilatura on the AEB corpus.

Run by hand (not part of the test suite)::

    python tests/bench/bench_extract.py /path/to/corpus/aeb [--limit N]

CORPUS_DIR holds ``ground-truth.json`` ({id: {"articleBody", "url"}}),
``html/<id>.html`` and ``text/<id>.txt`` (the same pages flattened to text).

The metric is the article-extraction-benchmark's: tokens are ``\\w+``; each
text becomes a multiset of 4-token shingles (a text shorter than 4 tokens is
one shorter shingle); per page, tp/fp/fn are the multiset overlaps,
normalised to sum to 1; precision is the mean over pages with tp+fp > 0,
recall the mean over pages with tp+fn > 0, F1 their harmonic mean.

What is scored is the article body: byline's paragraphs (subheadings
included, headline not, as in the ground truth) joined by blank lines, and
trafilatura's plain-text output. Bare trafilatura often starts with the
headline, which the ground truth leaves out; a second trafilatura row scores
its output without a first line that is the page's title (<title>/og:title
for HTML, the dump's first line for text), so both systems are treated alike. Speed is pages per second on one core,
parsing bytes already in memory, each system timed over the same pages by
CPU time (time.process_time), so other load on the machine does not skew it.
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


def run(extract: Callable[[bytes], str], pages: dict[str, bytes]) -> tuple[dict[str, str], float]:
    """Every page through ``extract``; the outputs and pages per second."""
    out: dict[str, str] = {}
    start = time.process_time()
    for key, data in pages.items():
        try:
            out[key] = extract(data) or ""
        except Exception:  # noqa: BLE001 - a failure scores as empty output
            out[key] = ""
    elapsed = time.process_time() - start
    return out, len(pages) / elapsed if elapsed else float("inf")


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


def trafilatura_text_body(data: bytes) -> str:
    """trafilatura on a text dump: the dump as a page of one <p> per line."""
    import html

    import trafilatura

    text = data.decode("utf-8", errors="replace")
    page = "<html><body>" + "".join(
        f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip()
    ) + "</body></html>"
    return trafilatura.extract(page) or ""


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
    parser.add_argument("--worst", type=int, default=0, help="list byline's N worst text pages")
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
    for label, pages, system, extract in (
        ("HTML", html, "byline", byline_body),
        ("HTML", html, "trafilatura.extract", trafilatura_body),
        ("text dumps", text, "byline", byline_body),
        ("text dumps", text, "trafilatura.extract", trafilatura_text_body),
    ):
        outputs, speed = run(extract, pages)
        counts = {k: page_counts(truth[k].get("articleBody", ""), outputs[k]) for k in pages}
        p, r, f1 = scores(list(counts.values()))
        rows.append((label, system, len(pages), p, r, f1, speed))
        if system != "byline":
            kind = "html" if label == "HTML" else "text"
            trimmed = [
                page_counts(truth[k].get("articleBody", ""),
                            without_headline(outputs[k], page_title(pages[k], kind)))
                for k in pages
            ]
            p, r, f1 = scores(trimmed)
            rows.append((label, "  - headline line", len(pages), p, r, f1, speed))
        if args.worst and label == "text dumps" and system == "byline":
            worst = sorted(counts, key=lambda k: _precision(*counts[k]) + _recall(*counts[k]))
            for k in worst[: args.worst]:
                c = counts[k]
                print(f"  {k[:12]}  P={_precision(*c):.2f} R={_recall(*c):.2f}", file=sys.stderr)

    print(f"{'input':<11} {'system':<20} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} {'pages/s':>8}")
    for label, system, n, p, r, f1, speed in rows:
        print(f"{label:<11} {system:<20} {n:>5} {p:>6.3f} {r:>6.3f} {f1:>6.3f} {speed:>8.1f}")
    for label in ("HTML", "text dumps"):
        ours, theirs = [row for row in rows if row[0] == label][:2]
        print(f"{label}: byline speed {ours[6] / theirs[6]:.2f}x trafilatura's")


if __name__ == "__main__":
    main()
