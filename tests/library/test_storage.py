"""The storage holds up: concurrent copies, damaged files, interrupted imports."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from reader.errors import StorageError
from reader.library import Library
from reader.library.storage import AtomicJSONStorage, RecordTable
from tests.library.articles import make_article


def _damaged(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".damaged-*"))


def _fill(tmp_path: Path, n: int = 5) -> list[str]:
    with Library.open(tmp_path) as lib:
        articles = [make_article(i, speakers=("Ann Lee",)) for i in range(n)]
        lib.add_many(articles)
        lib.set_bookmarked(articles[0].id)
        return [a.id for a in articles]


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: raw[: len(raw) // 2], id="truncated"),
        pytest.param(lambda raw: os.urandom(len(raw)), id="garbage"),
        pytest.param(lambda raw: b"", id="empty"),
        pytest.param(lambda raw: b'{"articles": [1, 2]}', id="wrong-shape"),
    ],
)
def test_damaged_catalog_is_set_aside_and_rebuilt_from_documents(tmp_path, damage):
    ids = _fill(tmp_path)
    catalog = tmp_path / "catalog.json"
    original = catalog.read_bytes()
    catalog.write_bytes(damage(original))
    damaged_bytes = catalog.read_bytes()
    with Library.open(tmp_path) as lib:
        assert sorted(e.id for e in lib.list()) == sorted(ids)
        assert lib.entry(ids[0]).bookmarked  # state lives elsewhere and survives
        assert lib.entry(ids[1]).speakers == ("Ann Lee",)
        assert len(lib.notices) == 1
        assert "damaged" in lib.notices[0] and "rebuilt it from 5" in lib.notices[0]
    aside = _damaged(catalog)
    assert len(aside) == 1 and aside[0].read_bytes() == damaged_bytes  # kept, never deleted
    with Library.open(tmp_path) as lib:
        assert lib.notices == []  # repaired for good


def test_missing_catalog_is_rebuilt_with_a_notice(tmp_path):
    ids = _fill(tmp_path)
    (tmp_path / "catalog.json").unlink()
    with Library.open(tmp_path) as lib:
        assert len(lib.list()) == len(ids)
        assert "missing" in lib.notices[0]


def test_damaged_state_file_loses_only_its_marks_and_says_so(tmp_path):
    ids = _fill(tmp_path)
    [shard] = (tmp_path / "state").glob("*.json")
    shard.write_bytes(b"\x00\xff garbage")
    with Library.open(tmp_path) as lib:
        assert len(lib.list()) == len(ids)
        assert not lib.entry(ids[0]).bookmarked
        assert "marks" in lib.notices[0] and "damaged" in lib.notices[0]
        lib.set_bookmarked(ids[1])  # and the state can be written again
    assert _damaged(shard)
    with Library.open(tmp_path) as lib:
        assert lib.entry(ids[1]).bookmarked and lib.notices == []


def test_damaged_settings_fall_back_to_defaults_with_a_notice(tmp_path):
    with Library.open(tmp_path) as lib:
        lib.set_setting("theme", "light")
    (tmp_path / "settings.json").write_text('{"settings": {"1": ')
    with Library.open(tmp_path) as lib:
        assert lib.setting("theme", "dark") == "dark"
        assert any("settings" in n for n in lib.notices)


def test_damaged_document_is_set_aside_with_an_actionable_error(tmp_path):
    ids = _fill(tmp_path)
    with Library.open(tmp_path) as lib:
        path = lib.documents.path(ids[2])
        path.write_bytes(b'{"id": "trunc')
        with pytest.raises(StorageError, match="import the article again|Import the article"):
            lib.get(ids[2])
        assert _damaged(path)
        assert lib.get(ids[3]).id == ids[3]


def _toggle(path: str, ids: list[str], rounds: int) -> None:
    lib = Library.open(path)
    for r in range(rounds):
        for article_id in ids:
            lib.set_bookmarked(article_id, r % 2 == 0)
    for article_id in ids:
        lib.set_bookmarked(article_id, True)
        lib.set_read(article_id, True)


def test_two_processes_toggling_different_articles_lose_nothing(tmp_path):
    # Ids chosen so that both processes write the same state files.
    with Library.open(tmp_path) as lib:
        articles = [make_article(i) for i in range(400)]
        lib.add_many(articles)
    by_shard: dict[str, list[str]] = {}
    for a in articles:
        by_shard.setdefault(a.id[:2], []).append(a.id)
    shared = [ids for ids in by_shard.values() if len(ids) >= 2][:6]
    first = [ids[0] for ids in shared]
    second = [ids[1] for ids in shared]
    ctx = multiprocessing.get_context("spawn")
    procs = [
        ctx.Process(target=_toggle, args=(str(tmp_path), ids, 15)) for ids in (first, second)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    with Library.open(tmp_path) as lib:
        marked = {e.id for e in lib.list(show="bookmarked")}
        read = {e.id for e in lib.list(show="read")}
    assert marked == read == set(first) | set(second)


def test_interrupted_batch_is_recovered_on_open(tmp_path, monkeypatch):
    with Library.open(tmp_path) as lib:
        lib.add_many([make_article(i) for i in range(3)])

        def die(self, *args, **kwargs):  # the process dies before the catalog write
            raise KeyboardInterrupt

        monkeypatch.setattr(RecordTable, "apply", die)
        with pytest.raises(KeyboardInterrupt):
            lib.add_many([make_article(i) for i in range(3, 7)])
        monkeypatch.undo()
    assert (tmp_path / "import.journal").exists()
    with Library.open(tmp_path) as lib:
        assert len(lib.list()) == 7
        assert "interrupted" in lib.notices[0] and "4 article" in lib.notices[0]
    assert not (tmp_path / "import.journal").exists()


def _interrupted_import(tmp_path: Path, monkeypatch, stored: int, lost: int) -> None:
    """A library of ``stored`` articles and a journal naming ``lost`` more, written as
    documents but not yet into the catalog (the process died in between)."""
    with Library.open(tmp_path) as lib:
        lib.add_many([make_article(i) for i in range(stored)])

        def die(self, *args, **kwargs):
            raise KeyboardInterrupt

        monkeypatch.setattr(RecordTable, "apply", die)
        with pytest.raises(KeyboardInterrupt):
            lib.add_many([make_article(i) for i in range(stored, stored + lost)])
        monkeypatch.undo()
    assert (tmp_path / "import.journal").exists()


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: raw[: len(raw) // 2], id="truncated"),
        pytest.param(lambda raw: b"\x00\xff" * 40, id="garbage"),
        pytest.param(lambda raw: b'{"articles": {"1": {"no": "id"}}}', id="not-records"),
    ],
)
def test_interrupted_import_and_damaged_catalog_rebuild_once_with_one_true_notice(
    tmp_path, monkeypatch, damage
):
    _interrupted_import(tmp_path, monkeypatch, stored=3, lost=4)
    catalog = tmp_path / "catalog.json"
    catalog.write_bytes(damage(catalog.read_bytes()))
    writes: list[str] = []
    real_write = AtomicJSONStorage.write

    def counting_write(self, data):
        writes.append(self.path.name)
        real_write(self, data)

    monkeypatch.setattr(AtomicJSONStorage, "write", counting_write)
    with Library.open(tmp_path) as lib:
        assert len(lib.list()) == 7
        [notice] = lib.notices
    assert writes.count("catalog.json") == 1  # one rebuild
    [aside] = _damaged(catalog)
    assert notice == (
        f"The catalog {catalog} was damaged; it was moved to {aside}; rebuilt it from 7 "
        "stored article(s), among them 4 that an interrupted import had stored."
    )
    assert not (tmp_path / "import.journal").exists()
    with Library.open(tmp_path) as lib:
        assert lib.notices == [] and len(lib.list()) == 7


def test_interrupted_import_and_missing_catalog_rebuild_once(tmp_path, monkeypatch):
    _interrupted_import(tmp_path, monkeypatch, stored=2, lost=3)
    catalog = tmp_path / "catalog.json"
    catalog.unlink()
    with Library.open(tmp_path) as lib:
        assert len(lib.list()) == 5
        assert lib.notices == [
            f"The catalog {catalog} was missing; rebuilt it from 5 stored article(s), "
            "among them 3 that an interrupted import had stored."
        ]


def test_a_catalog_found_damaged_when_writing_is_rebuilt_not_overwritten(tmp_path):
    # Damage that keeps the size and head leaves the snapshot looking current,
    # so opening trusts it; the next write parses the file and must not drop
    # the articles it could not read.
    ids = _fill(tmp_path)
    catalog = tmp_path / "catalog.json"
    raw = bytearray(catalog.read_bytes())
    raw[100:110] = b"\x00" * 10
    stat = catalog.stat()
    catalog.write_bytes(bytes(raw))
    os.utime(catalog, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    with Library.open(tmp_path) as lib:
        lib.add(make_article(99))
        assert len(lib.list()) == 6
        assert len(lib.notices) == 1 and "damaged" in lib.notices[0]
    with Library.open(tmp_path) as lib:
        assert sorted(e.id for e in lib.list()) == sorted(ids + [make_article(99).id])
        lib.remove(ids[0])
        lib.catalog.snapshot.unlink()  # the JSON alone must hold the rest
    with Library.open(tmp_path) as lib:
        assert len(lib.list()) == 5


_IMPORTER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from reader.library import Library
    from tests.library.articles import make_article
    lib = Library.open({path!r})
    for start in range(0, 100000, 20):
        lib.add_many(make_article(i, body="x " * 300) for i in range(start, start + 20))
        print(start + 20, flush=True)
    """
)


def test_killed_import_leaves_a_library_that_opens_with_what_was_imported(tmp_path):
    root = str(Path(__file__).resolve().parents[2])
    code = _IMPORTER.format(root=root, path=str(tmp_path))
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    done = 0
    while done < 200:
        done = int(proc.stdout.readline())
    time.sleep(0.05)  # let it get into the middle of a later batch
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Library.open(tmp_path) as lib:
        entries = lib.list()
        assert len(entries) >= done
        for entry in entries:  # every listed article is whole
            assert lib.get(entry.id).title == entry.title
    leftovers = [p for p in tmp_path.rglob("*") if ".tmp-" in p.name or "damaged" in p.name]
    assert leftovers == []  # temporary files of the killed writer were swept


def test_atomic_storage_notices_a_rewrite_by_another_copy(tmp_path):
    path = tmp_path / "db.json"
    one, two = AtomicJSONStorage(path), AtomicJSONStorage(path)
    RecordTable(one, "t").apply({1: {"v": 1}})
    first = two.read()
    RecordTable(one, "t").apply({1: {"v": 2}})  # same size, maybe same mtime
    assert two.changed()
    assert two.read()["t"]["1"] == {"v": 2} and two.read() is not first


def test_snapshot_is_ignored_when_stale_or_damaged(tmp_path):
    ids = _fill(tmp_path, 3)
    # Another program edits the TinyDB catalog without knowing about the snapshot.
    storage = AtomicJSONStorage(tmp_path / "catalog.json")
    record = dict(storage.table("articles")[str(int(ids[1], 16))], title="Edited elsewhere")
    RecordTable(storage, "articles").apply({int(ids[1], 16): record})
    with Library.open(tmp_path) as lib:
        assert lib.entry(ids[1]).title == "Edited elsewhere"
    (tmp_path / "catalog.rows").write_bytes(b"byline-rows-1" + os.urandom(300))
    with Library.open(tmp_path) as lib:
        assert sorted(e.id for e in lib.list()) == sorted(ids) and lib.notices == []
    (tmp_path / "catalog.rows").unlink()
    with Library.open(tmp_path) as lib:
        assert len(lib.list()) == 3
    assert (tmp_path / "catalog.rows").exists()  # written again for the next open


def _add_range(path: str, start: int, stop: int) -> None:
    lib = Library.open(path)
    for i in range(start, stop, 3):
        lib.add_many(make_article(n) for n in range(i, min(i + 3, stop)))


def test_two_processes_importing_at_once_keep_every_article(tmp_path):
    Library.open(tmp_path).close()
    ctx = multiprocessing.get_context("spawn")
    procs = [
        ctx.Process(target=_add_range, args=(str(tmp_path), start, start + 30))
        for start in (0, 1000)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    with Library.open(tmp_path) as lib:
        expected = {make_article(n).id for n in [*range(30), *range(1000, 1030)]}
        assert {e.id for e in lib.list()} == expected


def test_a_copy_opening_while_another_checks_its_folder_opens_writable(tmp_path, monkeypatch):
    """A copy opening sweeps the temporary files a killed writer left; the small
    file another copy writes at that moment to check that the folder can be
    written must not be taken for one (it was: that copy opened read-only,
    "cannot write in its folder: No such file or directory")."""
    Library.open(tmp_path).close()
    real_open = os.open
    others: list[Library] = []
    started: list[bool] = []

    def fake_open(path, flags, *args, **kwargs):
        fd = real_open(path, flags, *args, **kwargs)
        if not started and flags & os.O_CREAT and Path(path).parent == tmp_path:
            started.append(True)  # another copy (a thread of its own) opens just now
            other = threading.Thread(target=lambda: others.append(Library.open(tmp_path)))
            other.start()
            other.join()
        return fd

    monkeypatch.setattr(os, "open", fake_open)
    with Library.open(tmp_path) as lib:
        assert others and others[0].read_only is None
        assert lib.read_only is None, lib.read_only
        lib.add(make_article(1))
        assert [e.id for e in lib.list()] == [make_article(1).id]
    others[0].close()


def _no_writing(monkeypatch, root: Path) -> None:
    """Opening anything under ``root`` for writing fails, as in a read-only folder
    (chmod would not do: the tests may run as root)."""
    import reader.library.storage as storage

    real_open = os.open

    def fake_open(path, flags, *args, **kwargs):
        if str(path).startswith(str(root)) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(storage.os, "open", fake_open)


def test_a_library_that_cannot_be_written_can_still_be_read(tmp_path, monkeypatch):
    ids = _fill(tmp_path)
    _no_writing(monkeypatch, tmp_path)
    with Library.open(tmp_path) as lib:
        assert {e.id for e in lib.list()} == set(ids)
        assert lib.get(ids[1]).id == ids[1]


def test_a_lock_that_cannot_be_created_says_what_to_do(tmp_path, monkeypatch):
    ids = _fill(tmp_path)
    (tmp_path / ".lock").unlink()
    _no_writing(monkeypatch, tmp_path)
    with Library.open(tmp_path) as lib:
        assert lib.read_only == "cannot write in its folder: Permission denied"
        assert "--data-dir" in lib.notices[0]
        assert {e.id for e in lib.list()} == set(ids)
        with pytest.raises(StorageError, match=r"nothing was changed: .* is open read-only "
                           r"\(cannot write in its folder: Permission denied\)"):
            lib.set_read(ids[0])
