"""Feed commands: feeds add/list/remove/import/export, refresh."""

from __future__ import annotations

from reader.errors import SourceError


def import_url(library, url: str) -> str:
    """Import an article URL (or subscribe, if it is a feed).

    Returns what happened, one of "imported", "updated", "unchanged",
    "subscribed". Raises FetchError/SourceError naming the URL.
    Used by ``byline import`` for arguments that are http(s) URLs.
    """
    raise SourceError(url, "importing URLs is not built yet")
