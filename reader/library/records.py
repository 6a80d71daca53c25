"""How articles map onto stored records: keys, shards, catalog rows, hashes.

An article id (16 hex digits from :func:`reader.model.article_id`) is also
its TinyDB doc_id, read as a hex number; any other id string is hashed to
one. The first two hex digits of that key pick the shard (state file,
documents folder).
"""

from __future__ import annotations

import hashlib
import json
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


def content_hash(doc: dict[str, Any]) -> str:
    """A hash of an article's document, to tell "unchanged" without reading it."""
    raw = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def catalog_record(doc: dict[str, Any], imported: float, digest: str) -> dict[str, Any]:
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
        "hash": digest,
    }


def valid_record(record: dict[str, Any]) -> bool:
    return (
        isinstance(record.get("id"), str)
        and isinstance(record.get("title"), str)
        and isinstance(record.get("imported"), (int, float))
        and isinstance(record.get("speakers", []), list)
    )


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


def entry(record: dict[str, Any], state: tuple[bool, bool] = (False, False)) -> tuple[Entry, float]:
    """The entry for a catalog row with its (read, bookmarked) state, and its date sort key."""
    published = _parse_date(record.get("published"))
    imported = float(record["imported"])
    get = record.get
    item = Entry(
        record["id"],
        record["title"],
        get("site"),
        published,
        get("url"),
        imported,
        int(get("quotes") or 0),
        tuple(get("speakers") or ()),
        get("feed"),
        state[0],
        state[1],
    )
    return item, _timestamp(published, imported)


def with_state(e: Entry, read: bool, bookmarked: bool) -> Entry:
    return Entry(
        e.id, e.title, e.site, e.published, e.url, e.imported, e.quotes, e.speakers, e.feed,
        read, bookmarked,
    )
