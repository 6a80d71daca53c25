"""Telling what a file holds by its content, not its name.

``sniff(data)`` answers "html", "text", "feed" (RSS, Atom or RDF XML) or
"binary". Only the first few kilobytes are looked at, so it is cheap.
"""

from __future__ import annotations

import re
from typing import Literal

from reader.ingest.decode import bom_encoding, utf16_without_bom

Kind = Literal["html", "text", "feed", "binary"]

_HEAD = 8192
_MAGIC = (
    b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b",
    b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"MZ", b"OggS",
    b"ID3", b"RIFF", b"\x00\x00\x01\x00", b"wOFF", b"wOF2", b"SQLite format",
    b"\xd0\xcf\x11\xe0",
)
_FEED = re.compile(r"<(rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML_START = re.compile(
    r"<(!doctype\s+html|html|head|body|meta|title|div|p|article|section|table|script|link)[\s>/]",
    re.IGNORECASE,
)
_TAG = re.compile(r"</?(p|div|br|a|span|li|ul|td|tr|h[1-6]|img|script|style|article)[\s>/]",
                  re.IGNORECASE)
_CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0b\x0e-\x1a\x1c-\x1f]")  # not tab, LF, FF, CR, ESC
_HTML_LINE = re.compile(r"^\s*<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE | re.MULTILINE)
MIN_TAGS = 12
# Whitespace, comments, the XML declaration and a DOCTYPE that is not HTML's
# (an RSS 0.91 DOCTYPE may carry kilobytes of entity declarations).
_LEADING_JUNK = re.compile(
    r"^(?:\s+|<!--.*?-->|<\?xml[^>]*\?>|<!doctype\s+(?!html\b)[^\[>]*(?:\[.*?\]\s*)?>)*",
    re.DOTALL | re.IGNORECASE,
)


def sniff(data: bytes) -> Kind:
    """What ``data`` is: "html", "text", "feed" or "binary"."""
    head = data[:_HEAD]
    encoding, skip = bom_encoding(head)
    if encoding is None:
        encoding = utf16_without_bom(head)
    if encoding is None:
        if any(head.startswith(magic) for magic in _MAGIC) or _looks_binary(head):
            return "binary"
        encoding = "utf-8"
    text = head[skip:].decode(encoding, errors="replace")
    if encoding == "utf-8" and text.count("\ufffd") > max(8, len(text) // 10):
        text = head.decode("cp1252", errors="replace")
    return _sniff_text(text)


def _looks_binary(head: bytes) -> bool:
    if not head:
        return False
    if b"\x00" in head:
        return True
    return len(_CONTROL_BYTES.findall(head)) > len(head) * 0.05


def _sniff_text(text: str) -> Kind:
    if "<" not in text:  # no markup at all: a plain-text dump (most are)
        return "text"
    start = _LEADING_JUNK.sub("", text[:_HEAD], count=1)
    lowered = start[:2048].lower()
    if start.startswith("<") and _FEED.search(lowered) and "<html" not in lowered:
        return "feed"
    if _HTML_START.match(start):
        return "html"
    if _HTML_LINE.search(text):
        return "html"
    # A fragment of markup without <html>: many tags. A text that merely
    # mentions a few (an article about web pages) stays text.
    if len(_TAG.findall(text)) >= MIN_TAGS:
        return "html"
    return "text"
