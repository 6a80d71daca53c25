"""trafilatura's XML body read as paragraphs, keeping every block it nests.

trafilatura's tree is not flat: a ``quote`` holds ``p`` elements, a list
``item`` holds ``head`` and ``p`` elements and other lists, a ``p`` can hold
a ``p``, and ``lb`` marks a line break. Each block element starts a new
paragraph wherever it sits, and the text around it (its parent's text before
it, its own tail after it) is a paragraph of its own, so no two blocks run
together and no space between them is lost. Inline elements (``hi``,
``ref``, ``del``, ``code``) stay inside their paragraph. Inside a quotation or a
list item trafilatura flattens the ``div``-like blocks it does not keep;
:mod:`reader.ingest.prepare` marks where they were, and the mark is a break.

Kinds: a ``head`` is a heading (one line, its line breaks become spaces);
whatever sits inside a ``quote`` is a blockquote; everything else is text,
split at its line breaks (an address, a list of dates). A table row is one
paragraph, its cells joined by " | ".
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from reader.ingest.normalize import clean_line
from reader.ingest.prepare import MARK
from reader.model import Paragraph, ParagraphKind

# Elements that stay inside their paragraph; every other element (p, head,
# quote, list, item, table, row, and whatever else trafilatura keeps: div,
# section, header ...) starts a paragraph of its own wherever it is nested.
INLINE = frozenset({"hi", "ref", "del", "code", "graphic", "span", "a", "b", "i", "em",
                    "strong", "sub", "sup", "small", "abbr", "mark", "time", "u", "s", "q",
                    "cite", "font"})
_BREAK = "\n"
MAX_DEPTH = 200
"""Deeper nesting is read as flat text: no page needs more, and recursion is bounded."""


def paragraphs(body: etree._Element) -> list[Paragraph]:
    """Every paragraph of trafilatura's ``body`` element, in order."""
    out: list[Paragraph] = []
    _block(body, "text", out, 0)
    return out


def _block(element: etree._Element, kind: ParagraphKind, out: list[Paragraph], depth: int) -> None:
    tag = element.tag
    if tag == "head":
        kind = "heading"
    elif tag == "quote":
        kind = "blockquote"
    elif tag == "table":
        _table(element, kind, out)
        return
    pieces = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):  # a comment or processing instruction
            pass
        elif child.tag == "lb":
            pieces.append(_BREAK)
        elif child.tag not in INLINE and depth < MAX_DEPTH:
            _flush(pieces, kind, out)
            pieces = []
            _block(child, kind, out, depth + 1)
        else:
            pieces.append(_inline(child))
        pieces.append(child.tail or "")
    _flush(pieces, kind, out)


def _flush(pieces: list[str], kind: ParagraphKind, out: list[Paragraph]) -> None:
    raw = "".join(pieces)
    if not raw.strip():
        return
    raw = raw.replace(MARK, _BREAK)
    for piece in [raw] if kind == "heading" else raw.split(_BREAK):
        text = clean_line(piece)
        if text:
            out.append(Paragraph(text, kind))


def _inline(element: etree._Element) -> str:
    """The text inside an inline element (not its tail); a block or line break
    nested in it is a break, never a join."""
    parts = [element.text or ""]
    for child in element.iterchildren():
        if not isinstance(child.tag, str):
            pass
        elif child.tag == "lb" or child.tag not in INLINE:
            parts.append(_BREAK)
            if child.tag != "lb":
                parts.append("".join(child.itertext()))
                parts.append(_BREAK)
        else:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _table(table: etree._Element, kind: ParagraphKind, out: list[Paragraph]) -> None:
    for row in table.iter("row"):
        cells = (_cell(cell) for cell in row if isinstance(cell.tag, str))
        text = " | ".join(cell for cell in cells if cell)
        if text:
            out.append(Paragraph(text, kind))


def _cell(cell: etree._Element) -> str:
    """A cell's text on one line: its blocks and line breaks become spaces."""
    return clean_line("".join(_pieces(cell)).replace(MARK, " "))


def _pieces(element: etree._Element) -> Iterator[str]:
    yield element.text or ""
    for child in element:
        if not isinstance(child.tag, str) or child.tag == "row":  # nested rows come on their own
            pass
        elif child.tag == "lb":
            yield " "
        elif child.tag not in INLINE:
            yield " "
            yield from _pieces(child)
            yield " "
        else:
            yield from _pieces(child)
        yield child.tail or ""
