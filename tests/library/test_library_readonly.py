"""A library that cannot be written still opens: full disks and read-only folders."""

import errno
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from reader.cli import main
from reader.errors import StorageError
from reader.library import Library, atomic
from tests.library.articles import make_article


def _path_of(fd: int) -> str:
    return os.readlink(f"/proc/self/fd/{fd}")


@pytest.fixture
def disk(monkeypatch):
    """disk.fill(match): every file write whose path contains ``match`` fails with
    ENOSPC ("" for all of them); disk.free() makes room again."""

    class Disk:
        full: str | None = None

        def fill(self, match: str = "") -> None:
            self.full = match

        def free(self) -> None:
            self.full = None

    state = Disk()
    real = atomic.write_all

    def write_all(fd, data):
        if state.full is not None and state.full in _path_of(fd):
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd, data)

    monkeypatch.setattr(atomic, "write_all", write_all)
    return state


def test_a_disk_that_fills_during_an_import_leaves_a_library_that_opens_and_lists(tmp_path, disk):
    root = tmp_path / "lib"
    first = [make_article(i) for i in range(3)]
    later = [make_article(10 + i) for i in range(4)]
    with Library.open(root) as lib:
        lib.add_many(first)
        lib.set_read(first[0].id)
        disk.fill(".catalog.json.tmp")  # the documents go in, then the catalog write fails
        with pytest.raises(StorageError, match="cannot write .*catalog.json: No space left on device"):
            lib.add_many(later)
    assert (root / "import.journal").exists()

    disk.fill()  # and now nothing can be written at all
    with Library.open(root) as lib:
        assert lib.read_only == "cannot write in its folder: No space left on device"
        assert lib.notices[0].startswith(f"The library {root} is open read-only (cannot write")
        assert any("interrupted" in n and "next time the library can be written" in n for n in lib.notices)
        assert {e.id for e in lib.list()} == {a.id for a in first}
        assert lib.entry(first[0].id).read
        assert lib.get(first[1].id).title == first[1].title
        with pytest.raises(StorageError, match="nothing was changed: .*open read-only"):
            lib.set_read(first[1].id)
    assert (root / "import.journal").exists()  # the recovery waits

    disk.free()
    with Library.open(root) as lib:
        assert lib.read_only is None
        assert {e.id for e in lib.list()} == {a.id for a in first + later}
        assert any("recovered 4 article(s)" in n for n in lib.notices)
    assert not (root / "import.journal").exists()


def test_the_cli_reads_a_full_library_and_refuses_changes_in_one_line(tmp_path, disk):
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        lib.add_many([make_article(1), make_article(2)])
        some = lib.list()[0].id
    disk.fill()
    runner = CliRunner()
    listed = runner.invoke(main, ["--data-dir", str(root), "list"])
    assert listed.exit_code == 0 and "Story number 1" in listed.output
    assert listed.output.count("is open read-only") == 1
    marked = runner.invoke(main, ["--data-dir", str(root), "read", some])
    assert marked.exit_code == 1
    assert marked.output.strip().splitlines()[-1] == (
        f"byline: nothing was changed: the library {root} is open read-only "
        "(cannot write in its folder: No space left on device)"
    )


def test_a_read_only_folder_opens_in_the_cli_as_another_user(request):
    """Real permissions: a folder the user may read but not write (as nobody)."""
    import shutil
    import subprocess
    import sys

    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root to run a command as another user")
    import tempfile

    home = Path(tempfile.mkdtemp(prefix="byline-ro-"))  # pytest's tmp folders are root's only
    request.addfinalizer(lambda: shutil.rmtree(home, ignore_errors=True))
    os.chmod(home, 0o755)
    root = home / "lib"
    with Library.open(root) as lib:
        lib.add_many([make_article(1)])
    for path in [root, *root.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)  # readable, owned by root: not writable
    here = os.getcwd()
    run = subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
         sys.executable, "-m", "reader", "--data-dir", str(root), "list"],
        capture_output=True, text=True, timeout=60, cwd=here, env={**os.environ, "HOME": "/tmp"},
    )
    assert run.returncode == 0, run.stderr
    assert "Story number 1" in run.stdout
    assert run.stderr.startswith(f"byline: The library {root} is open read-only (cannot write in "
                                 "its folder: Permission denied)")
    assert "Traceback" not in run.stderr


def test_the_app_opens_a_read_only_library_without_writing(tmp_path, disk):
    from reader.cli.app_cmd import open_app
    from reader.cli.common import State

    empty = tmp_path / "empty"
    Library.open(empty).close()
    disk.fill()
    open_app(State(empty), interactive=False)  # no samples, no "seeded" setting, no error
    with Library.open(empty) as lib:
        assert lib.counts().total == 0 and lib.setting("seeded") is None


async def test_the_app_runs_on_a_read_only_library_and_says_so(tmp_path, disk):
    from reader.ui.app import ReaderApp

    root = tmp_path / "lib"
    with Library.open(root) as lib:
        lib.add_many([make_article(1), make_article(2)])
    disk.fill()
    library = Library.open(root)
    app = ReaderApp(library=library)
    async with app.run_test() as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("is open read-only" in m for m in messages)
        await pilot.press("m")  # mark read: refused, said so
        await pilot.pause(0.3)
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Not marked") and "open read-only" in m for m in messages), messages
    library.close()
