"""One feed's refresh: fetch it, turn its new entries into articles.

A :class:`FeedJob` runs on the refresh's feed pool, one feed at a time:
a conditional fetch, parsing in the parser pool, the full story of
summary-only entries fetched on the page pool. Full-text fetches that failed
on an earlier refresh are tried again (:mod:`reader.gather.refresh_retry`), even
when the feed itself answers 304. What the job hands back is plain data:
the articles, the articles to update, and the changes to the feed's record.
"""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

from reader.errors import BylineError
from reader.ingest.feeds import FeedEntry
from reader.ingest.fetch import Fetcher
from reader.library.feeds import Feed
from reader.model import Article, article_id
from reader.gather.refresh_retry import Retry, due, records
from reader.gather.refresh_work import Parsers, entry_articles, page_article_from, parse_feed_safely

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml, text/plain;q=0.8, */*;q=0.5"


@dataclass
class FeedResult:
    """How one feed's refresh went."""

    url: str  # as subscribed when the refresh began
    title: str | None = None
    moved_to: str | None = None  # where the feed moved for good (a 301 or 308)
    new: int = 0
    completed: int = 0  # stories kept as summaries before, now fetched in full
    not_modified: bool = False
    error: str | None = None  # the feed itself could not be refreshed
    warning: str | None = None  # the feed is malformed but was read
    summaries: list[str] = field(default_factory=list)  # full-story fetches that failed

    @property
    def name(self) -> str:
        return self.title or self.url

    @property
    def current(self) -> str:
        """The feed's URL from now on (its stories' ``feed``)."""
        return self.moved_to or self.url


@dataclass
class FeedOutcome:
    """What one feed's job hands back to be stored."""

    result: FeedResult
    articles: list[Article] = field(default_factory=list)  # new entries (some may be known)
    updates: list[Article] = field(default_factory=list)  # known articles, now in full
    change: dict[str, Any] = field(default_factory=dict)  # fields of the feed's record


class FeedJob:
    """Refreshes one feed at a time (shared by the feed pool's threads)."""

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

    def run(self, feed: Feed) -> FeedOutcome:
        out = FeedOutcome(FeedResult(feed.url, feed.title))
        result = out.result
        now = time.time()
        # Retry only what is still in the library (a story deleted since is let go).
        retries = {k: r for k, r in due(feed.retry, now).items() if k in self.known}
        try:
            response = self.fetcher.fetch(
                feed.url, etag=feed.etag, last_modified=feed.last_modified, accept=FEED_ACCEPT
            )
            if response.moved and response.moved != feed.url:
                result.moved_to = response.moved
            if response.not_modified:
                result.not_modified = True
                out.change = {"updated": time.time(), "error": None, **self._moved(result)}
                self._collect(out, feed.title, self._retry(out, feed.title, retries), now)
                return out
            parsed, error = self.parsers.call(
                parse_feed_safely, response.content, response.url, response.content_type
            )
            if parsed is None:
                raise _Failed(error or f"{feed.url}: could not be read")
            result.title = parsed.title or feed.title
            result.warning = parsed.warning
            ids = [article_id(e.identity, "", ()) if e.identity else None for e in parsed.entries]
            for entry, key in zip(parsed.entries, ids):
                if key in retries:  # the feed's own copy of the entry is the newest
                    retries[key] = replace(retries[key], entry=entry)
            skip = self.known | set(feed.seen)  # seen before: deleted since, if not known
            pages = self._retry(out, result.title, retries)  # fetched while the rest is parsed
            pages += self._new(out, result.title, parsed.entries, ids, skip)
            out.change = {
                "etag": response.etag,
                "last_modified": response.last_modified,
                "updated": time.time(),
                "error": None,
                "title": result.title,
                "link": parsed.link or feed.link,
                "seen": sorted({i for i in ids if i}),
                **self._moved(result),
            }
            self._collect(out, result.title, pages, now)
        except (BylineError, _Failed) as error:
            result.error = str(error)
            return FeedOutcome(result, change={"error": result.error})
        except Exception as error:  # a bug must not sink the other feeds' refresh
            result.error = f"{feed.url}: unexpected {type(error).__name__}: {error}"
            return FeedOutcome(result, change={"error": result.error})
        return out

    @staticmethod
    def _moved(result: FeedResult) -> dict[str, Any]:
        return {"url": result.moved_to} if result.moved_to else {}

    def _new(
        self,
        out: FeedOutcome,
        title: str | None,
        entries: tuple[FeedEntry, ...],
        ids: list[str | None],
        skip: frozenset[str] | set[str],
    ) -> list[_Page]:
        """Start the full-text fetches of new entries; parse the others."""
        inline: list[FeedEntry] = []
        pages: list[_Page] = []
        taken: set[str] = set()
        for entry, key in zip(entries, ids):
            if key is not None:  # its id does not depend on its text: skip known ones unparsed
                if key in skip or key in taken:
                    continue
                taken.add(key)
            if self.full and entry.link and entry.needs_full_text:
                assert key is not None  # an entry with a link has an identity
                pages.append(_Page(key, entry, None, self._fetch(entry, out.result.current, title)))
            else:
                inline.append(entry)
        if inline:
            out.articles += self.parsers.call(entry_articles, inline, out.result.current, title)
        return pages

    def _retry(self, out: FeedOutcome, title: str | None, retries: dict[str, Retry]) -> list[_Page]:
        if not self.full:
            return []
        return [
            _Page(key, r.entry, r, self._fetch(r.entry, out.result.current, title))
            for key, r in retries.items()
        ]

    def _collect(
        self,
        out: FeedOutcome,
        title: str | None,
        pages: list[_Page],
        now: float,
    ) -> None:
        """Wait for the page fetches; note what failed, to try again next time."""
        feed_url = out.result.current
        failed: list[Retry] = []
        for page in pages:
            article, reason = page.future.result()
            if article is not None:
                if page.retry is None:
                    out.articles.append(article)
                else:
                    out.updates.append(article)
                    out.result.completed += 1
                continue
            if page.retry is not None:
                again = page.retry.failed_again(reason, now)
                failed += [again] if again else []
                continue
            out.result.summaries.append(reason)
            failed.append(Retry.first(page.key, page.entry, reason, now))
            note = f"[Only the feed's summary: the full story could not be fetched ({reason}).]"
            out.articles += self.parsers.call(entry_articles, [page.entry], feed_url, title, note)
        if self.full:
            out.change["retry"] = records(failed)

    def _fetch(self, entry: FeedEntry, feed_url: str, title: str | None) -> Future:
        return self.pages.submit(self._page, entry, feed_url, title)

    def _page(
        self, entry: FeedEntry, feed_url: str, title: str | None
    ) -> tuple[Article | None, str]:
        """The entry's full story from its link, or None and why not."""
        assert entry.link
        try:
            # The link is the feed's, not the user's: it may not lead somewhere local
            # unless the feed itself is local.
            response = self.fetcher.fetch(entry.link, accept=PAGE_ACCEPT, origin=feed_url)
            article, reason = self.parsers.call(
                page_article_from, response.content, response.url, entry, feed_url, title
            )
            if article is not None:
                return article, ""
        except BylineError as error:
            reason = str(error)
        except Exception as error:  # a parser bug costs one story its full text, no more
            reason = f"{entry.link}: unexpected {type(error).__name__}: {error}"
        return None, reason or f"{entry.link}: no story found"


@dataclass(frozen=True, slots=True)
class _Page:
    key: str  # the article's id
    entry: FeedEntry
    retry: Retry | None  # None: a new entry's first fetch
    future: Future


class _Failed(Exception):
    """A feed's failure, already worded (from a parser process)."""


__all__ = ["FEED_ACCEPT", "PAGE_ACCEPT", "FeedJob", "FeedOutcome", "FeedResult"]
