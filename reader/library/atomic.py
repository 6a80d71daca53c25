"""Files replaced whole: a crash leaves the old version or the new, never half.

Every write goes to a temporary file in the same folder (``.<name>.tmp-*``,
swept on the next open if a writer dies), is flushed to disk (fsync, unless
the caller asked for speed over durability) and renamed over the old file;
the folder is synced after, so the rename itself survives a power cut. A file
found damaged is renamed aside (``<name>.damaged-<time>``), never deleted.
"""

from __future__ import annotations

import os
import secrets
import threading
import time
from collections.abc import Callable
from pathlib import Path

from reader.errors import StorageError


def atomic_write(path: Path, data: bytes, *, durable: bool = True, sync_dir: bool = True) -> None:
    """Write ``data`` to ``path`` via a temporary file and a rename.

    ``durable`` fsyncs the data before the rename (and the directory after,
    unless ``sync_dir`` is false because the caller syncs it once for a batch).
    """
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}-{threading.get_ident()}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            write_all(fd, data)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as error:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise StorageError(f"cannot write {path}: {error.strerror or error}") from error
    if durable and sync_dir:
        fsync_dir(path.parent)


def write_all(fd: int, data: bytes) -> None:
    """Every byte of ``data`` to ``fd`` (the one place file contents are written)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def cannot_write(folder: Path) -> str | None:
    """Why no file can be written in ``folder`` (it writes and removes one small file),
    or None.

    The probe is written in place, never through a temporary file: another copy
    of byline opening the library sweeps temporary files as a killed writer's
    leftovers (they are written only under the library's lock, which the probe
    does not hold), and would take this one's away mid-write.
    """
    probe = folder / f".probe-{os.getpid()}-{secrets.token_hex(4)}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            write_all(fd, b"byline")
        finally:
            os.close(fd)
    except OSError as error:
        return error.strerror or str(error)
    finally:
        try:
            os.unlink(probe)
        except OSError:
            pass
    return None


def atomic_write_many(items: list[tuple[Path, bytes]], *, durable: bool = True) -> None:
    """Write many small files atomically; their fsyncs run in parallel threads.

    Each file is written to a temporary name, all of them are flushed to disk
    at once (the file system commits them together, instead of one journal
    commit per file), then each is renamed into place and its folder synced.
    """
    tmps: list[tuple[Path, Path]] = []
    suffix = f".tmp-{os.getpid()}-{threading.get_ident()}"
    try:
        for path, data in items:
            tmp = path.with_name(f".{path.name}{suffix}")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            tmps.append((tmp, path))
            try:
                write_all(fd, data)
            finally:
                os.close(fd)
        if durable:
            _parallel(_fsync_path, [tmp for tmp, _ in tmps])
        for tmp, path in tmps:
            os.replace(tmp, path)
    except OSError as error:
        for tmp, _ in tmps:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass
        raise StorageError(f"cannot write {error.filename}: {error.strerror or error}") from error
    if durable:
        _parallel(fsync_dir, sorted({path.parent for _, path in tmps}))


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _parallel(func: Callable[[Path], None], paths: list[Path]) -> None:
    if len(paths) <= 2:
        for path in paths:
            func(path)
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(16, len(paths))) as pool:
        for _ in pool.map(func, paths):
            pass


def fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def set_aside(path: Path) -> Path:
    """Rename a damaged file to ``<name>.damaged-<timestamp>``; return the new path."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    try:
        os.replace(path, aside)
    except OSError as error:
        raise StorageError(
            f"{path} is damaged and could not be moved aside: {error.strerror or error}"
        ) from error
    return aside


def unreadable(path: Path, error: OSError) -> str:
    """Why ``path`` cannot be read, and what to do about it."""
    why = error.strerror or str(error)
    if isinstance(error, PermissionError):
        return (
            f"cannot read {path}: {why}; make it readable and writable by you "
            f"(chmod u+rw '{path}', or run byline as the user who owns it)"
        )
    return f"cannot read {path}: {why}"
