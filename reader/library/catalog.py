"""The catalog: one short TinyDB record per article, what lists are made of.

``catalog.json`` holds table ``articles`` (doc_id -> record, see
:func:`reader.library.records.catalog_record`). In memory the catalog is a
dict of rows (tuples) by article id; ``catalog.rows`` (:mod:`.snapshot`)
holds the same rows in binary, so opening a big library need not parse the
JSON. Adding writes the documents first, then the catalog, and keeps
``import.journal`` (the ids of the batch in flight) in between: a process
killed mid-batch leaves a journal, and the next open adds the documents it
names to the catalog. A catalog that is damaged or missing is rebuilt from
the documents (:mod:`.repair` holds the journal and the rebuilding).
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reader.errors import StorageError
from reader.library import records, repair, snapshot, stories
from reader.library.documents import Documents
from reader.library.records import IMPORTED, Row
from reader.library.rows import AddOutcome, Entry
from reader.library.storage import AtomicJSONStorage, FileLock, RecordTable
from reader.model import Article

TABLE = "articles"
JOURNAL = repair.JOURNAL
Flags = Callable[[str, tuple[bool, bool]], tuple[bool, bool]]


@contextmanager
def bulk() -> Iterator[None]:
    """Pause the cycle collector while building many objects that hold no cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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
        self.snapshot = root / "catalog.rows"
        self.journal = root / JOURNAL
        self.storage = AtomicJSONStorage(self.path, durable=durable, on_damage=self._on_damage)
        self._damaged: Path | None = None
        self._sig: Any = None  # signature of the catalog file the rows reflect
        self._index: dict[str, Row] | None = {}  # rows by article id, built when needed
        self._ordered: list[Row] | None = []  # rows newest first, built when needed
        self._entries: dict[str, tuple[Row, Entry]] = {}
        self.in_memory = False  # rows made from the documents, the catalog unusable
        # Derived indexes kept in step with every write (the search index):
        # before_write(ids, sig), after_write(docs, rows, sig), after_remove(ids, old, new).
        self.observers: list[Any] = []
        self.stories = stories.StoryIndex(root, durable=durable, notify=notify)  # one story, one article

    @property
    def rows(self) -> dict[str, Row]:
        """Rows by article id."""
        if self._index is None:
            with bulk():
                self._index = {r[0]: r for r in list(self._ordered or ())}
        return self._index

    def ordered(self) -> list[Row]:
        """Rows newest first: by date (published, else imported), then import time."""
        if self._ordered is None:
            with bulk():
                self._ordered = sorted(list(self.rows.values()), key=_newest, reverse=True)
        return self._ordered

    # -- opening, recovery, reloading ---------------------------------------

    def _on_damage(self, path: Path, aside: Path) -> None:
        self._damaged = aside

    def open(self) -> None:
        """Open for writing: finish an interrupted import, rebuild what is damaged.

        StorageError if that needs a write that fails (the library then opens
        read-only, see :meth:`open_read_only`, and the repair waits).
        """
        with self.lock:
            repair.sweep(self.root)
            ids = repair.read_journal(self.journal)
            damaged = ids is repair.DAMAGED
            pending = {}
            if ids and not damaged:
                pending = repair.journal_records(ids, self.documents, self.notify)
            if self.storage.signature() is None and not self.documents.any():
                RecordTable(self.storage, TABLE).apply({})  # a new library
            elif (pending or self.storage.signature() is None) and not self._whole():
                self._repair(interrupted=len(pending))  # the rebuild takes in the journal's too
            else:
                if damaged:
                    pending = self._orphans()
                elif ids is None:
                    self._unjournalled()
                if pending:
                    RecordTable(self.storage, TABLE).apply(pending)
                if pending and not damaged:
                    self.notify(
                        f"An import was interrupted; recovered {len(pending)} article(s) it had stored."
                    )
            if damaged:
                aside = repair.set_aside(self.journal)
                self.notify(
                    f"The import journal {self.journal} was damaged; it was moved to {aside}. "
                    f"The stored articles were looked through for any the catalog did not list: "
                    f"{len(pending)} found and listed again."
                )
            elif ids is not None:
                repair.end_batch(self.journal)
            self._refresh()

    def _unjournalled(self) -> None:
        """Documents written after the catalog last matched them, with no journal
        naming them, are an import that stopped before its catalog write and whose
        journal was lost (deleted by hand or by a cleaner, or never reached the disk):
        list them (or their new version), with a notice (call holding the lock).
        Only folders changed since are looked at: one stat per folder otherwise."""
        self._refresh()  # the rows to compare with (a damaged catalog is rebuilt here)
        since = repair.synced_at(self.root, self.path)
        if since is None:
            return
        problems: list[str] = []
        found, changed = repair.unfinished_records(self.documents, since, self.rows, problems)
        for problem in problems:
            self.notify(problem)
        if found:
            RecordTable(self.storage, TABLE).apply(found)
            self.notify(
                f"An import was interrupted and its journal {self.journal} is missing; "
                f"the {len(found)} article(s) it had stored were found in {self.documents.root} "
                "and are listed again."
            )
        elif changed and not problems:
            repair.mark_synced(self.root)  # looked through: not again until something changes

    def _orphans(self) -> dict[int, dict[str, Any]]:
        """Records of stored documents the catalog does not list (call holding the lock)."""
        known = {records.key(r["id"]) for r in self.storage.table(TABLE).values() if "id" in r}
        problems: list[str] = []
        found = repair.orphan_records(self.documents, known, problems)
        for problem in problems:
            self.notify(problem)
        return found

    def open_read_only(self, problems: list[str]) -> None:
        """Open without writing anything: the rows of a catalog that can be read,
        else of the stored documents (in memory). What stands in the way goes to
        ``problems``; an interrupted import is finished by the next writable open."""
        rows: list[Row] | None = None
        try:
            with self.lock:
                sig = self.storage.signature()
                if sig is not None:
                    rows = snapshot.load(self.snapshot, sig) or self._checked_rows()
                    self.storage.forget()
        except StorageError as error:
            problems.append(str(error))
            sig = None
        if rows is None:
            found, lost = repair.records_from_documents(
                self.documents, problems, set_damaged_aside=False
            )
            rows = [records.row(r) for r in found.values()]
            problems.append(
                f"The catalog {self.path} could not be used; the {len(rows)} article(s) "
                "in their stored documents are shown" + (f" ({lost} damaged document file(s) skipped)" if lost else "")
            )
            self.in_memory = True
        if os.path.lexists(self.journal):
            problems.append(
                "An import was interrupted; the articles it stored will be listed the next "
                "time the library can be written."
            )
        with bulk():
            self._ordered, self._index = sorted(rows, key=_newest, reverse=True), None
        self._sig = sig
        self._entries = {}

    def _refresh(self) -> bool:
        """Make the rows match the catalog file; True if they changed."""
        if self.in_memory:
            return False  # read-only, from the documents: nothing on disk to follow
        sig = self.storage.signature()
        if sig is not None and sig == self._sig:
            return False
        with bulk():
            rows = snapshot.load(self.snapshot, sig)  # saved newest first
            if rows is None:
                with self.lock:  # no writer may slip in between reading and signing
                    rows = sorted(self._rows_from_json(), key=_newest, reverse=True)
                    sig = self.storage.signature()
                    snapshot.save(self.snapshot, sig, rows)
        self._ordered, self._index = rows, None
        self._sig = sig
        self._entries = {}
        return True

    def _rows_from_json(self) -> list[Row]:
        with self.lock:
            try:
                rows = self._checked_rows()
                if rows is None:
                    self._repair()
                    rows = self._checked_rows() or []
                return rows
            finally:
                self.storage.forget()  # the rows are all we keep

    def _whole(self) -> bool:
        """Whether the catalog file is there and holds catalog records (call holding the lock)."""
        return self._checked_rows() is not None

    def _checked_rows(self) -> list[Row] | None:
        """The catalog file's rows; None if it is missing or damaged, and then set aside."""
        data = self.storage.read()
        if data is None or self._damaged is not None:
            return None
        try:
            return [records.row(r) for r in data.get(TABLE, {}).values()]
        except (KeyError, TypeError, ValueError, AttributeError):
            self.storage.damaged()  # well-formed JSON, but not catalog records
            return None

    def _writable(self) -> None:
        """Before changing the catalog: a file found damaged now is rebuilt first,
        so the change is not written over an empty table (call holding the lock)."""
        if self.storage.read() is None:
            self._repair()
            self._refresh()

    def _repair(self, interrupted: int = 0) -> None:
        """Rebuild a catalog that is damaged (set aside already) or missing."""
        aside, self._damaged = self._damaged, None
        if aside is not None:
            reason = f"The catalog {self.path} was damaged; it was moved to {aside}"
        else:
            reason = f"The catalog {self.path} was missing"
        self.rebuild(reason, interrupted)

    def release(self) -> None:
        """Drop the parsed catalog file kept for writing (it is big); rows stay."""
        self.storage.forget()

    def reload(self) -> bool:
        """Re-read the catalog if another process changed it; True if it did."""
        return self._refresh()

    def rebuild(self, reason: str, interrupted: int = 0) -> None:
        """Write a new catalog from the stored documents and tell the user.

        ``interrupted``: how many of them an interrupted import had stored.
        """
        found, lost = repair.records_from_documents(self.documents)
        with self.lock:
            self.storage.write({TABLE: found})
        self.notify(repair.rebuilt_notice(reason, len(found), interrupted, lost))

    # -- reading ----------------------------------------------------------

    def get(self, article_id: str) -> Row | None:
        return self.rows.get(article_id)

    def entries_of(self, rows: list[Row], flags: Flags) -> list[Entry]:
        """The entries of some rows, in their order, made once and kept like :meth:`entries`."""
        cache = self._entries
        default = (False, False)
        out = []
        for row in rows:
            article_id = row[0]
            item = cache.get(article_id)
            state = flags(article_id, default)
            if item is not None and item[0] is row:
                entry = item[1]
                if state[0] is entry.read and state[1] is entry.bookmarked:
                    out.append(entry)
                    continue
                entry = records.with_state(entry, *state)
            else:
                entry = records.entry(row, state)
            cache[article_id] = (row, entry)
            out.append(entry)
        return out

    def entries(self, flags: Flags) -> list[Entry]:
        """Every entry, newest first; ``flags`` gives an id's (read, bookmarked)."""
        cache = self._entries  # id -> (the row it was made from, entry)
        default = (False, False)
        make = records.entry
        out = []
        append = out.append
        with bulk():
            for row in self.ordered():
                article_id = row[0]
                item = cache.get(article_id)
                state = flags(article_id, default)
                if item is None or item[0] is not row:
                    entry = make(row, state)
                    cache[article_id] = (row, entry)
                else:
                    entry = item[1]
                    if state[0] is not entry.read or state[1] is not entry.bookmarked:
                        entry = records.with_state(entry, *state)
                        cache[article_id] = (row, entry)
                append(entry)
        return out

    # -- writing ----------------------------------------------------------

    def add_batch(
        self, articles: list[Article], imported_at: dict[str, float] | None = None
    ) -> list[AddOutcome]:
        """Store a batch: documents, then one catalog write. Outcome per article.

        An article that is a story already in the library (its id, or the same
        canonical URL, or the same title and nearly the same text: see
        :mod:`.stories`) is stored under that article's id, with its import
        time and marks: the new version replaces it when it comes from the
        same source, else the richer of the two is kept (filled from the
        other). "unchanged" means the stored document stays as it is.
        ``imported_at`` gives a new article its first-import time (putting back
        one that was removed); otherwise it is now.
        """
        planned: dict[str, tuple[dict[str, Any], float]] = {}
        outcomes: list[AddOutcome] = []
        now = time.time()
        with self.lock:
            self._refresh()
            self.stories.ensure(self.rows, self._sig)
            batch_keys = _BatchKeys()
            for article in articles:
                doc = article.to_dict()
                target = article.id
                if target not in planned and target not in self.rows:
                    target = self._same_story(doc, planned, batch_keys) or target
                earlier = planned.get(target)  # the same story twice in a batch
                row = self.rows.get(target)
                if earlier is None and row is None:
                    outcomes.append("imported")
                    planned[target] = (doc, (imported_at or {}).get(target, now))
                    batch_keys.add(doc)
                    continue
                stored = earlier[0] if earlier is not None else self._stored(target)
                imported = earlier[1] if earlier is not None else row[IMPORTED]
                if stored is None:
                    new = dict(doc, id=target)
                elif stored.get("source") == doc.get("source"):
                    new = dict(doc, id=target)  # the same source read again: its new reading
                else:
                    new = stories.merge(stored, doc)
                if stored == new:
                    outcomes.append("unchanged")
                    continue
                outcomes.append("updated")
                planned[target] = (new, imported)
                batch_keys.add(new)
            if planned:
                self._write(list(planned.values()))
        return outcomes

    def _same_story(self, doc: dict[str, Any], planned: dict[str, tuple[dict[str, Any], float]],
                    batch: _BatchKeys) -> str | None:
        """The id of an article (stored, or earlier in this batch) telling ``doc``'s story."""
        url = stories.url_key(doc.get("url"))
        if url is not None:
            for candidate in batch.urls.get(url, []) + self.stories.by_url(url):
                if candidate in planned or candidate in self.rows:
                    return candidate
        title = stories.title_key(doc.get("title"))
        candidates = batch.titles.get(title, []) + self.stories.by_title(title) if title else []
        for key in stories.text_keys(doc):
            candidates += batch.texts.get(key, []) + self.stories.by_text(key)
        seen: set[str] = set()
        for candidate in candidates:
            if candidate in seen:
                continue
            seen.add(candidate)
            if candidate in planned:
                other = planned[candidate][0]
            elif candidate in self.rows:
                other = self._stored(candidate)
            else:
                continue
            if other is None or not stories.similar(doc, other):
                continue
            # The same text under another title is the same story only when one
            # of the two has a URL and the other none (a page and its text dump,
            # whose headline may be read otherwise): two pages with URLs or two
            # dumps with titles of their own are two articles, however alike.
            if stories.title_key(other.get("title")) != title and (
                    not doc.get("url")) == (not other.get("url")):
                continue
            return candidate
        return None

    def _stored(self, article_id: str) -> dict[str, Any] | None:
        """The stored document (without its import time); None if missing or damaged."""
        try:
            stored = self.documents.read(article_id)
        except StorageError:  # damaged: set aside by read(); the new copy replaces it
            return None
        if stored is not None:
            stored.pop("_imported", None)
        return stored

    def _write(self, planned: list[tuple[dict[str, Any], float]]) -> None:
        self._writable()
        before = self._sig
        ids = [doc["id"] for doc, _ in planned]
        for observer in self.observers:
            observer.before_write(ids, self._sig)
        repair.begin_batch(self.journal, ids, durable=self.durable)
        self.documents.write_many(dict(doc, _imported=imported) for doc, imported in planned)
        upserts = {
            records.doc_id(doc["id"]): records.catalog_record(doc, imported)
            for doc, imported in planned
        }
        RecordTable(self.storage, TABLE).apply(upserts)
        changed = [records.row(r) for r in upserts.values()]
        self._after_write(changed, [])
        self.stories.written(changed, [], before, self._sig, self.rows,
                             [doc for doc, _ in planned])
        for observer in self.observers:
            observer.after_write([doc for doc, _ in planned], changed, self._sig)
        repair.end_batch(self.journal)

    def _after_write(self, changed: list[Row], removed: list[str]) -> None:
        rows = self.rows
        for article_id in removed:
            rows.pop(article_id, None)
            self._entries.pop(article_id, None)
        for row in changed:
            rows[row[0]] = row
            self._entries.pop(row[0], None)
        self._ordered = None
        self._sig = self.storage.signature()
        snapshot.save(self.snapshot, self._sig, self.ordered())

    def remove(self, article_ids: list[str]) -> None:
        with self.lock:
            self._refresh()
            self._writable()
            before = self._sig
            RecordTable(self.storage, TABLE).apply({}, [records.doc_id(i) for i in article_ids])
            self._after_write([], article_ids)
            self.stories.written([], article_ids, before, self._sig, self.rows)
            for observer in self.observers:
                observer.after_remove(article_ids, before, self._sig)


class _BatchKeys:
    """The URL and title keys of the articles planned in one batch."""

    def __init__(self) -> None:
        self.urls: dict[str, list[str]] = {}
        self.titles: dict[str, list[str]] = {}
        self.texts: dict[str, list[str]] = {}

    def add(self, doc: dict[str, Any]) -> None:
        for key in stories.text_keys(doc):
            self.texts.setdefault(key, []).append(doc["id"])
        url, title = stories.url_key(doc.get("url")), stories.title_key(doc.get("title"))
        if url is not None:
            self.urls.setdefault(url, []).append(doc["id"])
        if title is not None:
            self.titles.setdefault(title, []).append(doc["id"])


def _newest(row: Row) -> tuple[float, float, str]:
    return row[records.DATE], row[records.IMPORTED], row[records.ID]
