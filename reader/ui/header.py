"""The header line: the library's name, its counts and what the list shows."""

from __future__ import annotations

from textual.content import Content, Span
from textual.widgets import Static

from reader.library import Counts
from reader.ui.text import safe


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def header_content(name: str, counts: Counts, showing: str) -> Content:
    left = f" byline · {safe(name)}" if name else " byline"
    middle = (
        f"{_plural(counts.total, 'article')} · {counts.unread:,} unread"
        f" · {counts.bookmarked:,} bookmarked"
    )
    showing = safe(showing)
    text = f"{left}   {middle}   {showing}"
    spans = [
        Span(0, 7, ".header--brand"),
        Span(len(left) + 3, len(left) + 3 + len(middle), ".header--counts"),
        Span(len(text) - len(showing), len(text), ".header--showing"),
    ]
    return Content(text, spans)


class LibraryHeader(Static):
    COMPONENT_CLASSES = {"header--brand", "header--counts", "header--showing"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)

    def show(self, name: str, counts: Counts, showing: str) -> None:
        self.update(header_content(name, counts, showing))
