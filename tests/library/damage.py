"""The damage matrix: each kind of library file, damaged each way, then used.

Shared by ``tests/library/test_library_damage.py`` (in-process, unreadable
files simulated) and ``tests/bench/bench_damage.py`` (unreadable for real,
run as an unprivileged user). A case passes when the library opens, lists,
shows every article whose document is intact, keeps every mark and setting
outside the damaged file, and no command prints a traceback.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from reader.errors import StorageError
from reader.library import Library
from reader.library.feeds import Feed, FeedStore
from reader.library.records import key, shard
from tests.library.articles import make_article

N = 8
FILES = ["catalog.json", "catalog.rows", "catalog.synced", "import.journal", "settings.json",
         "feeds.json", "state shard", "clippings", "document", ".lock", "search.db", "stories.db"]
FOLDERS = ["docs/", "state/"]
FILE_DAMAGE = ["truncated", "garbage", "zero-filled", "deleted", "unreadable", "folder"]
FOLDER_DAMAGE = ["deleted", "unreadable", "file"]


def cases() -> list[tuple[str, str]]:
    return [(k, d) for k in FILES for d in FILE_DAMAGE] + [(k, d) for k in FOLDERS for d in FOLDER_DAMAGE]


@dataclass
class Made:
    root: Path
    ids: list[str]
    read: set[str]
    bookmarked: set[str]
    interrupted: list[str] = field(default_factory=list)  # stored by an import that died
    clipping: str = ""  # the words of the one clipping


def make(root: Path) -> Made:
    """A library of N articles (marks, a setting, a feed), and for the journal's
    sake two more articles stored by an import that died before its catalog write."""
    articles = [make_article(i, speakers=("Ann Lee",), feed="https://example.org/rss") for i in range(N)]
    with Library.open(root) as lib:
        lib.add_many(articles)
        ids = [a.id for a in articles]
        read = set(ids[:3])
        lib.set_read_many(read)
        lib.set_bookmarked(ids[4])
        lib.set_setting("ui.filter", "unread")
        FeedStore.of(lib).add(Feed("https://example.org/rss", "Example"))
        lib.search("Ann")  # the search index is made
        _, clipping = lib.clippings.toggle(articles[0], articles[0].quotes[0])
    # What an open leaves that looked through docs/ after a removal (the removed
    # documents go after the catalog write): made here, not left to the clock.
    from reader.library.repair import mark_synced

    mark_synced(root)
    return Made(root, ids, read, {ids[4]}, clipping=clipping.text)


def interrupt(made: Made) -> None:
    """Leave what an import that died after writing its documents leaves: them, and its journal."""
    extra = [make_article(100 + i) for i in range(2)]
    time.sleep(0.02)  # a later import: its files' times come after the catalog's last write
    with Library.open(made.root) as lib:
        lib.documents.write_many(dict(a.to_dict(), _imported=1.0) for a in extra)
    made.interrupted = [a.id for a in extra]
    from reader.library.repair import begin_batch

    begin_batch(made.root / "import.journal", made.interrupted, durable=False)


def target(made: Made, kind: str) -> Path:
    root = made.root
    if kind == "state shard":
        return root / "state" / f"{shard(made.ids[0])}.json"
    if kind == "clippings":
        return root / "state" / "clippings.json"
    if kind == "document":
        k = key(made.ids[5])
        return root / "docs" / k[:2] / f"{k}.json"
    return root / kind.rstrip("/")


def damage(path: Path, how: str, unreadable) -> None:
    """Damage ``path``; ``unreadable(path)`` makes it unreadable (chmod, or a simulation)."""
    if how == "deleted":
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    elif how == "unreadable":
        unreadable(path)
    elif how in ("folder", "file"):
        shutil.rmtree(path) if path.is_dir() else path.unlink()
        if how == "folder":
            path.mkdir()
        else:
            path.write_bytes(b"not a folder\n")
    else:
        raw = path.read_bytes()
        if how == "truncated":
            raw = raw[: len(raw) // 2]
        elif how == "garbage":
            raw = os.urandom(max(len(raw), 64))
        else:
            raw = bytes(len(raw))
        path.write_bytes(raw)


@dataclass
class Outcome:
    opened: bool = False
    lost: list[str] = field(default_factory=list)  # what went missing beyond the damaged file
    message: str = ""  # the error a command gave, when not opened


def check(made: Made, kind: str, how: str) -> Outcome:
    """Open the library and use it; what was lost beyond the damaged file."""
    out = Outcome()
    with Library.open(made.root) as lib:
        out.opened = True
        listed = {e.id: e for e in lib.list()}
        expected = set(made.ids)
        damaged_doc = made.ids[5] if kind == "document" else None
        missing = expected - set(listed)
        if damaged_doc:
            missing.discard(damaged_doc)  # the damaged file itself
        if kind == "docs/":
            missing = set()  # every document was the damaged thing
        out.lost += [f"article {i} not listed" for i in sorted(missing)]
        if kind == "import.journal" and how != "unreadable" and made.interrupted:
            out.lost += [f"interrupted {i} not found again" for i in made.interrupted if i not in listed]
        for article_id in sorted(expected & set(listed)):
            if article_id == damaged_doc or kind == "docs/":
                continue
            try:
                lib.get(article_id)
            except Exception as error:  # noqa: BLE001 - a StorageError here is a loss
                out.lost.append(f"article {article_id} unreadable: {error}")
        marks_file = kind in ("state shard", "state/")
        if not marks_file:
            for article_id in made.read:
                if article_id in listed and not listed[article_id].read:
                    out.lost.append(f"read mark of {article_id}")
            for article_id in made.bookmarked:
                if article_id in listed and not listed[article_id].bookmarked:
                    out.lost.append(f"bookmark of {article_id}")
        if kind != "settings.json" and lib.setting("ui.filter") != "unread":
            out.lost.append("the ui.filter setting")
        if kind != "feeds.json" and [f.url for f in FeedStore.of(lib).list()] != ["https://example.org/rss"]:
            out.lost.append("the feed")
        try:
            clippings = [c.text for c in lib.clippings.all()]
        except StorageError as error:  # only the clippings file itself may be unreadable
            clippings, out.message = None, str(error)
        if kind not in ("clippings", "state/") and clippings != [made.clipping]:
            out.lost.append(f"the clipping ({clippings})")
        try:
            hits = lib.search("Ann")
        except StorageError as error:  # a clear message (the index is derived: nothing lost)
            out.message = str(error)
            hits = None
        if lib.read_only is None:  # a library that can write takes a new article
            try:
                lib.add(make_article(200))
            except StorageError as error:
                out.message = out.message or str(error)
            else:
                if make_article(200).id not in {e.id for e in lib.list()}:
                    out.lost.append("a new article was not listed")
        if kind == "search.db" and not hits:  # derived data: set aside and rebuilt, never in the way
            out.lost.append(f"search found nothing after the damage ({out.message or 'no hits'})")
    return out


def summary(results: dict[tuple[str, str], object]) -> str:
    return json.dumps({f"{k}/{d}": str(v) for (k, d), v in results.items()}, indent=1)
