"""How much of a huge page is read: the limits, and cutting to them.

No news story comes near these limits (the largest of the 123 news pages
measured holds 1,600 HTML elements and a few hundred paragraphs), but an
8 MB page can hold 120,000 paragraphs, and every later stage (trafilatura's
copies of the tree, the quote analysis, the stored document) grows with
them. So a page is read up to its first :data:`MAX_ELEMENTS` elements or
:data:`MAX_TEXT` characters, as if the file ended there (the tree is cut
before trafilatura copies it), a text dump up to its first :data:`MAX_LINES`
lines (before its lines are cleaned and classified), and a story keeps at
most :data:`MAX_PARAGRAPHS` paragraphs. A story cut so says why in
``Article.truncated``, which the import reports and the reader shows:
nothing is cut without a word.
"""

from __future__ import annotations

import re
from itertools import islice

from reader.model import Paragraph

MAX_ELEMENTS = 30_000
"""HTML elements read from a page, in document order (scripts and styles count one each)."""

MAX_TEXT = 8_000_000
"""Characters of text read from a page (an 8 MB page of prose holds about that)."""

MAX_LINES = 50_000
"""Lines read from a text dump (the longest of 123 news pages' dumps has 692)."""

MAX_PARAGRAPHS = 10_000
"""Paragraphs kept in one story."""

_CODE = frozenset({"script", "style", "noscript", "template", "svg"})
_VISIBLE = re.compile(r"\S")


def cut_tree(tree) -> str | None:
    """Drop every element after the first :data:`MAX_ELEMENTS` of ``tree`` (an
    lxml tree), or after the one where its text passes :data:`MAX_TEXT`
    characters, as a page whose file ended there; why, if anything was dropped."""
    count = chars = 0
    last = None
    for element in tree.iter():
        count += 1
        if element.tag not in _CODE:  # a script's text is not the page's text
            chars += len(element.text or "")
        chars += len(element.tail or "")
        if count >= MAX_ELEMENTS or chars >= MAX_TEXT:
            last = element
            break
    if last is None or next(islice(last.iter(), 1, None), None) is None and not _follows(last):
        return None  # the page ends with it: nothing to cut
    for child in list(last):
        last.remove(child)  # its descendants come after it in document order
    node = last
    while (parent := node.getparent()) is not None:
        while (following := node.getnext()) is not None:
            parent.remove(following)
        node = parent
    return (f"the page is very long: only its first {count:,} HTML elements were read "
            f"(byline reads up to {MAX_ELEMENTS:,} elements or {MAX_TEXT // 1_000_000} "
            "million characters of a page)")


def _follows(element) -> bool:
    """Whether any element comes after ``element`` (and its descendants) in document order."""
    node = element
    while node is not None:
        if node.getnext() is not None:
            return True
        node = node.getparent()
    return False


def cut_text(text: str) -> tuple[str, str | None]:
    """A text dump up to its first :data:`MAX_LINES` lines, and why, if cut."""
    at = -1
    for _ in range(MAX_LINES):
        at = text.find("\n", at + 1)
        if at < 0:
            return text, None
    if _VISIBLE.search(text, at + 1) is None:
        return text, None  # only blank lines follow
    return text[: at + 1], (f"the text is very long: only its first {MAX_LINES:,} lines were read")


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
