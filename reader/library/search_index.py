"""The search index: SQLite FTS5 in ``search.db``, derived from the catalog and documents.

Why FTS5: it is in the standard library's sqlite3 (no new dependency; the
build here has ``ENABLE_FTS5``, and :func:`available` checks), ranks by
BM25, stems with its Porter tokenizer, does phrases from token positions,
and keeps its inverted index in B-trees, so an update touches a few pages
rather than rewriting a file, inside a transaction that a ``kill -9``
cannot leave half done (WAL journal).

Tables:

* ``fts``: contentless FTS5 (title, site, authors, speakers, body), so the
  text is not stored twice in full; rowid = ``docs.rowid``;
* ``docs``: article id, a fingerprint of its catalog row, and a checksum
  of the text it was indexed with. A contentless row can only be deleted
  by giving that exact text back: it is read from the stored document
  before the document is replaced or removed, and used only if its
  checksum agrees. When it cannot be had (the document changed behind the
  index's back), the row is unlinked instead: its words stay in the FTS
  table but lead to no article, and once such dead rows are a tenth of the
  index it is rebuilt, which also keeps its words honest for BM25;
* ``pending``: ids of a batch being written (a kill between the catalog
  write and the index update leaves them for the next open to redo);
* ``speakers`` and ``quotes``: each article's speakers and attributed
  quotations, what the People screen is made of (written and read by
  :mod:`.people_tables`, used by :mod:`.people`);
* ``meta``: ``catalog`` = the signature of the catalog file the index
  matches in full, '' while it may not.

The index is never the only copy of anything: when missing, damaged or
stale it is caught up from the catalog and documents (:meth:`ensure`), with
a notice when that means indexing many articles.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import zlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from reader.errors import StorageError
from reader.library import records
from reader.library.atomic import set_aside
from reader.library.people_tables import PeopleTables, put_people

FILE = "search.db"
VERSION = "3"
TOKENIZE = "porter unicode61 remove_diacritics 2"
COLUMNS = ("title", "site", "authors", "speakers", "body")
WEIGHTS = (8.0, 3.0, 3.0, 4.0, 1.0)  # bm25 weight of each column, in COLUMNS order
CHUNK = 400  # articles per transaction when catching up
NOTICE_AT = 200  # catching up this many articles or more is told to the user
COMMON = 2000  # a word in more articles than this and than half of them is not scored

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS docs(rowid INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL,
                                fp INTEGER NOT NULL, th INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS pending(id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS speakers(docrow INTEGER NOT NULL, name TEXT NOT NULL,
                                    aliases TEXT NOT NULL, quotes INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS speakers_doc ON speakers(docrow);
CREATE INDEX IF NOT EXISTS speakers_by_name ON speakers(name, aliases, docrow, quotes);
CREATE TABLE IF NOT EXISTS quotes(docrow INTEGER NOT NULL, paragraph INTEGER NOT NULL,
                                  start INTEGER NOT NULL, grp INTEGER NOT NULL,
                                  speaker TEXT NOT NULL, text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
CREATE INDEX IF NOT EXISTS quotes_doc ON quotes(docrow);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5({", ".join(COLUMNS)},
    content='', tokenize='{TOKENIZE}');
"""


def available() -> bool:
    """Whether this Python's SQLite was built with FTS5."""
    try:
        sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    except sqlite3.Error:
        return False
    return True


def fingerprint(row: records.Row) -> int:
    """A checksum of a catalog row: an article whose row changed is indexed again."""
    return zlib.crc32(repr(row[: records.DATE]).encode("utf-8", "surrogatepass"))


def fields(doc: dict[str, Any]) -> tuple[str, str, str, str, str]:
    """The indexed text of a document (``Article.to_dict()`` shape), one string per column."""
    speakers = []
    for s in doc.get("speakers") or ():
        if isinstance(s, dict):
            speakers.append(str(s.get("name") or ""))
            speakers.extend(str(a) for a in s.get("aliases") or ())
    paragraphs = doc.get("paragraphs") or ()
    body = "\n".join(str(p.get("text") or "") for p in paragraphs if isinstance(p, dict))
    return (
        str(doc.get("title") or ""),
        str(doc.get("site") or ""),
        "\n".join(str(a) for a in doc.get("authors") or ()),
        "\n".join(speakers),
        body,
    )


def checksum(text: Sequence[str]) -> int:
    return zlib.crc32(json.dumps(list(text), ensure_ascii=False).encode("utf-8", "surrogatepass"))


class SearchIndex(PeopleTables):
    """``search.db`` beside the catalog. Thread-safe; every method may be called from any thread."""

    def __init__(
        self,
        root: Path,
        catalog: Any,
        documents: Any,
        notify: Callable[[str], None],
        reload: Callable[[], Any],
        *,
        durable: bool = True,
    ) -> None:
        self.durable = durable
        self.path = root / FILE
        self.catalog = catalog
        self.reload = reload  # makes the catalog's rows match its file (under the library's mutex)
        self.documents = documents
        self.notify = notify
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        # Why the index is built anew: "missing" (told when built), "told" (damage, told already)
        self._anew: str | None = None
        self._old: dict[str, tuple[str, ...]] = {}  # text of the articles a batch replaces
        self._in_sync_before = False  # whether the index matched the catalog before a write
        self.progress: Callable[[int, int], None] | None = None  # (done, total) while catching up
        self._writes = 0  # writes by this process, with PRAGMA data_version (other processes')
        self._counts: dict[str, int] = {}  # articles per phrase, until the index changes
        self._counts_at: tuple[int, int] | None = None

    # -- the connection --------------------------------------------------

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = self._connect()
        return self._conn

    def _connect(self) -> sqlite3.Connection:
        self._set_aside_unusable()
        existed = self.path.exists()
        if not existed and self._anew is None and self.catalog.rows:
            self._anew = "missing"
        try:
            conn = self._open()
        except sqlite3.DatabaseError as error:
            if not existed or not _damage(error):
                raise StorageError(f"cannot open the search index {self.path}: {error}") from error
            self._set_aside()
            conn = self._open()
        return conn

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=10)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            # WAL and NORMAL: a killed process loses nothing committed; without
            # fsync (benchmark libraries) only a power cut could.
            conn.execute(f"PRAGMA synchronous={'NORMAL' if self.durable else 'OFF'}")
            conn.executescript(SCHEMA)
            version = conn.execute("SELECT value FROM meta WHERE key='version'").fetchone()
            if version is None:
                conn.execute("INSERT OR REPLACE INTO meta VALUES('version', ?)", (VERSION,))
                # An empty library's new index matches it already; any other is caught up.
                empty = not self.catalog.rows
                stamp = _sig(self.catalog.storage.signature()) if empty else ""
                conn.execute("INSERT OR REPLACE INTO meta VALUES('catalog', ?)", (stamp,))
            elif version[0] != VERSION:
                conn.close()
                self._remove_files()
                return self._open()
        except sqlite3.Error:
            conn.close()
            raise
        return conn

    def _set_aside(self) -> None:
        """Move a damaged index aside (with its WAL) and tell the user; the next open rebuilds."""
        if self._conn is not None:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass
            self._conn = None
        aside = set_aside(self.path) if self.path.exists() else None
        for suffix in ("-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        where = f"; it was moved to {aside}" if aside else ""
        self._anew = "told"
        self.notify(f"The search index {self.path} was damaged{where}. It is rebuilt from your articles.")

    def _set_aside_unusable(self) -> None:
        """A folder (or anything but a file) where the index or its WAL should be,
        or a file byline may not read, is moved aside with a notice and the index
        is built anew: SQLite could only fail on it, and the index is derived data."""
        for suffix in ("", "-wal", "-shm"):
            path = Path(f"{self.path}{suffix}")
            if not os.path.lexists(path):
                continue
            if not path.is_file():
                why = "was a folder" if path.is_dir() else "was not a file"
            else:
                try:
                    open(path, "rb").close()
                    continue
                except OSError as error:
                    why = f"could not be read ({error.strerror or error})"
            aside = set_aside(path)
            self._anew = "told"
            self.notify(
                f"The search index file {path} {why}; it was moved to {aside}. "
                "The index is rebuilt from your articles."
            )

    def _remove_files(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def _guarded(self, work: Callable[[sqlite3.Connection], Any]) -> Any:
        """Run ``work`` on the connection; a damaged index is set aside and work runs again once."""
        with self._lock:
            try:
                return work(self._db())
            except sqlite3.DatabaseError as error:
                if not _damage(error):
                    raise StorageError(f"the search index {self.path} failed: {error}") from error
                self._set_aside()
                return work(self._db())

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    # -- keeping up with the catalog (called by Catalog, under the library lock) --

    def before_write(self, ids: Sequence[str], catalog_sig: Any) -> None:
        """A batch of ``ids`` is about to be written: note them, mark the index unsure."""

        def work(conn: sqlite3.Connection) -> None:
            indexed = [i for i in ids if conn.execute("SELECT 1 FROM docs WHERE id=?", (i,)).fetchone()]
            self._old = {i: text for i in indexed if (text := self._stored_text(i)) is not None}
            with _transaction(conn):
                self._in_sync_before = _meta(conn, "catalog") == _sig(catalog_sig)
                conn.executemany("INSERT OR IGNORE INTO pending VALUES(?)", ((i,) for i in ids))
                conn.execute("UPDATE meta SET value='' WHERE key='catalog'")

        self._quietly(work)

    def after_write(self, docs: Iterable[dict[str, Any]], rows: Sequence[records.Row], catalog_sig: Any) -> None:
        """The batch is in the catalog: index it, in one transaction."""
        fps = {row[records.ID]: fingerprint(row) for row in rows}

        def work(conn: sqlite3.Connection) -> None:
            with _transaction(conn):
                for doc in docs:
                    old = self._old.get(doc["id"])
                    self._put(conn, doc["id"], fields(doc), fps.get(doc["id"], 0), old, doc)
                conn.executemany("DELETE FROM pending WHERE id=?", ((i,) for i in fps))
                if self._in_sync_before:
                    conn.execute("UPDATE meta SET value=? WHERE key='catalog'", (_sig(catalog_sig),))

        try:
            self._quietly(work)
        finally:
            self._old = {}

    def after_remove(self, ids: Sequence[str], before_sig: Any, catalog_sig: Any) -> None:
        def work(conn: sqlite3.Connection) -> None:
            with _transaction(conn):
                in_sync = _meta(conn, "catalog") == _sig(before_sig)
                for article_id in ids:  # the documents are still there: they go after
                    self._drop(conn, article_id)
                if in_sync:
                    conn.execute("UPDATE meta SET value=? WHERE key='catalog'", (_sig(catalog_sig),))

        self._quietly(work)

    def _quietly(self, work: Callable[[sqlite3.Connection], None]) -> None:
        """An index that cannot be updated must never fail an import: it is caught up later."""
        self._writes += 1
        try:
            self._guarded(work)
        except (StorageError, sqlite3.Error, OSError):
            with self._lock:
                self.close()

    def _put(
        self,
        conn: sqlite3.Connection,
        article_id: str,
        text: Sequence[str],
        fp: int,
        old: Sequence[str] | None = None,
        doc: dict[str, Any] | None = None,
    ) -> None:
        self._drop(conn, article_id, old)
        cur = conn.execute(
            "INSERT INTO docs(id, fp, th) VALUES(?, ?, ?)", (article_id, fp, checksum(text))
        )
        rowid = cur.lastrowid
        conn.execute(
            f"INSERT INTO fts(rowid, {', '.join(COLUMNS)}) VALUES(?, ?, ?, ?, ?, ?)",
            (rowid, *text),
        )
        if doc:
            put_people(conn, rowid, doc)

    def _drop(self, conn: sqlite3.Connection, article_id: str, old: Sequence[str] | None = None) -> None:
        """Take an article out: its words too when the text it was indexed with can be had."""
        found = conn.execute("SELECT rowid, th FROM docs WHERE id=?", (article_id,)).fetchone()
        if found is None:
            return
        rowid, th = found
        if old is None or checksum(old) != th:
            old = self._stored_text(article_id)
        if old is not None and checksum(old) == th:
            conn.execute(
                f"INSERT INTO fts(fts, rowid, {', '.join(COLUMNS)}) VALUES('delete', ?, ?, ?, ?, ?, ?)",
                (rowid, *old),
            )
        else:  # its words stay behind, leading nowhere (see the module's docstring)
            conn.execute(
                "INSERT INTO meta VALUES('dead', '1') ON CONFLICT(key) DO UPDATE "
                "SET value = CAST(value AS INTEGER) + 1"
            )
        conn.execute("DELETE FROM docs WHERE rowid=?", (rowid,))
        conn.execute("DELETE FROM speakers WHERE docrow=?", (rowid,))
        conn.execute("DELETE FROM quotes WHERE docrow=?", (rowid,))

    def _stored_text(self, article_id: str) -> tuple[str, ...] | None:
        """The indexed text of the stored document, None if it cannot be read."""
        try:
            doc = self.documents.read(article_id)
        except StorageError:
            return None
        return fields(doc) if doc is not None else None


    # -- catching up -------------------------------------------------------

    def needs_catch_up(self) -> bool:
        """Whether a search would first have to index articles (a cheap look, no catching up)."""
        if self._conn is None and not self.path.exists():
            return bool(self.catalog.rows)
        try:
            with self._lock:
                conn = self._db()
                state = (_meta(conn, "catalog"), _count(conn, "pending"))
        except (sqlite3.Error, StorageError):
            return True
        return state != (_sig(self.catalog.storage.signature()), 0)

    def ensure(self) -> None:
        """Make the index match the catalog: cheap when it does, a catch-up when not."""
        told = False
        for _ in range(5):  # another writer may change the catalog while we catch up
            sig = _sig(self.catalog.storage.signature())
            state = self._guarded(lambda c: (_meta(c, "catalog"), _count(c, "pending")))
            if state == (sig, 0):
                return
            self._guarded(_clear_if_dead)
            self.reload()
            rows = list(self.catalog.rows.items())
            work = self._guarded(lambda c: _plan(c, rows))
            to_index, to_drop = work
            if not told and to_index and self._anew != "told" and (
                self._anew == "missing" or len(to_index) >= NOTICE_AT
            ):
                why = f"The search index {self.path} was missing" if self._anew else (
                    "The search index was behind the library")
                self.notify(f"{why}; it is built again from your articles ({len(to_index):,} to index).")
                told = True
            self._anew = None
            self._writes += 1
            self._catch_up(dict(rows), to_index, to_drop)
            self._guarded(lambda c: _finish(c, sig, self.catalog.storage.signature()))
            if len(to_index) >= NOTICE_AT:  # a big build: merge its segments, fold the WAL in
                self._guarded(_compact)

    def _catch_up(self, rows: dict[str, records.Row], to_index: list[str], to_drop: list[str]) -> None:
        total = len(to_index) + len(to_drop)
        done = 0
        for start in range(0, len(to_drop), CHUNK):
            chunk = to_drop[start : start + CHUNK]
            self._guarded(lambda c: _in_transaction(c, lambda: [self._drop(c, i) for i in chunk]))
            done += len(chunk)
        for start in range(0, len(to_index), CHUNK):
            chunk = to_index[start : start + CHUNK]
            prepared = [(i, self._doc(i, rows[i]), fingerprint(rows[i])) for i in chunk]

            def work(conn: sqlite3.Connection) -> None:
                with _transaction(conn):
                    for article_id, doc, fp in prepared:
                        self._put(conn, article_id, fields(doc), fp, doc=doc)
                    conn.executemany("DELETE FROM pending WHERE id=?", ((i,) for i in chunk))

            self._guarded(work)
            done += len(chunk)
            if self.progress is not None:
                self.progress(done, total)

    def _doc(self, article_id: str, row: records.Row) -> dict[str, Any]:
        try:
            doc = self.documents.read(article_id)
        except StorageError:
            doc = None  # damaged: set aside by read(); what the catalog knows is still found
        if doc is None:
            doc = {"title": row[records.TITLE], "site": row[records.SITE],
                   "speakers": [{"name": n} for n in row[records.SPEAKERS]]}
        return doc

    # -- reading -----------------------------------------------------------

    def scored(self, phrases: Sequence[str], excluding: str | None = None) -> list[tuple[str, float]] | list[str]:
        """The articles matching every one of ``phrases`` (FTS5 phrase strings), none of ``excluding``.

        (article id, bm25 score: higher is better) pairs when the words rank
        them, else just the ids (unranked: every score would be a tie).

        BM25 weighs a word by its rarity, and SQLite's bm25() gives a word
        in more than half of the articles the weight 1e-6: beside any rarer
        word it counts for nothing, yet scoring it means walking every one
        of its positions in every article (a fifth of a second for "the" at
        50,000 articles). So a word in more than half of the articles, and
        in more than COMMON of them, is matched but not scored, and a query
        of nothing but such words is not ranked (newest first). In a small
        library every word is scored (cheap, and a title match still ranks
        above a body match when every article has the word).
        """
        self.ensure()
        weights = ", ".join(str(w) for w in WEIGHTS)
        tail = f" NOT ({excluding})" if excluding else ""
        everything = "(" + " AND ".join(phrases) + ")" + tail

        def work(conn: sqlite3.Connection) -> list:
            common = max(COMMON, _count(conn, "fts_docsize") / 2)
            join = "FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE fts MATCH ?"
            if len(phrases) == 1 and not tail and self._known(conn, phrases[0]) is None:
                # one phrase: its articles are wanted anyway if it is common, so
                # fetch them rather than count them first (a common phrase is
                # the slowest thing to match: every position of both words)
                found = [i for (i,) in conn.execute(f"SELECT d.id {join}", (everything,))]
                self._counts[phrases[0]] = len(found)
                if len(found) > common:
                    return found
            rare = [p for p in phrases if self._hits(conn, p) <= common]
            if not rare:
                return [i for (i,) in conn.execute(f"SELECT d.id {join}", (everything,))]
            sql = f"SELECT fts.rowid, d.id, bm25(fts, {weights}) {join}"
            found = conn.execute(sql, ("(" + " AND ".join(rare) + ")" + tail,)).fetchall()
            if len(rare) < len(phrases):  # the common words must be there too
                keep = {r for (r,) in conn.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (everything,))}
                return [(i, -b) for r, i, b in found if r in keep]
            return [(i, -b) for _, i, b in found]

        return self._guarded(work)

    def version(self) -> tuple[int, int]:
        """Changes whenever the index does (caught up first)."""
        self.ensure()
        return self._guarded(self._version)

    def _version(self, conn: sqlite3.Connection) -> tuple[int, int]:
        """Changes when anyone writes the index (PRAGMA data_version: other connections)."""
        return conn.execute("PRAGMA data_version").fetchone()[0], self._writes

    def _known(self, conn: sqlite3.Connection, phrase: str) -> int | None:
        """How many articles have ``phrase``, if counted since the index last changed."""
        version = self._version(conn)
        if self._counts_at != version:
            self._counts, self._counts_at = {}, version
        return self._counts.get(phrase)

    def _hits(self, conn: sqlite3.Connection, phrase: str) -> int:
        """How many articles have ``phrase`` (kept until the index changes)."""
        n = self._known(conn, phrase)
        if n is None:
            n = self._counts[phrase] = conn.execute(
                "SELECT count(*) FROM fts WHERE fts MATCH ?", (phrase,)).fetchone()[0]
        return n

    def matching(self, expression: str, ranked: bool = True) -> list[tuple[str, float]]:
        """(article id, bm25 score: lower is better) for each article matching an FTS5 expression."""
        self.ensure()
        weights = ", ".join(str(w) for w in WEIGHTS)
        score = f"bm25(fts, {weights})" if ranked else "0.0"
        sql = f"SELECT d.id, {score} FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE fts MATCH ?"
        return self._guarded(lambda c: c.execute(sql, (expression,)).fetchall())

    def text(self, article_id: str) -> tuple[str, ...] | None:
        """The indexed text of an article (title, site, authors, speakers, body), None if absent."""
        return self._stored_text(article_id)

    def size(self) -> int:
        """Bytes on disk (the database and its WAL)."""
        return sum(
            Path(f"{self.path}{s}").stat().st_size
            for s in ("", "-wal")
            if Path(f"{self.path}{s}").exists()
        )


class _transaction:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind, value, tb) -> None:
        if kind is None:
            self.conn.execute("COMMIT")
        else:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass


def _in_transaction(conn: sqlite3.Connection, work: Callable[[], Any]) -> None:
    with _transaction(conn):
        work()


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    found = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
    return found[0] if found else None


def _count(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _sig(signature: Any) -> str:
    return "" if signature is None else repr(signature)


def _plan(conn: sqlite3.Connection, rows: list[tuple[str, records.Row]]) -> tuple[list[str], list[str]]:
    """Which articles to index again and which to drop, for the index to match ``rows``."""
    indexed = dict(conn.execute("SELECT id, fp FROM docs"))
    pending = {i for (i,) in conn.execute("SELECT id FROM pending")}
    wanted = {article_id for article_id, _ in rows}
    to_index = [
        article_id
        for article_id, row in rows
        if article_id in pending or indexed.get(article_id) != fingerprint(row)
    ]
    to_drop = [i for i in indexed if i not in wanted]
    conn.executemany("DELETE FROM pending WHERE id=?", ((i,) for i in pending - wanted))
    return to_index, to_drop


def _clear_if_dead(conn: sqlite3.Connection) -> None:
    """Empty the index when a tenth of its rows are dead, for the catch-up to fill it anew."""
    dead = int(_meta(conn, "dead") or 0)
    if dead and dead >= max(50, _count(conn, "docs") // 10):
        with _transaction(conn):
            conn.execute("INSERT INTO fts(fts) VALUES('delete-all')")
            conn.execute("DELETE FROM docs")
            conn.execute("DELETE FROM speakers")
            conn.execute("DELETE FROM quotes")
            conn.execute("DELETE FROM meta WHERE key='dead'")
            conn.execute("UPDATE meta SET value='' WHERE key='catalog'")


def _compact(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO fts(fts) VALUES('optimize')")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _finish(conn: sqlite3.Connection, sig: str, now: Any) -> None:
    """Stamp the index as matching the catalog ``sig``, if the catalog is still that one."""
    if _sig(now) == sig and _count(conn, "pending") == 0:
        conn.execute("UPDATE meta SET value=? WHERE key='catalog'", (sig,))


def _damage(error: sqlite3.DatabaseError) -> bool:
    """Whether an error means the file is damaged (rather than busy, or read-only)."""
    if isinstance(error, sqlite3.OperationalError):
        text = str(error).lower()
        return "malformed" in text or "corrupt" in text or "no such table" in text
    return True
