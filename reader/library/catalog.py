"""The catalog: one short TinyDB record per article, what lists are made of.

``catalog.json`` holds table ``articles`` (doc_id -> record, see
:func:`reader.library.records.catalog_record`). Adding writes the documents
first, then the catalog, and keeps ``import.journal`` (the ids of the batch
in flight) in between: a process killed mid-batch leaves a journal, and the
next open adds the documents it names to the catalog. A catalog that is
damaged or missing is rebuilt from the documents.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from reader.library import records
from reader.library.documents import Documents
from reader.library.rows import AddOutcome, Entry
from reader.library.storage import AtomicJSONStorage, FileLock, RecordTable, atomic_write, set_aside
from reader.model import Article

TABLE = "articles"
Flags = Callable[[str, tuple[bool, bool]], tuple[bool, bool]]
JOURNAL = "import.journal"


class Catalog:
    def __init__(
        self,
        root: Path,
        lock: FileLock,
        documents: Documents,
        notify: Callable[[str], None],
        *,
        durable: bool = True,
    ) -> None:
        self.root = root
        self.lock = lock
        self.documents = documents
        self.notify = notify
        self.durable = durable
        self.path = root / "catalog.json"
        self.journal = root / JOURNAL
        self.storage = AtomicJSONStorage(self.path, durable=durable, on_damage=self._on_damage)
        self._damaged: Path | None = None
        self._data: Any = None
        self.records: dict[str, dict[str, Any]] = {}
        self._entries: dict[str, tuple[Entry, float]] = {}

    # -- opening, recovery, reloading ---------------------------------------

    def _on_damage(self, path: Path, aside: Path) -> None:
        self._damaged = aside

    def open(self) -> None:
        with self.lock:
            if self.journal.exists():
                self._recover_journal()
            data = self.storage.read()
            if self._damaged is not None:
                aside, self._damaged = self._damaged, None
                self.rebuild(f"The catalog {self.path} was damaged; it was moved to {aside}")
            elif data is None and self.documents.any():
                self.rebuild(f"The catalog {self.path} was missing")
            elif data is None:
                RecordTable(self.storage, TABLE).apply({})
            self._take(self.storage.read())

    def _take(self, data: Any) -> None:
        self._data = data
        self.records = data.get(TABLE, {}) if data else {}
        self._entries = {}

    def reload(self) -> bool:
        """Re-read the catalog if another process changed it; True if it did."""
        if not self.storage.changed():
            return False
        with self.lock:
            data = self.storage.read()
            if self._damaged is not None:
                aside, self._damaged = self._damaged, None
                self.rebuild(f"The catalog {self.path} was damaged; it was moved to {aside}")
                data = self.storage.read()
        if data is self._data:
            return False
        self._take(data)
        return True

    def _fresh(self) -> None:
        """Under the lock, before a write: pick up what another process wrote."""
        self.reload()

    def rebuild(self, reason: str) -> None:
        """Write a new catalog from the stored documents and tell the user."""
        upserts: dict[int, dict[str, Any]] = {}
        lost = 0
        for path, doc in self.documents.scan():
            if doc is None:
                lost += 1
                set_aside(path)
                continue
            upserts[records.doc_id(doc["id"])] = _record_from_doc(doc)
        with self.lock:
            self.storage.write({TABLE: {str(k): v for k, v in upserts.items()}})
        message = f"{reason}; rebuilt it from {len(upserts)} stored article(s)."
        if lost:
            message += f" {lost} damaged document file(s) were set aside (*.damaged-*)."
        self.notify(message)

    def _recover_journal(self) -> None:
        try:
            ids = [line.strip() for line in self.journal.read_text("utf-8").splitlines()]
        except (OSError, UnicodeDecodeError):
            ids = []
        upserts: dict[int, dict[str, Any]] = {}
        for article_id in filter(None, ids):
            try:
                doc = self.documents.read(article_id)
            except Exception as error:  # a damaged document: set aside by read()
                self.notify(str(error))
                continue
            if doc is not None:
                upserts[records.doc_id(article_id)] = _record_from_doc(doc)
        if upserts:
            data = self.storage.read()
            if self._damaged is None and data is not None:
                RecordTable(self.storage, TABLE).apply(upserts)
                self.notify(
                    f"An import was interrupted; recovered {len(upserts)} article(s) it had stored."
                )
        self.journal.unlink(missing_ok=True)

    # -- reading ----------------------------------------------------------

    def get(self, article_id: str) -> dict[str, Any] | None:
        record = self.records.get(str(records.doc_id(article_id)))
        if record is not None and record.get("id") != article_id:
            return None
        return record

    def entries(self, flags: Flags) -> Iterator[tuple[Entry, float]]:
        """(entry, date sort key) for every record; ``flags`` gives (read, bookmarked)."""
        cache = self._entries
        default = (False, False)
        make = records.entry
        for key, record in self.records.items():
            item = cache.get(key)
            if item is None:
                try:
                    item = make(record, flags(record["id"], default))
                except (KeyError, TypeError, ValueError, AttributeError):
                    continue  # a malformed row; rebuilding the catalog would restore it
                cache[key] = item
            else:
                entry = item[0]
                state = flags(entry.id, default)
                if state != (entry.read, entry.bookmarked):
                    item = cache[key] = (records.with_state(entry, *state), item[1])
            yield item

    def ids(self) -> Iterator[str]:
        for record in self.records.values():
            yield record.get("id", "")

    # -- writing ----------------------------------------------------------

    def add_batch(self, articles: list[Article]) -> list[AddOutcome]:
        """Store a batch: documents, then one catalog write. Outcome per article."""
        planned: list[tuple[dict[str, Any], str, float]] = []
        outcomes: list[AddOutcome] = []
        now = time.time()
        with self.lock:
            self._fresh()
            batch: dict[str, tuple[str, float]] = {}  # ids earlier in this batch
            for article in articles:
                doc = article.to_dict()
                digest = records.content_hash(doc)
                known = batch.get(article.id)
                record = self.get(article.id)
                if known is None and record is not None:
                    known = (record.get("hash", ""), float(record["imported"]))
                if known is not None and known[0] == digest and (
                    article.id in batch or self.documents.exists(article.id)
                ):
                    outcomes.append("unchanged")
                    continue
                imported = known[1] if known is not None else now
                outcomes.append("updated" if known is not None else "imported")
                batch[article.id] = (digest, imported)
                planned.append((doc, digest, imported))
            if planned:
                self._write(planned)
        return outcomes

    def _write(self, planned: list[tuple[dict[str, Any], str, float]]) -> None:
        ids = "".join(doc["id"] + "\n" for doc, _, _ in planned)
        atomic_write(self.journal, ids.encode("utf-8"), durable=self.durable)
        self.documents.write_many(dict(doc, _imported=imported) for doc, _, imported in planned)
        upserts = {
            records.doc_id(doc["id"]): records.catalog_record(doc, imported, digest)
            for doc, digest, imported in planned
        }
        RecordTable(self.storage, TABLE).apply(upserts)
        self._after_write(upserts.keys())
        try:
            os.unlink(self.journal)
        except FileNotFoundError:
            pass

    def _after_write(self, changed: Iterable[int]) -> None:
        data = self.storage.read()
        cache = self._entries
        self._data = data
        self.records = data.get(TABLE, {}) if data else {}
        for did in changed:
            cache.pop(str(did), None)
        self._entries = cache

    def remove(self, article_ids: list[str]) -> None:
        with self.lock:
            self._fresh()
            dids = [records.doc_id(i) for i in article_ids]
            RecordTable(self.storage, TABLE).apply({}, dids)
            self._after_write(dids)


def _record_from_doc(doc: dict[str, Any]) -> dict[str, Any]:
    imported = doc.pop("_imported", None)
    if not isinstance(imported, (int, float)):
        imported = time.time()
    return records.catalog_record(doc, float(imported), records.content_hash(doc))
