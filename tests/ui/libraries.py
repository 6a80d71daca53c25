"""Real libraries with precise contents, for app tests.

A test that needs hand-made articles (hostile titles, hand-placed quotes)
gets a real ``Library`` in a fresh temporary folder holding exactly those,
so the app is always tested against the storage it runs on.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable

from reader.library import Library
from reader.model import Article


def library_with(articles: Iterable[Article] = ()) -> Library:
    library = Library.open(tempfile.mkdtemp(prefix="byline-ui-test-"), durable=False)
    library.add_many(articles)  # one write, however many
    return library
