"""The library: a data directory of TinyDB files holding articles and state.

This module is the contract the CLI and the app build against. The storage
behind it lives in the modules beside it:

* ``catalog.json`` (:mod:`.catalog`): one short record per article, and
  ``catalog.rows`` (:mod:`.snapshot`), a binary copy of it for fast opening;
* ``import.journal``: the ids of an import batch in flight (see :mod:`.repair`);
  ``catalog.synced``: only its time counts, when docs/ was last looked through
  for an import that died without its journal;
* ``docs/<2 hex>/<id>.json`` (:mod:`.documents`): each article's full document;
* ``state/<2 hex>.json`` (:mod:`.state`): read/bookmarked marks, sparse;
* ``state/clippings.json`` (:mod:`.clippings`): quotations kept with their citation;
* ``settings.json``: small values the app keeps between runs;
* ``.lock``: the lock a second running copy respects (:mod:`.storage`);
* ``search.db`` and ``stories.db`` (:mod:`.search_index`, :mod:`.stories`):
  derived indexes, set aside and rebuilt when damaged or in the way.

Damaged files are set aside and rebuilt; what was repaired is listed in
``Library.notices`` for the user to read.

A library always opens for reading. When it cannot be written (a full disk,
a read-only folder, a file byline may not read), it opens read-only:
``Library.read_only`` says why (the first notice says so too), everything
that can be read is, every change raises StorageError saying why, and the
repairs that need a write (an interrupted import) wait for the next
writable open.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from reader.errors import NotFoundError, StorageError
from reader.library.rows import AddOutcome, Counts, Entry, Show, Sort
from reader.library.search import Hit, IndexHooks
from reader.model import Article, Quote

__all__ = [
    "AddOutcome", "Counts", "Entry", "Library", "Show", "Sort", "default_data_dir", "library_exists",
]

BATCH = 200  # articles per catalog write in add_many (grows with the library)


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("byline", appauthor=False))


# What a folder holds once a library was opened in it (any one will do).
_LIBRARY_FILES = ("catalog.json", "catalog.rows", "docs", "state", "settings.json")


def library_exists(path: str | Path | None = None) -> bool:
    """Whether ``path`` (default: the user data dir) holds a library, without making one."""
    root = Path(path).expanduser() if path is not None else default_data_dir()
    return root.is_dir() and any((root / name).exists() for name in _LIBRARY_FILES)


class Library:
    """A library on disk. Open it with :meth:`Library.open`."""

    path: Path
    notices: list[str]  # what was repaired on open, for the user to read

    def __init__(self, path: Path, *, durable: bool = True) -> None:
        from reader.library.catalog import Catalog
        from reader.library.clippings import FILENAME, ClippingStore
        from reader.library.documents import Documents
        from reader.library.settings import Settings
        from reader.library.state import StateStore
        from reader.library.storage import FileLock

        self.path = path
        self.notices = []
        self.read_only: str | None = None  # why the library cannot be written, if so
        self._mutex = threading.RLock()
        self.lock = FileLock(path / ".lock")
        self.documents = Documents(path / "docs", durable=durable)
        self.catalog = Catalog(path, self.lock, self.documents, self.notices.append, durable=durable)
        self.state = StateStore(
            path / "state", self.lock, durable=durable, on_damage=self._state_damaged
        )
        self.settings = Settings(path / "settings.json", self.lock, self.notices.append, durable)
        # Clippings outlive their articles: removal and re-import leave them be.
        self.clippings = ClippingStore(
            path / "state" / FILENAME, self.lock, self.writable, durable=durable,
            on_damage=self._clippings_damaged,
        )
        # The search index is made at its first use (a search, a write), never
        # while the app opens: not even sqlite3 is imported before then.
        self._search_index: Any = None
        self.catalog.observers.append(IndexHooks(lambda: self.search_index))

    @classmethod
    def open(cls, path: str | Path | None = None, *, durable: bool = True) -> Library:
        """Open (creating if needed) the library at ``path``, default the user data dir.

        ``durable=False`` skips fsync (for generating benchmark libraries).
        """
        root = Path(path).expanduser() if path is not None else default_data_dir()
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StorageError(
                f"cannot create the library folder {root}: {error.strerror or error}"
            ) from error
        if not root.is_dir():
            raise StorageError(f"{root} is not a folder; choose another with --data-dir")
        library = cls(root, durable=durable)
        library._open()
        return library

    def _open(self) -> None:
        reason = self._cannot_write()
        if reason is None:
            try:
                self.catalog.open()
                with self.lock:
                    self.state.sweep()
                self.state.reload()
                self.settings.reload()
                return
            except StorageError as error:
                reason = str(error)
        self.read_only = reason
        self.lock.best_effort = True
        self.notices.append(
            f"The library {self.path} is open read-only ({reason}). Everything byline can "
            "read is there; changes (imports, marks, settings) wait until it can write "
            "again, or choose another folder with --data-dir."
        )
        problems: list[str] = []
        self.catalog.open_read_only(problems)
        self.state.reload(problems)
        try:
            self.settings.reload()
        except StorageError as error:
            problems.append(str(error))
        self.notices.extend(p for p in dict.fromkeys(problems) if p not in reason)

    def _cannot_write(self) -> str | None:
        """Why nothing can be written in the library folder (one small probe), or None."""
        from reader.library.atomic import cannot_write

        why = cannot_write(self.path)
        return None if why is None else f"cannot write in its folder: {why}"

    def writable(self) -> None:
        """StorageError saying why, if the library is open read-only."""
        if self.read_only is not None:
            raise StorageError(
                f"nothing was changed: the library {self.path} is open read-only "
                f"({self.read_only})"
            )

    def close(self) -> None:
        if self._search_index is not None:
            self._search_index.close()
        self.catalog.stories.close()
        self.lock.close()

    @property
    def search_index(self) -> Any:  # reader.library.search_index.SearchIndex
        if self._search_index is None:
            with self._mutex:
                if self._search_index is None:
                    from reader.library.search_index import SearchIndex

                    self._search_index = SearchIndex(
                        self.path, self.catalog, self.documents, self.notices.append,
                        self._reload_catalog, durable=self.documents.durable,
                    )
        return self._search_index

    def _reload_catalog(self) -> None:
        with self._mutex:
            self.catalog.reload()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _state_damaged(self, path: Path, aside: Path | None) -> None:
        where = f"it was moved to {aside}" if aside else "it is left as it is for now"
        self.notices.append(
            f"The read and bookmark marks in {path} were damaged; {where}, and the "
            "articles it covered show as unread and not bookmarked."
        )

    def _clippings_damaged(self, path: Path, aside: Path | None) -> None:
        if aside is None:
            where = "it is left as it is for now, and its clippings do not show"
        else:
            where = f"it was moved to {aside}, where its text can still be read"
        self.notices.append(f"The clippings file {path} was damaged; {where}. New clippings go "
                            "in a new file.")

    # -- adding -----------------------------------------------------------

    def add(self, article: Article) -> AddOutcome:
        self.writable()
        with self._mutex:
            try:
                return self.catalog.add_batch([article])[0]
            finally:
                self.catalog.release()

    def restore(self, article: Article, entry: Entry) -> None:
        """Put back an article removed earlier, as it was: its import time and marks."""
        with self._mutex:
            try:
                self.catalog.add_batch([article], {article.id: entry.imported})
            finally:
                self.catalog.release()
        if entry.read:
            self.set_read(article.id, True)
        if entry.bookmarked:
            self.set_bookmarked(article.id, True)

    def add_many(self, articles: Iterable[Article]) -> dict[AddOutcome, int]:
        """Add many articles with batched writes; returns counts per outcome."""
        self.writable()
        counts: dict[AddOutcome, int] = {"imported": 0, "updated": 0, "unchanged": 0}
        batch: list[Article] = []

        def flush() -> None:
            with self._mutex:
                for outcome in self.catalog.add_batch(batch):
                    counts[outcome] += 1
            batch.clear()

        try:
            for article in articles:
                batch.append(article)
                if len(batch) >= max(BATCH, len(self.catalog.rows) // 8):
                    flush()
            if batch:
                flush()
        finally:
            with self._mutex:
                self.catalog.release()  # kept between batches, not for the app's lifetime
        return counts

    # -- reading ----------------------------------------------------------

    def get(self, id: str) -> Article:
        """The full document (paragraphs, quotes, speakers); NotFoundError if absent."""
        if self._row(id) is None:
            raise NotFoundError(f"no article with id {id}")
        doc = self._document(id)
        doc.pop("_imported", None)
        try:
            return Article.from_dict(doc)
        except (KeyError, TypeError, ValueError) as error:
            raise StorageError(f"the stored copy of article {id} is malformed: {error}") from error

    def _document(self, id: str) -> dict[str, Any]:
        """The stored document as a dict; StorageError if it is missing or damaged."""
        doc = self.documents.read(id)
        if doc is None:
            raise StorageError(
                f"the stored copy of article {id} is missing from {self.documents.root}; "
                "import the article again, or remove it with `byline remove`."
            )
        return doc

    def quotations(
        self,
        speaker: str | None = None,
        on_error: Callable[[Entry, StorageError], None] | None = None,
    ) -> Iterator[tuple[Entry, tuple[Quote, ...]]]:
        """Each article's quotations, newest article first, as the documents are read.

        With ``speaker``, only quotations by someone whose name contains it
        (any case), and only the documents that can hold one are read. A
        document that cannot be read raises StorageError, or with
        ``on_error`` is reported to it and skipped.
        """
        from reader.library.quotations import quotations

        return quotations(self, speaker, on_error)

    def entry(self, id: str) -> Entry:
        record = self._row(id)
        if record is None:
            raise NotFoundError(f"no article with id {id}")
        from reader.library.records import entry

        return entry(record, self.state.flags(id))

    def resolve(self, prefix: str) -> str:
        """The full id for a unique prefix; NotFoundError if none or several match."""
        wanted = prefix.strip().lower()
        if not wanted:
            raise NotFoundError("an article id is needed (see `byline list`)")
        if self._row(wanted) is not None:
            return wanted
        matches = [i for i in list(self.catalog.rows) if i.startswith(wanted)]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise NotFoundError(f"no article id starts with '{prefix}' (see `byline list`)")
        shown = ", ".join(sorted(matches)[:5]) + (", ..." if len(matches) > 5 else "")
        raise NotFoundError(
            f"'{prefix}' is ambiguous: it matches {len(matches)} articles ({shown}); "
            "give more characters"
        )

    def list(
        self,
        *,
        show: Show | Iterable[Show] = "all",
        speaker: str | None = None,
        feed: str | None = None,
        sort: Sort = "date",
        undated: str = "last",
    ) -> list[Entry]:
        """Entries in ``sort`` order (see :mod:`reader.library.order`).

        ``show`` is one filter or several that must all hold (unread and
        bookmarked); ``speaker`` and ``feed`` narrow further.
        """
        from reader.library.order import filtered, shows, sorted_entries

        shows(show)  # a bad filter is an error before any work
        needle = speaker.casefold() if speaker else None
        # No lock: an import running in another thread must not stall the list;
        # the catalog swaps whole objects, so a list made meanwhile is consistent.
        entries = self.catalog.entries(self.state.flags_by_id.get)
        entries = filtered(entries, show)
        if feed is not None:
            entries = [e for e in entries if e.feed == feed]
        if needle is not None:
            entries = [e for e in entries if any(needle in s.casefold() for s in e.speakers)]
        return sorted_entries(entries, sort, undated)

    def feed_counts(self) -> dict[str, tuple[int, int]]:
        """(articles, unread) per feed URL; articles from no feed are left out.

        Read straight from the catalog rows and the read marks, in no order:
        the feed tree needs counts, not 50,000 entries sorted by date.
        """
        from reader.library.records import FEED, ID

        read = self.state.flags_by_id.get
        counts: dict[str, list[int]] = {}
        for row in list(self.catalog.rows.values()):  # no lock, as in list()
            feed = row[FEED]
            if feed:
                count = counts.get(feed)
                if count is None:
                    count = counts[feed] = [0, 0]
                count[0] += 1
                if not read(row[ID], (False, False))[0]:
                    count[1] += 1
        return {feed: (n, unread) for feed, (n, unread) in counts.items()}

    def search(self, query: str) -> list[Entry]:
        """Entries matching a search query (see :mod:`reader.library.query`), best first."""
        return [hit.entry for hit in self.find(query)]

    def find(self, query: str) -> list[Hit]:
        """Search hits (entry and score), best first, newest first on ties.

        Searches titles, sites, authors, speakers and story text with the
        full-text index, which is caught up first if it is missing, damaged
        or behind the catalog (with a notice when that is a big job).
        QueryError for a filter that cannot mean anything.
        """
        from reader.library.search import find

        return find(self, query)

    def people(self, gender: Any = None, given: Any = None) -> list[Any]:
        """Every person quoted in the library, most quoted first (:mod:`reader.library.people`).

        ``gender(given_name)`` -> 'm', 'f' or '' lets a surname after Mr/Ms
        join only a full name of a fitting given name; ``given(word)`` ->
        whether a word is a given name lets a lone given name join only
        the one full name that has it.
        """
        from reader.library.people import library_people

        return library_people(self, gender, given)

    def person_quotes(self, person: Any) -> list[Any]:
        """One person's quotations across the library, newest first."""
        from reader.library.people import person_quotes

        return person_quotes(self, person)

    def snippet(self, id: str, query: str) -> str:
        """A short piece of article ``id`` around the best match of ``query``."""
        from reader.library.query import parse
        from reader.library.search import snippet

        return snippet(self, id, parse(query))

    def counts(self) -> Counts:
        rows = self.catalog.rows
        total = len(rows)
        read = bookmarked = 0
        for record in self.state.all():
            if record.get("id", "") not in rows:
                continue
            read += bool(record.get("read"))
            bookmarked += bool(record.get("bookmarked"))
        return Counts(total=total, unread=total - read, bookmarked=bookmarked)

    # -- state ------------------------------------------------------------

    def _row(self, id: str) -> Any:
        """The catalog row of ``id``; on a miss, first look whether another copy added it."""
        row = self.catalog.get(id)
        if row is None:
            with self._mutex:
                self.catalog.reload()
                row = self.catalog.get(id)
        return row

    def _known(self, ids: Iterable[str]) -> list[str]:
        ids = list(ids)
        missing = [i for i in ids if self._row(i) is None]
        if len(missing) == 1:
            raise NotFoundError(f"no article with id {missing[0]}")
        if missing:
            shown = ", ".join(missing[:5]) + (", ..." if len(missing) > 5 else "")
            raise NotFoundError(f"no articles with ids {shown} ({len(missing)} unknown)")
        return ids

    def set_read(self, id: str, read: bool = True) -> None:
        self.set_read_many([id], read)

    def set_bookmarked(self, id: str, bookmarked: bool = True) -> None:
        self.set_bookmarked_many([id], bookmarked)

    def set_read_many(self, ids: Iterable[str], read: bool = True, *, missing_ok: bool = False) -> None:
        """Mark many articles at once (one write per state file touched).

        NotFoundError for an id not in the library, and nothing marked;
        with ``missing_ok`` such ids are skipped (removed meanwhile)."""
        self.writable()
        with self._mutex, self.lock:
            self.catalog.reload()  # under the lock: another copy may have removed one
            if missing_ok:
                get = self.catalog.get
                known = [i for i in ids if get(i) is not None]
            else:
                known = self._known(ids)
            self.state.set(known, "read", read)

    def set_bookmarked_many(self, ids: Iterable[str], bookmarked: bool = True) -> None:
        self.writable()
        with self._mutex, self.lock:
            self.catalog.reload()
            self.state.set(self._known(ids), "bookmarked", bookmarked)

    def remove(self, id: str) -> None:
        self.remove_many([id])

    def remove_many(self, ids: Iterable[str]) -> None:
        """Remove articles with their documents and marks: each file is written once.

        NotFoundError (naming every unknown id) and nothing removed if any id
        is not in the library.
        """
        ids = list(dict.fromkeys(ids))
        if not ids:
            return
        self.writable()
        with self._mutex, self.lock:
            self.catalog.reload()  # under the lock: another copy may have removed one
            self._known(ids)
            try:
                self.catalog.remove(ids)
            finally:
                self.catalog.release()
            self.state.forget(ids)
            for article_id in ids:
                self.documents.remove(article_id)

    def reload(self) -> bool:
        """Pick up changes another running copy made; True if anything changed."""
        with self._mutex:
            changed = self.catalog.reload()
            changed = self.state.reload() or changed
            return self.settings.reload() or changed

    # -- settings ---------------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        """A small persisted value (the app's last article and filter)."""
        return self.settings.get(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        self.writable()
        with self._mutex:
            self.settings.set(key, value)

