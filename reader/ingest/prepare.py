"""The page's lxml tree made ready for trafilatura: no block runs into another.

Inside a quotation, a list item or a definition, trafilatura
strips the ``div``-like blocks a page nests there and keeps only their text,
trimmed, so "…before lunch.</div><div>Next year…" comes out as
"lunch.Next year". Each such block gets :data:`MARK` at the start of its text
and of its tail: a noncharacter (never in a real page), which trafilatura's
trimming keeps and byline's reading of its tree turns into a paragraph break
(:mod:`reader.ingest.xmlbody`). The tree's shape is left alone, so
trafilatura's choice of the main text does not move.
"""

from __future__ import annotations

from lxml import etree

MARK = "\ufdd0"
"""A block boundary inside trafilatura's text (a Unicode noncharacter)."""

# Containers whose nested blocks trafilatura flattens into their text, and the
# blocks it flattens there (found by feeding it each HTML block in each
# container; the others it keeps as elements of its own tree).
_CONTAINERS = ("blockquote", "li", "dd", "dt")
_FLATTENED = ("div", "pre", "address", "details", "summary", "hgroup")
_NESTED = etree.XPath(
    "(" + "|".join(f"//{tag}" for tag in _FLATTENED) + ")"
    + "[" + " or ".join(f"ancestor::{tag}" for tag in _CONTAINERS) + "]"
)  # one query in C: a Python walk over every list item costs twice as much


def separate_nested_blocks(tree: etree._Element) -> None:
    """Mark where each block nested in a flattening container starts and ends, in place."""
    for block in _NESTED(tree):
        block.text = MARK + (block.text or "")
        block.tail = MARK + (block.tail or "")
