"""The lines above a story in a text dump: headline, site, dateline, byline.

The page's <title> usually survives as the dump's first line ("Headline -
Site"); otherwise the headline is the first title-like line near the body.
The site is the title's suffix or a short name-like line at the top that is
not part of a menu. The dateline is the line nearest the body that is
mostly a date; the byline a line opening with "By".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from reader.ingest.dates import find_date, find_dateline
from reader.ingest.lines import Line, lowercase_pattern, caseless_search
from reader.ingest.title import SEPARATOR, TitleLine

BYLINE = re.compile(r"^(?:by|von|por|par|di|от)\s+(?P<names>\S.*)$", re.IGNORECASE)
_NAME_END = re.compile(
    r"\s+[|\-–—·•/]\s+|\s*\|\s*|\b(?:updated|published|posted|on|at)\b|\d|@|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d",
    re.IGNORECASE,
)
_HEADER_WINDOW = 12
_DATELINE_WINDOW = 60  # a "Published" line this far above the story, at most
_WORDS = re.compile(r"[^\W\d_]{4,}")


@dataclass(frozen=True, slots=True)
class Header:
    title: str | None
    site: str | None
    authors: tuple[str, ...]
    published: datetime | None


def read_header(lines: list[Line], start: int, end: int, top: TitleLine) -> Header:
    """What the lines before the body (``lines[:start]``) say about the story;
    ``top`` is what the dump's first line(s) say (title.py)."""
    header = lines[:start]
    near = header[-_HEADER_WINDOW:]
    title, site = _title_and_site(lines, header, start, end, top)
    published = _published((near, header[-_DATELINE_WINDOW:], lines[end + 1 : end + 8]))
    return Header(title, site, _byline(near), published)


def _title_and_site(
    lines: list[Line], header: list[Line], start: int, end: int, top: TitleLine
) -> tuple[str | None, str | None]:
    """The headline and the site's name, from the page title and the header."""
    first = lines[0].text
    bracketed = first.startswith("[") and first.endswith("]")
    if top.site is not None and top.headline is not None:
        return _headline_in(top.headline, header[top.at :]), top.site
    if top.at == 0 and not top.site_only and SEPARATOR.search(first) and not bracketed:
        return _headline_in(first, header), None
    footer = " ".join(line.text for line in lines[end + 1 :] if line.words >= 5)
    site = top.site or _site_line(header[1:], footer)
    # What a headline shares with its story is in the story's first lines.
    body = _content_words(" ".join(line.text for line in lines[start : min(end, start + 40) + 1]))
    # A short first line counts when it stands alone (not the top of a menu).
    alone = len(lines) > 1 and lines[1].raw > lines[0].raw + 1
    # Never the site's name, nor a short line the page repeats (its menus).
    near = [
        line for line in header[-_HEADER_WINDOW:]
        if _is_title_like(line) and line.text != site and not (line.repeated and line.words <= 4)
    ]
    if not (bracketed or top.site_only) and header and _is_title_like(lines[0], min_words=1 if alone else 3):
        # A page copied from a browser has no <title> line: its first line may
        # be a link ("Skip to content"). A headline shares words with its story.
        if _content_words(first) & body or not any(
            len(_content_words(line.text) & body) >= 2 for line in near
        ):
            return _headline_in(first, header), site
    for line in near:
        if len(_content_words(line.text) & body) >= 2:
            return line.text, site
    return (near[0].text if near else None), site


def headline_line(lines: list[Line], top: TitleLine) -> int | None:
    """The line after the title line(s) where the page shows its headline, if any.

    The dump's first line is usually the page's <title> ("Headline | Site");
    the headline comes back as a line of its own where the story begins.
    The first such line outside a menu with prose soon after it is the one.
    """
    if top.headline is None:
        return None
    keys = {top.headline.casefold(), lines[top.at].text.casefold()}
    parts = SEPARATOR.split(top.headline)
    if len(parts) >= 2:
        keys.add(parts[0].casefold())
    if top.site:
        keys.discard(top.site.casefold())
    keys = {key for key in keys if len(key.split()) >= 2}
    if not keys:
        return None
    fallback = None
    for i in range(top.at + 1, len(lines)):
        if lines[i].text.casefold() not in keys:
            continue
        if i in _menu_lines(lines[max(0, i - 2) : i + 3], short=6):
            continue
        if any(line.prose for line in lines[i + 1 : i + 16]):
            return i
        if fallback is None:
            fallback = i
    return fallback


def _content_words(text: str) -> frozenset[str]:
    """Lowercased words of four letters or more: what a headline and its story share."""
    return frozenset(_WORDS.findall(text.casefold()))


def _headline_in(title: str, header: list[Line]) -> str:
    """The headline as the page shows it, when the <title> wraps it in more.

    "Opinion | The Headline" becomes "The Headline" if a line of the header
    says just that.
    """
    key = title.casefold()
    best = title
    for line in header[1:]:
        text = line.text
        if line.words >= 3 and len(text) < len(best) and text.casefold() in key:
            if len(text) >= len(title) // 2:
                best = text
    return best


def _is_title_like(line: Line, min_words: int = 3) -> bool:
    text = line.text
    if not min_words <= line.words <= 25 or line.copyright or text.endswith("."):
        return False
    if text.startswith("["):  # "[Video] Headline" is; "[Image]" or "[+ Expand]" is not
        close = text.find("]")
        text = text[close + 1 :].lstrip() if close > 0 else ""
        if len(text.split()) < min_words:
            return False
    if find_date(text) is not None or BYLINE.match(text):
        return False
    first = text.lstrip("'\"‘“«")[:1]
    return first.isupper() or first.isdigit()


def _site_line(header: list[Line], footer: str) -> str | None:
    """A short name-like line near the top that is not part of a menu.

    To tell a name from a stray link, some word of it must come back in the
    footer's sentences (the copyright line, a disclaimer).
    """
    menu = _menu_lines(header)
    for line in header[:15]:
        words = line.text.split()
        if line.index in menu or not 1 <= len(words) <= 4 or line.repeated:
            continue
        if all(w[:1].isupper() for w in words) and not any(c.isdigit() for c in line.text):
            if any(len(w) >= 3 and re.search(rf"\b{re.escape(w)}\b", footer) for w in words):
                return line.text
    return None


def _menu_lines(lines: list[Line], short: int = 3, run: int = 3) -> set[int]:
    """Lines in a block of at least ``run`` adjacent short lines (a menu)."""
    menu: set[int] = set()
    block: list[Line] = []
    for line in [*lines, None]:
        if line is not None and line.words <= short and (not block or line.raw == block[-1].raw + 1):
            block.append(line)
            continue
        if len(block) >= run:
            menu.update(item.index for item in block)
        block = [line] if line is not None and line.words <= short else []
    return menu


_PUBLISHED = re.compile(
    r"\b(?:first\s+)?(?:published|posted|publicado|pubblicato|publié|veröffentlicht)\b", re.I
)


_PUBLISHED_LOWER = lowercase_pattern(_PUBLISHED)


def _published(windows: tuple[list[Line], ...]) -> datetime | None:
    """The story's date: a line saying when it was published, if one does
    (not the "Last updated" line above it), else the dateline nearest the body."""
    for window in windows:
        found = _dateline([line for line in window
                           if caseless_search(_PUBLISHED, _PUBLISHED_LOWER, line.text)])
        if found is not None:
            return found
    for window in windows:
        found = _dateline(window)
        if found is not None:
            return found
    return None


def _dateline(lines: list[Line]) -> datetime | None:
    for line in reversed(lines):
        if line.words <= 20:
            text = line.text
            byline = BYLINE.match(text)
            if byline:  # "By Ann Lee - 2 May 2020": the date after the names
                cut = _NAME_END.search(byline.group("names"))
                text = byline.group("names")[cut.start() :] if cut else ""
            found = find_dateline(text)
            if found is not None:
                return found
    return None


def _byline(lines: list[Line]) -> tuple[str, ...]:
    for i, line in enumerate(lines):
        text = line.text
        if text.lower() in ("by", "von", "por", "par") and i + 1 < len(lines):
            text = f"by {lines[i + 1].text}"
        match = BYLINE.match(text)
        if match:
            names = names_in(match.group("names"))
            if names:
                return names
    return ()


def names_in(text: str) -> tuple[str, ...]:
    """Authors' names from a byline's tail: "Ann Lee and Bo Ng - 2 May 2020"."""
    cut = _NAME_END.search(text)
    if cut:
        text = text[: cut.start()]
    names = []
    for part in re.split(r",|;|&|\band\b|\bund\b|\by\b|\be\b|\bet\b", text):
        words = part.split()
        # Capitalised at both ends; particles between may not be ("van", "de la").
        if 1 <= len(words) <= 4 and words[0][:1].isupper() and words[-1][:1].isupper():
            names.append(" ".join(words))
    return tuple(names) if len(names) <= 4 else ()
