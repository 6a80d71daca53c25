"""The People tables of the search index: each article's speakers and quotations.

``speakers`` (article row, name, aliases as JSON, quotations) and ``quotes``
(article row, paragraph, start, group, speaker, text) live in ``search.db``
beside the FTS table, written in the same transaction as an article's words
(:func:`put_people`), so they are derived data kept in step the same way.
:class:`PeopleTables` is what :mod:`.people` reads them by; the index's
life (opening, catching up, setting aside) stays in :mod:`.search_index`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any


class PeopleTables:
    """Mixin for SearchIndex: reads of the speakers and quotes tables."""

    def speaker_rows(self) -> list[tuple[str, str, str, int]]:
        """(article id, speaker name, aliases as JSON, quotes) of every article's speakers."""
        self.ensure()
        sql = "SELECT d.id, s.name, s.aliases, s.quotes FROM speakers s JOIN docs d ON d.rowid = s.docrow"
        return self._guarded(lambda c: c.execute(sql).fetchall())

    def speaker_groups(self) -> list[tuple[str, list[str], list[str], list[int]]]:
        """For each speaker name: its distinct aliases (JSON lists), article ids and quotations there.

        One pass over a covering index, grouped by SQLite: at 50,000 articles
        (110,000 speaker rows) a twentieth of a second.
        """
        self.ensure()
        sql = (
            "SELECT name, json_group_array(DISTINCT aliases), group_concat(docrow), group_concat(quotes) "
            "FROM speakers WHERE quotes > 0 GROUP BY name"
        )

        def work(conn: sqlite3.Connection) -> list:
            ids = dict(conn.execute("SELECT rowid, id FROM docs"))
            out = []
            for name, aliases, rows, quotes in conn.execute(sql):
                found = [ids.get(int(r)) for r in rows.split(",")]
                out.append((name, json.loads(aliases), found, [int(q) for q in quotes.split(",")]))
            return out

        return self._guarded(work)

    def quote_rows(self, names: Iterable[str]) -> list[tuple[str, int, int, int, str, str]]:
        """(article id, paragraph, start, group, speaker, text) of the quotations by these names."""
        self.ensure()
        names = list(names)
        marks = ", ".join("?" * len(names))
        sql = (
            "SELECT d.id, q.paragraph, q.start, q.grp, q.speaker, q.text FROM quotes q "
            f"JOIN docs d ON d.rowid = q.docrow WHERE q.speaker IN ({marks})"
        )
        return self._guarded(lambda c: c.execute(sql, names).fetchall()) if names else []

    def names_word(self, article_id: str, word: str) -> bool:
        """Whether the article's indexed text has ``word`` (as the search finds words)."""
        from reader.library.query import Term

        sql = "SELECT 1 FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE d.id = ? AND fts MATCH ?"
        found = self._guarded(lambda c: c.execute(sql, (article_id, Term(word).fts())).fetchone())
        return found is not None


def put_people(conn: sqlite3.Connection, rowid: int, doc: dict[str, Any]) -> None:
    """Store one article's speakers and attributed quotations under its docs rowid."""
    speakers = []
    for s in doc.get("speakers") or ():
        if isinstance(s, dict) and s.get("name"):
            aliases = [str(a) for a in s.get("aliases") or ()]
            speakers.append((rowid, str(s["name"]), json.dumps(aliases, ensure_ascii=False), int(s.get("quotes") or 0)))
    conn.executemany("INSERT INTO speakers VALUES(?, ?, ?, ?)", speakers)
    quotes = []
    for q in doc.get("quotes") or ():
        if isinstance(q, dict) and q.get("speaker"):
            quotes.append((rowid, int(q.get("paragraph") or 0), int(q.get("start") or 0),
                           int(q.get("group") or 0), str(q["speaker"]), str(q.get("text") or "")))
    conn.executemany("INSERT INTO quotes VALUES(?, ?, ?, ?, ?, ?)", quotes)
