"""Feeds (RSS 0.9x/1.0/2.0, Atom) into entries, and entries into Articles.

:func:`parse_feed` reads a feed's bytes with feedparser; a malformed feed it
can still read (``bozo`` but with entries) is accepted, an unreadable one is a
SourceError. :func:`entry_article` turns an entry's own content into an
Article; :func:`page_article` dresses a fetched page as that entry's Article,
keeping the entry's identity so a refresh never duplicates it.
"""

from __future__ import annotations

import calendar
import html
import re
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import feedparser
from lxml import etree

from reader.errors import SourceError
from reader.ingest.normalize import clean_line, strip_controls
from reader.model import Article, Paragraph, article_id

# Content shorter than this (in characters of text) counts as a summary, and
# so does a description (no content:encoded / atom:content) shorter than the
# longer bound: both get their full story fetched from the entry's link.
SHORT_CONTENT = 200
SHORT_DESCRIPTION = 1500



@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One entry of a feed, its HTML kept as given (sanitised by feedparser)."""

    id: str | None
    link: str | None
    title: str
    published: datetime | None = None
    authors: tuple[str, ...] = ()
    content: str | None = None  # content:encoded / atom:content, HTML
    summary: str | None = None  # description / atom:summary, HTML
    plain: bool = False  # content and summary are plain text, not HTML

    @property
    def identity(self) -> str | None:
        """What makes this entry itself across refreshes: its link, else its id."""
        return self.link or self.id

    @property
    def needs_full_text(self) -> bool:
        """True if the feed carries only a summary of the story."""
        if self.content and _text_length(self.content) >= SHORT_CONTENT:
            return False
        return not (self.summary and _text_length(self.summary) >= SHORT_DESCRIPTION)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, for :meth:`from_dict` (a refresh keeps entries to retry)."""
        return {
            "id": self.id,
            "link": self.link,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "authors": list(self.authors),
            "content": self.content,
            "summary": self.summary,
            "plain": self.plain,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FeedEntry:
        """The entry :meth:`to_dict` gave; ValueError if ``data`` is not one."""
        texts = ("id", "link", "content", "summary", "published")
        if not isinstance(data, dict) or not isinstance(data.get("title"), str) or any(
            not isinstance(data.get(k), (str, type(None))) for k in texts
        ):
            raise ValueError("not a feed entry")
        authors = data.get("authors") or []
        if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
            raise ValueError("not a feed entry")
        published = data.get("published")
        return cls(
            id=data.get("id"),
            link=data.get("link"),
            title=data["title"],
            published=datetime.fromisoformat(published) if published else None,
            authors=tuple(authors),
            content=data.get("content"),
            summary=data.get("summary"),
            plain=bool(data.get("plain")),
        )


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    link: str | None
    entries: tuple[FeedEntry, ...]
    warning: str | None = None  # why feedparser found it malformed, if it did


def parse_feed(data: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse feed bytes fetched from ``url`` (relative links resolve against it).

    ``content_type`` is the server's, when it names XML (its charset counts).
    """
    if not content_type or "xml" not in content_type.lower():
        content_type = "application/xml"
    headers = {"content-location": url, "content-type": content_type}
    # No sanitising or link rewriting: only the text of entries is kept (see
    # html_paragraphs, which drops scripts and styles), and both double the time.
    parsed = feedparser.parse(
        data, response_headers=headers, sanitize_html=False, resolve_relative_uris=False
    )
    problem = parsed.get("bozo_exception")
    if not parsed.entries and (not parsed.get("version") or parsed.get("bozo")):
        reason = f" ({_one_line(problem)})" if problem else ""
        raise SourceError(url, f"not a readable RSS or Atom feed{reason}")
    feed = parsed.feed
    return ParsedFeed(
        title=clean(feed.get("title", "")) or None,
        link=_web_link(feed.get("link")),
        entries=tuple(_entry(e) for e in parsed.entries),
        warning=_one_line(problem) if _malformed(parsed) else None,
    )


def _entry(e) -> FeedEntry:
    contents = [c for c in e.get("content", ()) if c.get("value")]
    content = max(contents, key=lambda c: len(c["value"]))["value"] if contents else None
    summary = e.get("summary") or None
    detail = (contents[0] if contents else e.get("summary_detail")) or {}
    title = e.get("title", "")
    if (e.get("title_detail") or {}).get("type") in ("text/html", "application/xhtml+xml"):
        title = html_text(title)
    stamp = e.get("published_parsed") or e.get("updated_parsed")
    names = [a.get("name", "") for a in e.get("authors", ()) if isinstance(a, dict)]
    return FeedEntry(
        id=e.get("id") or None,
        link=e.get("link") or None,
        title=clean(title),
        published=datetime.fromtimestamp(calendar.timegm(stamp), timezone.utc) if stamp else None,
        authors=tuple(n for n in (clean(n) for n in names) if n),
        content=content,
        summary=summary if summary != content else None,
        plain=detail.get("type") == "text/plain",
    )


def entry_article(
    entry: FeedEntry, *, feed_url: str, feed_title: str | None, note: str | None = None
) -> Article:
    """The entry as an Article from the feed's own text (content, else summary).

    ``note`` (why the full story is missing) is added as a last paragraph.
    """
    body = entry.content or entry.summary or ""
    paragraphs = text_paragraphs(body) if entry.plain else html_paragraphs(body)
    if note:
        paragraphs += (Paragraph(clean(note)),)
    title = entry.title or (paragraphs[0].text[:80] if paragraphs else "(untitled)")
    summary = html_text(entry.summary) if entry.summary and entry.content else None
    return Article(
        id=article_id(entry.identity, title, paragraphs),
        title=title,
        paragraphs=paragraphs,
        site=feed_title,
        authors=entry.authors,
        published=entry.published,
        url=entry.link,
        source=entry.link or feed_url,
        summary=summary or None,
        feed=feed_url,
    )


def page_article(
    entry: FeedEntry, page: Article, *, feed_url: str, feed_title: str | None
) -> Article:
    """A page fetched from the entry's link, as that entry's Article.

    The entry's identity and date win (so refreshes match it), and the feed's
    title is the site (the page's own name only when the feed has none), so
    a feed's stories read as one source; the page's title and authors win
    where it has them.
    """
    return Article(
        id=article_id(entry.identity, page.title, page.paragraphs),
        title=page.title or entry.title,
        paragraphs=page.paragraphs,
        site=feed_title or page.site,
        authors=page.authors or entry.authors,
        published=entry.published or page.published,
        url=entry.link or page.url,
        source=page.source or entry.link,
        summary=page.summary or (html_text(entry.summary) if entry.summary else None),
        feed=feed_url,
        quotes=page.quotes,
        speakers=page.speakers,
    )


# -- HTML fragments to plain paragraphs ------------------------------------

_BLOCKS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "li", "dt", "dd",
    "ul", "ol", "dl", "pre", "figure", "figcaption", "table", "tr", "td", "th", "blockquote",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "address",
}  # fmt: skip
_TAGS = re.compile(r"<[^>]*>")
_SKIP = {"script", "style", "noscript", "iframe", "object", "embed", "svg", "template", "head"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_local = threading.local()


def clean(text: str) -> str:
    """Escape sequences and controls out, NFC, whitespace to one space, trimmed."""
    return clean_line(text)


def _text_length(fragment: str) -> int:
    """About how many characters of text an HTML fragment holds (cheaply)."""
    return len(" ".join(html.unescape(_TAGS.sub(" ", fragment)).split()))


def html_text(fragment: str) -> str:
    return " ".join(p.text for p in html_paragraphs(fragment))


def text_paragraphs(text: str) -> tuple[Paragraph, ...]:
    blocks = re.split(r"\n\s*\n", strip_controls(text))
    return tuple(Paragraph(t) for t in (clean(b) for b in blocks) if t)


def html_paragraphs(fragment: str) -> tuple[Paragraph, ...]:
    """Plain paragraphs of an HTML fragment: one per block, <br><br> splits."""
    if not fragment or "<" not in fragment:
        return text_paragraphs(html.unescape(fragment or ""))
    if "\x1b" in fragment or "\x9b" in fragment or "\x9d" in fragment:
        fragment = strip_controls(fragment)  # before parsing: libxml2 drops ESC, not its tail
    root = etree.fromstring(fragment.encode("utf-8", "replace"), _html_parser())
    if root is None:
        return ()
    out: list[Paragraph] = []
    buf: list[str] = []
    kinds: list[str] = ["text"]
    breaks = 0  # <br>s in a row, with only whitespace between

    def flush() -> None:
        nonlocal breaks
        text = clean("".join(buf))
        buf.clear()
        breaks = 0
        if text:
            out.append(Paragraph(text, kinds[-1]))  # type: ignore[arg-type]

    def add(text: str | None) -> None:
        nonlocal breaks
        if text:
            buf.append(text)
            if not text.isspace():
                breaks = 0

    def walk(node: etree._Element) -> None:
        nonlocal breaks
        add(node.text)
        for child in node:
            name = child.tag
            if not isinstance(name, str) or name in _SKIP:
                pass  # a comment or processing instruction, or a script: its tail counts
            elif name == "br":
                breaks += 1
                if breaks >= 2:
                    flush()
                else:
                    buf.append(" ")
            elif name not in _BLOCKS:
                walk(child)
            else:
                flush()
                kind = kinds[-1]
                if name in _HEADINGS:
                    kind = "heading"
                elif name == "blockquote":
                    kind = "blockquote"
                kinds.append(kind)
                walk(child)
                flush()
                kinds.pop()
            add(child.tail)

    walk(root)
    flush()
    return tuple(out)


def _html_parser() -> etree.HTMLParser:
    """This thread's HTML parser (an lxml parser must not be shared by threads)."""
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = etree.HTMLParser(
            encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True
        )
    return parser


def _malformed(parsed) -> bool:
    """Bozo for a reason worth telling: a charset a server got wrong is not one."""
    problem = parsed.get("bozo_exception")
    return bool(parsed.get("bozo") and problem) and not isinstance(
        problem, feedparser.CharacterEncodingOverride
    )


def _web_link(link: str | None) -> str | None:
    """An http(s) link, or None (feedparser falls back to ids like "urn:...")."""
    return link if link and link.lower().startswith(("http://", "https://")) else None


def _one_line(error: object) -> str:
    return clean(str(error))[:200]
