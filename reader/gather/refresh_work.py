"""The CPU side of a refresh: parsing feeds and pages, in worker processes.

The functions here run in a :class:`Parsers` pool (or in-process when it has
no processes). They return failures as values, never raise them: an error
with a custom ``__init__`` does not survive the trip back from a process.

In-process parsing runs on one thread of the refresh's own, one call at a
time, though a refresh calls it from many fetching threads: lxml and
trafilatura are not fully thread-safe (trafilatura shares one lxml
``HTMLParser`` among all threads), and parsing from several threads at once
once aborted a refresh with "double free".
"""

from __future__ import annotations

import copyreg
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import Any, TypeVar

from reader.errors import BylineError
from reader.ingest.feeds import FeedEntry, ParsedFeed, entry_article, page_article, parse_feed
from reader.model import Article, Mention, Paragraph, Quote, Speaker
from reader.gather.pool import exit_with_parent, process_context

T = TypeVar("T")


def parse_feed_safely(
    data: bytes, url: str, content_type: str | None
) -> tuple[ParsedFeed | None, str | None]:
    try:
        return parse_feed(data, url, content_type), None
    except BylineError as error:
        return None, str(error)


def entry_articles(
    entries: Sequence[FeedEntry], feed_url: str, title: str | None, note: str | None = None
) -> list[Article]:
    """Entries as analysed Articles from the feed's own text."""
    from reader.quotes import analyze

    out = []
    for entry in entries:
        article = entry_article(entry, feed_url=feed_url, feed_title=title, note=note)
        quotes, speakers = analyze(article.paragraphs)
        out.append(replace(article, quotes=tuple(quotes), speakers=tuple(speakers)))
    return out


def page_article_from(
    data: bytes, url: str, entry: FeedEntry, feed_url: str, title: str | None
) -> tuple[Article | None, str | None]:
    """The page fetched from an entry's link (``url`` after redirects) as its Article."""
    from reader.ingest import parse_bytes

    try:
        page = parse_bytes(data, source=url, url=url)
    except BylineError as error:
        return None, str(error)
    except Exception as error:  # a parser bug costs one story its full text, no more
        return None, f"{url}: could not parse the page ({type(error).__name__}: {error})"
    if not page.paragraphs:
        return None, f"{url}: no story text found on the page"
    return page_article(entry, page, feed_url=feed_url, feed_title=title), None


def _reducer(cls: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    names = cls.__slots__

    def reduce(obj: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, tuple([getattr(obj, name) for name in names])

    return reduce


# Articles come back from the parser processes pickled. A frozen dataclass
# with slots unpickles through a Python __setstate__ that looks up its fields
# for every object (every paragraph, quote, mention): about four times slower
# than calling the class with its field values, which is what these do.
for _cls in (Article, Paragraph, Quote, Mention, Speaker):
    copyreg.pickle(_cls, _reducer(_cls))


def _ready() -> bool:
    return True


class Parsers:
    """Runs parsing calls in a process pool of ``processes`` (None: one per core).

    With 0 processes (or one core) calls run in-process, one at a time on
    one thread of the refresh's own, whichever thread makes them (lxml and
    trafilatura are not fully thread-safe). If the pool breaks (a worker
    killed), later calls run in-process too. Use it in a ``with`` block: the
    thread and the processes end with it.
    """

    def __init__(self, processes: int | None) -> None:
        count = (os.cpu_count() or 1) if processes is None else processes
        if processes is None and count < 2:
            count = 0
        self._pool: ProcessPoolExecutor | None = None
        self._serial: ThreadPoolExecutor | None = None  # started on the first in-process call
        self._serial_lock = threading.Lock()
        if count <= 0:
            return
        # Forking while other threads run can deadlock the child (a lock held
        # at the fork stays held): fork only from a lone thread, and start all
        # workers now, before this refresh starts its own threads.
        lone = threading.active_count() == 1
        self._pool = ProcessPoolExecutor(
            count, mp_context=process_context(), initializer=exit_with_parent, initargs=(os.getpid(),)
        )
        if lone:
            self._pool.submit(_ready).result()

    def __enter__(self) -> Parsers:
        return self

    def __exit__(self, *exc: object) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        with self._serial_lock:
            serial, self._serial = self._serial, None
        if serial is not None:
            serial.shutdown(wait=True, cancel_futures=True)

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        pool = self._pool
        if pool is None:
            return self._in_process(fn, *args, **kwargs)
        try:
            return pool.submit(fn, *args, **kwargs).result()
        except BrokenProcessPool:
            self._pool = None
            return self._in_process(fn, *args, **kwargs)

    def _in_process(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)`` on the parsing thread, waiting for it (calls queue up).

        None of the parsing functions calls this again (it would wait for itself).
        """
        with self._serial_lock:
            if self._serial is None:
                self._serial = ThreadPoolExecutor(1, "byline-parse")
            serial = self._serial
        return serial.submit(fn, *args, **kwargs).result()
