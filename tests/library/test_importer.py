"""byline's importer: folders walked, files parsed in parallel, failures named."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.gather.importer import ImportReport, expand, import_paths
from reader.library import Library
from tests.library.processes import HAS_PROC, all_gone, kill_left


def _page(topic: str) -> str:
    body = "".join(
        f"<p>Paragraph {i} of the council story: the mayor said the {topic} would be "
        "finished by spring, and residents asked about its cost at a long meeting.</p>"
        for i in range(8)
    )
    return (
        f"<html><head><title>Council approves {topic}</title>"
        "<meta property='og:site_name' content='Town Crier'></head>"
        f"<body><article><h1>Council approves {topic}</h1>{body}</article></body></html>"
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "pages"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "bridge.html").write_text(_page("bridge"))
    (root / "sub" / "tunnel.html").write_text(_page("tunnel"))
    (root / "sub" / "deeper" / "road.htm").write_text(_page("road"))
    (root / ".hidden" / "secret.html").write_text(_page("secret"))
    (root / ".dot.html").write_text(_page("dot"))
    (root / "binary.bin").write_bytes(bytes(range(256)) * 40)
    (root / "empty.html").write_bytes(b"")
    (root / "broken.html").write_text("<html><body><div><script>var x = 1;</script></div><<<")
    return root


def test_expand_walks_folders_skips_hidden_and_separates_urls(folder):
    files, urls, failures = expand([folder, "https://example.org/a", folder / "missing.html"])
    names = sorted(p.name for p in files)
    assert names == ["binary.bin", "bridge.html", "broken.html", "empty.html", "road.htm",
                     "tunnel.html"]
    assert urls == ["https://example.org/a"]
    assert failures == [(str(folder / "missing.html"), "no such file or folder")]


def test_a_url_byline_cannot_fetch_is_named_as_such_not_as_a_missing_file():
    files, urls, failures = expand(["ftp://example.org/a.html", "gopher://example.org/1"])
    assert files == [] and urls == []
    assert [reason for _, reason in failures] == ["only http and https URLs can be fetched"] * 2


def test_a_file_url_is_read_as_the_file_it_names(folder):
    page = folder / "a page.html"
    page.write_text(_page("spaces"))
    files, urls, failures = expand([page.as_uri(), (folder / "gone.html").as_uri()])
    assert files == [page] and urls == []
    assert failures == [(str(folder / "gone.html"), "no such file or folder")]


@pytest.mark.parametrize("jobs", [1, 2])
def test_import_of_a_folder_imports_the_good_and_names_the_bad(folder, tmp_path, jobs):
    library = Library.open(tmp_path / "lib")
    seen: list[tuple[int, int]] = []
    report = import_paths(library, [folder], jobs=jobs, progress=lambda d, t: seen.append((d, t)))
    titles = sorted(e.title for e in library.list())
    assert titles == ["Council approves bridge", "Council approves road",
                      "Council approves tunnel"]
    assert (report.imported, report.updated, report.unchanged) == (3, 0, 0)
    failed = {Path(source).name: reason for source, reason in report.failures}
    assert set(failed) == {"binary.bin", "empty.html", "broken.html"}
    assert "binary" in failed["binary.bin"] and "empty" in failed["empty.html"]
    assert seen[0] == (0, 6) and seen[-1] == (6, 6)
    assert report.summary() == "imported 3, updated 0, unchanged 0, failed 3"


def test_importing_again_is_unchanged_and_keeps_state(folder, tmp_path):
    library = Library.open(tmp_path / "lib")
    import_paths(library, [folder], jobs=2)
    first = library.list()[0]
    library.set_bookmarked(first.id)
    report = import_paths(library, [folder / "bridge.html", folder / "sub"], jobs=2)
    assert (report.imported, report.unchanged) == (0, 3)  # sub holds two pages
    assert library.entry(first.id).bookmarked


def test_urls_go_to_the_feeds_import_and_are_counted(tmp_path, monkeypatch):
    import reader.gather.subscribe as subscribe
    from reader.errors import FetchError

    def fake(library, url):
        if "bad" in url:
            raise FetchError(url, "connection refused")
        return "subscribed" if url.endswith(".xml") else "imported"

    monkeypatch.setattr(subscribe, "import_url", fake)
    library = Library.open(tmp_path / "lib")
    report = import_paths(
        library, ["https://a.org/story", "http://b.org/feed.xml", "https://bad.org/x"]
    )
    assert (report.imported, report.subscribed) == (1, 1)
    assert report.failures == [("https://bad.org/x", "connection refused")]
    assert report.summary() == "imported 1, updated 0, unchanged 0, subscribed 1, failed 1"


def test_report_summary_format():
    report = ImportReport(imported=120, updated=2, failures=[("x", "y")])
    assert report.summary() == "imported 120, updated 2, unchanged 0, failed 1"


def test_import_from_a_worker_thread_as_the_app_does(folder, tmp_path):
    # With other threads running, the pool must not fork this process.
    import threading

    library = Library.open(tmp_path / "lib")
    result: list[ImportReport] = []
    worker = threading.Thread(
        target=lambda: result.append(import_paths(library, [folder / "sub"], jobs=2))
    )
    (folder / "sub" / "more.html").write_text(_page("ferry"))
    (folder / "sub" / "again.html").write_text(_page("canal"))
    worker.start()
    worker.join(120)
    assert result and (result[0].imported, result[0].failed) == (4, 0)


# The importer's parent is killed while its parser processes work and while
# it holds the library's lock (as in the middle of a batch write).
_KILLED_IMPORTER = """
import os, sys, threading, time
sys.path.insert(0, {root!r})
import multiprocessing
import reader.gather.importer as importer
import reader.gather.pool
from reader.library import Library

def slow(paths):
    print("worker", os.getpid(), flush=True)
    time.sleep(60)
    return []

importer.parse_files = slow
# Forked (as the CLI does), so the workers inherit the lock file.
reader.gather.pool.process_context = lambda: multiprocessing.get_context("fork")
library = Library.open({lib!r})
files = [os.path.join({pages!r}, name) for name in sorted(os.listdir({pages!r}))]
chunks = importer._parsed_chunks(files, 2)

def hold_the_lock():
    time.sleep(0.5)
    library.lock.__enter__()
    print("locked", flush=True)

threading.Thread(target=hold_the_lock).start()
next(chunks)
"""


@pytest.mark.skipif(not HAS_PROC, reason="needs /proc")
def test_parser_processes_die_with_a_killed_importer_and_free_the_library(tmp_path):
    import signal
    import subprocess
    import sys

    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(8):
        (pages / f"p{i}.html").write_text(_page(f"bridge {i}"))
    root = str(Path(__file__).resolve().parents[2])
    code = _KILLED_IMPORTER.format(root=root, lib=str(tmp_path / "lib"), pages=str(pages))
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    workers: set[int] = set()
    try:
        for line in proc.stdout:
            if line.startswith("worker"):
                workers.add(int(line.split()[1]))
            if line.startswith("locked") and len(workers) == 2:
                break
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert all_gone(workers)
        opened = subprocess.run(
            [sys.executable, "-c", f"import sys; sys.path.insert(0, {root!r}); "
             f"from reader.library import Library; Library.open({str(tmp_path / 'lib')!r}).list()"],
            timeout=20,
        )
        assert opened.returncode == 0
    finally:
        kill_left(workers)


_INTERRUPTED_IMPORT = """
import multiprocessing, sys, time
sys.path.insert(0, {root!r})
import reader.gather.importer as importer
import reader.gather.pool

parse = importer.parse_files

def slow(paths):
    time.sleep(0.3)
    return parse(paths)

importer.parse_files = slow
reader.gather.pool.process_context = lambda: multiprocessing.get_context("fork")
from reader.cli import main

sys.argv = ["byline", "--data-dir", {lib!r}, "import", "--jobs", "2", {pages!r}]
main()
"""


def test_ctrl_c_stops_an_import_keeping_what_was_parsed(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(40):
        (pages / f"p{i:02}.html").write_text(_page(f"bridge number {i}"))
    root = str(Path(__file__).resolve().parents[2])
    code = _INTERRUPTED_IMPORT.format(root=root, lib=str(tmp_path / "lib"), pages=str(pages))
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    time.sleep(2.5)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: to the parser processes too
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130, stderr
    assert "stopped: what was parsed before Ctrl-C is stored" in stderr
    assert "failed 0" in stderr  # the parser processes were not interrupted
    with Library.open(tmp_path / "lib") as lib:
        stored = len(lib.list())
    assert 0 < stored < 40 and f"imported {stored}," in stderr
