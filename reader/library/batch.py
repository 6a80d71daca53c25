"""Storing articles as they arrive, in batches: fewer, larger library writes.

Every :meth:`Library.add_many` rewrites the catalog, so a stream of parsed
articles (an import, a feed refresh) is collected and stored about once a
second, or as soon as enough are waiting. A write that took long (a big
catalog, a slow disk) spaces the next ones out, so writing never takes more
than about a quarter of the time. One rule for every caller.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from reader.model import Article

FLUSH_SECONDS = 1.0
FLUSH_ARTICLES = 500
SPACING = 3.0  # wait at least this many times as long as the last write took

Counts = dict[str, int]  # add_many's counts per outcome ("imported", "updated", "unchanged")


class BatchWriter:
    """Collects articles for ``library`` and stores them with ``add_many`` in batches.

    A batch is stored once ``articles`` are waiting, or once ``seconds`` (or
    three times as long as the last write took, if more) have passed since
    the last one. ``on_stored(counts)`` is called after each
    write. Call :meth:`flush` at the end: what is still waiting is stored.
    """

    def __init__(
        self,
        library: Any,
        on_stored: Callable[[Counts], None] | None = None,
        *,
        articles: int = FLUSH_ARTICLES,
        seconds: float = FLUSH_SECONDS,
    ) -> None:
        self.library = library
        self.on_stored = on_stored
        self.articles = articles
        self.seconds = seconds
        self.pending: list[Article] = []
        self.last = time.monotonic()
        self.took = 0.0  # how long the last write took

    def add(self, articles: Iterable[Article]) -> bool:
        """Queue ``articles``; store the batch if it is due. True if it stored."""
        self.pending.extend(articles)
        wait = max(self.seconds, SPACING * self.took)
        due = len(self.pending) >= self.articles or time.monotonic() - self.last >= wait
        if due:
            self.flush()
        return due

    def flush(self) -> Counts:
        """Store what is waiting (if anything) now; its counts per outcome."""
        counts: Counts = {}
        if self.pending:
            started = time.monotonic()
            counts = self.library.add_many(self.pending)
            self.pending = []
            self.took = time.monotonic() - started
            if self.on_stored is not None:
                self.on_stored(counts)
        self.last = time.monotonic()
        return counts


__all__ = ["BatchWriter", "Counts", "FLUSH_ARTICLES", "FLUSH_SECONDS"]
