"""The page's lxml tree made ready for trafilatura: no block runs into another,
and no hidden card runs into a sentence.

Inside a quotation, a list item or a definition, trafilatura
strips the ``div``-like blocks a page nests there and keeps only their text,
trimmed, so "…before lunch.</div><div>Next year…" comes out as
"lunch.Next year". Each such block gets :data:`MARK` at the start of its text
and of its tail: a noncharacter (never in a real page), which trafilatura's
trimming keeps and byline's reading of its tree turns into a paragraph break
(:mod:`reader.ingest.xmlbody`). The tree's shape is left alone, so
trafilatura's choice of the main text does not move; only the cards a page
shows over a name (:func:`drop_hover_cards`) are taken out of its sentences.
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


# A card a page shows when the pointer rests on a name: right after the name's
# link, an inline block of links only (the name again, in full maybe, and its
# latest headlines),
# hidden by the page's style sheet. trafilatura keeps it in the sentence
# ("Rep. Ann LeeAnn LeeCouncil passes budget ..."); it goes, its tail stays.
_CARDS = etree.XPath("//p//a/following-sibling::*[1][self::span or self::div][count(.//a) >= 2]"
                     "[not(text()[normalize-space()])]")
CARD_WORDS = 10  # the card's links hold this many words at the least


def drop_hover_cards(tree: etree._Element) -> None:
    """Remove, in place, the cards that name again the link they follow."""
    for card in _CARDS(tree):
        trigger = card.getprevious()
        if trigger is None or trigger.tag != "a" or (trigger.tail or "").strip():
            continue
        if "".join(card.xpath(".//text()[not(ancestor::a)]")).strip():
            continue  # words of its own: part of the sentence
        links = [" ".join(a.xpath("string()").split()) for a in card.iter("a")]
        name = " ".join(trigger.xpath("string()").split())
        named = set(name.casefold().split())
        if named and any(named <= set(t.casefold().split()) for t in links) and sum(
                len(t.split()) for t in links) >= CARD_WORDS:
            parent = card.getparent()
            tail = card.tail or ""
            if tail:
                trigger.tail = (trigger.tail or "") + tail
            parent.remove(card)
