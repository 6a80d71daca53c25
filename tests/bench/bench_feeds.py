"""Feed refresh speed against a local server (run by hand, not part of the suite).

    python tests/bench/bench_feeds.py [PAGES_DIR] [--feeds 50] [--entries 50]
                                      [--summaries 10] [--runs 3]

Serves FEEDS RSS feeds of ENTRIES entries each from a ThreadingHTTPServer in
a child process (so it does not share the client's interpreter lock); in
each feed the first SUMMARIES entries carry only a short description, so
their full story is fetched from their link, and the rest carry the whole
story in content:encoded. With PAGES_DIR (e.g. the AEB corpus's ``html/``)
the linked pages are real news pages, served round-robin; without it they
are small synthetic pages. Each run starts from an empty library and times:

* cold: the first refresh (every entry new, FEEDS*SUMMARIES pages fetched);
* 304: a second refresh where every feed answers 304 Not Modified.

Targets (2 cores): cold <= 10 s for 50x50 with 500 pages; 304 <= 1 s.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reader.ingest.fetch import Fetcher  # noqa: E402
from reader.library import Library  # noqa: E402
from reader.library.feeds import Feed, FeedStore  # noqa: E402
from reader.gather.refresh import refresh  # noqa: E402
from tests.feeds.samples import STORY, rss, story_html  # noqa: E402
from tests.feeds.server import WebServer  # noqa: E402


def build_routes(base: str, feeds: int, entries: int, summaries: int, pages: list[bytes]):
    """Path -> (body, content type, etag) for every feed and linked page."""
    routes: dict[str, tuple[bytes, str, str | None]] = {}
    full = "".join(f"<p>{STORY} Paragraph {k}.</p>" for k in range(8))
    n = 0
    for f in range(feeds):
        items = []
        for i in range(entries):
            link = f"{base}/page/{f}/{i}"
            item = {"title": f"Feed {f} story {i}", "link": link,
                    "date": "Tue, 28 Nov 2006 10:45:00 GMT"}  # fmt: skip
            if i < summaries:
                item["summary"] = f"The short summary of story {i}."
                body = pages[n % len(pages)] if pages else story_html(f"Story {f}-{i}").encode()
                routes[f"/page/{f}/{i}"] = (body, "text/html; charset=utf-8", None)
                n += 1
            else:
                item["content"] = full
                item["summary"] = f"Summary {i}."
            items.append(item)
        routes[f"/feed/{f}.xml"] = (
            rss(f"Feed {f}", items).encode(), "application/rss+xml", f'"feed-{f}-v1"'
        )
    return routes


def serve(port_out, stop, args) -> None:  # runs in the child process
    with WebServer() as web:
        base = web.url("")
        pages = [p.read_bytes() for p in sorted(Path(args.pages).glob("*.html"))] if args.pages else []
        for path, (body, ctype, etag) in build_routes(
            base, args.feeds, args.entries, args.summaries, pages
        ).items():
            web.add(path, body, content_type=ctype, etag=etag)
        port_out.send(base)
        stop.wait()


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process, and of its finished children (the parser pool)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time(), children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="?", help="a folder of real .html pages to link to")
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--summaries", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    ctx = multiprocessing.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    stop = ctx.Event()
    child = ctx.Process(target=serve, args=(send, stop, args), daemon=True)
    child.start()
    base = recv.recv()
    urls = [f"{base}/feed/{f}.xml" for f in range(args.feeds)]
    pages = "synthetic pages" if not args.pages else f"pages from {args.pages}"
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{args.feeds} feeds x {args.entries} entries, {args.feeds * args.summaries} "
          f"full-text fetches ({pages})")  # fmt: skip
    print(f"{'run':>3}  {'cold s':>7}  {'cpu s':>6}  {'(main':>6}  {'+ pool)':>7}  {'new':>5}  "
          f"{'304 s':>6}  {'unchanged':>9}")  # fmt: skip
    colds, warms = [], []
    try:
        for run in range(1, args.runs + 1):
            with tempfile.TemporaryDirectory() as tmp, Library.open(Path(tmp) / "lib") as library:
                FeedStore.of(library).add_many(Feed(u) for u in urls)
                with Fetcher() as fetcher:
                    t0, c0 = time.perf_counter(), _cpu()
                    cold = refresh(library, fetcher=fetcher)
                    t1, c1 = time.perf_counter(), _cpu()
                    warm = refresh(library, fetcher=fetcher)
                    t2 = time.perf_counter()
                if cold.failed or warm.failed:
                    print("failures:", [r.error for r in (cold.failed + warm.failed)][:5])
                full = sum(len(r.summaries) for r in cold.feeds)
                if full:
                    print(f"  {full} full-text fetches fell back to summaries")
                unchanged = sum(r.not_modified for r in warm.feeds)
                colds.append(t1 - t0)
                warms.append(t2 - t1)
                main_s, pool_s = c1[0] - c0[0], c1[1] - c0[1]
                print(f"{run:>3}  {t1 - t0:>7.2f}  {main_s + pool_s:>6.2f}  {main_s:>6.2f}  "
                      f"{pool_s:>7.2f}  {cold.new:>5}  "
                      f"{t2 - t1:>6.3f}  {unchanged:>9}")  # fmt: skip
    finally:
        stop.set()
        child.join(5)
    print(f"median: cold {statistics.median(colds):.2f} s (target <= 10 s), "
          f"304 {statistics.median(warms):.3f} s (target <= 1 s)")  # fmt: skip


if __name__ == "__main__":
    main()
