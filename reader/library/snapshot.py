"""A binary copy of the catalog's rows, so opening a big library skips parsing JSON.

``catalog.json`` stays the storage; ``catalog.rows`` is derived from it and
marked with the signature of the catalog it was made from (size and head; the
head holds a revision token rewritten on every write). It is used only while
that signature matches the catalog on disk, so a stale or damaged snapshot is
simply ignored (and rewritten). marshal, not pickle: loading runs no code.
"""

from __future__ import annotations

import marshal
import sys
from pathlib import Path
from typing import Any

from reader.errors import StorageError
from reader.library.atomic import atomic_write

MAGIC = b"byline-rows-2-py%d.%d\n" % sys.version_info[:2]


def key(signature: tuple[Any, ...] | None) -> tuple[int, bytes] | None:
    """The part of a storage signature that survives copying: size and head."""
    return None if signature is None else (signature[2], signature[3])


def load(path: Path, signature: tuple[Any, ...] | None) -> list[tuple] | None:
    """The rows, if the snapshot exists and was made from this catalog."""
    wanted = key(signature)
    if wanted is None:
        return None
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    if not raw.startswith(MAGIC):
        return None
    try:
        made_from, rows = marshal.loads(raw[len(MAGIC) :])
    except (EOFError, ValueError, TypeError):
        return None
    if tuple(made_from) != wanted or not isinstance(rows, list):
        return None
    return rows


def save(path: Path, signature: tuple[Any, ...] | None, rows: list[tuple]) -> None:
    """Write the snapshot (best effort: it is only a cache)."""
    made_from = key(signature)
    if made_from is None:
        return
    try:
        atomic_write(path, MAGIC + marshal.dumps((made_from, rows)), durable=False)
    except StorageError:
        pass
