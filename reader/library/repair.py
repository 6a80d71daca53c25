"""Putting a library right after a crash or damage.

* Leftovers: a writer killed mid-write leaves ``.<name>.tmp-*`` files;
  :func:`sweep` removes them (the renamed-in files are whole).
* The import journal (``import.journal``): the ids of a batch whose
  documents are being written before its catalog write. A journal found on
  opening means the process died in between; :func:`journal_records` gives
  the catalog records of the documents it managed to store.
* A catalog that is damaged or missing is rebuilt from the documents
  (:func:`records_from_documents`); damaged document files are set aside,
  never deleted, and :func:`rebuilt_notice` says what happened.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.library import records
from reader.library.documents import Documents
from reader.errors import StorageError
from reader.library.atomic import atomic_write, set_aside, unreadable

JOURNAL = "import.journal"


def sweep(folder: Path, name: str = "") -> None:
    """Remove temporary files a killed writer left (call holding the lock).

    Safe only because every writer of a temporary file in the library's folders
    holds the lock too: a temporary file seen here is no live writer's."""
    try:
        leftovers = [e.path for e in os.scandir(folder) if e.name.startswith(f".{name}")
                     and ".tmp-" in e.name]
    except OSError:
        return
    for path in leftovers:
        try:
            os.unlink(path)
        except OSError:
            pass


def begin_batch(journal: Path, ids: list[str], *, durable: bool) -> None:
    """Note the ids of a batch before its documents are written."""
    text = "".join(i + "\n" for i in ids) + f"# {len(ids)} ids\n"  # the count: a cut shows
    atomic_write(journal, text.encode("utf-8"), durable=durable)


def end_batch(journal: Path) -> None:
    """The batch is in the catalog: forget it."""
    try:
        journal.unlink(missing_ok=True)
    except OSError as error:
        raise StorageError(f"cannot remove {journal}: {error.strerror or error}") from error


DAMAGED = ["damaged"]  # read_journal's answer for a journal that cannot be trusted
_ID = re.compile(r"[0-9a-f]{16}")


def read_journal(journal: Path) -> list[str] | None:
    """The ids a left-over journal names; None if there is none, DAMAGED if it is
    damaged (not whole lines of ids, or a folder); StorageError if unreadable."""
    try:
        raw = journal.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        return DAMAGED
    except OSError as error:
        raise StorageError(unreadable(journal, error)) from error
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return DAMAGED
    lines = text.split("\n")
    ids = lines[:-2]
    if lines[-1] != "" or lines[-2:-1] != [f"# {len(ids)} ids"]:
        return DAMAGED  # cut short, zeroed, or not a journal at all
    if not all(_ID.fullmatch(line) for line in ids):
        return DAMAGED
    return ids


def orphan_records(
    documents: Documents, known: set[str], problems: list[str]
) -> dict[int, dict[str, Any]]:
    """Catalog records of stored documents whose ids are not in ``known`` (keys)."""
    found: dict[int, dict[str, Any]] = {}
    for path in documents.files(problems):
        if path.stem in known:
            continue
        try:
            doc = documents.read(path.stem)
        except StorageError as error:  # damaged (set aside) or unreadable
            problems.append(str(error))
            continue
        if doc is not None:
            found[records.doc_id(doc["id"])] = record_from_doc(doc)
    return found


SYNCED = "catalog.synced"  # its time: when the documents last matched the catalog


def synced_at(root: Path, catalog: Path) -> int | None:
    """Since when (ns) the documents are known to match the catalog: the later of
    the catalog's last write and the last check (``catalog.synced``); None if the
    catalog is not there. Only the files' times are used, never their content."""
    times = []
    for path in (catalog, root / SYNCED):
        try:
            times.append(os.stat(path).st_mtime_ns)
        except OSError:
            pass
    return max(times) if times and os.path.lexists(catalog) else None


def mark_synced(root: Path) -> None:
    """Note that the documents match the catalog now (best effort: only a time)."""
    path = root / SYNCED
    try:
        os.utime(path)
    except FileNotFoundError:
        try:
            path.touch()
        except OSError:
            pass
    except OSError:
        pass


def unfinished_records(
    documents: Documents, since_ns: int, rows: dict[str, Any], problems: list[str]
) -> tuple[dict[int, dict[str, Any]], int]:
    """What an import that died without its journal left: catalog records (by doc_id)
    of the documents written after ``since_ns`` that the catalog lacks or lists
    otherwise (``rows``: its rows by id), and how many folders changed since."""
    paths, changed = documents.written_after(since_ns, problems)
    found: dict[int, dict[str, Any]] = {}
    for path in paths:
        try:
            doc = documents.parse_file(path)
        except StorageError as error:
            problems.append(str(error))
            continue
        if doc is None:
            continue  # damaged: read() sets it aside when the article is opened
        try:
            record = record_from_doc(doc)
            if records.row(record) == rows.get(doc["id"]):
                continue
        except (KeyError, TypeError, ValueError, AttributeError):
            continue  # not a document byline wrote: left alone
        found[records.doc_id(doc["id"])] = record
    return found, changed


def journal_records(
    ids: list[str], documents: Documents, notify: Callable[[str], None]
) -> dict[int, dict[str, Any]]:
    """Catalog records (by doc_id) of the stored documents a left-over journal names."""
    found: dict[int, dict[str, Any]] = {}
    for article_id in filter(None, ids):
        path = documents.path(article_id)
        try:
            doc = documents.read(article_id)
        except Exception as error:  # a damaged document: set aside by read()
            notify(str(error))
            continue
        if doc is not None:
            found[records.doc_id(article_id)] = record_from_doc(doc)
        sweep(path.parent, path.name)
    return found


def records_from_documents(
    documents: Documents, problems: list[str] | None = None, *, set_damaged_aside: bool = True
) -> tuple[dict[str, dict[str, Any]], int]:
    """Catalog records (by doc_id string) of every stored document, and how many
    document files were damaged (those are set aside, unless told not to).
    Files and folders that cannot be read go to ``problems``."""
    found: dict[str, dict[str, Any]] = {}
    lost = 0
    for path, doc in documents.scan(problems):
        if doc is None:
            lost += 1
            if set_damaged_aside:
                set_aside(path)
            continue
        found[str(records.doc_id(doc["id"]))] = record_from_doc(doc)
    return found, lost


def rebuilt_notice(reason: str, rebuilt: int, interrupted: int = 0, lost: int = 0) -> str:
    """One message for one rebuild: why, from how many, and what was set aside."""
    message = f"{reason}; rebuilt it from {rebuilt} stored article(s)"
    if interrupted:
        message += f", among them {interrupted} that an interrupted import had stored"
    message += "."
    if lost:
        message += f" {lost} damaged document file(s) were set aside (*.damaged-*)."
    return message


def record_from_doc(doc: dict[str, Any]) -> dict[str, Any]:
    """The catalog record of a stored document (which loses its ``_imported``)."""
    imported = doc.pop("_imported", None)
    if not isinstance(imported, (int, float)):
        imported = time.time()
    return records.catalog_record(doc, float(imported))
