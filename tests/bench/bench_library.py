"""Library benchmark: open+list, toggles, documents, quotes, memory, import speed.

Run by hand (never part of the test suite); prints a table:

    python tests/bench/bench_library.py --aeb /work/shared/corpus/aeb
    python tests/bench/bench_library.py --sizes 10000 --work /tmp/byline-library-bench

Synthetic libraries (tests/bench/synthetic.py) are built once under --work
and reused. Open+list and memory are measured in fresh processes (module
imports excluded from the time, reported apart, and the sum of both: what a
person waits for); the rest in this one.
`byline quotes` (all, --json, one speaker) runs as a user runs it, in a
fresh process (imports included): the time to its first line and its last.

Targets: open+list <= 150 ms at 10,000 and <= 600 ms at 50,000 articles;
a persisted toggle <= 10 / 20 ms; one document <= 5 ms; <= 200 MB resident
after opening 50,000; importing the AEB HTML pages no slower than a bare
single-process trafilatura.extract loop over them. The import is timed at
the default jobs (one parser per core) and at --jobs 1, against bare loops in
trafilatura's default mode and in its fast mode (which byline runs); the bare
loops only extract text, byline also analyses quotes and stores each story.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reader.library import Library  # noqa: E402
from tests.bench.synthetic import build_library  # noqa: E402

_PROBE = """
import json, sys, time, resource
sys.path.insert(0, {root!r})
t0 = time.perf_counter()
import reader.library, reader.library.catalog, reader.library.state, reader.library.settings
t1 = time.perf_counter()
library = reader.library.Library.open({path!r})
entries = library.list()
t2 = time.perf_counter()
rss = int(open("/proc/self/statm").read().split()[1]) * resource.getpagesize()
print(json.dumps({{"imports": t1 - t0, "open_list": t2 - t1, "n": len(entries),
                  "rss": rss, "maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}}))
"""


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def probe(path: Path, runs: int) -> dict:
    results = []
    for _ in range(runs):
        code = _PROBE.format(root=str(ROOT), path=str(path))
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True)
        results.append(json.loads(out.stdout))
    return {
        "open_list": statistics.median(r["open_list"] for r in results),
        "open_list_best": min(r["open_list"] for r in results),
        "imports": statistics.median(r["imports"] for r in results),
        "with_imports": statistics.median(r["imports"] + r["open_list"] for r in results),
        "rss": statistics.median(r["rss"] for r in results),
        "maxrss": max(r["maxrss"] for r in results),
        "n": results[0]["n"],
    }


def quotes_run(path: Path, args: list[str]) -> tuple[float, float, int]:
    """`byline quotes ARGS` in a fresh process: (first line, all lines, line count)."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(path), "quotes", *args],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    )
    first, lines = 0.0, 0
    for _ in proc.stdout:
        if not lines:
            first = time.perf_counter() - started
        lines += 1
    if proc.wait() != 0:
        raise RuntimeError(f"byline quotes {' '.join(args)} failed")
    return first, time.perf_counter() - started, lines


def bench_quotes(path: Path, size: int, speaker: str, runs: int) -> list[tuple[str, str]]:
    rows = []
    for label, args in (("all", []), ("--json", ["--json"]),
                        (f"--speaker '{speaker}'", ["--speaker", speaker])):
        results = [quotes_run(path, args) for _ in range(runs)]
        first = statistics.median(r[0] for r in results)
        total = statistics.median(r[1] for r in results)
        rows.append((f"{size:,}: byline quotes {label}, first line / all (median of {runs})",
                     f"{ms(first)} / {ms(total)}, {results[0][2]:,} lines"))
    return rows


def bench_remove(library: Library, entries: list, rng: random.Random) -> list[tuple[str, str]]:
    """Remove one article, then 100 at once (fsynced), and put them all back."""
    size = len(entries)
    gone = rng.sample(entries, 101)
    articles = [library.get(e.id) for e in gone]
    t = time.perf_counter()
    library.remove(gone[0].id)
    one = time.perf_counter() - t
    t = time.perf_counter()
    library.remove_many([e.id for e in gone[1:]])
    many = time.perf_counter() - t
    library.add_many(articles)  # the library is kept for the next run (their marks go)
    return [(f"{size:,}: remove one article, fsynced", ms(one)),
            (f"{size:,}: remove 100 articles at once (remove_many), fsynced", ms(many))]


def bench_size(work: Path, size: int, runs: int) -> list[tuple[str, str]]:
    path = work / f"lib{size}"
    started = time.perf_counter()
    build_library(path, size).close()
    built = time.perf_counter() - started
    rows = [(f"{size:,}: build (or reuse) synthetic library", f"{built:.1f} s")]
    p = probe(path, runs)
    assert p["n"] == size, p
    rows += [
        (f"{size:,}: open + list all (median of {runs})", ms(p["open_list"])),
        (f"{size:,}: open + list all (best)", ms(p["open_list_best"])),
        (f"{size:,}: (module imports, not counted above)", ms(p["imports"])),
        (f"{size:,}: imports + open + list (what a person waits for, median)", ms(p["with_imports"])),
        (f"{size:,}: resident memory after open + list", f"{p['rss'] / 2**20:.0f} MB"),
        (f"{size:,}: peak resident memory", f"{p['maxrss'] / 2**20:.0f} MB"),
    ]
    library = Library.open(path)
    entries = library.list()
    rng = random.Random(1)
    toggles = []
    for entry in rng.sample(entries, 60):
        current = library.entry(entry.id)
        t = time.perf_counter()
        if rng.random() < 0.5:
            library.set_bookmarked(entry.id, not current.bookmarked)
        else:
            library.set_read(entry.id, not current.read)
        toggles.append(time.perf_counter() - t)
    rows.append((f"{size:,}: read/bookmark toggle, fsynced (median of 60)",
                 ms(statistics.median(toggles))))
    rows.append((f"{size:,}: read/bookmark toggle (worst of 60)", ms(max(toggles))))
    gets = []
    for entry in rng.sample(entries, 200):
        t = time.perf_counter()
        library.get(entry.id)
        gets.append(time.perf_counter() - t)
    rows.append((f"{size:,}: one full document (median of 200)", ms(statistics.median(gets))))
    rows.append((f"{size:,}: one full document (95th percentile of 200)",
                 ms(statistics.quantiles(gets, n=20)[-1])))
    rows.append((f"{size:,}: one full document (worst of 200)", ms(max(gets))))
    t = time.perf_counter()
    library.reload()
    rows.append((f"{size:,}: reload, nothing new, just after writing", ms(time.perf_counter() - t)))
    time.sleep(2.1)  # state/ untouched for 2 s: its mtime alone answers
    library.reload()
    t = time.perf_counter()
    library.reload()
    rows.append((f"{size:,}: reload, nothing new, 2 s later", ms(time.perf_counter() - t)))
    rows += bench_remove(library, entries, rng)
    speaker = next(e.speakers[0] for e in rng.sample(entries, len(entries)) if e.speakers)
    library.close()
    rows += bench_quotes(path, size, speaker, max(1, (runs + 1) // 2))
    return rows


def bench_import(aeb: Path, rounds: int) -> list[tuple[str, str]]:
    """Bare extraction and byline's import, alternated so both see the same load."""
    import trafilatura

    import reader.ingest  # noqa: F401  (imports are not part of either timing)
    from reader.gather.importer import import_paths

    html = sorted((aeb / "html").glob("*.html"))
    times: dict[str, list[float]] = {"bare": [], "bare_fast": [], "import": [], "serial": []}
    report = None
    for _ in range(rounds):
        for name, fast in (("bare", False), ("bare_fast", True)):
            t = time.perf_counter()
            for path in html:
                trafilatura.extract(path.read_bytes(), fast=fast)
            times[name].append(time.perf_counter() - t)
        for name, jobs in (("import", None), ("serial", 1)):
            with tempfile.TemporaryDirectory() as tmp:
                library = Library.open(tmp)
                t = time.perf_counter()
                result = import_paths(library, [aeb / "html"], jobs=jobs)
                times[name].append(time.perf_counter() - t)
                library.close()
                report = report or result

    def fmt(values: list[float]) -> str:
        return f"median {statistics.median(values):.2f} s, best {min(values):.2f} s"

    n = len(html)
    return [
        (f"AEB: bare trafilatura.extract loop, default mode, {n} pages ({rounds} rounds)",
         fmt(times["bare"])),
        ("AEB: bare trafilatura.extract loop, fast=True (the mode byline runs)",
         fmt(times["bare_fast"])),
        ("AEB: byline import_paths, default jobs (one per core)", fmt(times["import"])),
        ("AEB: byline import_paths, --jobs 1 (one core, like the bare loops)", fmt(times["serial"])),
        ("AEB: import outcome", report.summary() if report else "-"),
        ("AEB: each round, bare / import",
         " ".join(f"{b:.2f}/{i:.2f}" for b, i in zip(times["bare"], times["import"]))),
    ]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aeb", type=Path, help="the AEB corpus folder (holds html/)")
    parser.add_argument("--sizes", default="10000,50000",
                        help="library sizes, comma-separated (default 10000,50000)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "byline-library-bench",
                        help="where synthetic libraries are built and kept")
    parser.add_argument("--runs", type=int, default=5, help="fresh-process runs per size")
    parser.add_argument("--rounds", type=int, default=5, help="import comparison rounds")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, str]] = []
    for size in (int(s) for s in args.sizes.split(",") if s):
        rows += bench_size(args.work, size, args.runs)
    if args.aeb:
        rows += bench_import(args.aeb, args.rounds)
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
