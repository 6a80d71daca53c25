"""The orders a list can be in, and filters that combine.

The catalog hands entries out newest first by date (published, else
imported). From that one order the others are made with a stable pass or
sort, so every order breaks ties the same way (newest first):

- ``date``: dated articles newest first; undated ones by import time, after
  the dated ones (``undated="last"``, the default), before them
  (``"first"``), or among them as if published when imported (``"mixed"``).
- ``imported``: by import time, newest first.
- ``site``: by site name (A to Z, ignoring case), newest first within a site;
  articles with no site last.
- ``unread``: unread ones first, each part in date order.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.library.rows import Entry

SORTS = ("date", "imported", "site", "unread")
UNDATED = ("last", "first", "mixed")
SHOWS = ("all", "unread", "read", "bookmarked")


def sorted_entries(entries: list[Entry], sort: str = "date", undated: str = "last") -> list[Entry]:
    """``entries`` (newest first by date, as the catalog gives them) in ``sort`` order."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}: one of {', '.join(SORTS)}")
    if undated not in UNDATED:
        raise ValueError(f"unknown place for undated articles {undated!r}: one of {', '.join(UNDATED)}")
    if sort == "imported":
        return sorted(entries, key=lambda e: (e.imported, e.id), reverse=True)
    if undated != "mixed":
        dated = [e for e in entries if e.published is not None]
        without = [e for e in entries if e.published is None]
        entries = dated + without if undated == "last" else without + dated
    if sort == "site":
        return sorted(entries, key=lambda e: (not e.site, (e.site or "").casefold()))
    if sort == "unread":
        return [e for e in entries if not e.read] + [e for e in entries if e.read]
    return list(entries)


def shows(show: str | Iterable[str]) -> frozenset[str]:
    """A filter, or several that must all hold (``"unread"``, ``("unread", "bookmarked")``)."""
    wanted = frozenset([show] if isinstance(show, str) else show) - {"all"}
    unknown = wanted - set(SHOWS)
    if unknown:
        raise ValueError(f"unknown show filter {sorted(unknown)[0]!r}")
    if {"read", "unread"} <= wanted:
        raise ValueError("unread and read together match nothing")
    return wanted


def filtered(entries: Iterable[Entry], show: str | Iterable[str]) -> list[Entry]:
    """The entries every one of the ``show`` filters lets through."""
    wanted = shows(show)
    out = list(entries)
    if "unread" in wanted:
        out = [e for e in out if not e.read]
    if "read" in wanted:
        out = [e for e in out if e.read]
    if "bookmarked" in wanted:
        out = [e for e in out if e.bookmarked]
    return out
