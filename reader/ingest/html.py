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

from reader.ingest.bounds import cut_tree
from reader.ingest.metadata import Meta, read_meta
from reader.ingest.prepare import MARK, drop_hover_cards, separate_nested_blocks
from reader.ingest.promo import looks_like_navigation, story_weight, trim
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
    cut: str | None = None  # why only part of the page was read


def parse_html(text: str, url: str | None = None) -> HtmlStory | None:
    """The story in an HTML page, or None when it holds no article text."""
    tree = trafilatura.load_html(text)
    if tree is None:
        return None
    cut = cut_tree(tree)  # before trafilatura makes its copies of it
    meta = read_meta(tree)
    separate_nested_blocks(tree)
    drop_hover_cards(tree)
    is_link = _LinkTexts(tree)
    title = meta.title or ""
    title, raw, paragraphs = _reading(tree, url, title, is_link, fast=FAST)
    if FAST and looks_like_navigation(raw, is_link):
        # The fast pass kept a menu: trafilatura's full pass (its comparison
        # with other extractors) may find the story; keep whichever holds more.
        full_title, _, full = _reading(tree, url, meta.title or "", is_link, fast=False)
        if story_weight(full) > story_weight(paragraphs):
            title, paragraphs = full_title, full
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
        cut=cut,
    )


def _reading(tree, url: str | None, title: str, is_link, *, fast: bool):
    """One trafilatura pass over ``tree`` (which it copies): the title, the
    paragraphs as read, and the story's paragraphs without the promo lines."""
    document = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, include_tables=True, with_metadata=False, fast=fast
    )
    body = getattr(document, "body", None)
    paragraphs = read_body(body) if body is not None else []
    if paragraphs and paragraphs[0].kind == "heading":
        first = paragraphs[0].text
        if not title or _same(first, title):
            title = title or first
            paragraphs.pop(0)
    story = trim(paragraphs, is_link, MIN_WORDS)
    if len(story) > 1 and title and story[0].text.casefold() == title.casefold():
        story = story[1:]  # the headline as a plain line (below a breadcrumb trail, say)
    return title, paragraphs, story


class _LinkTexts:
    """Whether a line is the whole text of a link on the page.

    The first few lines are looked up by one XPath query each (in C); after
    that the texts of all the page's links are gathered once into a set.
    """

    QUERIES = 3

    def __init__(self, tree) -> None:
        self._tree = tree
        self._asked = 0
        self._texts: set[str] | None = None

    def __call__(self, text: str) -> bool:
        key = " ".join(text.split())
        if self._texts is None and self._asked < self.QUERIES:
            self._asked += 1
            return bool(_IS_ANCHOR_TEXT(self._tree, text=key))
        if self._texts is None:
            self._texts = {_key(anchor.xpath("string()")) for anchor in _ANCHORS(self._tree)}
        return key in self._texts


_ANCHORS = etree.XPath("//a[@href]")
_IS_ANCHOR_TEXT = etree.XPath(f"boolean(//a[@href][normalize-space(translate(., '{MARK}', ' ')) = $text])")


def _key(text: str) -> str:
    return " ".join(text.replace(MARK, " ").split())


def _same(a: str, b: str) -> bool:
    a, b = a.casefold(), b.casefold()
    return a == b or a in b or b in a


def _fallback_title(paragraphs: list[Paragraph]) -> str:
    first = paragraphs[0].text
    return first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "…"


__all__ = ["HtmlStory", "Meta", "parse_html"]
