"""Quotations across the library, read straight from the stored documents.

The catalog knows each article's quote count and speaker names, so articles
without a quotation (or without a matching speaker) are never opened, and
the first article's quotations come before the rest of the catalog is
looked at. Of each document only the quotations are parsed and built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from reader.errors import StorageError
from reader.library import records
from reader.library.rows import Entry
from reader.model import Article, Quote

if TYPE_CHECKING:
    from reader.library import Library

OnError = Callable[[Entry, StorageError], None]


def quotations(
    library: Library, speaker: str | None = None, on_error: OnError | None = None
) -> Iterator[tuple[Entry, tuple[Quote, ...]]]:
    """(entry, its quotations), newest article first; see :meth:`Library.quotations`."""
    needle = speaker.casefold() if speaker else None
    flags = library.state.flags
    # The ordered rows are replaced, never changed in place, when the catalog
    # changes: this walk sees one consistent catalog.
    for row in library.catalog.ordered():
        if not row[records.QUOTES]:
            continue
        if needle is not None and not any(needle in s.casefold() for s in row[records.SPEAKERS]):
            continue
        entry = records.entry(row, flags(row[records.ID]))
        try:
            quotes = _quotes(library, entry.id, needle)
        except StorageError as error:
            if on_error is None:
                raise
            on_error(entry, error)
            continue
        if quotes:
            yield entry, quotes


def _quotes(library: Library, article_id: str, needle: str | None) -> tuple[Quote, ...]:
    raw = library.documents.read_quotes(article_id)
    if raw is None:
        library._document(article_id)  # raises the "missing, import it again" error
    try:
        if needle is not None:
            raw = [q for q in raw if needle in (q.get("speaker") or "").casefold()]
        # Only the quotations go through the model's own reader: no paragraphs built.
        return Article.from_dict({"id": article_id, "quotes": raw}).quotes
    except (AttributeError, KeyError, TypeError, ValueError) as error:
        raise StorageError(
            f"the stored copy of article {article_id} is malformed: {error}"
        ) from error
