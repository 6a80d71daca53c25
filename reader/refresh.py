"""Refreshing feeds into the library, concurrently, keeping what is there.

:func:`refresh` fetches every subscribed feed (or the ones named) on a
bounded pool of threads with conditional requests, turns entries the library
does not hold yet into articles (fetching the full story of summary-only
entries from their links on a second pool of threads), and stores them in
batches from the calling thread while the fetching goes on. Known entries are
never re-added, so read and bookmark marks stay as they are. Parsing (feeds,
pages, quotes) is CPU work: for larger refreshes it runs in a pool of
processes (:mod:`reader.refresh_work`), so it uses every core. The app calls
this from a worker thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Any

from reader.errors import BylineError
from reader.ingest.feeds import FeedEntry
from reader.ingest.fetch import Fetcher
from reader.library.batch import BatchWriter
from reader.library.feeds import Feed, FeedStore
from reader.model import Article, article_id
from reader.refresh_work import Parsers, entry_articles, page_article_from, parse_feed_safely

Progress = Callable[[int, int], None]
FEED_WORKERS = 8
PAGE_WORKERS = 16
PROCESS_MIN_FEEDS = 8  # fewer feeds than this parse in-process: a pool costs more than it saves
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml, text/plain;q=0.8, */*;q=0.5"


@dataclass
class FeedResult:
    """How one feed's refresh went."""

    url: str
    title: str | None = None
    new: int = 0
    not_modified: bool = False
    error: str | None = None  # the feed itself could not be refreshed
    warning: str | None = None  # the feed is malformed but was read
    summaries: list[str] = field(default_factory=list)  # full-story fetches that failed

    @property
    def name(self) -> str:
        return self.title or self.url


@dataclass
class RefreshReport:
    feeds: list[FeedResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def new(self) -> int:
        return sum(r.new for r in self.feeds)

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
    yet started are skipped; what was fetched is stored, and the report
    lists only the feeds that were refreshed.
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
            job = _Job(fetcher, parsers, page_pool, frozenset(known), fetch_full)
            futures = {feed_pool.submit(job.run, feed): feed for feed in feeds}
            for done, future in enumerate(as_completed(futures), 1):
                feed = futures[future]
                result, articles, change = future.result()
                fresh = [a for a in articles if a.id not in known]
                known.update(a.id for a in fresh)
                writer.add(fresh, feed.url, change)
                result.new = len(fresh)
                report.feeds.append(result)
                if progress:
                    progress(done, len(feeds))
                if cancelled is not None and cancelled():
                    for pending in futures:
                        pending.cancel()  # not started yet: skipped; running ones finish
                    break
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


class _Writer:
    """Stores articles in batches (see BatchWriter).

    A feed's changes (validators, seen entries) count as ``saved`` only once
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


class _Job:
    """One feed's work, run on the feed pool; page fetches go to the page pool."""

    def __init__(
        self,
        fetcher: Fetcher,
        parsers: Parsers,
        pages: ThreadPoolExecutor,
        known: frozenset[str],
        full: bool,
    ) -> None:
        self.fetcher = fetcher
        self.parsers = parsers
        self.pages = pages
        self.known = known
        self.full = full

    def run(self, feed: Feed) -> tuple[FeedResult, list[Article], dict[str, Any]]:
        result = FeedResult(feed.url, feed.title)
        try:
            response = self.fetcher.fetch(
                feed.url, etag=feed.etag, last_modified=feed.last_modified, accept=FEED_ACCEPT
            )
            if response.not_modified:
                result.not_modified = True
                return result, [], {"updated": time.time(), "error": None}
            parsed, error = self.parsers.call(
                parse_feed_safely, response.content, feed.url, response.content_type
            )
            if parsed is None:
                raise _Failed(error or f"{feed.url}: could not be read")
            result.title = parsed.title or feed.title
            result.warning = parsed.warning
            ids = [article_id(e.identity, "", ()) if e.identity else None for e in parsed.entries]
            skip = self.known | set(feed.seen)  # seen before: deleted since, if not known
            articles = self._articles(feed.url, result.title, parsed.entries, ids, skip, result)
        except (BylineError, _Failed) as error:
            result.error = str(error)
            return result, [], {"error": result.error}
        except Exception as error:  # a bug must not sink the other feeds' refresh
            result.error = f"{feed.url}: unexpected {type(error).__name__}: {error}"
            return result, [], {"error": result.error}
        change = {
            "etag": response.etag,
            "last_modified": response.last_modified,
            "updated": time.time(),
            "error": None,
            "title": result.title,
            "link": parsed.link or feed.link,
            "seen": sorted({i for i in ids if i}),
        }
        return result, articles, change

    def _articles(
        self,
        feed_url: str,
        title: str | None,
        entries: tuple[FeedEntry, ...],
        ids: list[str | None],
        skip: frozenset[str] | set[str],
        result: FeedResult,
    ) -> list[Article]:
        inline: list[FeedEntry] = []
        pages: list[Future[Article]] = []
        taken: set[str] = set()
        for entry, key in zip(entries, ids):
            if key is not None:  # its id does not depend on its text: skip known ones unparsed
                if key in skip or key in taken:
                    continue
                taken.add(key)
            if self.full and entry.link and entry.needs_full_text:
                pages.append(self.pages.submit(self._full_text, entry, feed_url, title, result))
            else:
                inline.append(entry)
        articles = self.parsers.call(entry_articles, inline, feed_url, title) if inline else []
        return articles + [p.result() for p in pages]

    def _full_text(
        self, entry: FeedEntry, feed_url: str, title: str | None, result: FeedResult
    ) -> Article:
        assert entry.link
        try:
            response = self.fetcher.fetch(entry.link, accept=PAGE_ACCEPT)
            article, reason = self.parsers.call(
                page_article_from, response.content, response.url, entry, feed_url, title
            )
            if article is not None:
                return article
        except BylineError as error:
            reason = str(error)
        except Exception as error:  # a parser bug costs one story its full text, no more
            reason = f"{entry.link}: unexpected {type(error).__name__}: {error}"
        result.summaries.append(reason or f"{entry.link}: no story found")  # atomic under the GIL
        note = f"[Only the feed's summary: the full story could not be fetched ({reason}).]"
        return entry_articles([entry], feed_url, title, note=note)[0]


class _Failed(Exception):
    """A feed's failure, already worded (from a parser process)."""


__all__ = ["FeedResult", "Progress", "RefreshReport", "refresh"]
