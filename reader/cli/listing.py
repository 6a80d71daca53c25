"""How articles and quotations print: aligned text lines, or JSON Lines.

Used by `byline list`, `byline quotes`, and `byline` itself when standard
output is not a terminal.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

from reader.cli.common import iso_time, json_line
from reader.library import Entry
from reader.model import Quote

UNREAD_MARK = "●"
BOOKMARK_MARK = "★"
_SITE_WIDTH = 22


def entry_date(entry: Entry) -> str:
    """The publication date, or a blank column: an import date would pass for one."""
    if entry.published is not None:
        return entry.published.date().isoformat()
    return "-".center(10)


def _width(text: str) -> int:
    """Terminal columns: East Asian wide and fullwidth characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _clip(text: str, width: int) -> str:
    if _width(text) <= width:
        return text
    while _width(text) > width - 1:
        text = text[:-1]
    return text + "…"


def format_entries(entries: Iterable[Entry]) -> list[str]:
    """Aligned lines: short id, marks (● unread, ★ bookmarked), date, site, title."""
    entries = list(entries)
    sites = [_clip(" ".join((e.site or "").split()), _SITE_WIDTH) for e in entries]
    width = max((_width(s) for s in sites), default=0)
    lines = []
    for entry, site in zip(entries, sites):
        marks = (" " if entry.read else UNREAD_MARK) + (BOOKMARK_MARK if entry.bookmarked else " ")
        title = " ".join(entry.title.split()) or "(untitled)"
        pad = " " * (width - _width(site))
        lines.append(f"{entry.id[:8]} {marks} {entry_date(entry)}  {site}{pad}  {title}")
    return lines


def entry_json(entry: Entry) -> dict[str, Any]:
    """An article for `byline list --json`: its catalog entry and state."""
    return {
        "id": entry.id,
        "title": entry.title,
        "site": entry.site,
        "published": entry.published.isoformat() if entry.published else None,
        "url": entry.url,
        "feed": entry.feed,
        "imported": iso_time(entry.imported),
        "read": entry.read,
        "bookmarked": entry.bookmarked,
        "quotes": entry.quotes,
        "speakers": list(entry.speakers),
    }




def quote_lines(article_id: str, found: Iterable[Quote], as_json: bool) -> list[str]:
    """One line (with its newline) per quotation: short id, speaker, text; or JSON."""
    if as_json:
        return [
            json_line({"article": article_id, "speaker": q.speaker, "text": q.text, "cue": q.cue})
            + "\n"
            for q in found
        ]
    short = article_id[:8]
    return [
        f"{short}  {q.speaker or '(unattributed)'}: “{' '.join(q.text.split())}”\n" for q in found
    ]

