"""What an import is given, sorted out: files to parse, URLs to fetch, and failures.

Folders are walked recursively (hidden names skipped, symbolic links to
folders not followed). Only regular files are read: a FIFO, socket or device
is skipped with a reason, without being opened (opening a FIFO waits for a
writer for ever). A symbolic-link loop, a broken link and a folder that
cannot be listed are reported and skipped; the rest goes on. Sources are
named with :func:`reader.errors.printable`, so no file name reaches the
terminal raw or breaks a batch: bytes that are not UTF-8 show as ``\\xNN``.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

from reader.errors import printable

URL_PREFIXES = ("http://", "https://")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+://")  # ftp://, file://: a URL, not a path
Failure = tuple[str, str]  # (source as shown, reason)


def expand(paths: Iterable[str | Path]) -> tuple[list[Path], list[str], list[Failure]]:
    """Files (folders walked recursively, hidden names skipped), URLs, and failures."""
    found = _Found()
    for item in paths:
        text = str(item)
        if text.lower().startswith(URL_PREFIXES):  # HTTP:// too
            found.urls.append(text)
            continue
        if text.startswith("file://"):  # a browser's address for a saved page
            text = url2pathname(urlparse(text).path)
        if _SCHEME.match(text) and not os.path.lexists(text):
            found.fail(text, "only http and https URLs can be fetched")
            continue
        found.take(Path(text), given=True)
    return found.files, found.urls, found.failures


class _Found:
    def __init__(self) -> None:
        self.files: list[Path] = []
        self.urls: list[str] = []
        self.failures: list[Failure] = []
        self._seen: set[tuple[int, int]] = set()  # (device, inode): each file once

    def fail(self, path: str | Path, reason: str) -> None:
        self.failures.append((printable(str(path)), reason))

    def take(self, path: Path, *, given: bool = False) -> None:
        try:
            st = os.stat(path)  # follows a link: what it points to is what is read
        except OSError as error:
            self.fail(path, _why_not(path, error, given))
            return
        if stat.S_ISDIR(st.st_mode):
            if self._first(st):
                self._walk(path)
        elif stat.S_ISREG(st.st_mode):
            if self._first(st):
                self.files.append(path)
        else:
            self.fail(path, f"{_kind(st.st_mode)}, not a file: skipped")

    def _first(self, st: os.stat_result) -> bool:
        key = (st.st_dev, st.st_ino)
        if key in self._seen:
            return False
        self._seen.add(key)
        return True

    def _walk(self, root: Path) -> None:
        def unreadable(error: OSError) -> None:
            self.fail(error.filename or root, f"cannot read this folder ({error.strerror}): skipped")

        for folder, dirs, names in os.walk(root, onerror=unreadable):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if not name.startswith("."):
                    self.take(Path(folder, name))


def _why_not(path: Path, error: OSError, given: bool) -> str:
    if error.errno == errno.ELOOP:
        return "a loop of symbolic links: skipped"
    if error.errno == errno.ENOENT:
        if os.path.islink(path):
            return "a symbolic link to nothing: skipped"
        return "no such file or folder"
    if isinstance(error, PermissionError):
        return "permission denied"
    return f"cannot read ({error.strerror or error})"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


__all__ = ["URL_PREFIXES", "expand"]
