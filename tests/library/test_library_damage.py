"""Every kind of library file damaged every way: a working library or a clear message.

Unreadable files are simulated (the tests may run as root, whom chmod 000
does not stop): opening them for reading, or listing a folder, raises
PermissionError as it would for anyone else. tests/bench/bench_damage.py
runs the same matrix with real permissions, as an unprivileged user.
"""

import builtins
import io
import os

import pytest
from click.testing import CliRunner

from reader.cli import main
from tests.library import damage


@pytest.fixture
def deny(monkeypatch):
    """deny(path): reading ``path`` (or listing it, if a folder) fails as with chmod 000."""
    denied: set[str] = set()
    real_open, real_io_open, real_os_open, real_scandir = builtins.open, io.open, os.open, os.scandir

    def blocked(path) -> bool:
        try:
            return os.path.abspath(os.fspath(path)) in denied
        except TypeError:
            return False  # a file descriptor

    def fake_open(file, *args, **kwargs):
        if blocked(file):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    def fake_os_open(path, flags, *args, **kwargs):
        if blocked(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_os_open(path, flags, *args, **kwargs)

    def fake_scandir(path="."):
        if blocked(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(io, "open", fake_open)
    monkeypatch.setattr(os, "open", fake_os_open)
    monkeypatch.setattr(os, "scandir", fake_scandir)
    _ = real_io_open
    return lambda path: denied.add(os.path.abspath(path))


@pytest.mark.parametrize(("kind", "how"), damage.cases(), ids=[f"{k}-{d}" for k, d in damage.cases()])
def test_damage_gives_a_working_library_or_a_clear_message(tmp_path, deny, kind, how):
    made = damage.make(tmp_path / "lib")
    if kind == "import.journal":
        damage.interrupt(made)
    damage.damage(damage.target(made, kind), how, deny)
    outcome = damage.check(made, kind, how)
    assert outcome.opened and outcome.lost == []
    runner = CliRunner()
    for args in (["list"], ["show", made.ids[1]], ["quotes"], ["read", made.ids[6]], ["feeds", "list"],
                 ["clippings"]):
        result = runner.invoke(main, ["--data-dir", str(made.root), *args])
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            args, result.output, result.exc_info)
        if result.exit_code:  # said why, on a line of its own
            assert any(line.startswith("byline: ") for line in result.output.splitlines()), result.output


def test_a_damaged_journal_is_set_aside_and_the_documents_it_hid_found_again(tmp_path):
    from reader.library import Library

    made = damage.make(tmp_path / "lib")
    damage.interrupt(made)
    (made.root / "import.journal").write_bytes(b"\x00" * 34)
    with Library.open(made.root) as lib:
        assert set(made.interrupted) <= {e.id for e in lib.list()}
        (notice,) = [n for n in lib.notices if "journal" in n]
        assert "was damaged; it was moved to" in notice and "2 found and listed again" in notice
    assert not (made.root / "import.journal").exists()
    assert [p.name for p in made.root.glob("import.journal.damaged-*")]


def test_an_interrupted_import_whose_journal_is_gone_is_found_again_once(tmp_path, monkeypatch):
    from reader.library import Library
    from reader.library.documents import Documents

    made = damage.make(tmp_path / "lib")
    damage.interrupt(made)
    (made.root / "import.journal").unlink()
    with Library.open(made.root) as lib:
        assert set(made.interrupted) <= {e.id for e in lib.list()}
        (notice,) = [n for n in lib.notices if "journal" in n]
        assert "is missing" in notice and "2 article(s)" in notice
    read = []
    real = Documents.parse_file
    monkeypatch.setattr(Documents, "parse_file", lambda self, p: read.append(p) or real(self, p))
    with Library.open(made.root) as lib:  # the catalog write settled it: nothing to look at
        assert lib.notices == [] and read == []
        assert len(lib.list()) == damage.N + 2


def test_a_document_an_interrupted_removal_left_behind_stays_removed(tmp_path):
    """A kill between the catalog write and the document's removal leaves the file
    as it was, older than the catalog: it is not an import, and is not listed again."""
    import os
    import time

    from reader.library import Library

    made = damage.make(tmp_path / "lib")
    with Library.open(made.root) as lib:
        path = lib.documents.path(made.ids[2])
        raw, st = path.read_bytes(), path.stat()
        lib.remove(made.ids[2])
    (made.root / "catalog.synced").unlink()
    time.sleep(0.02)  # the file is put back after the removal's catalog write
    path.write_bytes(raw)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    for _ in range(2):
        with Library.open(made.root) as lib:
            assert made.ids[2] not in {e.id for e in lib.list()} and lib.notices == []
    assert (made.root / "catalog.synced").exists()  # looked through once, then not again


def test_an_ordinary_open_reads_no_document(tmp_path, monkeypatch):
    from reader.library import Library
    from reader.library.documents import Documents

    made = damage.make(tmp_path / "lib")
    with Library.open(made.root) as lib:
        lib.add_many([damage.make_article(50)])
    calls = []
    monkeypatch.setattr(Documents, "parse_file", lambda self, p: calls.append(p))
    monkeypatch.setattr(Documents, "scan", lambda self, *a: calls.append(a) or iter(()))
    with Library.open(made.root) as lib:
        assert len(lib.list()) == damage.N + 1 and lib.notices == []
    assert calls == []
