"""Full-text fetches that failed, tried again on later refreshes.

An entry whose full story could not be fetched is stored with the feed's
summary and a note, and remembered in its feed's record (``Feed.retry``):
the entry itself (so that a refresh the server answers with 304 can still
retry it), how many attempts failed, and when the first one did. Each later
refresh tries again until the page comes (the article is then replaced by
the full story; its read and bookmark marks stay, as they belong to its id),
or until it has failed ``MAX_ATTEMPTS`` times or for ``MAX_AGE`` seconds,
so that a dead link stops costing a fetch on every refresh.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from reader.ingest.feeds import FeedEntry

MAX_ATTEMPTS = 5  # the first fetch and four retries
MAX_AGE = 3 * 24 * 3600.0  # three days after the first failure
MAX_PER_FEED = 100  # a feed of nothing but dead links keeps a small record


@dataclass(frozen=True, slots=True)
class Retry:
    id: str  # the article's id
    entry: FeedEntry
    attempts: int  # failed fetches so far
    since: float  # unix time of the first failure
    error: str  # why the last one failed

    @classmethod
    def first(cls, id: str, entry: FeedEntry, error: str, now: float) -> Retry:
        return cls(id, entry, 1, now, error)

    def failed_again(self, error: str, now: float) -> Retry | None:
        """The record after one more failure; None once it is time to give up."""
        attempts = self.attempts + 1
        if attempts >= MAX_ATTEMPTS or now - self.since >= MAX_AGE:
            return None
        return replace(self, attempts=attempts, error=error)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "entry": self.entry.to_dict(),
            "attempts": self.attempts,
            "since": self.since,
            "error": self.error,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Retry | None:
        """The record :meth:`to_dict` gave; None if ``data`` is not one."""
        try:
            entry = FeedEntry.from_dict(data["entry"])
            attempts, since = data["attempts"], data["since"]
            if not isinstance(data["id"], str) or not entry.link:
                return None
            if not isinstance(attempts, int) or not isinstance(since, (int, float)):
                return None
            return cls(data["id"], entry, attempts, float(since), str(data.get("error") or ""))
        except (KeyError, TypeError, ValueError):
            return None


def due(records: Iterable[Any], now: float) -> dict[str, Retry]:
    """The readable records still worth a try, by article id."""
    out: dict[str, Retry] = {}
    for data in records:
        retry = Retry.from_dict(data)
        if retry is not None and retry.attempts < MAX_ATTEMPTS and now - retry.since < MAX_AGE:
            out[retry.id] = retry
    return out


def records(retries: Iterable[Retry]) -> list[dict[str, Any]]:
    """What to keep in the feed's record: the newest failures first, bounded."""
    newest = sorted(retries, key=lambda r: r.since, reverse=True)[:MAX_PER_FEED]
    return [r.to_dict() for r in newest]


__all__ = ["MAX_AGE", "MAX_ATTEMPTS", "Retry", "due", "records"]
