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
