"""A kill -9 during an import leaves a search index that matches the library on the next open."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reader.library import Library

ROOT = str(Path(__file__).resolve().parents[2])

# Each article's body holds a word of its own ("tokenN") and the word "everywhere".
_IMPORTER = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, {root!r})
    from reader.library import Library
    from reader.library import search_index
    from tests.library.articles import make_article
    where, after = {where!r}, {after!r}
    calls = 0
    def killer(original):
        def wrapped(*args, **kwargs):
            global calls
            calls += 1
            if calls > after:
                os.kill(os.getpid(), signal.SIGKILL)
            return original(*args, **kwargs)
        return wrapped
    if where:
        cls = search_index.SearchIndex
        setattr(cls, where, killer(getattr(cls, where)))
    lib = Library.open({path!r})
    lib.search("everywhere")  # the index exists and matches before the kill
    for start in range(0, 100000, 20):
        lib.add_many(
            make_article(i, body=f"token{{i}} everywhere " + "filler " * 200)
            for i in range(start, start + 20)
        )
        if start == 40:  # an update and a removal among the batches
            lib.add(make_article(3, body="token3 everywhere rewritten"))
            lib.remove(lib.resolve(make_article(5).id))
        print(start + 20, flush=True)
    """
)


def _run(tmp_path: Path, where: str | None, after: int) -> subprocess.Popen:
    code = _IMPORTER.format(root=ROOT, path=str(tmp_path), where=where, after=after)
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)


def _index_matches_library(path: Path) -> None:
    with Library.open(path) as lib:
        listed = {e.id for e in lib.list()}
        assert listed
        assert {e.id for e in lib.search("everywhere")} == listed
        for entry in lib.list():  # each article is found by its own word, and only it
            body = lib.get(entry.id).paragraphs[0].text
            assert [e.id for e in lib.search(body.split()[0])] == [entry.id]
        # an updated article is found by its new words only
        with_filler = {e.id for e in lib.list() if "filler" in lib.get(e.id).paragraphs[0].text}
        assert {e.id for e in lib.search("filler")} == with_filler


@pytest.mark.parametrize(
    "where, after",
    [
        ("after_write", 3),  # killed between the catalog write and the index update
        ("_put", 50),  # killed inside the index's transaction
        ("before_write", 2),  # killed before anything of the batch is written
    ],
)
def test_kill_at_each_step_of_an_import(tmp_path, where, after):
    proc = _run(tmp_path, where, after)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    _index_matches_library(tmp_path)


def test_kill_at_a_moment_of_its_choosing(tmp_path):
    proc = _run(tmp_path, None, 0)
    done = 0
    while done < 100:
        done = int(proc.stdout.readline())
    time.sleep(0.07)  # into the middle of a later batch
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    _index_matches_library(tmp_path)
