"""The dump's title line: which part is the headline and which the site.

A dump made from a saved page opens with the page's <title>: "Headline |
Site", sometimes with more ("Headline - Site - Slogan", "Headline | Event |
Site"). A dump written by hand, or copied from a browser, may open with the
site's name alone on line 1 and the headline on line 2.

The site is the part of the title the page names itself by elsewhere: in
its copyright line, or as a line the page repeats; a slogan ("News you can
trust") reads like a phrase, not a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.ingest.lines import Line

SEPARATOR = re.compile(r"\s+[|\-–—·•»:]\s+")
_TRIM = " |-–—·•»:"
MAX_SITE_WORDS = 6


@dataclass(frozen=True, slots=True)
class TitleLine:
    headline: str | None  # the headline as the title line gives it, if it does
    site: str | None
    at: int  # the line holding the headline (0, or 1 after a line with the site)
    site_only: bool = False  # line 1 is the site's name alone


def read_title_line(lines: list[Line], chrome: str) -> TitleLine:
    """The headline and site in the first line(s). ``chrome`` is the page's
    copyright text, casefolded: where a page names itself."""
    first = lines[0]
    text = first.text
    parts = SEPARATOR.split(text)
    bracketed = text.startswith("[") and text.endswith("]")
    if len(parts) >= 2 and not bracketed:
        k = _site_part(parts, chrome)
        head = text[: _part_start(text, parts, k)].rstrip(_TRIM)
        if len(parts[k].split()) <= MAX_SITE_WORDS and len(head.split()) >= 2:
            return TitleLine(head, parts[k], 0)
        return TitleLine(text, None, 0)
    if _is_site_name(first, lines, chrome):
        second = lines[1] if len(lines) > 1 else None
        if second is not None and _is_headline_like(second) and second.words > first.words:
            return TitleLine(second.text, text, 1)
        return TitleLine(None, text, 0, site_only=True)
    return TitleLine(text, None, 0)


def _site_part(parts: list[str], chrome: str) -> int:
    """Which of the parts after the first is the site's name."""
    for k in range(len(parts) - 1, 0, -1):
        if _named_in(parts[k], chrome):
            return k
    last = len(parts) - 1
    if last >= 2 and _is_phrase(parts[last]) and _is_name(parts[last - 1]):
        return last - 1  # "Headline - Site - Slogan"
    return last


def _named_in(name: str, chrome: str) -> bool:
    """Whether the copyright text names ``name`` (as whole words)."""
    key = name.casefold()
    if len(key) < 3 or key not in chrome:
        return False
    return re.search(rf"(?<!\w){re.escape(key)}(?!\w)", chrome) is not None


def _part_start(text: str, parts: list[str], k: int) -> int:
    """Where part ``k`` begins in ``text``."""
    at = 0
    for part in parts[:k]:
        at = text.index(part, at) + len(part)
    return text.index(parts[k], at)


def _is_name(text: str) -> bool:
    """A name: a few words, each capitalised or a number ("Remember 80/90")."""
    words = text.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _is_phrase(text: str) -> bool:
    """A phrase, not a name: three words or more, some of them lowercase."""
    words = text.split()
    return len(words) >= 3 and sum(w[:1].islower() for w in words) * 3 >= len(words)


def _is_site_name(line: Line, lines: list[Line], chrome: str) -> bool:
    """Whether the first line is the site's name alone: a short name the
    page repeats or signs its copyright with, or a short name right above
    a longer headline-like line."""
    text = line.text
    if not _is_name(text) or line.sentence or any(c.isdigit() for c in text):
        return False
    if _named_in(text, chrome):
        return True
    second = lines[1] if len(lines) > 1 else None
    if second is None or not _is_headline_like(second) or second.words < line.words + 3:
        return False
    # The next line is the headline when the page shows it again further on.
    key = second.text.casefold()
    return line.repeated or any(other.text.casefold() == key for other in lines[2:])


def _is_headline_like(line: Line) -> bool:
    text = line.text.lstrip("'\"‘“«[(")
    return 3 <= line.words <= 25 and not line.copyright and (text[:1].isupper() or text[:1].isdigit())
