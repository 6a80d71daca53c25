"""One story, one article: telling that an article is already in the library.

Two articles are the same story when they have the same canonical URL
(:func:`url_key`: no scheme, no ``www.``, no fragment, no tracking
parameters), or the same title (:func:`title_key`: case, accents' forms and
punctuation aside) and nearly the same text: most of the shorter text's
word 3-shingles are in the longer one (:func:`similar`). An HTML page and
the text dump of that page, or one story from two feeds, are one article.

``stories.db`` (SQLite, beside the catalog) holds each article's URL key,
title key and text keys (:func:`text_keys`, hashes of its longest
paragraphs), indexed, so finding the candidates for a new article is a few
indexed look-ups, not a scan; the text of a candidate (only ones with the
same title or a shared text key) is read from its document to compare. The
same text under another title (a text dump whose headline line was misread)
is the same story too. The index is derived data: it notes
the catalog signature it matches, and when that is not the catalog's it is
rebuilt from the catalog rows (a damaged file is set aside the same way).

When the same story comes again, :func:`merge` keeps the richer version
(more metadata, then more text) and fills what it lacks from the other; the
article keeps the id it has, and with it its read and bookmark marks.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from reader.library import records
from reader.library.atomic import set_aside

FILE = "stories.db"
SIMILAR = 0.6
"""Share of the shorter text's shingles found in the longer: the same story."""

KEY_WORDS = 12
"""A paragraph shorter than this gives no text fingerprint (it may be anyone's)."""

# Scripts written without spaces between words (Chinese, Japanese, Thai, Lao,
# Khmer, Myanmar): each character is a token there, as a word is elsewhere,
# so a headline or a paragraph in them has tokens enough for its keys.
_UNSPACED = ("\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf"
             "\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f")
_WORD = re.compile(rf"[{_UNSPACED}]|[^\W{_UNSPACED}]+")
_PLAIN_WORD = re.compile(r"\w+")  # the same tokens in a text with no unspaced script
_HAS_UNSPACED = re.compile(rf"[{_UNSPACED}]")


def _words(text: str) -> list[str]:
    """The tokens of ``text`` (casefolded by the caller)."""
    if text.isascii() or not _HAS_UNSPACED.search(text):
        return _PLAIN_WORD.findall(text)  # quicker, and most texts
    return _WORD.findall(text)
_TRACKING = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|_gl|ref|ref_src|ref_url|"
    r"referrer|cmpid|cmp|ocid|smid|smtyp|s_cid|ito|taid|ncid|sr_share|mbid|at_\w+|"
    r"__twitter_impression|rss|feedtype|amp|outputtype|spref|guccounter|guce_\w+|icid|"
    r"intcmp|wt\.\w+|xtor|soc_src|soc_trk)$",
    re.IGNORECASE,
)
_METADATA = ("url", "site", "authors", "byline", "published", "summary", "feed")


def url_key(url: str | None) -> str | None:
    """The canonical form of a story's URL, or None when there is none (or it
    is a site's home page)."""
    if not url or not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    if not host:
        return None
    path = parts.path.rstrip("/")
    if path.endswith("/amp"):
        path = path[:-4]
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not _TRACKING.match(k)]
    if not path and not query:
        return None  # a site's home page (some pages give it as canonical) is no story's
    return host + (path or "/") + ("?" + urlencode(sorted(query)) if query else "")


def title_key(title: str | None) -> str | None:
    """A title's words, case and punctuation aside; None for a title of under two words
    (a character counts as a word in a script written without spaces)."""
    if not title or title == "(untitled)":
        return None
    text = title if title.isascii() else unicodedata.normalize("NFKC", title)
    words = _words(text.casefold())
    return " ".join(words) if len(words) >= 2 else None


def text_keys(doc: dict[str, Any]) -> list[str]:
    """Fingerprints of a document's text: its two longest paragraphs (their
    first 40 words, case and punctuation aside), hashed. The same page read
    twice (its HTML, its text dump) shares them even when the titles differ."""
    texts = sorted((str(p.get("text") or "") for p in doc.get("paragraphs") or ()
                    if isinstance(p, dict) and p.get("kind") != "heading"), key=len, reverse=True)
    keys = []
    for text in texts[:2]:
        words = _words(text.casefold())
        if len(words) >= KEY_WORDS:
            digest = hashlib.blake2b(" ".join(words[:40]).encode("utf-8"), digest_size=8)
            keys.append(digest.hexdigest())
    return keys


def shingles(doc: dict[str, Any]) -> set[str]:
    """The word 3-shingles of a document's paragraphs."""
    text = " ".join(str(p.get("text") or "") for p in doc.get("paragraphs") or ()
                    if isinstance(p, dict))
    words = _words(text.casefold())
    return {" ".join(words[i:i + 3]) for i in range(max(1, len(words) - 2))} if words else set()


def similar(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two documents tell nearly the same text."""
    x, y = shingles(a), shingles(b)
    if not x or not y:
        return False
    return len(x & y) >= SIMILAR * min(len(x), len(y))


def richness(doc: dict[str, Any]) -> tuple[int, int]:
    """(metadata, words): a URL counts most, then site, authors, date, summary."""
    meta = 3 * bool(doc.get("url")) + sum(
        bool(doc.get(key)) for key in ("site", "authors", "published", "summary"))
    words = sum(len(str(p.get("text") or "").split()) for p in doc.get("paragraphs") or ()
                if isinstance(p, dict))
    return meta, words


def merge(stored: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """One document for two versions of a story, under ``stored``'s id.

    The richer version's text and analysis; metadata it lacks is taken from
    the other. Equal to ``stored`` when the new version adds nothing.
    """
    base, other = (new, stored) if richness(new) > richness(stored) else (stored, new)
    out = dict(base, id=stored["id"])
    for key in _METADATA:
        if not out.get(key) and other.get(key):
            out[key] = other[key]
    return out


class StoryIndex:
    """``stories.db``: URL and title keys by article id, in step with the catalog."""

    def __init__(self, root: Path, *, durable: bool = True, notify=None) -> None:
        self.path = root / FILE
        self.durable = durable
        self.notify = notify or (lambda message: None)
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.RLock()

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            try:
                self._conn = self._open()
            except sqlite3.DatabaseError:
                self._set_aside()
                self._conn = self._open()
        return self._conn

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(f"PRAGMA synchronous={'NORMAL' if self.durable else 'OFF'}")
            conn.executescript(
                "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);"
                "CREATE TABLE IF NOT EXISTS stories(id TEXT PRIMARY KEY, url TEXT, title TEXT);"
                "CREATE INDEX IF NOT EXISTS stories_url ON stories(url);"
                "CREATE INDEX IF NOT EXISTS stories_title ON stories(title);"
                "CREATE TABLE IF NOT EXISTS texts(key TEXT NOT NULL, id TEXT NOT NULL);"
                "CREATE INDEX IF NOT EXISTS texts_key ON texts(key);"
                "CREATE INDEX IF NOT EXISTS texts_id ON texts(id);"
            )
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    def _set_aside(self) -> None:
        """A damaged index is derived data: drop it (it is rebuilt from the catalog).
        A folder in its place is not byline's to delete: it is moved aside, and said."""
        for suffix in ("", "-wal", "-shm"):
            path = Path(str(self.path) + suffix)
            if path.is_dir() and not path.is_symlink():
                aside = set_aside(path)
                self.notify(f"{path} was a folder; it was moved to {aside}, and the "
                            "index of stories is built anew.")
            else:
                path.unlink(missing_ok=True)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    # -- keeping in step ----------------------------------------------------

    def _signature(self) -> str | None:
        row = self._db().execute("SELECT value FROM meta WHERE key='catalog'").fetchone()
        return row[0] if row else None

    def ensure(self, rows: dict[str, records.Row], sig: Any) -> None:
        """Rebuild from the catalog rows unless the index matches catalog ``sig``."""
        with self._lock:
            try:
                if self._signature() != repr(sig):
                    self._rebuild(rows.values(), sig)
            except sqlite3.DatabaseError:
                self.close()
                self._set_aside()
                self._rebuild(rows.values(), sig)

    def _rebuild(self, rows: Iterable[records.Row], sig: Any) -> None:
        """URL and title keys anew from the rows. Text keys come from documents,
        which are not read here: those of articles still in the catalog stay,
        and an article written while the index was behind has none (it is
        still found by its URL and title)."""
        db = self._db()
        with _transaction(db):
            db.execute("DELETE FROM stories")
            db.executemany("INSERT OR REPLACE INTO stories VALUES (?, ?, ?)", map(_keys, rows))
            db.execute("DELETE FROM texts WHERE id NOT IN (SELECT id FROM stories)")
            _note(db, sig)

    def written(self, changed: list[records.Row], removed: list[str], before: Any,
                after: Any, rows: dict[str, records.Row],
                docs: Iterable[dict[str, Any]] = ()) -> None:
        """After a catalog write from signature ``before`` to ``after``."""
        with self._lock:
            try:
                if self._signature() != repr(before):
                    self._rebuild(rows.values(), after)
                db = self._db()
                with _transaction(db):
                    gone = [(i,) for i in removed] + [(r[records.ID],) for r in changed]
                    db.executemany("DELETE FROM stories WHERE id=?", gone)
                    db.executemany("DELETE FROM texts WHERE id=?", gone)
                    db.executemany("INSERT OR REPLACE INTO stories VALUES (?, ?, ?)",
                                   map(_keys, changed))
                    db.executemany("INSERT INTO texts VALUES (?, ?)",
                                   ((key, doc["id"]) for doc in docs for key in text_keys(doc)))
                    _note(db, after)
            except sqlite3.DatabaseError:
                self.close()
                self._set_aside()  # rebuilt at the next ensure()

    # -- finding ------------------------------------------------------------

    def by_url(self, key: str) -> list[str]:
        with self._lock:
            return [r[0] for r in self._db().execute("SELECT id FROM stories WHERE url=?", (key,))]

    def by_text(self, key: str) -> list[str]:
        with self._lock:
            return [r[0] for r in self._db().execute("SELECT id FROM texts WHERE key=?", (key,))]

    def by_title(self, key: str) -> list[str]:
        with self._lock:
            return [r[0] for r in
                    self._db().execute("SELECT id FROM stories WHERE title=?", (key,))]


def _keys(row: records.Row) -> tuple[str, str | None, str | None]:
    return row[records.ID], url_key(row[records.URL]), title_key(row[records.TITLE])


def _note(db: sqlite3.Connection, sig: Any) -> None:
    db.execute("INSERT OR REPLACE INTO meta VALUES ('catalog', ?)", (repr(sig),))


class _transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN")

    def __exit__(self, kind, *rest) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")
