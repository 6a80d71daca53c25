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

Beside newsboat (tests/bench/newsboat.py): for each size, byline and
newsboat are each started in tmux (120x35) on the same articles, and timed
until the first article's title is on the screen, runs alternating, in the
same run, so the load on the machine is shared alike.

The feed tree (T) with 500 feeds, ``A`` (mark all read) and ``U`` (its
undo) on the largest library are timed in-process from the action to the
frame that shows it, with the UI thread's CPU time for the action itself.

Every byline started here loads compiled bytecode (WORKDIR/pycache), as an
installed copy does (see bytecode_like_an_install). ``--parts`` runs only
some parts (startup, newsboat, tree, keys).

Next article and next quote: "action to frame" runs in-process under
``App.run_test`` and times from calling the action to the end of the first
frame that shows its effect (messages, layout, render, compositor, frame
pacing; no terminal). "Key to frame" runs the real app under
a pty, writes the key and times until the terminal receives the frame that
shows its effect (the long story's first words; for n, the next frame),
which adds key decoding, Textual's frame pacing (at most 60 updates a
second) and writing the frame.
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

from reader.library import Library  # noqa: E402
from tests.bench import newsboat  # noqa: E402
from tests.bench.synthetic import build_library, synthetic_article  # noqa: E402


def bytecode_like_an_install(workdir: Path) -> None:
    """Let every byline started here load compiled bytecode, as an installed copy does.

    pip compiles a package's modules when it installs it; a source tree run
    with PYTHONDONTWRITEBYTECODE set (as some shells and CI do) compiles
    every module of ``reader`` again at each start, 0.1-0.2 s of CPU that no
    user pays. The bytecode goes to WORKDIR/pycache (PYTHONPYCACHEPREFIX),
    never into the source tree; the environment is set for every child.
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "reader")],
                   check=True, env=os.environ)


def child_env() -> dict[str, str]:
    """What a byline started in tmux needs (the tmux server has its own environment)."""
    env = {"PYTHONPATH": str(ROOT), "TERM": "xterm-256color", "PYTHONDONTWRITEBYTECODE": ""}
    if "PYTHONPYCACHEPREFIX" in os.environ:
        env["PYTHONPYCACHEPREFIX"] = os.environ["PYTHONPYCACHEPREFIX"]
    return env


def run_under_pty(
    data_dir: Path, expect: str | None = None, cols: int = 120, rows: int = 35
) -> tuple[float, float | None, float, int]:
    """Run ``byline`` once under a pty until it exits after its first frame.

    Returns (wall seconds, seconds until ``expect`` reached the terminal,
    CPU seconds (user + system) of the process, peak RSS in KiB).
    """
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
    while True:  # read until the child closes the terminal (EIO on Linux)
        select.select([master], [], [], 1.0)
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
        if seen is None and needle and needle in output:
            seen = time.perf_counter() - start
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    os.close(master)
    if proc.returncode != 0:
        tail = bytes(output[-800:]).decode("utf-8", "replace")
        raise SystemExit(f"byline exited with an error for {data_dir}:\n{tail}")
    return wall, seen, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def startup(data_dir: Path, runs: int, expect: str | None):
    """Wall times, times until the first row was on screen, CPU times, peak RSS."""
    walls, seen, cpus, peaks = [], [], [], []
    for _ in range(runs):
        wall, shown, cpu, peak = run_under_pty(data_dir, expect)
        if expect is not None and shown is None:
            raise SystemExit(f"first frame for {data_dir} did not show {expect!r}")
        walls.append(wall)
        cpus.append(cpu)
        peaks.append(peak)
        if shown is not None:
            seen.append(shown)
    return walls, seen, cpus, max(peaks)


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
    """From calling the action to the end of the frame that shows its effect.

    In-process (App.run_test, headless): the action, the messages it sets off,
    layout, rendering and compositing, and Textual's frame pacing; the only
    thing left out is writing to a real terminal.
    """
    from reader.ui.app import ReaderApp

    app = ReaderApp(library=library)
    results: dict[str, list[float]] = {"next article": [], "next quote": []}
    async with app.run_test(size=(160, 45)) as pilot:
        drawn: list[tuple[float, str | None, int | None]] = []
        display = app._display

        def timed_display(screen, renderable) -> None:
            display(screen, renderable)
            if renderable is not None:
                story = app.story
                shown = story.article.id if story.article else None
                drawn.append((time.perf_counter(), shown, story.current))

        app._display = timed_display
        await pilot.pause()
        sidebar = app.sidebar
        long_index = sidebar.index_of("long5000")
        step = 1 if long_index > 0 else -1  # reach the long story by j (or k)
        action = app.action_next_article if step == 1 else app.action_previous_article

        async def measure(name: str, run, done) -> None:
            await pilot.pause()
            drawn.clear()
            start = time.perf_counter()
            run()
            for _ in range(200):
                frames = [t for t, shown, current in drawn if done(shown, current)]
                if frames:
                    results[name].append(frames[0] - start)
                    break
                await asyncio.sleep(0.002)

        for _ in range(steps):
            app.open_article(sidebar.get_option_at_index(long_index - step).id)
            await measure("next article", action, lambda shown, _: shown == "long5000")
        for _ in range(steps):
            before = app.story.current
            await measure("next quote", app.action_next_quote, lambda _, now: now != before)
        results["words"] = [sum(len(p.text.split()) for p in app.story.article.paragraphs)]
    return results


class Terminal:
    """``byline`` running under a pseudo-terminal, driven by key presses."""

    def __init__(self, data_dir: Path, cols: int = 160, rows: int = 45) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(ROOT)}
        env.pop("BYLINE_EXIT_AFTER_FIRST_FRAME", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "reader", "--data-dir", str(data_dir)],
            stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT, close_fds=True,
        )
        os.close(slave)

    def read_until(self, needle: bytes | None, timeout: float = 10.0) -> float | None:
        """Seconds until ``needle`` is written (None: until any output), or None."""
        start = time.perf_counter()
        seen = bytearray()
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([self.master], [], [], 0.01)
            if ready:
                seen += os.read(self.master, 1 << 16)
                if needle is None or needle in seen:
                    return time.perf_counter() - start
        return None

    def drain(self, quiet: float = 0.3) -> None:
        while select.select([self.master], [], [], quiet)[0]:
            os.read(self.master, 1 << 16)

    def press(self, key: bytes, until: bytes | None) -> float | None:
        self.drain()
        os.write(self.master, key)
        return self.read_until(until)

    def close(self) -> None:
        os.write(self.master, b"q")
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self.master)


def resident_after_use(data_dir: Path) -> int:
    """VmRSS (KiB) of the app after paging to the end, opening stories, quotes."""
    term = Terminal(data_dir)
    try:
        term.read_until(b"\x1b[?1049h")
        term.drain(1.0)
        for key in [b"\x1b[F", b"\r", b"k", b"k", b"k", b"n", b"n", b"f", b"f", b"f", b"f", b"\x1b[H", b"j"]:
            term.press(key, None)
        term.drain(0.5)
        status = Path(f"/proc/{term.proc.pid}/status").read_text()
        return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")))
    finally:
        term.close()


def key_latency(data_dir: Path, long_body: str, steps: int) -> dict[str, list[float]]:
    """Key press to the frame that shows its effect, as the terminal sees it."""
    library = Library.open(data_dir)
    ids = [e.id for e in library.list()]
    index = ids.index("long5000")
    step = 1 if index > 0 else -1
    library.set_setting("ui.last_article", ids[index - step])
    library.close()
    forward, back = (b"j", b"k") if step == 1 else (b"k", b"j")
    term = Terminal(data_dir)
    results: dict[str, list[float]] = {"next article": [], "next quote": []}
    try:
        term.read_until(b"\x1b[?1049h")
        term.drain(1.0)
        needle = long_body.encode()
        for _ in range(steps):
            shown = term.press(forward, needle)
            if shown is not None:
                results["next article"].append(shown)
            term.press(back, None)
        term.press(forward, needle)
        for _ in range(steps):
            drawn = term.press(b"n", None)
            if drawn is not None:
                results["next quote"].append(drawn)
    finally:
        term.close()
    return results


def against_newsboat(path: Path, workdir: Path, runs: int) -> tuple[list[float], list[float]]:
    """Seconds to the first title on screen in tmux: byline's, newsboat's."""
    library = Library.open(path)
    entries = library.list()
    library.close()
    command, newest = newsboat.prepare(entries, workdir)
    byline_cmd = [sys.executable, "-m", "reader", "--data-dir", str(path)]
    env = child_env()
    ours, theirs = [], []
    for _ in range(runs):
        seen = newsboat.in_tmux(byline_cmd, entries[0].title[:12], env=env)
        if seen is not None:
            ours.append(seen)
        seen = newsboat.in_tmux(command, newest[:12], keys=["Enter"], env={"TERM": "xterm-256color"})
        if seen is not None:
            theirs.append(seen)
    return ours, theirs


async def tree_and_mark_all(path: Path, feeds: int, steps: int) -> dict[str, list[float]]:
    """T with ``feeds`` feeds, and A on every article of ``path`` (a copy is used)."""
    import shutil
    from dataclasses import replace as dc_replace

    from reader.library.feeds import Feed, FeedStore
    from reader.ui.app import ReaderApp
    from reader.ui.feedtree import FeedTree

    results: dict[str, list[float]] = {"feed tree": [], "mark all read": [], "undo mark all read": []}
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        copy = Path(tmp) / "lib"
        shutil.copytree(path, copy)
        library = Library.open(copy, durable=False)
        urls = [f"http://127.0.0.1:9/feed{i}.xml" for i in range(feeds)]
        FeedStore.of(library).add_many(
            Feed(url, title=f"Feed {i:03}", folder=f"Folder {i % 20:02}") for i, url in enumerate(urls)
        )
        app = ReaderApp(library=library)
        async with app.run_test(size=(160, 45)) as pilot:
            drawn: list[float] = []
            display = app._display

            def timed_display(screen, renderable) -> None:
                display(screen, renderable)
                if renderable is not None:
                    drawn.append(time.perf_counter())

            app._display = timed_display
            await pilot.pause()

            async def measure(name: str, run, done) -> None:
                await pilot.pause()
                drawn.clear()
                start = time.perf_counter()
                cpu = time.thread_time()
                run()
                results.setdefault(f"{name} (cpu)", []).append(time.thread_time() - cpu)
                for _ in range(2000):
                    if done() and drawn:
                        results[name].append(drawn[-1] - start)
                        return
                    await asyncio.sleep(0.002)

            async def written() -> None:
                while app.writes_pending():
                    await asyncio.sleep(0.01)
                await pilot.pause()

            tree = app.query_one(FeedTree)
            for _ in range(steps):
                await measure("feed tree", lambda: app.show_feed_tree(True), lambda: tree.display)
                app.show_feed_tree(False)
            for _ in range(min(steps, 3)):
                await measure("mark all read", app.action_mark_all_read, lambda: app.counts.unread == 0)
                await written()
                await measure("undo mark all read", app.action_undo, lambda: app.counts.unread > 0)
                await written()
        library.close()
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
    parser.add_argument("--parts", default="startup,newsboat,tree,keys",
                        help="which parts to run (comma-separated; default all)")
    args = parser.parse_args(argv)
    parts = set(args.parts.split(","))
    args.workdir.mkdir(parents=True, exist_ok=True)
    bytecode_like_an_install(args.workdir)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    print(f"start-up under a 120x35 pty, {args.runs} runs (median, min, max); load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{'library':<26} {'process wall time':<38} {'first row on the terminal':<38} "
          f"{'process CPU time':<38} peak RSS")

    def row(label: str, times, seen, cpus, peak: int) -> None:
        print(f"{label:<26} {fmt(times):<38} {fmt(seen):<38} {fmt(cpus):<38} {peak / 1024:.0f} MB")

    # A fresh data dir: the first run imports the bundled seeds, then opens.
    if "startup" in parts:
        with tempfile.TemporaryDirectory() as fresh:
            try:
                row("empty (first run, seeds)", *startup(Path(fresh) / "lib", 1, None))
                library = Library.open(Path(fresh) / "lib")
                first = library.list()[0].title
                library.close()
                row("seeds only", *startup(Path(fresh) / "lib", args.runs, first[:12]))
            except SystemExit as error:
                print(f"{'empty (first run, seeds)':<26} failed: {str(error).splitlines()[-1]}")
    resident: dict[int, int] = {}
    versus: dict[int, tuple[list[float], list[float]]] = {}
    for size in sizes:
        path = args.workdir / f"lib{size}"
        library = build_library(path, size)
        first = library.list()[0].title
        library.close()
        if "startup" in parts:
            row(f"{size:,} articles", *startup(path, args.runs, first[:12]))
            resident[size] = resident_after_use(path)
        if newsboat.NEWSBOAT and "newsboat" in parts:
            versus[size] = against_newsboat(path, args.workdir / f"newsboat{size}", args.runs)
    if versus:
        print()
        print(f"first title on screen in tmux (120x35), {args.runs} runs each, alternating; load average "
              f"{os.getloadavg()[0]:.1f}")
        for size, (ours, theirs) in versus.items():
            print(f"{size:>8,} articles   byline {fmt(ours)}   newsboat {fmt(theirs)}")
    elif not newsboat.NEWSBOAT:
        print("\nnewsboat not installed (apt-get install newsboat): no comparison")
    if sizes and "tree" in parts:
        largest = args.workdir / f"lib{max(sizes)}"
        extra = asyncio.run(tree_and_mark_all(largest, 500, steps=5))
        print()
        print(f"load average {os.getloadavg()[0]:.1f}")
        print(f"feed tree (T) with 500 feeds in 20 folders, {max(sizes):,} articles: {fmt(extra['feed tree'])}; "
              f"UI-thread CPU of the call {fmt(extra['feed tree (cpu)'])}")
        print(f"A (mark all read) on {max(sizes):,} articles: {fmt(extra['mark all read'])}; "
              f"UI-thread CPU of the key's action {fmt(extra['mark all read (cpu)'])}")
        print(f"U (undo it) on {max(sizes):,} articles: {fmt(extra['undo mark all read'])}; "
              f"UI-thread CPU of the key's action {fmt(extra['undo mark all read (cpu)'])}")
    if "keys" not in parts:
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lib"
        library = Library.open(path, durable=False)
        long = long_article()
        library.add_many([synthetic_article(i) for i in range(3)] + [long])
        work = asyncio.run(in_app_timings(library, steps=10))
        library.close()
        # The first words of a paragraph with no quote or mention in it (so one
        # unstyled run at the start of a line), drawn only when the story is open.
        styled = {q.paragraph for q in long.quotes} | {
            q.mention.paragraph for q in long.quotes if q.mention
        }
        plain = next(p for i, p in enumerate(long.paragraphs) if i not in styled and i > 0)
        body = plain.text[:12]
        seen = key_latency(path, body, steps=10)
    words = work.pop("words")[0]
    print()
    print(f"{'in a 160x45 terminal':<44} {'action to frame (in-process)':<38} key to frame on the pty")
    print(f"{f'next article ({words:,}-word story)':<44} {fmt(work['next article']):<38} {fmt(seen['next article'])}")
    print(f"{'next quote':<44} {fmt(work['next quote']):<38} {fmt(seen['next quote'])}")
    print()
    for size, kib in resident.items():
        print(f"resident memory after use (end of list, stories, quotes, filters), "
              f"{size:,} articles: {kib / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
