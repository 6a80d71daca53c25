"""How much of a huge page is read: the limits, and cutting to them.

No news story comes near these limits (the largest of the 123 news pages
measured holds 1,600 HTML elements and a few hundred paragraphs), but an
8 MB page can hold 120,000 paragraphs, and every later stage (trafilatura's
copies of the tree, the quote analysis, the stored document) grows with
them. So a page is read up to its first :data:`MAX_ELEMENTS` elements, as if
the file ended there (the tree is cut before trafilatura copies it), and a
story keeps at most :data:`MAX_PARAGRAPHS` paragraphs. A story cut so says
why in ``Article.truncated``, which the import reports and the reader shows:
nothing is cut without a word.
"""

from __future__ import annotations

from itertools import islice

from reader.model import Paragraph

MAX_ELEMENTS = 30_000
"""HTML elements read from a page, in document order (scripts and styles count one each)."""

MAX_PARAGRAPHS = 10_000
"""Paragraphs kept in one story."""


def cut_tree(tree) -> str | None:
    """Drop every element after the first :data:`MAX_ELEMENTS` of ``tree`` (an
    lxml tree), as a page whose file ended there; why, if anything was dropped."""
    if next(islice(tree.iter(), MAX_ELEMENTS, None), None) is None:
        return None  # no more elements than that: nothing to cut
    last = next(islice(tree.iter(), MAX_ELEMENTS - 1, None))
    for child in list(last):
        last.remove(child)  # its descendants come after it in document order
    node = last
    while (parent := node.getparent()) is not None:
        while (following := node.getnext()) is not None:
            parent.remove(following)
        node = parent
    return f"the page is very long: only its first {MAX_ELEMENTS:,} HTML elements were read"


def cap_paragraphs(
    paragraphs: tuple[Paragraph, ...], cut: str | None = None
) -> tuple[tuple[Paragraph, ...], str | None]:
    """At most :data:`MAX_PARAGRAPHS` paragraphs, and why the story is not whole
    (``cut``: why the page was cut already, if it was), or None if it is."""
    if len(paragraphs) <= MAX_PARAGRAPHS:
        return paragraphs, cut
    if cut:
        note = f"{cut}, and of their story only the first {MAX_PARAGRAPHS:,} paragraphs were kept"
    else:
        note = (f"the story is very long: only its first {MAX_PARAGRAPHS:,} of "
                f"{len(paragraphs):,} paragraphs were kept")
    return paragraphs[:MAX_PARAGRAPHS], note
