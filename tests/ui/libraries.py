"""Real libraries with precise contents, for app tests.

A test that needs hand-made articles (hostile titles, hand-placed quotes)
gets a real ``Library`` in a fresh temporary folder holding exactly those,
so the app is always tested against the storage it runs on.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Iterable
from functools import cache

from reader.library import Library
from reader.model import Article


@cache
def _root() -> str:
    """One folder for the libraries of this test run, removed when it ends.

    Pilot tests hand a library to an app that outlives the test function,
    so a per-test fixture cannot clean up; the run's exit can.
    """
    root = tempfile.mkdtemp(prefix="byline-ui-tests-")
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    return root


def library_with(articles: Iterable[Article] = ()) -> Library:
    folder = tempfile.mkdtemp(prefix="library-", dir=_root())
    library = Library.open(folder, durable=False)
    library.add_many(articles)  # one write, however many
    return library
