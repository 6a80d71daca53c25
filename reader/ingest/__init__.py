"""Turning a source into Articles: sniff the bytes, dispatch, analyse quotes.

The one door for files is :func:`load_path`; for bytes already in hand (a
fetched page) it is :func:`parse_bytes`. Both raise :class:`SourceError`
with a reason a person can act on, never anything else; when the fault is
byline's own (an unexpected exception), it is the subclass
:class:`~reader.errors.ParseFailure`, with the exception as its cause.
"""

from __future__ import annotations

import dataclasses
import os
import warnings
from pathlib import Path

from reader.errors import ParseFailure, SourceError, printable
from reader.model import Article, Paragraph, article_id

__all__ = ["load_path", "parse_bytes", "extract", "SourceError", "MAX_BYTES"]

MAX_BYTES = 20 * 1024 * 1024
"""Larger files are refused: no saved news page comes near this size."""

_SUBSCRIBE = "subscribe to it by its URL: `byline feeds add URL`"


def load_path(path: str | Path) -> Article:
    """Read one file (HTML page or plain-text dump) into an analysed Article.

    The file's name is the article's source as :func:`printable` shows it, so
    a name that is not UTF-8, or holds control characters, is stored safely."""
    source = printable(str(path))
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_BYTES:
                raise SourceError(source, _too_large(size))
            data = handle.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise SourceError(source, "is a directory, not a file") from None
    except FileNotFoundError:
        raise SourceError(source, "no such file") from None
    except PermissionError:
        raise SourceError(source, "permission denied") from None
    except OSError as error:
        raise SourceError(source, f"cannot read ({error.strerror or error})") from None
    return parse_bytes(data, source=source)


def parse_bytes(data: bytes, *, source: str, url: str | None = None) -> Article:
    """Parse bytes already read (a file's content, a fetched page)."""
    article = extract(data, source=source, url=url)
    from reader.quotes import analyze

    try:
        quotes, speakers = analyze(article.paragraphs)
    except Exception as error:  # noqa: BLE001 - the story is still worth reading
        warnings.warn(f"{source}: quote analysis failed ({error!r})", RuntimeWarning, stacklevel=2)
        return article
    return dataclasses.replace(article, quotes=tuple(quotes), speakers=tuple(speakers))


def extract(data: bytes, *, source: str, url: str | None = None) -> Article:
    """The cleaned story in ``data``, without quote analysis."""
    from reader.ingest.decode import decode
    from reader.ingest.normalize import strip_controls
    from reader.ingest.sniff import sniff

    if len(data) > MAX_BYTES:
        raise SourceError(source, _too_large(len(data)))
    if not data.strip():
        empty = "empty page" if source.startswith(("http://", "https://")) else "empty file"
        raise SourceError(source, empty)
    kind = sniff(data)
    if kind == "binary":
        raise SourceError(source, "binary file, not a page")
    if kind == "feed":
        raise SourceError(source, f"this is a feed, not a page ({_SUBSCRIBE})")
    text = decode(data)
    try:
        if kind == "html":
            if "\x1b" in text or "\x9b" in text or "\x9d" in text:
                text = strip_controls(text)  # before parsing: lxml eats ESC, not its tail
            article = _from_html(text, source, url)
        else:
            article = _from_text(text, source, url)
    except SourceError:
        raise
    except Exception as error:  # noqa: BLE001 - a page must never crash the caller
        reason = f"byline could not read the page ({type(error).__name__}: {error}; a bug in byline)"
        raise ParseFailure(source, reason) from error
    if article is None:
        raise SourceError(source, "no article text found")
    return article


def _from_html(text: str, source: str, url: str | None) -> Article | None:
    from reader.ingest.html import parse_html

    story = parse_html(text, url)
    if story is None:
        return None
    return _article(story.title, story.paragraphs, source, url=story.url, site=story.site,
                    authors=story.authors, published=story.published, summary=story.summary,
                    truncated=story.cut)


def _from_text(text: str, source: str, url: str | None) -> Article | None:
    from reader.ingest.bounds import cut_text
    from reader.ingest.text import parse_text

    text, cut = cut_text(text)
    story = parse_text(text)
    if story is None:
        return None
    return _article(story.title, story.paragraphs, source, url=url, site=story.site,
                    authors=story.authors, published=story.published, truncated=cut)


def _article(title: str, paragraphs: tuple[Paragraph, ...], source: str, **fields) -> Article:
    from reader.ingest.bounds import cap_paragraphs

    title = title or "(untitled)"
    paragraphs, fields["truncated"] = cap_paragraphs(paragraphs, fields.get("truncated"))
    return Article(
        id=article_id(fields.get("url"), title, paragraphs),
        title=title,
        paragraphs=paragraphs,
        source=source,
        **fields,
    )


def _too_large(size: int) -> str:
    return f"too large ({size / 1024 / 1024:.0f} MB; limit {MAX_BYTES // 1024 // 1024} MB)"
