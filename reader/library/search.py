"""Finding articles: a parsed query run against the index and the catalog.

Words and phrases go to the FTS5 index (:mod:`.search_index`), ranked by
BM25; the filters (speaker:, site:, feed:, is:, before:, after:) are
checked on the catalog rows in memory, which every list is made of anyway.
Ties in score go newest first. A query of filters alone lists what they
let through, newest first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

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


class Hit(NamedTuple):  # a tuple: a search may make 50,000 of them
    entry: Entry
    score: float  # higher is better; 0 when no words were searched


def find(library: Library, text: str | Query) -> list[Hit]:
    """Articles matching ``text``, best first (newest first on ties)."""
    from reader.library.catalog import bulk

    query = parse(text) if isinstance(text, str) else text
    if query.empty:
        return []  # nothing to search for (a lone quote mark, punctuation)
    with bulk():  # tens of thousands of small objects, no cycles: no collector passes
        return _find(library, query)


def _find(library: Library, query: Query) -> list[Hit]:
    catalog = library.catalog
    rows = catalog.rows
    scores: dict[str, float] | None = None
    found: Any = None  # the ids the words find (None: no words, every article)
    if query.terms:
        result = library.search_index.scored([t.fts() for t in query.terms], query.excluding())
        if result and isinstance(result[0], tuple):
            scores = {i: round(score, 6) for i, score in result}
            found = scores
        else:
            found = set(result)
    excluded: set[str] = set()
    if query.excluding() is not None and not query.terms:  # else left out by the index
        excluded = {i for i, _ in library.search_index.matching(query.excluding(), ranked=False)}
    row_tests, state_tests = _filters(library, query)
    flags = library.state.flags_by_id.get
    default = (False, False)
    if found is None or len(found) * 8 > len(rows):
        # most of the library: walk it newest first rather than sort what was found
        candidates = [r for r in catalog.ordered() if found is None or r[records.ID] in found]
    else:
        candidates = [row for i in found if (row := rows.get(i)) is not None]
        candidates.sort(key=_newest, reverse=True)
    if excluded:
        candidates = [r for r in candidates if r[records.ID] not in excluded]
    for test in row_tests:
        candidates = [r for r in candidates if test(r)]
    for flag, wanted in state_tests:
        candidates = [r for r in candidates if flags(r[records.ID], default)[flag] is wanted]
    if scores is not None:  # best first; the sort is stable, so newest first among equals
        candidates.sort(key=lambda r: scores[r[records.ID]], reverse=True)
    entries = catalog.entries_of(candidates, flags)
    if scores is None:
        return [Hit(e, 0.0) for e in entries]
    return [Hit(e, scores[e.id]) for e in entries]


def _newest(row: records.Row) -> tuple[float, float, str]:
    return row[records.DATE], row[records.IMPORTED], row[records.ID]


def _filters(library: Library, query: Query) -> tuple[list[Callable], list[tuple[int, bool]]]:
    """The tests of catalog rows, and the (read, bookmarked) flags wanted: (index, value)."""
    tests: list[Callable] = []
    if query.speakers:
        wanted = query.speakers

        def speaker(row) -> bool:
            names = [n.casefold() for n in row[records.SPEAKERS]]
            return all(any(w in n for n in names) for w in wanted)

        tests.append(speaker)
    for site in query.sites:
        tests.append(lambda row, site=site: site in (row[records.SITE] or "").casefold())
    if query.feeds:
        titles = _feed_titles(library)

        def feed(row) -> bool:
            url = row[records.FEED]
            if not url:
                return False
            name = f"{url}\n{titles.get(url, '')}".casefold()
            return all(f in name for f in query.feeds)

        tests.append(feed)
    if query.before is not None:
        tests.append(lambda row: row[records.DATE] < query.before)
    if query.after is not None:
        tests.append(lambda row: row[records.DATE] >= query.after)
    flags = {"unread": (0, False), "read": (0, True), "bookmarked": (1, True)}
    return tests, [flags[flag] for flag in query.flags]


def _feed_titles(library: Library) -> dict[str, str]:
    from reader.library.feeds import FeedStore

    try:
        return {f.url: f.title or "" for f in FeedStore.of(library).list()}
    except Exception:  # a damaged feeds file is reported where feeds are shown
        return {}


def snippet(library: Library, article_id: str, query: Query, width: int = SNIPPET) -> str:
    """A short piece of the article around its best match (the start of the story if none)."""
    from reader.library.highlight import fragment

    text = library.search_index.text(article_id)
    if text is None:
        return ""
    found = fragment(text[4], query, words=max(8, width // 7))
    if found is not None:
        return found
    body = " ".join(text[4].split())
    if len(body) <= width:
        return body
    cut = body.rfind(" ", 0, width)
    return body[: cut if cut > 0 else width] + "…"
