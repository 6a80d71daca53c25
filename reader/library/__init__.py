"""The library: a data directory of TinyDB files holding articles and state.

This module is the contract the CLI and the app build against. The storage
behind it (catalog, documents, per-article state; atomic writes; a lock that
a second running copy respects; repair of damaged files) lives in the
modules beside it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from reader.model import Article

Show = Literal["all", "unread", "read", "bookmarked"]
Sort = Literal["date", "imported"]
AddOutcome = Literal["imported", "updated", "unchanged"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One catalog row: what a list needs, without the article's body."""

    id: str
    title: str
    site: str | None
    published: datetime | None
    url: str | None
    imported: float  # unix time of the first import
    quotes: int
    speakers: tuple[str, ...]
    feed: str | None = None
    read: bool = False
    bookmarked: bool = False


@dataclass(frozen=True, slots=True)
class Counts:
    total: int
    unread: int
    bookmarked: int


class Library:
    """A library on disk. Open it with :meth:`Library.open`."""

    path: Path
    notices: list[str]  # what was repaired on open, for the user to read

    @classmethod
    def open(cls, path: str | Path | None = None) -> Library:
        """Open (creating if needed) the library at ``path``, default the user data dir."""
        raise NotImplementedError

    def add(self, article: Article) -> AddOutcome:
        raise NotImplementedError

    def add_many(self, articles: Iterable[Article]) -> dict[AddOutcome, int]:
        """Add many articles with batched writes; returns counts per outcome."""
        raise NotImplementedError

    def get(self, id: str) -> Article:
        """The full document (paragraphs, quotes, speakers); NotFoundError if absent."""
        raise NotImplementedError

    def entry(self, id: str) -> Entry:
        raise NotImplementedError

    def resolve(self, prefix: str) -> str:
        """The full id for a unique prefix; NotFoundError if none or several match."""
        raise NotImplementedError

    def list(
        self,
        *,
        show: Show = "all",
        speaker: str | None = None,
        feed: str | None = None,
        sort: Sort = "date",
    ) -> list[Entry]:
        """Entries, newest first."""
        raise NotImplementedError

    def search(self, query: str) -> list[Entry]:
        """Entries whose title, site or a speaker contains ``query`` (case-insensitive)."""
        raise NotImplementedError

    def counts(self) -> Counts:
        raise NotImplementedError

    def set_read(self, id: str, read: bool = True) -> None:
        raise NotImplementedError

    def set_bookmarked(self, id: str, bookmarked: bool = True) -> None:
        raise NotImplementedError

    def remove(self, id: str) -> None:
        raise NotImplementedError

    def reload(self) -> bool:
        """Pick up changes another running copy made; True if anything changed."""
        raise NotImplementedError

    def setting(self, key: str, default: Any = None) -> Any:
        """A small persisted value (the app's last article and filter)."""
        raise NotImplementedError

    def set_setting(self, key: str, value: Any) -> None:
        raise NotImplementedError
