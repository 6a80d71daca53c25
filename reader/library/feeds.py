"""The feed subscriptions: ``feeds.json`` in the library folder.

One TinyDB record per feed: url, title, folder, site link, the validators
for conditional requests (ETag, Last-Modified), the time of the last
successful update and the last error, the entries seen at the last update,
and the full-text fetches to try again (see :mod:`reader.gather.refresh_retry`).
Writes are atomic and taken under the library's lock
(:mod:`reader.library.storage`). A damaged file is set aside and the list
rebuilt from the feeds the stored articles came from.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from reader.errors import NotFoundError
from reader.library.storage import AtomicJSONStorage, FileLock, RecordTable

TABLE = "feeds"
FILENAME = "feeds.json"


@dataclass(frozen=True, slots=True)
class Feed:
    url: str
    title: str | None = None
    folder: str | None = None
    link: str | None = None  # the site's home page
    etag: str | None = None
    last_modified: str | None = None
    updated: float | None = None  # unix time of the last successful refresh
    error: str | None = None  # why the last refresh failed, if it did
    added: float = 0.0
    seen: tuple[str, ...] = ()  # ids of the entries in the feed at its last update
    # failed full-text fetches to try again (dicts: not hashed, so a Feed still is)
    retry: tuple[dict[str, Any], ...] = field(default=(), hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "seen", tuple(self.seen))  # JSON gives a list
        retry = self.retry if isinstance(self.retry, (list, tuple)) else ()
        object.__setattr__(self, "retry", tuple(r for r in retry if isinstance(r, dict)))

    @property
    def name(self) -> str:
        return self.title or self.url


_FIELDS = {f.name for f in fields(Feed)}


def _feed(record: Mapping[str, Any]) -> Feed:
    return Feed(**{k: v for k, v in record.items() if k in _FIELDS})


_TEXT_FIELDS = ("title", "folder", "link", "etag", "last_modified", "error")


def _readable(record: Any) -> bool:
    """A record of the right shape (a hand-edited or damaged file may hold others)."""
    if not isinstance(record, Mapping) or not isinstance(record.get("url"), str):
        return False
    if any(not isinstance(record.get(k), (str, type(None))) for k in _TEXT_FIELDS):
        return False
    if any(not isinstance(record.get(k), (int, float, type(None))) for k in ("updated", "added")):
        return False
    seen = record.get("seen", ())
    return isinstance(seen, (list, tuple)) and all(isinstance(s, str) for s in seen)


class FeedStore:
    """The subscriptions of one library. Get it with :meth:`FeedStore.of`."""

    def __init__(self, path: Path, lock: FileLock, *, durable: bool = True) -> None:
        self.path = path
        self.lock = lock
        self.notices: list[str] = []
        self._aside: Path | None = None
        self._told = False
        self.storage = AtomicJSONStorage(path, durable=durable, on_damage=self._on_damage)
        self.writable: Callable[[], None] = lambda: None  # raises if the library is read-only

    @classmethod
    def of(cls, library: Any) -> FeedStore:
        """The feed store beside ``library``'s other files, sharing its lock."""
        store = cls(Path(library.path) / FILENAME, library.lock)
        store.writable = getattr(library, "writable", store.writable)
        with store.lock:
            store._records()
            if store._aside is not None and getattr(library, "read_only", None) is None:
                aside, store._aside = store._aside, None
                urls = sorted({e.feed for e in library.list() if e.feed})
                store.add_many(Feed(url) for url in urls)
                message = (
                    f"The feed list {store.path} was damaged; it was moved to {aside} and "
                    f"rebuilt from your articles ({len(urls)} feeds; titles and folders "
                    "return on refresh or by importing your OPML file)."
                )
                store.notices.append(message)
                library.notices.append(message)
        return store

    def _on_damage(self, path: Path, aside: Path) -> None:
        self._aside = aside

    def _records(self) -> dict[str, dict[str, Any]]:
        """The readable records; others are skipped (and left in the file), once told."""
        records = self.storage.table(TABLE)
        good = {k: r for k, r in records.items() if _readable(r)}
        if len(good) < len(records) and not self._told:
            self._told = True
            self.notices.append(
                f"{len(records) - len(good)} unreadable feed record(s) in {self.path} "
                "were skipped; they are left in the file."
            )
        return good

    def _ids(self) -> dict[str, int]:
        return {r["url"]: int(doc_id) for doc_id, r in self._records().items()}

    # -- reading ------------------------------------------------------------

    def list(self) -> list[Feed]:
        """Every feed, by folder then title."""
        feeds = [_feed(r) for r in self._records().values()]
        return sorted(feeds, key=lambda f: ((f.folder or "").casefold(), f.name.casefold()))

    def get(self, url: str) -> Feed | None:
        for record in self._records().values():
            if record.get("url") == url:
                return _feed(record)
        return None

    def require(self, url: str) -> Feed:
        feed = self.get(url) or self.get(url.strip()) or self.get(url.rstrip("/"))
        if feed is None:
            raise NotFoundError(f"not subscribed to {url} (see `byline feeds list`)")
        return feed

    # -- writing ------------------------------------------------------------

    def add(self, feed: Feed) -> bool:
        """Subscribe; True if new. An existing feed keeps its state, takes new title/folder."""
        return self.add_many([feed]) == 1

    def add_many(self, feeds: Iterable[Feed]) -> int:
        """Subscribe to many in one write; returns how many were new."""
        self.writable()
        with self.lock:
            ids = self._ids()
            records = self._records()
            upserts: dict[int, dict[str, Any]] = {}
            new = 0
            next_id = max(ids.values(), default=0) + 1
            for feed in feeds:
                if feed.url in ids:
                    doc_id = ids[feed.url]
                    old = _feed(upserts.get(doc_id) or records[str(doc_id)])
                    merged = replace(
                        old,
                        title=feed.title or old.title,
                        folder=feed.folder or old.folder,
                        link=feed.link or old.link,
                    )
                    upserts[doc_id] = asdict(merged)
                    continue
                ids[feed.url] = doc_id = next_id
                next_id += 1
                upserts[doc_id] = asdict(replace(feed, added=feed.added or time.time()))
                new += 1
            if upserts:
                RecordTable(self.storage, TABLE).apply(upserts)
            return new

    def remove(self, url: str) -> Feed:
        self.writable()
        with self.lock:
            feed = self.require(url)
            RecordTable(self.storage, TABLE).apply(removes=[self._ids()[feed.url]])
            return feed

    def update(self, changes: Mapping[str, Mapping[str, Any]]) -> None:
        """Change fields of many feeds (url -> {field: value}) in one write.

        Feeds removed meanwhile (by another running copy) are skipped. A
        change of ``url`` moves the feed; if it moves onto a URL already
        subscribed, the old subscription is dropped (the other one stays).
        StorageError if the library is open read-only.
        """
        self.writable()
        with self.lock:
            ids = self._ids()
            records = self._records()
            upserts = {}
            removes = []
            for url, change in changes.items():
                if url not in ids:
                    continue
                moved = change.get("url", url)
                if moved != url and moved in ids:
                    removes.append(ids[url])
                    continue
                record = dict(records[str(ids[url])])
                record.update((k, v) for k, v in change.items() if k in _FIELDS)
                upserts[ids[url]] = record
                ids[moved] = ids[url]  # two feeds moving onto one URL make one
            if upserts or removes:
                RecordTable(self.storage, TABLE).apply(upserts, removes)
