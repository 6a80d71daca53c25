"""Turning a source into Articles: sniff the bytes, dispatch, analyse quotes.

The one door for files is :func:`load_path`; for bytes already in hand (a
fetched page) it is :func:`parse_bytes`. Both raise :class:`SourceError`
with a reason a person can act on, never anything else.
"""

from __future__ import annotations

from pathlib import Path

from reader.errors import SourceError
from reader.model import Article

__all__ = ["load_path", "parse_bytes", "SourceError"]


def load_path(path: str | Path) -> Article:
    """Read one file (HTML page or plain-text dump) into an analysed Article."""
    raise SourceError(str(path), "ingest is not built yet")


def parse_bytes(data: bytes, *, source: str, url: str | None = None) -> Article:
    """Parse bytes already read (a file's content, a fetched page)."""
    raise SourceError(source, "ingest is not built yet")
