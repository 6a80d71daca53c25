"""Benchmark the reader app: start-up to a filled list, next article, next quote, memory.

Run by hand (never part of the test suite); prints a table:

    python tests/bench/bench_ui.py [WORKDIR] [--sizes 10000,50000] [--runs 5]

WORKDIR (default /tmp/byline-bench) holds synthetic libraries built with
tests/bench/synthetic.py (kept between runs: building 50,000 takes a while).

Start-up is measured the way a user meets it: ``python -m reader --data-dir
DIR`` runs as a subprocess under a pseudo-terminal (120x35) with
BYLINE_EXIT_AFTER_FIRST_FRAME=1, which makes the app exit right after the
first frame with the sidebar filled; the figure is the process's wall time,
Python start-up included, and its peak resident memory. The pty output is
checked for the first row's title, so a frame with an empty list cannot pass.

Next article and next quote run in-process under ``App.run_test``: "work" is
the action itself plus the screen update that draws it (layout, render,
compositor), called directly; "key to frame" adds Textual's frame pacing
(the screen updates at most 60 times a second).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import fcntl
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.bench.synthetic import build_library, synthetic_article  # noqa: E402


def run_under_pty(
    data_dir: Path, expect: str | None = None, cols: int = 120, rows: int = 35
) -> tuple[float, float | None, int, bytes]:
    """(wall seconds, seconds until ``expect`` reached the terminal, peak RSS KiB, output)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    env = {**os.environ, "BYLINE_EXIT_AFTER_FIRST_FRAME": "1", "TERM": "xterm-256color"}
    env["PYTHONPATH"] = str(ROOT)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(data_dir)],
        stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT, close_fds=True,
    )
    os.close(slave)
    output = bytearray()
    seen: float | None = None
    needle = expect.encode() if expect else None
    while True:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                chunk = b""
            output += chunk
            if seen is None and needle and needle in output:
                seen = time.perf_counter() - start
            if not chunk and proc.poll() is not None:
                break
        elif proc.poll() is not None:
            break
    _, status, usage = os.wait4(proc.pid, 0) if proc.returncode is None else (0, 0, None)
    wall = time.perf_counter() - start
    if usage is None:  # already reaped by poll(): fall back to children's peak
        import resource

        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    else:
        peak = usage.ru_maxrss
    os.close(master)
    if proc.returncode not in (0, None) or (proc.returncode is None and status):
        tail = bytes(output[-800:]).decode("utf-8", "replace")
        raise SystemExit(f"byline exited with an error for {data_dir}:\n{tail}")
    return wall, seen, peak, bytes(output)


def startup(data_dir: Path, runs: int, expect: str | None) -> tuple[list[float], list[float], int]:
    """Process wall times, times until the first row's title was on screen, peak RSS."""
    times, seen, peaks = [], [], []
    for _ in range(runs):
        wall, shown, peak, _ = run_under_pty(data_dir, expect)
        if expect is not None and shown is None:
            raise SystemExit(f"first frame for {data_dir} did not show {expect!r}")
        times.append(wall)
        if shown is not None:
            seen.append(shown)
        peaks.append(peak)
    return times, seen, max(peaks)


def long_article(words: int = 5000):
    """A ~``words``-word article stitched from synthetic ones, quotes re-indexed."""
    paragraphs, quotes, speakers, i = [], [], {}, 0
    while sum(len(p.text.split()) for p in paragraphs) < words:
        part = synthetic_article(900_000 + i)
        offset = len(paragraphs)
        paragraphs.extend(part.paragraphs)
        for q in part.quotes:
            mention = replace(q.mention, paragraph=q.mention.paragraph + offset) if q.mention else None
            quotes.append(replace(q, paragraph=q.paragraph + offset, mention=mention))
        for s in part.speakers:
            speakers.setdefault(s.name, s)
        i += 1
    base = synthetic_article(900_000)
    return replace(
        base, id="long5000", title="A 5,000-word story", paragraphs=tuple(paragraphs),
        quotes=tuple(quotes), speakers=tuple(speakers.values()), url=None,
    )


async def in_app_timings(library, steps: int) -> dict[str, list[float]]:
    from reader.ui.app import ReaderApp

    app = ReaderApp(library=library)
    results: dict[str, list[float]] = {"next article": [], "next article e2e": [],
                                       "next quote": [], "next quote e2e": []}
    frames: list[float] = []
    async with app.run_test(size=(160, 45)) as pilot:
        original = app._display

        def display(screen, renderable):
            original(screen, renderable)
            frames.append(time.perf_counter())

        app._display = display
        await pilot.pause()

        sidebar = app.sidebar
        long_index = sidebar.index_of("long5000")
        step = 1 if long_index > 0 else -1  # reach the long story by j (or k)
        action = "next_article" if step == 1 else "previous_article"
        key = "j" if step == 1 else "k"

        async def measure(name: str, run, press: str) -> None:
            await pilot.pause()
            start = time.perf_counter()
            run()
            app.screen._on_timer_update()  # layout + render + compositor, now
            results[name].append(time.perf_counter() - start)
            await pilot.pause()

        async def from_neighbour() -> None:
            app.open_article(sidebar.get_option_at_index(long_index - step).id)
            await pilot.pause()

        for _ in range(steps):
            await from_neighbour()
            await measure("next article", getattr(app, f"action_{action}"), key)
            assert app.story.article.id == "long5000"
            await from_neighbour()
            frames.clear()
            start = time.perf_counter()
            await pilot.press(key)
            if frames:
                results["next article e2e"].append(frames[0] - start)
        app.open_article("long5000")
        await pilot.pause()
        for _ in range(steps):
            await measure("next quote", app.action_next_quote, "n")
            frames.clear()
            start = time.perf_counter()
            await pilot.press("n")
            if frames:
                results["next quote e2e"].append(frames[0] - start)
        words = sum(len(p.text.split()) for p in app.story.article.paragraphs)
        results["words"] = [words]
    return results


def fmt(values: list[float]) -> str:
    if not values:
        return "-"
    return f"{statistics.median(values) * 1000:7.1f} ms (min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f})"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workdir", nargs="?", type=Path, default=Path("/tmp/byline-bench"))
    parser.add_argument("--sizes", default="10000,50000")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    from reader.library import Library

    args.workdir.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    print(f"{'library':<26} {'process wall time (median of %d)' % args.runs:<38} "
          f"{'first row on the terminal':<38} peak RSS")

    def row(label: str, times: list[float], seen: list[float], peak: int) -> None:
        print(f"{label:<26} {fmt(times):<38} {fmt(seen):<38} {peak / 1024:.0f} MB")

    # A fresh data dir: the first run imports the bundled seeds, then opens.
    with tempfile.TemporaryDirectory() as fresh:
        try:
            row("empty (first run, seeds)", *startup(Path(fresh) / "lib", 1, None))
            library = Library.open(Path(fresh) / "lib")
            first = library.list()[0].title
            library.close()
            row("seeds only", *startup(Path(fresh) / "lib", args.runs, first[:12]))
        except SystemExit as error:
            print(f"{'empty (first run, seeds)':<26} failed: {str(error).splitlines()[-1]}")
    for size in sizes:
        path = args.workdir / f"lib{size}"
        library = build_library(path, size)
        first = library.list()[0].title
        library.close()
        row(f"{size:,} articles", *startup(path, args.runs, first[:12]))

    with tempfile.TemporaryDirectory() as tmp:
        library = Library.open(Path(tmp) / "lib", durable=False)
        library.add_many([synthetic_article(i) for i in range(3)] + [long_article()])
        # newest first: make the long story second in the list
        results = asyncio.run(in_app_timings(library, steps=10))
        library.close()
    print()
    print(f"next article, {results.pop('words')[0]:,.0f}-word story (work)   {fmt(results['next article'])}")
    print(f"next article, key to frame              {fmt(results['next article e2e'])}")
    print(f"next quote (work)                       {fmt(results['next quote'])}")
    print(f"next quote, key to frame                {fmt(results['next quote e2e'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
