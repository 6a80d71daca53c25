"""Refreshing feeds into the library, concurrently, keeping what is there.

:func:`refresh` fetches every subscribed feed (or the ones named) on a
bounded pool of threads with conditional requests, turns entries the library
does not hold yet into articles (fetching the full story of summary-only
entries from their links on a second pool of threads; see
:mod:`reader.gather.refresh_job`), and stores them in batches from the calling
thread while the fetching goes on. Known entries are never re-added, so read
and bookmark marks stay as they are; a known entry is only updated when its
full story, which an earlier refresh could not fetch, comes at last
(:mod:`reader.gather.refresh_retry`). Parsing (feeds,
pages, quotes) is CPU work: for larger refreshes it runs in a pool of
processes (:mod:`reader.gather.refresh_work`), so it uses every core. The app calls
this from a worker thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from typing import Any

from reader.errors import BylineError
from reader.ingest.fetch import Fetcher
from reader.library.batch import BatchWriter
from reader.library.feeds import FeedStore
from reader.model import Article
from reader.gather.refresh_job import FeedJob, FeedResult
from reader.gather.refresh_work import Parsers

Progress = Callable[[int, int], None]
FEED_WORKERS = 8
PAGE_WORKERS = 16
PROCESS_MIN_FEEDS = 8  # fewer feeds than this parse in-process: a pool costs more than it saves


@dataclass
class RefreshReport:
    feeds: list[FeedResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def new(self) -> int:
        return sum(r.new for r in self.feeds)

    @property
    def completed(self) -> int:
        return sum(r.completed for r in self.feeds)

    @property
    def failed(self) -> list[FeedResult]:
        return [r for r in self.feeds if r.error]

    def summary(self) -> str:
        """One line: "12 new stories from 3 feeds (2 unchanged, 1 failed)"."""
        n = len(self.feeds)
        unchanged = sum(r.not_modified for r in self.feeds)
        stories = "story" if self.new == 1 else "stories"
        line = f"{self.new} new {stories} from {n} feed{'s' * (n != 1)}"
        extra = [f"{unchanged} unchanged"] if unchanged else []
        if self.failed:
            extra.append(f"{len(self.failed)} failed")
        if self.completed:
            extra.append(f"{self.completed} fetched in full now")
        return line + (f" ({', '.join(extra)})" if extra else "")


def refresh(
    library: Any,
    urls: Iterable[str] | None = None,
    *,
    fetch_full: bool = True,
    progress: Progress | None = None,
    fetcher: Fetcher | None = None,
    workers: int = FEED_WORKERS,
    processes: int | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RefreshReport:
    """Refresh the feeds named by ``urls`` (default: all) into ``library``.

    ``progress(done, total)`` is called from the calling thread, once at the
    start and after each feed. Feed failures are reported, not raised; only
    a URL that is not subscribed (NotFoundError) or storage trouble raise.
    ``processes`` is the size of the parsing pool (0: parse in this process;
    default: one per core when there are at least 8 feeds). Once
    ``cancelled()`` returns True (it is asked after each feed), feeds not
    yet started are skipped; those under way are finished and stored, and
    the report lists only the feeds that were refreshed.
    """
    started = time.monotonic()
    store = FeedStore.of(library)
    feeds = [store.require(u) for u in dict.fromkeys(urls)] if urls else store.list()
    report = RefreshReport()
    if progress:
        progress(0, len(feeds))
    if not feeds:
        return report
    if processes is None:
        processes = None if len(feeds) >= PROCESS_MIN_FEEDS else 0
    known = {e.id for e in library.list()}
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    writer = _Writer(library)
    try:
        with (
            Parsers(processes) as parsers,
            ThreadPoolExecutor(min(workers, len(feeds)), "byline-feed") as feed_pool,
            ThreadPoolExecutor(PAGE_WORKERS, "byline-page") as page_pool,
        ):
            job = FeedJob(fetcher, parsers, page_pool, frozenset(known), fetch_full)
            futures = {feed_pool.submit(job.run, feed): feed for feed in feeds}
            done = 0
            stopping = False
            for future in as_completed(futures):
                if future.cancelled():
                    continue  # stopped before it started
                done += 1
                feed = futures[future]
                outcome = future.result()
                result = outcome.result
                fresh = [a for a in outcome.articles if a.id not in known]
                known.update(a.id for a in fresh)
                updated = {a.id for a in outcome.updates}  # in full now: moved already
                moved = _moved_stories(library, feed.url, result.moved_to, updated)
                writer.add(fresh + outcome.updates + moved, feed.url, outcome.change)
                result.new = len(fresh)
                report.feeds.append(result)
                if progress:
                    progress(done, len(feeds))
                if not stopping and cancelled is not None and cancelled():
                    stopping = True  # feeds not started are skipped; those under way are kept
                    for pending in futures:
                        pending.cancel()
        writer.flush()
    finally:
        if writer.saved:  # only feeds whose stories are stored: else a 304 would lose them
            store.update(writer.saved)
        if own:
            fetcher.close()
    order = {f.url: i for i, f in enumerate(feeds)}
    report.feeds.sort(key=lambda r: order[r.url])
    report.seconds = time.monotonic() - started
    return report


def _moved_stories(
    library: Any, old: str, new: str | None, skip: set[str]
) -> list[Article]:
    """The stored stories of a feed that moved for good, now naming its new URL."""
    if not new:
        return []
    out = []
    for entry in library.list(feed=old):
        if entry.id in skip:
            continue
        try:
            out.append(replace(library.get(entry.id), feed=new))
        except BylineError:  # a damaged document (set aside by get): nothing to move
            continue
    return out


class _Writer:
    """Stores articles in batches (see BatchWriter).

    A feed's changes (validators, seen entries, a new URL) count as ``saved`` only once
    its articles are stored.
    """

    def __init__(self, library: Any) -> None:
        self.batch = BatchWriter(library)
        self.changes: dict[str, dict[str, Any]] = {}
        self.saved: dict[str, dict[str, Any]] = {}

    def add(self, articles: list[Article], feed_url: str, change: dict[str, Any]) -> None:
        self.changes[feed_url] = change
        if self.batch.add(articles):
            self._stored()

    def flush(self) -> None:
        self.batch.flush()
        self._stored()

    def _stored(self) -> None:
        self.saved.update(self.changes)
        self.changes = {}


__all__ = ["FeedResult", "Progress", "RefreshReport", "refresh"]
