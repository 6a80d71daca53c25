"""Where a query's words occur in a text, found exactly as the index finds them.

The text goes into an in-memory FTS5 table with the index's own tokenizer
(one row per paragraph) and FTS5's ``highlight()`` marks the matching
tokens, so stemming, diacritics and phrases agree with the search itself.
Control characters are stripped at ingest, so the two markers used here
cannot occur in article text.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence

from reader.library.query import Query
from reader.library.search_index import TOKENIZE

OPEN, CLOSE = "\x01", "\x02"
_local = threading.local()


def _table() -> sqlite3.Connection:
    conn = getattr(_local, "conn", None)
    if conn is None:
        conn = sqlite3.connect(":memory:")
        conn.execute(f"CREATE VIRTUAL TABLE h USING fts5(t, tokenize='{TOKENIZE}')")
        _local.conn = conn
    return conn


def spans(texts: Sequence[str], query: Query) -> list[list[tuple[int, int]]]:
    """For each text, the (start, end) offsets of the words the query searched for."""
    found: list[list[tuple[int, int]]] = [[] for _ in texts]
    expression = query.highlight()
    if expression is None or not texts:
        return found
    conn = _table()
    try:
        conn.executemany("INSERT INTO h(rowid, t) VALUES(?, ?)", ((i + 1, t) for i, t in enumerate(texts)))
        rows = conn.execute(
            "SELECT rowid, highlight(h, 0, ?, ?) FROM h WHERE h MATCH ?", (OPEN, CLOSE, expression)
        ).fetchall()
    except sqlite3.Error:
        rows = []
    finally:
        conn.execute("DELETE FROM h")
    for rowid, marked in rows:
        found[rowid - 1] = _offsets(marked)
    return found


def fragment(text: str, query: Query, words: int = 24) -> str | None:
    """About ``words`` words of ``text`` around the most of the query's matches, None if none.

    FTS5's snippet() on the whole text: one insert and one call, where
    marking every paragraph would cost ten times as much (a search's
    snippets are made for a hundred articles at a time).
    """
    expression = query.highlight()
    if expression is None or not text:
        return None
    conn = _table()
    try:
        conn.execute("INSERT INTO h(rowid, t) VALUES(1, ?)", (text,))
        row = conn.execute(
            "SELECT snippet(h, 0, '', '', '…', ?) FROM h WHERE h MATCH ?", (words, expression)
        ).fetchone()
    except sqlite3.Error:
        row = None
    finally:
        conn.execute("DELETE FROM h")
    return " ".join(row[0].split()) if row else None


def _offsets(marked: str) -> list[tuple[int, int]]:
    out = []
    plain = 0  # position in the text without markers
    start = None
    for ch in marked:
        if ch == OPEN:
            start = plain
        elif ch == CLOSE:
            if start is not None:
                out.append((start, plain))
            start = None
        else:
            plain += 1
    return out
