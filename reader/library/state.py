"""Per-article reading state (read, bookmarked, when), sharded and sparse.

State lives in ``state/<2 hex>.json``, one small TinyDB file per id prefix,
holding only articles whose state differs from the default (unread, not
bookmarked). A toggle rewrites one file of a few hundred records at most,
even in a library of 50,000 articles.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from reader.errors import StorageError
from reader.library import records
from reader.library.atomic import set_aside, unreadable
from reader.library.storage import AtomicJSONStorage, FileLock, RecordTable

TABLE = "state"
FLAGS = ("read", "bookmarked")
_DEFAULT = (False, False)


class StateStore:
    def __init__(
        self,
        root: Path,
        lock: FileLock,
        *,
        durable: bool = True,
        on_damage: Callable[[Path, Path], None] | None = None,
    ) -> None:
        self.root = root
        self.lock = lock
        self.durable = durable
        self.on_damage = on_damage
        self._stores: dict[str, AtomicJSONStorage] = {}
        self._data: dict[str, Any] = {}  # shard -> the data dict last seen
        self._tables: dict[str, dict[str, dict[str, Any]]] = {}
        self._folder_mtime: int | None = None
        self.flags_by_id: dict[str, tuple[bool, bool]] = {}  # article id -> (read, bookmarked)

    def _store(self, shard: str) -> AtomicJSONStorage:
        store = self._stores.get(shard)
        if store is None:
            store = AtomicJSONStorage(
                self.root / f"{shard}.json", durable=self.durable, on_damage=self.on_damage
            )
            self._stores[shard] = store
        return store

    def _shards_on_disk(self) -> Iterator[str]:
        try:
            entries = list(os.scandir(self.root))
        except FileNotFoundError:
            return
        except NotADirectoryError:  # a file where the folder should be
            if self.on_damage is None:
                return
            try:
                aside = set_aside(self.root)
            except StorageError:
                raise StorageError(
                    f"{self.root} should be a folder of read and bookmark marks, but is a "
                    "file; move it away"
                ) from None
            self.on_damage(self.root, aside)
            return
        except OSError as error:
            raise StorageError(unreadable(self.root, error)) from error
        for entry in entries:
            name = entry.name
            if name.endswith(".json") and len(name) == 7 and not name.startswith("."):
                yield name[:2]

    def sweep(self) -> None:
        """Remove temporary files a killed writer left (call holding the lock)."""
        from reader.library.repair import sweep

        sweep(self.root)

    def _folder_unchanged(self) -> bool:
        """Every write renames a file into state/, which updates the folder's mtime.

        Timestamps are coarse (a few ms), so a folder touched in the last two
        seconds is checked file by file anyway.
        """
        try:
            mtime = os.stat(self.root).st_mtime_ns
        except FileNotFoundError:
            mtime = None
        seen, self._folder_mtime = self._folder_mtime, mtime
        if mtime is None or mtime != seen:
            return mtime is None and seen is None
        return time.time_ns() - mtime > 2_000_000_000

    def reload(self, problems: list[str] | None = None) -> bool:
        """Re-read shards another process changed; True if any did.

        StorageError for a shard (or the folder) that cannot be read; with
        ``problems``, that goes there instead and the other shards are read.
        """
        if self._folder_unchanged() and problems is None:
            return False
        changed = False
        try:
            shards = set(self._shards_on_disk())
        except StorageError as error:
            if problems is None:
                raise
            problems.append(str(error))
            shards = set()
        for shard in sorted(shards | set(self._stores)):
            try:
                data = self._store(shard).read()
            except StorageError as error:
                if problems is None:
                    self._folder_mtime = None  # not all read: look again next time
                    raise
                problems.append(str(error))
                continue
            if data is self._data.get(shard) and shard in self._tables:
                continue
            if self._install(shard, data):
                changed = True
        return changed

    def _install(self, shard: str, data: Any) -> bool:
        """Take a shard's data as current; True if it holds or held any state."""
        old = self._tables.get(shard) or {}
        table = data.get(TABLE, {}) if data else {}
        for record in old.values():
            self.flags_by_id.pop(record.get("id"), None)
        for record in table.values():
            flags = (bool(record.get("read")), bool(record.get("bookmarked")))
            self.flags_by_id[record.get("id")] = flags
        self._data[shard] = data
        self._tables[shard] = table
        return bool(old or table)

    def get(self, article_id: str) -> dict[str, Any] | None:
        table = self._tables.get(records.shard(article_id))
        if not table:
            return None
        return table.get(str(records.doc_id(article_id)))

    def flags(self, article_id: str) -> tuple[bool, bool]:
        """(read, bookmarked) of an article."""
        return self.flags_by_id.get(article_id, _DEFAULT)

    def all(self) -> list[dict[str, Any]]:
        """Every stored state record (a copy: safe while another thread writes)."""
        return [record for table in list(self._tables.values()) for record in list(table.values())]

    def set(self, article_ids: Iterable[str], flag: str, value: bool) -> None:
        """Set ``flag`` ("read" or "bookmarked") for articles; one write per shard touched."""
        if flag not in FLAGS:
            raise ValueError(f"unknown state flag {flag!r}")
        by_shard: dict[str, list[str]] = {}
        for article_id in article_ids:
            by_shard.setdefault(records.shard(article_id), []).append(article_id)
        now = time.time()
        with self.lock:
            for shard, ids in by_shard.items():
                self._set_in_shard(shard, ids, flag, value, now)

    def _set_in_shard(self, shard: str, ids: list[str], flag: str, value: bool, now: float) -> None:
        store = self._store(shard)
        if not self.root.is_dir():
            self.root.mkdir(parents=True, exist_ok=True)
        data = store.read()  # under the lock: what is on disk now
        current = data.get(TABLE, {}) if data else {}
        upserts: dict[int, dict[str, Any]] = {}
        removes: list[int] = []
        for article_id in ids:
            did = records.doc_id(article_id)
            record = dict(current.get(str(did)) or {"id": article_id})
            if bool(record.get(flag)) == value:
                continue
            record[flag] = value
            record[f"{flag}_at"] = now if value else None
            if any(record.get(f) for f in FLAGS):
                upserts[did] = record
            else:
                removes.append(did)
        if upserts or removes:
            RecordTable(store, TABLE).apply(upserts, removes)
            data = store.read()
        self._install(shard, data)

    def forget(self, article_ids: Iterable[str]) -> None:
        """Drop the state of removed articles (as stored now, whoever wrote it)."""
        by_shard: dict[str, list[int]] = {}
        for article_id in article_ids:
            by_shard.setdefault(records.shard(article_id), []).append(records.doc_id(article_id))
        with self.lock:
            for shard, dids in by_shard.items():
                store = self._store(shard)
                data = store.read()  # under the lock: what is on disk now
                table = data.get(TABLE, {}) if data else {}
                present = [did for did in dids if str(did) in table]
                if present:
                    RecordTable(store, TABLE).apply({}, present)
                    data = store.read()
                self._install(shard, data)
