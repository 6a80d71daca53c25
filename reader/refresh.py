"""Refreshing feeds into the library, concurrently, keeping what is there.

:func:`refresh` fetches every subscribed feed (or the ones named) on a
bounded pool of threads with conditional requests, turns entries the library
does not hold yet into articles (fetching the full story of summary-only
entries from their links on a second pool), and adds them feed by feed from
the calling thread. Known entries are never re-added, so read and bookmark
marks stay as they are. The app calls this from a worker thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from typing import Any

from reader.errors import BylineError, SourceError
from reader.ingest.feeds import FeedEntry, ParsedFeed, entry_article, page_article, parse_feed
from reader.ingest.fetch import Fetcher
from reader.library.feeds import Feed, FeedStore
from reader.model import Article
from reader.quotes import analyze

Progress = Callable[[int, int], None]
FEED_WORKERS = 8
PAGE_WORKERS = 16
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
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
) -> RefreshReport:
    """Refresh the feeds named by ``urls`` (default: all) into ``library``.

    ``progress(done, total)`` is called from the calling thread, once at the
    start and after each feed. Feed failures are reported, not raised; only
    a URL that is not subscribed (NotFoundError) or storage trouble raise.
    """
    started = time.monotonic()
    store = FeedStore.of(library)
    feeds = [store.require(u) for u in urls] if urls else store.list()
    report = RefreshReport()
    if progress:
        progress(0, len(feeds))
    if not feeds:
        return report
    known = {e.id for e in library.list()}
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    changes: dict[str, dict[str, Any]] = {}
    try:
        with (
            ThreadPoolExecutor(min(workers, len(feeds)), "byline-feed") as feed_pool,
            ThreadPoolExecutor(PAGE_WORKERS, "byline-page") as page_pool,
        ):
            job = _Job(fetcher, page_pool, frozenset(known), fetch_full)
            futures = {feed_pool.submit(job.run, feed): feed for feed in feeds}
            for done, future in enumerate(as_completed(futures), 1):
                feed = futures[future]
                result, articles, change = future.result()
                fresh = [a for a in articles if a.id not in known]
                known.update(a.id for a in fresh)
                if fresh:
                    library.add_many(fresh)
                result.new = len(fresh)
                report.feeds.append(result)
                changes[feed.url] = change
                if progress:
                    progress(done, len(feeds))
    finally:
        if changes:
            store.update(changes)
        if own:
            fetcher.close()
    order = {f.url: i for i, f in enumerate(feeds)}
    report.feeds.sort(key=lambda r: order[r.url])
    report.seconds = time.monotonic() - started
    return report


class _Job:
    """One feed's work, run on the feed pool; page fetches go to the page pool."""

    def __init__(
        self, fetcher: Fetcher, pages: ThreadPoolExecutor, known: frozenset[str], full: bool
    ) -> None:
        self.fetcher = fetcher
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
            parsed = parse_feed(response.content, feed.url, response.content_type)
            articles = self._articles(feed, parsed, result)
        except BylineError as error:
            result.error = str(error)
            return result, [], {"error": result.error}
        except Exception as error:  # a bug must not sink the other feeds' refresh
            result.error = f"{feed.url}: unexpected {type(error).__name__}: {error}"
            return result, [], {"error": result.error}
        result.title = parsed.title or feed.title
        result.warning = parsed.warning
        change = {
            "etag": response.etag,
            "last_modified": response.last_modified,
            "updated": time.time(),
            "error": None,
            "title": result.title,
            "link": parsed.link or feed.link,
        }
        return result, articles, change

    def _articles(self, feed: Feed, parsed: ParsedFeed, result: FeedResult) -> list[Article]:
        title = parsed.title or feed.title
        slots: list[Article | Future[Article]] = []
        seen: set[str] = set()
        for entry in parsed.entries:
            article = entry_article(entry, feed_url=feed.url, feed_title=title)
            if article.id in self.known or article.id in seen:
                continue
            seen.add(article.id)
            if self.full and entry.link and entry.needs_full_text:
                slots.append(self.pages.submit(self._full_text, entry, feed.url, title, result))
            else:
                slots.append(_analysed(article))
        return [s.result() if isinstance(s, Future) else s for s in slots]

    def _full_text(
        self, entry: FeedEntry, feed_url: str, title: str | None, result: FeedResult
    ) -> Article:
        from reader.ingest import parse_bytes

        assert entry.link
        try:
            response = self.fetcher.fetch(entry.link, accept=PAGE_ACCEPT)
            page = parse_bytes(response.content, source=entry.link, url=response.url)
            if not page.paragraphs:
                raise SourceError(entry.link, "no story text found on the page")
            return page_article(entry, page, feed_url=feed_url, feed_title=title)
        except BylineError as error:
            reason = str(error)
        except Exception as error:  # a parser bug costs one story its full text, no more
            reason = f"{entry.link}: unexpected {type(error).__name__}: {error}"
        result.summaries.append(reason)  # list.append is atomic under the GIL
        note = f"[Only the feed's summary: the full story could not be fetched ({reason}).]"
        article = entry_article(entry, feed_url=feed_url, feed_title=title, note=note)
        return _analysed(article)


def _analysed(article: Article) -> Article:
    quotes, speakers = analyze(article.paragraphs)
    return replace(article, quotes=quotes, speakers=speakers)


__all__ = ["FeedResult", "Progress", "RefreshReport", "refresh"]
