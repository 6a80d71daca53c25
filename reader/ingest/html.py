"""HTML pages: trafilatura finds the main text, our own reading of the same
lxml tree finds the metadata it skips (og:/article: meta, JSON-LD).

The page is parsed once: metadata is read from the tree first, then the tree
goes to trafilatura (which may prune it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import trafilatura

from reader.ingest.metadata import Meta, read_meta
from reader.ingest.prepare import separate_nested_blocks
from reader.ingest.xmlbody import paragraphs as read_body
from reader.model import Paragraph

# Skip trafilatura's comparison with readability/jusText on every page: on
# the AEB pages it changes F1 by nothing and costs a third of the time; the
# later rescue stages (baseline, recall retry) still run when the main pass
# finds too little.
FAST = True
MIN_WORDS = 12


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
    separate_nested_blocks(tree)
    document = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, include_tables=True, with_metadata=False, fast=FAST
    )
    body = getattr(document, "body", None)
    paragraphs = read_body(body) if body is not None else []
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


def _same(a: str, b: str) -> bool:
    a, b = a.casefold(), b.casefold()
    return a == b or a in b or b in a


def _fallback_title(paragraphs: list[Paragraph]) -> str:
    first = paragraphs[0].text
    return first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "…"


__all__ = ["HtmlStory", "Meta", "parse_html"]
