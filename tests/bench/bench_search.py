"""Search benchmark: query latency, the index's cost on import and on disk, rebuilding.

    python tests/bench/bench_search.py [--dir /tmp/byline-bench-search] [--size 50000]

Builds (once, then reuses) a synthetic library whose story text is drawn
from a Zipf vocabulary (:func:`synthetic.realistic_vocabulary`), timing the
index's share of the import as it goes. Then: in-process search latency
over a mix of queries (median and worst, wall and CPU), a whole `byline
search` run against Python's bare start, the index size against the stored
text, and a rebuild from nothing. Prints a table; not part of the suite.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reader.library import Library  # noqa: E402
from reader.library import search_index  # noqa: E402
from tests.bench import synthetic  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def build(path: Path, size: int) -> dict:
    """Build the library, timing the index's part of every write (CPU time)."""
    spent = {"index": 0.0}
    cls = search_index.SearchIndex
    originals = {name: getattr(cls, name) for name in ("before_write", "after_write")}

    def timed(name):
        def run(self, *args):
            start = time.process_time()
            try:
                return originals[name](self, *args)
            finally:
                spent["index"] += time.process_time() - start

        return run

    for name in originals:
        setattr(cls, name, timed(name))
    try:
        library = Library.open(path, durable=False)
        have = len(library.list())
        start = time.process_time()
        wall = time.perf_counter()
        articles = list(synthetic.synthetic_articles(size - have, start=have))
        made = time.process_time() - start
        start = time.process_time()
        library.add_many(articles)
        stored = time.process_time() - start
        wall = time.perf_counter() - wall
        library.close()
    finally:
        for name, original in originals.items():
            setattr(cls, name, original)
    return {"added": size - have, "store_cpu": stored, "make_cpu": made, "index_cpu": spent["index"], "wall": wall}


def text_bytes(library: Library) -> tuple[int, int]:
    """(UTF-8 bytes of the story text and titles, bytes of the docs folder)."""
    text = docs = 0
    for folder in (library.path / "docs").iterdir():
        for entry in os.scandir(folder):
            docs += entry.stat().st_size
            doc = json.loads(Path(entry.path).read_bytes())
            text += len(doc["title"].encode()) + sum(len(p["text"].encode()) for p in doc["paragraphs"])
    return text, docs


def queries(library: Library, n: int) -> list[str]:
    """A mix: common and rare words, pairs, phrases, prefixes, operators, exclusions."""
    rng = random.Random(1)
    words, _ = synthetic._VOCABULARY
    sample = [library.get(e.id) for e in rng.sample(library.list(), 50)]
    phrases = []
    for article in sample:
        tokens = article.paragraphs[0].text.split()
        at = rng.randrange(max(1, len(tokens) - 3))
        phrases.append('"' + " ".join(tokens[at : at + 3]).strip(".,") + '"')
    kinds = [
        lambda: rng.choice(words[:50]),  # very common
        lambda: rng.choice(words[200:2000]),  # middling
        lambda: rng.choice(words[5000:40000]),  # rare
        lambda: f"{rng.choice(words[100:1000])} {rng.choice(words[100:3000])}",
        lambda: rng.choice(phrases),
        lambda: rng.choice(words[300:3000])[:4] + "*",
        lambda: f"{rng.choice(words[100:2000])} site:bbc is:unread",
        lambda: f"speaker:{rng.choice(synthetic.LAST).lower()} {rng.choice(words[50:500])}",
        lambda: f"{rng.choice(words[100:1500])} -{rng.choice(words[20:200])} after:2020",
        lambda: f"{rng.choice(synthetic.TOPICS)} before:2019",
    ]
    return [kinds[i % len(kinds)]() for i in range(n)]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/byline-bench-search"))
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    synthetic.realistic_vocabulary()
    path = args.dir / str(args.size)
    built = build(path, args.size)
    rows = []
    if built["added"]:
        share = built["index_cpu"] / built["store_cpu"]
        rows.append(("articles added (CPU s: making / storing incl. index / index)",
                     f"{built['added']:,}: {built['make_cpu']:.1f} / {built['store_cpu']:.1f} / {built['index_cpu']:.1f}"))
        rows.append(("index share of storing (CPU)", f"{share:.0%}"))
        rows.append(("index CPU per article", f"{built['index_cpu'] / built['added'] * 1000:.2f} ms"))

    library = Library.open(path)
    start = time.perf_counter()
    library.search("said")  # opens (and if needed catches up) the index
    rows.append(("first search (opening the index)", f"{(time.perf_counter() - start) * 1000:.0f} ms"))
    qs = queries(library, args.queries)
    walls, cpus, counts = [], [], []
    for q in qs:
        w, c = time.perf_counter(), time.process_time()
        hits = library.find(q)
        walls.append((time.perf_counter() - w) * 1000)
        cpus.append((time.process_time() - c) * 1000)
        counts.append(len(hits))
    walls.sort()
    worst = max(zip(walls, qs))
    rows.append((f"search, {len(qs)} queries: median / p95 / worst (wall)",
                 f"{statistics.median(walls):.1f} / {walls[int(len(walls) * .95)]:.1f} / {walls[-1]:.1f} ms"))
    rows.append(("search: median / worst (CPU)", f"{statistics.median(cpus):.1f} / {max(cpus):.1f} ms"))
    rows.append(("hits per query: median / most", f"{statistics.median(counts):,.0f} / {max(counts):,}"))
    rows.append(("slowest query", repr(worst)))

    text, docs = text_bytes(library)
    index = library.search_index.size()
    rows.append(("index on disk / story text / docs folder",
                 f"{index / 1e6:.0f} MB / {text / 1e6:.0f} MB / {docs / 1e6:.0f} MB ({index / text:.0%} of the text)"))
    library.close()

    env = dict(os.environ, BYLINE_DATA_DIR=str(path))
    word = synthetic._VOCABULARY[0][800]

    def child(command: list[str]) -> tuple[float, float]:
        """(wall, CPU) seconds of one child process."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=env, check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)

    bare = [child([sys.executable, "-c", "pass"]) for _ in range(args.runs)]
    whole = [child([sys.executable, "-m", "reader", "search", word, "--json"]) for _ in range(args.runs)]
    for n, label in ((0, "wall"), (1, "CPU")):
        extra = statistics.median(w[n] for w in whole) - statistics.median(b[n] for b in bare)
        rows.append((f"`byline search {word} --json` beyond Python's start ({label}, median of {args.runs})",
                     f"{extra * 1000:.0f} ms"))

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}/search.db{suffix}").unlink(missing_ok=True)
    library = Library.open(path, durable=False)
    t, c = time.perf_counter(), time.process_time()
    library.search("said")
    rows.append(("rebuild from nothing (wall / CPU)",
                 f"{time.perf_counter() - t:.1f} s / {time.process_time() - c:.1f} s"))
    library.close()

    print(f"bench_search at {args.size:,} articles · load average {os.getloadavg()[0]:.1f}")
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
