"""Importing a folder of odd files: the good ones come in, the rest say why."""

import os
import socket
import threading

from click.testing import CliRunner

from reader.cli import main
from reader.gather.importer import import_paths
from reader.library import Library

PAGE = "<html><head><title>{t}</title></head><body><article><p>{t}: the harbour stayed shut, " \
       "said the master.</p><p>More words about the harbour and the ships in it.</p></article></body></html>"


def _odd_folder(root):
    root.mkdir()
    (root / "good.html").write_text(PAGE.format(t="Good one"))
    os.mkfifo(root / "pipe.html")
    (root / "loop").symlink_to(root / "loop")  # a link to itself
    (root / "broken.html").symlink_to(root / "nowhere")
    (root / "cycle").symlink_to(root)  # a link to a folder above: not followed
    raw = os.fsencode(root) + b"/caf\xe9.html"  # not UTF-8
    with open(raw, "w") as f:
        f.write(PAGE.format(t="Latin one"))
    (root / "evil\x1b]0;pwned\x07.html").write_text(PAGE.format(t="Escaped one"))
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(root / "sock"))
    return sock


def test_a_folder_with_a_fifo_a_loop_and_odd_names_imports_its_good_files(tmp_path):
    sock = _odd_folder(tmp_path / "in")
    done = threading.Event()
    with Library.open(tmp_path / "lib") as lib:
        worker = threading.Thread(target=lambda: (import_paths(lib, [tmp_path / "in"], jobs=1), done.set()))
        worker.start()
        worker.join(60)
        assert done.is_set(), "the import hung (a FIFO opened?)"
        titles = sorted(e.title for e in lib.list())
        sources = sorted(lib.get(e.id).source for e in lib.list())
    sock.close()
    assert titles == ["Escaped one", "Good one", "Latin one"]
    assert any(s.endswith("/caf\\xe9.html") for s in sources)
    assert any(s.endswith("/evil\\x1b]0;pwned\\x07.html") for s in sources)
    assert not any("\x1b" in s for s in sources)


def test_the_reasons_are_one_line_each_and_never_raw(tmp_path):
    sock = _odd_folder(tmp_path / "in")
    run = CliRunner().invoke(main, ["--data-dir", str(tmp_path / "lib"), "import", "--jobs", "1",
                                    str(tmp_path / "in")])
    sock.close()
    assert run.exit_code == 1, run.output
    assert "\x1b" not in run.output and "\x07" not in run.output
    root = tmp_path / "in"
    lines = set(run.output.splitlines())
    assert f"byline: {root}/pipe.html: a FIFO (named pipe), not a file: skipped" in lines
    assert f"byline: {root}/loop: a loop of symbolic links: skipped" in lines
    assert f"byline: {root}/broken.html: a symbolic link to nothing: skipped" in lines
    assert f"byline: {root}/sock: a socket, not a file: skipped" in lines
    assert "imported 3, updated 0, unchanged 0, failed 4" in run.output


def test_an_unreadable_folder_is_reported_and_the_rest_imported(tmp_path, monkeypatch):
    root = tmp_path / "in"
    (root / "locked").mkdir(parents=True)
    (root / "good.html").write_text(PAGE.format(t="Good one"))
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with Library.open(tmp_path / "lib") as lib:
        report = import_paths(lib, [root], jobs=1)
        assert [e.title for e in lib.list()] == ["Good one"]
    assert report.failures == [(f"{root}/locked", "cannot read this folder (Permission denied): skipped")]
