"""An in-memory stand-in for reader.library.Library, with the same calls.

Used where a test needs a library with precise contents and no disk (hostile
titles, hand-made quotes); the seed tests use a real ``Library.open(tmp_path)``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from reader.errors import NotFoundError
from reader.library import Counts, Entry
from reader.model import Article


def entry_for(article: Article, imported: float = 0.0) -> Entry:
    return Entry(
        id=article.id,
        title=article.title,
        site=article.site,
        published=article.published,
        url=article.url,
        imported=imported,
        quotes=len(article.quotes),
        speakers=tuple(s.name for s in article.speakers),
    )


class FakeLibrary:
    def __init__(self, articles: list[Article] = (), path: str = "/tmp/fake-library") -> None:
        self.path = Path(path)
        self.notices: list[str] = []
        self._articles = {a.id: a for a in articles}
        self._entries = {a.id: entry_for(a, i) for i, a in enumerate(articles)}
        self._settings: dict[str, Any] = {}

    def add(self, article: Article) -> str:
        self._articles[article.id] = article
        self._entries[article.id] = entry_for(article, len(self._entries))
        return "imported"

    def get(self, id: str) -> Article:
        try:
            return self._articles[id]
        except KeyError:
            raise NotFoundError(f"no article {id}") from None

    def entry(self, id: str) -> Entry:
        return self._entries[id]

    def list(self, *, show="all", speaker=None, feed=None, sort="date") -> list[Entry]:
        rows = list(self._entries.values())
        if show == "unread":
            rows = [e for e in rows if not e.read]
        elif show == "read":
            rows = [e for e in rows if e.read]
        elif show == "bookmarked":
            rows = [e for e in rows if e.bookmarked]
        return sorted(rows, key=lambda e: (e.published is not None, e.published, e.imported), reverse=True)

    def search(self, query: str) -> list[Entry]:
        q = query.casefold()
        return [
            e
            for e in self.list()
            if q in e.title.casefold()
            or q in (e.site or "").casefold()
            or any(q in s.casefold() for s in e.speakers)
        ]

    def counts(self) -> Counts:
        rows = self._entries.values()
        return Counts(len(rows), sum(not e.read for e in rows), sum(e.bookmarked for e in rows))

    def set_read(self, id: str, read: bool = True) -> None:
        self._entries[id] = replace(self._entries[id], read=read)

    def set_bookmarked(self, id: str, bookmarked: bool = True) -> None:
        self._entries[id] = replace(self._entries[id], bookmarked=bookmarked)

    def reload(self) -> bool:
        return False

    def setting(self, key: str, default: Any = None) -> Any:
        return self._settings.get(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        self._settings[key] = value
