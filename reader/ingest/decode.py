"""Bytes to text, robustly: BOM, declared charset, then detection.

Never raises on bad bytes: the last resort decodes with replacement
characters rather than failing.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""")
# What browsers actually use for these labels (WHATWG Encoding Standard).
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
            "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252"}
_DETECT_LIMIT = 256 * 1024


def bom_encoding(data: bytes) -> tuple[str | None, int]:
    """The encoding a byte-order mark announces, and the mark's length."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None, 0


def utf16_without_bom(head: bytes) -> str | None:
    """Guess UTF-16 text with no BOM from where its NUL bytes fall."""
    sample = head[:4096]
    if len(sample) < 4 or sample.count(0) < len(sample) // 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.6 * half and even < 0.1 * half:
        return "utf-16-le"
    if even > 0.6 * half and odd < 0.1 * half:
        return "utf-16-be"
    return None


def declared_encoding(data: bytes) -> str | None:
    """The charset an XML declaration or HTML <meta> names, if it is known."""
    head = data[:4096]
    match = _XML_DECL.match(head) or _META.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii", "ignore").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode(data: bytes) -> str:
    """Decode ``data`` to str; never raises."""
    name, skip = bom_encoding(data)
    if name:
        return data[skip:].decode(name, errors="replace")
    name = utf16_without_bom(data)
    if name:
        return data.decode(name, errors="replace")
    declared = declared_encoding(data)
    if declared and not declared.startswith("utf-16"):
        if not declared.startswith("utf"):
            # A page saved by a browser is UTF-8 whatever its old <meta> says;
            # non-ASCII bytes that happen to form valid UTF-8 are no accident.
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                pass
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(data) or data.decode("cp1252", errors="replace")


# Latin-script code pages that detection often picks for short Western text.
_OTHER_LATIN = {"cp1250", "cp1257", "cp775", "cp852", "mac_latin2", "iso8859_2", "iso8859_4",
                "iso8859_13", "iso8859_16", "cp1254", "iso8859_9", "iso8859_10", "cp850"}
_TYPOGRAPHY = set("€£«»‘’“”„–—…·°§©®\u00a0")


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_DETECT_LIMIT]).best()
    if best is None or best.encoding is None:
        return None
    text = data.decode(best.encoding, errors="replace")
    if best.encoding in _OTHER_LATIN:
        # Short samples fool detection between Latin code pages; prefer
        # Windows-1252 when it reads as at least as plausible Western text.
        try:
            western = data.decode("cp1252")
        except UnicodeDecodeError:
            return text
        if _western_score(western) >= _western_score(text):
            return western
    return text


def _western_score(text: str) -> int:
    """Letters count for, stray symbols (``³``, ``¿`` inside words) against."""
    return sum(
        1 if ch.isalpha() else 0 if ch in _TYPOGRAPHY else -2 for ch in text if ord(ch) > 127
    )
