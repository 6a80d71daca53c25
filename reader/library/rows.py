"""What the library hands out: catalog entries, counts, and their vocabularies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Show = Literal["all", "unread", "read", "bookmarked"]
Sort = Literal["date", "imported", "site", "unread"]
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
