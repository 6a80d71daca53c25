"""HTML pages: trafilatura finds the main text, our own reading of the same
lxml tree finds the metadata it skips (og:/article: meta, JSON-LD).

The page is parsed once: metadata is read from the tree first, then the tree
goes to trafilatura (which may prune it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import trafilatura
from lxml import etree

from reader.ingest.metadata import Meta, read_meta
from reader.ingest.normalize import clean_line
from reader.model import Paragraph

# Skip trafilatura's comparison with readability/jusText on every page: on
# the AEB pages it changes F1 by nothing and costs a third of the time; the
# later rescue stages (baseline, recall retry) still run when the main pass
# finds too little.
FAST = True
MIN_WORDS = 12
_KINDS = {"head": "heading", "quote": "blockquote"}


@dataclass(frozen=True, slots=True)
class HtmlStory:
    title: str
    paragraphs: tuple[Paragraph, ...]
    site: str | None
    authors: tuple[str, ...]
    published: datetime | None
    url: str | None
    summary: str | None


def parse_html(text: str, url: str | None = None) -> HtmlStory | None:
    """The story in an HTML page, or None when it holds no article text."""
    tree = trafilatura.load_html(text)
    if tree is None:
        return None
    meta = read_meta(tree)
    document = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, include_tables=True, with_metadata=False, fast=FAST
    )
    body = getattr(document, "body", None)
    paragraphs = list(_paragraphs(body)) if body is not None else []
    title = meta.title or ""
    if paragraphs and paragraphs[0].kind == "heading":
        first = paragraphs[0].text
        if not title or _same(first, title):
            title = title or first
            paragraphs.pop(0)
    if not title and paragraphs:
        title = _fallback_title(paragraphs)
    words = sum(len(p.text.split()) for p in paragraphs if p.kind != "heading")
    if words < MIN_WORDS:  # a menu or a stray link is not an article
        return None
    return HtmlStory(
        title=title,
        paragraphs=tuple(paragraphs),
        site=meta.site,
        authors=meta.authors,
        published=meta.published,
        url=meta.url or url,
        summary=meta.summary,
    )


def _paragraphs(body: etree._Element):
    """trafilatura's XML body as paragraphs, text between elements included."""
    lead = clean_line(body.text or "")
    if lead:
        yield Paragraph(lead)
    for element in body:
        yield from _element(element)
        tail = clean_line(element.tail or "")
        if tail:  # text that follows an element directly in the body
            yield Paragraph(tail)


def _element(element: etree._Element):
    tag = element.tag
    if tag == "list":
        for item in element.iter("item"):
            text = clean_line(_text(item, skip="list"))  # nested lists give their own items
            if text:
                yield Paragraph(text)
    elif tag == "table":
        for row in element.iter("row"):
            cells = (clean_line(_text(cell)) for cell in row)
            text = " | ".join(cell for cell in cells if cell)
            if text:
                yield Paragraph(text)
    elif tag not in ("graphic", "ref") or (element.text or "").strip():
        kind = _KINDS.get(tag, "text")
        raw = _text(element)
        # A line break inside a paragraph (an address, a list of dates) starts
        # a new paragraph; a heading stays one line.
        for piece in [raw] if kind == "heading" else raw.split("\n"):
            text = clean_line(piece)
            if text:
                yield Paragraph(text, kind)


def _text(element: etree._Element, skip: str | None = None) -> str:
    """All the text inside ``element`` (not its tail), line breaks as newlines,
    leaving out ``skip`` subtrees."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag != skip:
            parts.append(_text(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def _same(a: str, b: str) -> bool:
    a, b = a.casefold(), b.casefold()
    return a == b or a in b or b in a


def _fallback_title(paragraphs: list[Paragraph]) -> str:
    first = paragraphs[0].text
    return first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "…"


__all__ = ["HtmlStory", "Meta", "parse_html"]
