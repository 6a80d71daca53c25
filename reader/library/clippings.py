"""Clippings: quotations kept on their own, each with its citation.

A clipping is one quotation (every fragment of a split one) copied out of
its article together with the article's citation: title, site, authors,
date, URL. It is its own copy, so it outlives a re-import of its article
(which may move the quotation's offsets, or change its analysis) and even
the article's removal.

Clippings live beside the read and bookmark marks, in one TinyDB file,
``state/clippings.json`` (table ``clippings``, doc_id = the clipping's id
read as a number), written like every state file: read-modify-write under
the library's lock, the whole file replaced atomically (a ``kill -9``
leaves the old file or the new one). It is read at first use, never while
the app opens. A damaged file is set aside with a notice, never emptied.

A clipping's id comes from its article's id and its words, so clipping the
same quotation again (after a re-import too) finds the same clipping:
that is how ``c`` toggles.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from reader.errors import StorageError
from reader.library.storage import AtomicJSONStorage, FileLock, RecordTable
from reader.model import Article, Quote

TABLE = "clippings"
FILENAME = "clippings.json"
SPLIT = " … "  # between two fragments of one quotation in a paragraph (words left out)


@dataclass(frozen=True, slots=True)
class Clipping:
    """One kept quotation and where it came from."""

    id: str
    article: str  # the article's id (it may no longer be in the library)
    text: str  # the words quoted; fragments of a split quotation joined
    speaker: str | None
    title: str
    site: str | None
    authors: tuple[str, ...]
    published: str | None  # ISO 8601, as the article had it
    url: str | None
    clipped: float  # unix time
    paragraph: int  # where the quotation began when it was clipped
    start: int

    @property
    def published_at(self) -> datetime | None:
        try:
            return datetime.fromisoformat(self.published) if self.published else None
        except ValueError:
            return None

    def record(self) -> dict[str, Any]:
        return {
            "id": self.id, "article": self.article, "text": self.text, "speaker": self.speaker,
            "title": self.title, "site": self.site, "authors": list(self.authors),
            "published": self.published, "url": self.url, "clipped": self.clipped,
            "paragraph": self.paragraph, "start": self.start,
        }

    @classmethod
    def from_record(cls, r: dict[str, Any]) -> Clipping:
        """KeyError/TypeError/ValueError if the record is not a clipping."""
        text, article = r["text"], r["article"]
        if not isinstance(text, str) or not isinstance(article, str):
            raise TypeError("text and article must be strings")
        return cls(
            id=str(r["id"]), article=article, text=text, speaker=_str(r.get("speaker")),
            title=_str(r.get("title")) or "", site=_str(r.get("site")),
            authors=tuple(a for a in r.get("authors") or () if isinstance(a, str)),
            published=_str(r.get("published")), url=_str(r.get("url")),
            clipped=float(r.get("clipped") or 0), paragraph=int(r.get("paragraph") or 0),
            start=int(r.get("start") or 0),
        )


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def fragments(article: Article, quote: Quote) -> list[Quote]:
    """The parts of the quotation ``quote`` belongs to, in reading order."""
    if not quote.group:
        return [quote]
    parts = [q for q in article.quotes if q.group == quote.group]
    return sorted(parts, key=lambda q: (q.paragraph, q.start)) if quote in parts else [quote]


def quotation_text(parts: Sequence[Quote]) -> str:
    """The words of a quotation: fragments in one paragraph joined by " … ", across
    paragraphs by a space; whitespace made single spaces."""
    out = ""
    for i, part in enumerate(parts):
        words = " ".join(part.text.split())
        if i:
            out += SPLIT if part.paragraph == parts[i - 1].paragraph else " "
        out += words
    return out


def clipping_id(article_id: str, text: str) -> str:
    key = f"{article_id}\n{' '.join(text.split()).casefold()}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def make(article: Article, quote: Quote, now: float | None = None) -> Clipping:
    """The clipping of the quotation ``quote`` is part of, cited from ``article``."""
    parts = fragments(article, quote)
    text = quotation_text(parts)
    speaker = next((p.speaker for p in parts if p.speaker), None)
    return Clipping(
        id=clipping_id(article.id, text), article=article.id, text=text, speaker=speaker,
        title=article.title, site=article.site, authors=tuple(article.authors),
        published=article.published.isoformat() if article.published else None,
        url=article.url, clipped=time.time() if now is None else now,
        paragraph=parts[0].paragraph, start=parts[0].start,
    )


def clipped_quotes(article: Article, quotes: Sequence[Quote], ids: set[str]) -> set[int]:
    """Indices into ``quotes`` (of ``article``) of the quotations kept as clippings."""
    if not ids:
        return set()
    found = set()
    for index, quote in enumerate(quotes):
        if clipping_id(article.id, quotation_text(fragments(article, quote))) in ids:
            found.add(index)
    return found


def locate(article: Article, quotes: Sequence[Quote], clipping: Clipping) -> int | None:
    """Where ``clipping`` is among ``quotes`` now: by its words, else by its place."""
    for index, quote in enumerate(quotes):
        if clipping_id(article.id, quotation_text(fragments(article, quote))) == clipping.id:
            return index
    for index, quote in enumerate(quotes):
        if (quote.paragraph, quote.start) == (clipping.paragraph, clipping.start):
            return index
    return None


def _doc_id(clip_id: str) -> int:
    return int(clip_id, 16) if len(clip_id) == 16 else int(clipping_id(clip_id, ""), 16)


class ClippingStore:
    """The clippings file of a library (see the module's notes)."""

    def __init__(
        self,
        path: Path,
        lock: FileLock,
        writable: Callable[[], None],
        *,
        durable: bool = True,
        on_damage: Callable[[Path, Path | None], None] | None = None,
    ) -> None:
        self.path = path
        self.lock = lock
        self.writable = writable  # raises StorageError if the library is read-only
        self.storage = AtomicJSONStorage(path, durable=durable, on_damage=on_damage)
        self._seen: Any = None
        self._all: list[Clipping] = []

    def all(self) -> list[Clipping]:
        """Every clipping, newest first (a record that is not one is skipped, and kept)."""
        data = self.storage.read()
        if data is not self._seen or data is None:
            found = []
            for record in (data or {}).get(TABLE, {}).values():
                try:
                    found.append(Clipping.from_record(record))
                except (KeyError, TypeError, ValueError):
                    continue
            found.sort(key=lambda c: (-c.clipped, c.id))
            self._seen, self._all = data, found
        return list(self._all)

    def ids(self) -> set[str]:
        return {c.id for c in self.all()}

    def get(self, clip_id: str) -> Clipping | None:
        return next((c for c in self.all() if c.id == clip_id), None)

    def put(self, clippings: Iterable[Clipping]) -> None:
        """Store clippings (new ones, or ones put back after a removal)."""
        upserts = {_doc_id(c.id): c.record() for c in clippings}
        if upserts:
            self._write(upserts, [])

    def remove(self, clip_ids: Iterable[str]) -> list[Clipping]:
        """Remove clippings by id; the ones that were there, for an undo."""
        wanted = {clip_ids} if isinstance(clip_ids, str) else set(clip_ids)
        self.writable()
        with self.lock:
            gone = [c for c in self.all() if c.id in wanted]  # under the lock: as on disk now
            if gone:
                self._write({}, [_doc_id(c.id) for c in gone])
        return gone

    def toggle(self, article: Article, quote: Quote) -> tuple[bool, Clipping]:
        """Clip the quotation ``quote`` belongs to, or unclip it if it is kept;
        (whether it is kept now, the clipping)."""
        clipping = make(article, quote)
        with self.lock:
            kept = self.get(clipping.id)
            if kept is not None:
                self.remove([kept.id])
                return False, kept
            self.put([clipping])
        return True, clipping

    def _write(self, upserts: dict[int, dict[str, Any]], removes: list[int]) -> None:
        self.writable()
        with self.lock:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StorageError(f"cannot write {self.path}: {error.strerror or error}") from error
            RecordTable(self.storage, TABLE).apply(upserts, removes)
