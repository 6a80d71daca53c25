"""Each article's full document as its own small JSON file: docs/<2 hex>/<id>.json.

Reading one article costs one small file read, whatever the library's size.
The file is ``Article.to_dict()`` plus ``_imported`` (the time of the first
import), so the catalog can be rebuilt from the documents alone.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from reader.errors import StorageError
from reader.library import records
from reader.library.atomic import atomic_write_many, set_aside, unreadable

_DECODER = json.JSONDecoder()


class Documents:
    def __init__(self, root: Path, *, durable: bool = True) -> None:
        self.root = root
        self.durable = durable

    def path(self, article_id: str) -> Path:
        key = records.key(article_id)
        return self.root / key[:2] / f"{key}.json"

    def exists(self, article_id: str) -> bool:
        return self.path(article_id).is_file()

    def write_many(self, docs: Iterable[dict[str, Any]]) -> None:
        """Write documents (each with ``id`` and ``_imported``), flushed together."""
        items = []
        folders: set[Path] = set()
        for doc in docs:
            path = self.path(doc["id"])
            if path.parent not in folders:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as error:  # docs/ is a file, or cannot be written
                    raise StorageError(
                        f"cannot write in {path.parent}: {error.strerror or error}"
                    ) from error
                folders.add(path.parent)
            raw = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            items.append((path, raw))
        atomic_write_many(items, durable=self.durable)

    def _bytes(self, article_id: str) -> bytes | None:
        """The document file's bytes, None if there is none."""
        path = self.path(article_id)
        try:
            return path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):  # none, or docs/ is not a folder
            return None
        except IsADirectoryError:
            return b""  # a folder in place of the file: damaged, set aside by read()
        except OSError as error:
            raise StorageError(unreadable(path, error)) from error

    def read(self, article_id: str) -> dict[str, Any] | None:
        """The stored document, None if there is none; a damaged one is set aside."""
        raw = self._bytes(article_id)
        if raw is None:
            return None
        doc = self._parse(raw)
        if doc is None or doc["id"] != article_id:
            aside = set_aside(self.path(article_id))
            raise StorageError(
                f"the stored copy of article {article_id} was damaged; it was moved to "
                f"{aside}. Import the article again to restore it."
            )
        return doc

    def read_quotes(self, article_id: str) -> list[Any] | None:
        """Just the document's ``quotes`` list (None if there is no document).

        Documents are written compactly, so the list follows the bytes
        ``"quotes":[``, which only the top-level key can produce (inside a
        JSON string every ``"`` is escaped); parsing from there skips the
        paragraphs, most of the file. Anything else falls back to :meth:`read`.
        (A file cut short after its quotes still yields them: :meth:`read`,
        which the article view uses, is the one that judges a file whole.)
        """
        raw = self._bytes(article_id)
        if raw is None:
            return None
        at = raw.find(b'"quotes":[')
        if at >= 0 and raw.startswith(b'{"id":' + json.dumps(article_id, ensure_ascii=False).encode() + b","):
            try:
                return _DECODER.raw_decode(raw[at + 9 :].decode("utf-8"))[0]
            except ValueError:
                pass  # damaged: read() sets it aside and says so
        doc = self.read(article_id)
        return None if doc is None else doc.get("quotes")

    @staticmethod
    def _parse(raw: bytes) -> dict[str, Any] | None:
        try:
            doc = json.loads(raw)
        except ValueError:
            return None
        if not (isinstance(doc, dict) and isinstance(doc.get("id"), str)):
            return None
        if not isinstance(doc.get("paragraphs", []), list):
            return None
        return doc

    def remove(self, article_id: str) -> None:
        try:
            self.path(article_id).unlink()
        except FileNotFoundError:
            pass
        except OSError as error:
            raise StorageError(f"cannot remove {self.path(article_id)}: {error}") from error

    def files(self, problems: list[str] | None = None) -> Iterator[Path]:
        """Every stored document file; folders that cannot be listed go to ``problems``."""
        try:
            folders = sorted(os.scandir(self.root), key=lambda e: e.name)
        except (FileNotFoundError, NotADirectoryError):
            return
        except OSError as error:
            if problems is not None:
                problems.append(unreadable(self.root, error))
            return
        for folder in folders:
            if folder.name.startswith(".") or not folder.is_dir(follow_symlinks=False):
                continue
            try:
                entries = sorted(os.scandir(folder.path), key=lambda e: e.name)
            except OSError as error:
                if problems is not None:
                    problems.append(unreadable(Path(folder.path), error))
                continue
            for entry in entries:
                if entry.name.endswith(".json") and not entry.name.startswith("."):
                    yield Path(entry.path)

    def parse_file(self, path: Path) -> dict[str, Any] | None:
        """A document file's content; None if it is damaged or not the file of its id
        (left as it is); StorageError if it cannot be read."""
        try:
            doc = self._parse(path.read_bytes())
        except (FileNotFoundError, IsADirectoryError):
            return None
        except OSError as error:
            raise StorageError(unreadable(path, error)) from error
        if doc is None or records.key(doc["id"]) != path.stem:
            return None
        return doc

    def written_after(self, since_ns: int, problems: list[str] | None = None) -> tuple[list[Path], int]:
        """Document files changed after ``since_ns`` (nanoseconds since the epoch), and
        how many folders were changed then: only those folders are listed, so this
        costs one stat per folder when nothing was written since."""
        try:
            folders = [e for e in os.scandir(self.root) if not e.name.startswith(".")
                       and e.is_dir(follow_symlinks=False) and _mtime_ns(e) > since_ns]
        except (FileNotFoundError, NotADirectoryError):
            return [], 0
        except OSError as error:
            if problems is not None:
                problems.append(unreadable(self.root, error))
            return [], 0
        found = []
        for folder in folders:
            try:
                entries = list(os.scandir(folder.path))
                found += [Path(e.path) for e in entries if e.name.endswith(".json")
                          and not e.name.startswith(".") and _mtime_ns(e) > since_ns]
            except OSError as error:
                if problems is not None:
                    problems.append(unreadable(Path(folder.path), error))
        return sorted(found), len(folders)

    def scan(
        self, problems: list[str] | None = None
    ) -> Iterator[tuple[Path, dict[str, Any] | None]]:
        """Every stored document file and its content (None if it does not parse).

        A file that cannot be read (not damaged: its permissions) goes to
        ``problems`` and is left alone.
        """
        for path in self.files(problems):
            try:
                doc = self._parse(path.read_bytes())
            except IsADirectoryError:
                doc = None
            except OSError as error:
                if problems is not None:
                    problems.append(unreadable(path, error))
                continue
            yield path, doc

    def any(self) -> bool:
        """Whether any document folder exists (cheap: one directory listing)."""
        try:
            return any(True for _ in os.scandir(self.root))
        except (FileNotFoundError, NotADirectoryError):
            return False
        except OSError:
            return True  # there, but unreadable: not a new library


def _mtime_ns(entry: os.DirEntry) -> int:
    try:
        return entry.stat(follow_symlinks=False).st_mtime_ns
    except OSError:  # gone meanwhile
        return 0
