"""Finding articles: a parsed query run against the index and the catalog.

Words and phrases go to the FTS5 index (:mod:`.search_index`), ranked by
BM25; the filters (speaker:, site:, feed:, is:, before:, after:) are
checked on the catalog rows in memory, which every list is made of anyway.
Ties in score go newest first. A query of filters alone lists what they
let through, newest first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.library import records
from reader.library.query import Query, parse
from reader.library.rows import Entry

if TYPE_CHECKING:
    from reader.library import Library

SNIPPET = 160  # characters of a snippet, about


class IndexHooks:
    """The catalog's observer for the search index, which it opens only when called."""

    def __init__(self, index: Callable[[], Any]) -> None:
        self.index = index

    def before_write(self, *args: Any) -> None:
        self.index().before_write(*args)

    def after_write(self, *args: Any) -> None:
        self.index().after_write(*args)

    def after_remove(self, *args: Any) -> None:
        self.index().after_remove(*args)


@dataclass(frozen=True, slots=True)
class Hit:
    entry: Entry
    score: float  # higher is better; 0 when no words were searched


def find(library: Library, text: str | Query, speaker_names: Callable[[str], set[str]] | None = None) -> list[Hit]:
    """Articles matching ``text``, best first (newest first on ties)."""
    query = parse(text) if isinstance(text, str) else text
    if query.empty:
        return []  # nothing to search for (a lone quote mark, punctuation)
    rows = library.catalog.rows
    scores: dict[str, float] | None = None
    expression = query.match()
    if expression is not None:
        scores = {}
        for article_id, bm25 in library.search_index.matching(expression):
            scores[article_id] = -bm25
    excluded: set[str] = set()
    if query.excluding() is not None:
        excluded = {i for i, _ in library.search_index.matching(query.excluding(), ranked=False)}
    keep = _filters(library, query)
    flags = library.state.flags_by_id.get
    default = (False, False)
    hits = []
    candidates = scores if scores is not None else rows
    for article_id in candidates:
        row = rows.get(article_id)
        if row is None or article_id in excluded:
            continue
        state = flags(article_id, default)
        if keep is not None and not keep(row, state):
            continue
        score = scores[article_id] if scores is not None else 0.0
        hits.append((round(score, 6), row[records.DATE], row[records.IMPORTED], row, state))
    hits.sort(key=lambda h: (h[0], h[1], h[2]), reverse=True)
    return [Hit(records.entry(row, state), score) for score, _, _, row, state in hits]


def _filters(library: Library, query: Query):
    """One test of a catalog row and its (read, bookmarked) state, or None if nothing to test."""
    tests = []
    if query.speakers:
        wanted = query.speakers

        def speaker(row, state) -> bool:
            names = [n.casefold() for n in row[records.SPEAKERS]]
            return all(any(w in n for n in names) for w in wanted)

        tests.append(speaker)
    if query.sites:
        tests.append(lambda row, state: all(s in (row[records.SITE] or "").casefold() for s in query.sites))
    if query.feeds:
        titles = _feed_titles(library)

        def feed(row, state) -> bool:
            url = row[records.FEED]
            if not url:
                return False
            name = f"{url}\n{titles.get(url, '')}".casefold()
            return all(f in name for f in query.feeds)

        tests.append(feed)
    for flag in query.flags:
        if flag == "unread":
            tests.append(lambda row, state: not state[0])
        elif flag == "read":
            tests.append(lambda row, state: state[0])
        else:
            tests.append(lambda row, state: state[1])
    if query.before is not None:
        tests.append(lambda row, state: row[records.DATE] < query.before)
    if query.after is not None:
        tests.append(lambda row, state: row[records.DATE] >= query.after)
    if not tests:
        return None
    return lambda row, state: all(test(row, state) for test in tests)


def _feed_titles(library: Library) -> dict[str, str]:
    from reader.library.feeds import FeedStore

    try:
        return {f.url: f.title or "" for f in FeedStore.of(library).list()}
    except Exception:  # a damaged feeds file is reported where feeds are shown
        return {}


def snippet(library: Library, article_id: str, query: Query, width: int = SNIPPET) -> str:
    """A short piece of the article around its best match (the start of the story if none)."""
    from reader.library.highlight import spans

    text = library.search_index.text(article_id)
    if text is None:
        return ""
    paragraphs = [p for p in text[4].split("\n") if p.strip()]
    found = spans(paragraphs, query) if query.highlight() else [[] for _ in paragraphs]
    best = max(range(len(paragraphs)), key=lambda i: (len(found[i]), -i), default=None)
    if best is None:
        return ""
    paragraph = paragraphs[best]
    marks = found[best]
    centre = marks[0][0] if marks else 0
    start = max(0, centre - width // 3)
    if start:
        start = paragraph.find(" ", start) + 1 or start
    end = min(len(paragraph), start + width)
    if end < len(paragraph):
        cut = paragraph.rfind(" ", start, end)
        end = cut if cut > start else end
    piece = paragraph[start:end].strip()
    return ("…" if start else "") + piece + ("…" if end < len(paragraph) else "")
