"""Search benchmark: query latency, the index's cost on import and on disk, rebuilding.

    python tests/bench/bench_search.py [--dir /tmp/byline-bench-search] [--size 50000] [--pages DIR]

Builds (once, then reuses) a synthetic library whose story text is drawn
from a Zipf vocabulary (:func:`synthetic.realistic_vocabulary`), timing the
index's share of the import as it goes. Then: in-process search latency
over a mix of queries (median and worst, wall and CPU), a whole `byline
search` run against Python's bare start, the index size against the stored
text, People (in process and in the app), and a rebuild from nothing. With
``--pages DIR``, first the index's share of a whole `byline import` of real
pages (``--size 0``: only that). Prints a table; not part of the suite.
"""

from __future__ import annotations

import argparse
import asyncio
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


def import_share(pages: Path, workdir: Path) -> tuple[str, str]:
    """The index's share of a whole `byline import` of real pages (CPU, this process and its workers)."""
    import shutil

    from click.testing import CliRunner

    from reader.cli import main as cli

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

    target = workdir / "import-share"
    shutil.rmtree(target, ignore_errors=True)
    for name in originals:
        setattr(cls, name, timed(name))
    try:
        before = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        out = CliRunner().invoke(cli, ["--data-dir", str(target), "import", str(pages)])
        after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    finally:
        for name, original in originals.items():
            setattr(cls, name, original)
    total = sum((a.ru_utime + a.ru_stime) - (b.ru_utime + b.ru_stime) for a, b in zip(after, before))
    summary = (out.output.strip().splitlines() or ["?"])[-1]
    return (f"index share of a whole import of {pages} (CPU, workers included)",
            f"{spent['index']:.1f} s of {total:.1f} s = {spent['index'] / total:.1%} ({summary})")


def text_bytes(library: Library) -> tuple[int, int]:
    """(UTF-8 bytes of the story text and titles, bytes of the docs folder)."""
    text = docs = 0
    for folder in (library.path / "docs").iterdir():
        for entry in os.scandir(folder):
            docs += entry.stat().st_size
            doc = json.loads(Path(entry.path).read_bytes())
            text += len(doc["title"].encode()) + sum(len(p["text"].encode()) for p in doc["paragraphs"])
    return text, docs


KINDS = (
    "very common word", "middling word", "rare word", "two words", "common + rare word",
    "phrase", "common phrase", "prefix (3-4 letters)", "word site: is:unread", "speaker: word",
    "word -word after:", "topic before:", "filters alone", "is:bookmarked feed:",
)


def queries(library: Library, n: int) -> list[tuple[str, str]]:
    """(kind, query): common and rare words, pairs, phrases, prefixes, every operator, exclusions."""
    rng = random.Random(1)
    words, _ = synthetic._VOCABULARY
    sample = [library.get(e.id) for e in rng.sample(library.list(), 50)]
    phrases = []
    for article in sample:
        tokens = article.paragraphs[0].text.split()
        at = rng.randrange(max(1, len(tokens) - 3))
        phrases.append('"' + " ".join(tokens[at : at + 3]).strip(".,") + '"')
    makers = {
        "very common word": lambda: rng.choice(words[:50]),
        "middling word": lambda: rng.choice(words[200:2000]),
        "rare word": lambda: rng.choice(words[5000:40000]),
        "two words": lambda: f"{rng.choice(words[100:1000])} {rng.choice(words[100:3000])}",
        "common + rare word": lambda: f"{rng.choice(words[:30])} {rng.choice(words[2000:20000])}",
        "phrase": lambda: rng.choice(phrases),
        "common phrase": lambda: f'"{rng.choice(words[:12])} {rng.choice(words[:12])}"',
        "prefix (3-4 letters)": lambda: rng.choice(words[100:3000])[: rng.choice((3, 4))] + "*",
        "word site: is:unread": lambda: f"{rng.choice(words[100:2000])} site:bbc is:unread",
        "speaker: word": lambda: f"speaker:{rng.choice(synthetic.LAST).lower()} {rng.choice(words[50:500])}",
        "word -word after:": lambda: f"{rng.choice(words[100:1500])} -{rng.choice(words[20:200])} after:2020",
        "topic before:": lambda: f"{rng.choice(synthetic.TOPICS)} before:2019",
        "filters alone": lambda: rng.choice(("is:unread", "site:guardian", "after:2024",
                                             f"speaker:{rng.choice(synthetic.LAST).lower()}")),
        "is:bookmarked feed:": lambda: f"{rng.choice(words[50:800])} is:bookmarked feed:example",
    }
    return [(KINDS[i % len(KINDS)], makers[KINDS[i % len(KINDS)]]()) for i in range(n)]


def people_figures(library: Library, runs: int) -> list[tuple[str, str]]:
    """The People list and one person's quotations, in process (the app's calls)."""
    from reader.quotes.firstnames import first_name_gender, is_given_name

    rows = []
    opened = []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        try:
            people = library.people(first_name_gender, is_given_name)
        except TypeError:  # a version before given names were told apart
            people = library.people(first_name_gender)
        opened.append(((time.perf_counter() - w) * 1000, (time.process_time() - c) * 1000))
    rows.append((f"People list: {len(people):,} people (wall / CPU, median of {runs}; first)",
                 f"{statistics.median(o[0] for o in opened):.0f} / {statistics.median(o[1] for o in opened):.0f} ms"
                 f"; first {opened[0][0]:.0f} / {opened[0][1]:.0f} ms"))
    for label, person in (("most quoted", people[0]), ("median", people[len(people) // 2])):
        times = []
        for _ in range(runs):
            w, c = time.perf_counter(), time.process_time()
            quotes = library.person_quotes(person)
            times.append(((time.perf_counter() - w) * 1000, (time.process_time() - c) * 1000))
        rows.append((f"one person's quotations, {label} ({len(quotes):,} quotations; wall / CPU)",
                     f"{statistics.median(t[0] for t in times):.0f} / {statistics.median(t[1] for t in times):.0f} ms"))
    return rows


async def app_figures(path: Path, runs: int) -> list[tuple[str, str]]:
    """In the app (App.run_test): the index untouched at the first frame; P to the People
    screen drawn; enter on the most quoted person to their quotations drawn."""
    from reader.ui.app import ReaderApp
    from reader.ui.people import PeopleScreen

    rows = []
    library = Library.open(path)
    app = ReaderApp(library=library)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        rows.append(("search index opened before the first frame", "yes" if library._search_index is not None else "no"))
        drawn: list[float] = []
        display = app._display

        def timed_display(screen, renderable) -> None:
            display(screen, renderable)
            if renderable is not None:
                drawn.append(time.perf_counter())

        app._display = timed_display

        async def measure(run, done) -> float:
            await pilot.pause()
            drawn.clear()
            start = time.perf_counter()
            run()
            for _ in range(5000):
                if done() and drawn and drawn[-1] > start:
                    await pilot.pause()
                    return (drawn[-1] - start) * 1000
                await asyncio.sleep(0.002)
            return float("nan")

        opens, shows = [], []
        for _ in range(runs):
            opens.append(await measure(app.action_people, lambda: isinstance(app.screen, PeopleScreen)))
            screen = app.screen
            person = screen.people[0]
            shows.append(await measure(lambda: screen.show_person(person), lambda: screen.quotes))
            app.pop_screen()
            await pilot.pause()
        rows.append((f"People screen: P to drawn (median / worst of {runs})",
                     f"{statistics.median(opens):.0f} / {max(opens):.0f} ms"))
        rows.append((f"People screen: a person's quotations drawn, most quoted (median / worst)",
                     f"{statistics.median(shows):.0f} / {max(shows):.0f} ms"))
    library.close()
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/byline-bench-search"))
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", type=Path, help="also time the index's share of importing this folder")
    args = parser.parse_args(argv)
    if args.pages is not None:
        name, value = import_share(args.pages, args.dir)
        print(f"  {name}  {value}")
        if args.size == 0:
            return 0
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
    rows.append(("load average (1 min) at the start of the queries", f"{os.getloadavg()[0]:.1f}"))
    qs = queries(library, args.queries)
    walls, cpus, counts = [], [], []
    by_kind: dict[str, list[tuple[float, float, int, str]]] = {}
    for kind, q in qs:
        w, c = time.perf_counter(), time.process_time()
        hits = library.find(q)
        walls.append((time.perf_counter() - w) * 1000)
        cpus.append((time.process_time() - c) * 1000)
        counts.append(len(hits))
        by_kind.setdefault(kind, []).append((cpus[-1], walls[-1], len(hits), q))
    worst = max(zip(cpus, walls, [q for _, q in qs]))
    ordered = sorted(walls)
    rows.append((f"search, {len(qs)} queries: median / p95 / worst (wall)",
                 f"{statistics.median(walls):.1f} / {ordered[int(len(walls) * .95)]:.1f} / {ordered[-1]:.1f} ms"))
    rows.append(("search: median / p95 / worst (CPU)",
                 f"{statistics.median(cpus):.1f} / {sorted(cpus)[int(len(cpus) * .95)]:.1f} / {max(cpus):.1f} ms"))
    rows.append(("hits per query: median / most", f"{statistics.median(counts):,.0f} / {max(counts):,}"))
    rows.append(("slowest query (CPU ms, wall ms, query)", f"{worst[0]:.1f}, {worst[1]:.1f}, {worst[2]!r}"))
    for kind in KINDS:
        got = by_kind.get(kind, [])
        if got:
            slow = max(got)
            rows.append((f"  {kind}: CPU median / worst, hits median (worst query)",
                         f"{statistics.median(g[0] for g in got):.1f} / {slow[0]:.1f} ms, "
                         f"{statistics.median(g[2] for g in got):,.0f} ({slow[3]!r})"))
    rows.extend(people_figures(library, args.runs))

    text, docs = text_bytes(library)
    index = library.search_index.size()
    rows.append(("index on disk / story text / docs folder",
                 f"{index / 1e6:.0f} MB / {text / 1e6:.0f} MB / {docs / 1e6:.0f} MB ({index / text:.0%} of the text)"))
    library.close()

    rows.extend(asyncio.run(app_figures(path, args.runs)))

    # as a user runs it: bytecode cached (kept out of the tree)
    env = dict(os.environ, BYLINE_DATA_DIR=str(path), PYTHONPYCACHEPREFIX=str(args.dir / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
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
    child([sys.executable, "-m", "reader", "search", word, "--json"])  # writes the bytecode
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
