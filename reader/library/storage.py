"""Atomic TinyDB storage and a lock that a second running copy respects.

Every file is a TinyDB JSON document (``{table: {doc_id: record}}``), opened
with :func:`open_db` or read directly through :class:`AtomicJSONStorage`.

* Writes replace the whole file atomically (:mod:`.atomic`): a reader sees
  the old or the new version, never half of one, and a process killed
  mid-write leaves the old file.
* :class:`FileLock` (``fcntl.flock`` on a lock file, plus a thread lock)
  serialises writers across processes and threads. Hold it around
  read-modify-write: under it, :meth:`AtomicJSONStorage.read` notices that
  another process replaced the file (inode, mtime, size, and a revision token
  written at the head of every file) and re-reads it, so an update applies to
  what is on disk now and never drops another process's change.
* A file that does not parse as a TinyDB document is moved aside (renamed
  ``<name>.damaged-<timestamp>``, never deleted) and reads as empty; the
  storage's ``on_damage`` callback is told, so the caller can rebuild and
  tell the user.
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from reader.errors import StorageError
from reader.library.atomic import atomic_write, set_aside, unreadable

Data = dict[str, dict[str, Any]]
REV_TABLE = "_rev"
_HEAD = 64  # bytes: the revision token sits within the first of them


class FileLock:
    """An exclusive lock shared by threads (RLock) and processes (flock).

    Re-entrant within a thread; ``with lock:`` blocks until it is free.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._thread_lock = threading.RLock()
        self._fd: int | None = None
        self._depth = 0
        # A library open read-only reads without the lock if its file cannot be
        # opened at all (unreadable): whole-file renames keep each read whole.
        self.best_effort = False

    def __enter__(self) -> FileLock:
        self._thread_lock.acquire()
        try:
            if self._depth == 0:
                if self._fd is None:
                    self._fd = self._open_file()
                if self._fd is not None:
                    fcntl.flock(self._fd, fcntl.LOCK_EX)
            self._depth += 1
        except OSError as error:
            self._thread_lock.release()
            raise StorageError(
                f"cannot lock {self.path}: {error.strerror or error} "
                "(byline needs to write in its library folder; choose another with --data-dir)"
            ) from error
        return self

    def __exit__(self, *exc: object) -> None:
        self._depth -= 1
        try:
            if self._depth == 0 and self._fd is not None:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            self._thread_lock.release()

    def _open_file(self) -> int | None:
        try:
            return _open_lock_file(self.path)
        except OSError:
            if self.best_effort:
                return None
            raise

    def close(self) -> None:
        with self._thread_lock:
            if self._fd is not None and self._depth == 0:
                os.close(self._fd)
                self._fd = None


def _open_lock_file(path: Path) -> int:
    """The lock file, created if need be; read-only if it exists but cannot be written
    (flock needs no write access, so a read-only library can still be read)."""
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        if not path.exists():
            raise
        try:
            return os.open(path, os.O_RDONLY)
        except OSError:
            raise error from None


def _valid(data: Any) -> bool:
    return isinstance(data, dict) and all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    )


class AtomicJSONStorage(Storage):
    """A TinyDB storage: atomic replace on write, cached reads that notice changes.

    ``read()`` returns the same dict object while the file is unchanged on
    disk, so callers can tell a re-read by identity. Treat it as read-only
    unless you write it back.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        durable: bool = True,
        on_damage: Callable[[Path, Path], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self.durable = durable
        self.on_damage = on_damage
        self._data: Data | None = None
        self._sig: tuple[Any, ...] | None = None

    def _open(self, whole: bool | None = False) -> tuple[tuple[Any, ...] | None, bytes | None]:
        """The file's signature and, if it changed (or ``whole``), its bytes: one open.

        ``whole=None`` never reads past the head (just the signature).
        """
        try:
            with open(self.path, "rb") as f:
                st = os.fstat(f.fileno())
                head = f.read(_HEAD)
                sig = (st.st_ino, st.st_mtime_ns, st.st_size, head)
                if whole is None or (not whole and sig == self._sig and self._data is not None):
                    return sig, None
                return sig, head + f.read()
        except FileNotFoundError:
            return None, None
        except IsADirectoryError:  # a folder where the file should be: damage, set aside
            self.damaged()
            return None, None
        except OSError as error:
            raise StorageError(unreadable(self.path, error)) from error

    def forget(self) -> None:
        """Drop the cached data (memory); the next read() parses the file again."""
        self._data, self._sig = None, None

    def signature(self) -> tuple[Any, ...] | None:
        """(inode, mtime, size, head) of the file now, None if it does not exist."""
        return self._open(whole=None)[0]

    def changed(self) -> bool:
        """Whether the file differs from what was last read or written (cheap)."""
        sig, _ = self._open(whole=None)
        return sig != self._sig or (sig is not None and self._data is None)

    def read(self) -> Data | None:
        sig, raw = self._open(whole=False)
        if sig is None:
            self._data, self._sig = None, None
            return None
        if raw is None:
            return self._data
        try:
            data = json.loads(raw)
            ok = _valid(data)
        except ValueError:  # JSONDecodeError, UnicodeDecodeError
            ok = False
        if not ok:
            self.damaged()
            return None
        self._data, self._sig = data, sig
        return data

    def damaged(self) -> Path | None:
        """Set the file aside as damaged and tell ``on_damage``; it reads as empty after.

        In a folder that cannot be written the file stays where it is (``on_damage``
        is told None): it reads as empty, and the next writable open sets it aside.
        """
        self._data, self._sig = None, None
        if not os.path.lexists(self.path):
            return None
        try:
            aside: Path | None = set_aside(self.path)
        except StorageError:
            aside = None
        if self.on_damage is not None:
            self.on_damage(self.path, aside)
        return aside

    def write(self, data: Mapping[str, Any]) -> None:
        # The revision token goes first so _open's head read catches a
        # rewrite even when inode, mtime and size happen to repeat.
        out = {REV_TABLE: {"1": {"rev": secrets.token_hex(6)}}}
        out.update((k, v) for k, v in data.items() if k != REV_TABLE)
        raw = json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            atomic_write(self.path, raw, durable=self.durable)
        except StorageError:
            self._data, self._sig = None, None  # the cached dict may hold the failed change
            raise
        self._data, self._sig = out, self._open(whole=None)[0]

    def table(self, name: str) -> dict[str, Any]:
        """The raw records of one table (doc_id string -> record), empty if none."""
        data = self.read()
        return data.get(name, {}) if data else {}


class RecordTable(Table):
    """A TinyDB table with one batched write: upsert and remove by doc_id at once."""

    def apply(
        self,
        upserts: Mapping[int, Mapping[str, Any]] | None = None,
        removes: Iterable[int] = (),
    ) -> None:
        """Replace (or insert) ``upserts`` and drop ``removes``: one read, one write."""
        upserts = dict(upserts or {})
        removes = list(removes)

        def updater(table: dict[int, Mapping[str, Any]]) -> None:
            for doc_id in removes:
                table.pop(doc_id, None)
            for doc_id, record in upserts.items():
                table[doc_id] = dict(record)

        self._update_table(updater)
        self.clear_cache()


class _DB(TinyDB):
    table_class = RecordTable


def open_db(
    path: str | Path,
    *,
    durable: bool = True,
    on_damage: Callable[[Path, Path], None] | None = None,
) -> TinyDB:
    """A TinyDB over :class:`AtomicJSONStorage`; its tables are :class:`RecordTable`."""
    return _DB(path, storage=AtomicJSONStorage, durable=durable, on_damage=on_damage)
