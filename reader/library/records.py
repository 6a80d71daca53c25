"""How articles map onto stored records: keys, shards, catalog records and rows.

An article id (16 hex digits from :func:`reader.model.article_id`) is also
its TinyDB doc_id, read as a hex number; any other id string is hashed to
one. The first two hex digits of that key pick the shard (state file,
documents folder).
"""

from __future__ import annotations

import hashlib
from sys import intern
from datetime import datetime, timezone
from typing import Any

from reader.library.rows import Entry

_HEX = frozenset("0123456789abcdef")


def doc_id(article_id: str) -> int:
    """The TinyDB doc_id under which an article's records are stored."""
    if len(article_id) == 16 and _HEX.issuperset(article_id):
        return int(article_id, 16)
    digest = hashlib.sha1(article_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def key(article_id: str) -> str:
    """The doc_id as 16 hex digits: file names and shard prefixes use it."""
    return format(doc_id(article_id), "016x")


def shard(article_id: str) -> str:
    return key(article_id)[:2]


def catalog_record(doc: dict[str, Any], imported: float) -> dict[str, Any]:
    """The short catalog row for an article document (``Article.to_dict()``)."""
    return {
        "id": doc["id"],
        "title": doc.get("title") or "",
        "site": doc.get("site"),
        "published": doc.get("published"),
        "url": doc.get("url"),
        "feed": doc.get("feed"),
        "imported": imported,
        "quotes": len(doc.get("quotes") or ()),
        "speakers": [s["name"] for s in doc.get("speakers") or ()],
    }


# A row: the catalog record as a tuple, what the in-memory index and the
# snapshot hold. DATE is the sort key: published, else imported, as unix time.
ID, TITLE, SITE, PUBLISHED, URL, IMPORTED, QUOTES, SPEAKERS, FEED, DATE = range(10)
Row = tuple


def row(record: dict[str, Any]) -> Row:
    """The row for a catalog record; KeyError/TypeError/ValueError if malformed."""
    article_id, title, imported = record["id"], record["title"], float(record["imported"])
    if not isinstance(article_id, str) or not isinstance(title, str):
        raise TypeError("id and title must be strings")
    published = record.get("published")
    site, feed = record.get("site"), record.get("feed")
    # Sites, feeds and names repeat across articles: one string object each
    # keeps memory down and lets the snapshot store them once.
    return (
        article_id,
        title,
        intern(site) if isinstance(site, str) else None,
        published,
        record.get("url"),
        imported,
        int(record.get("quotes") or 0),
        tuple(intern(n) for n in record.get("speakers") or () if isinstance(n, str)),
        intern(feed) if isinstance(feed, str) else None,
        _timestamp(_parse_date(published), imported),
    )


def entry(r: Row, state: tuple[bool, bool] = (False, False)) -> Entry:
    """The entry for a row with its (read, bookmarked) state."""
    published = r[PUBLISHED]
    return make_entry(
        r[ID], r[TITLE], r[SITE], _parse_date(published) if published else None, r[URL],
        r[IMPORTED], r[QUOTES], r[SPEAKERS], r[FEED], state[0], state[1],
    )


def with_state(e: Entry, read: bool, bookmarked: bool) -> Entry:
    return make_entry(
        e.id, e.title, e.site, e.published, e.url, e.imported, e.quotes, e.speakers, e.feed,
        read, bookmarked,
    )


# A frozen dataclass's __init__ sets each field through object.__setattr__;
# setting the slots directly builds the same Entry 2-3 times faster, which
# counts when a list makes 50,000 of them. Falls back if Entry's fields change.
_FIELDS = ("id", "title", "site", "published", "url", "imported", "quotes", "speakers",
           "feed", "read", "bookmarked")


def _fast_entry(id, title, site, published, url, imported, quotes, speakers, feed, read,
                bookmarked, _new=object.__new__, _cls=Entry,
                _s=tuple(Entry.__dict__[f].__set__ for f in _FIELDS)):  # fmt: skip
    e = _new(_cls)
    _s[0](e, id)
    _s[1](e, title)
    _s[2](e, site)
    _s[3](e, published)
    _s[4](e, url)
    _s[5](e, imported)
    _s[6](e, quotes)
    _s[7](e, speakers)
    _s[8](e, feed)
    _s[9](e, read)
    _s[10](e, bookmarked)
    return e


make_entry = _fast_entry if Entry.__slots__ == _FIELDS else Entry


def _timestamp(published: datetime | None, imported: float) -> float:
    if published is None:
        return imported
    if published.tzinfo is None:
        published = published.replace(tzinfo=timezone.utc)
    try:
        return published.timestamp()
    except (OverflowError, OSError, ValueError):
        return imported


def _parse_date(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
