"""A mark that could not be saved does not stay on screen.

The library's writes are made to fail the way a read-only data folder
makes them fail: the atomic write raises StorageError, nothing reaches the
disk, and the library keeps what it held.
"""

from __future__ import annotations

import pytest

from reader.errors import StorageError
from reader.library import storage
from reader.ui.app import ReaderApp
from tests.ui.articles import plain_article
from tests.ui.helpers import widget_lines
from tests.ui.libraries import library_with


def two_articles():
    return library_with([plain_article("old", "Older story", day=1), plain_article("new", "Newer story", day=2)])


@pytest.fixture
def read_only(monkeypatch):
    """Call it to make every library write fail from then on."""

    def fail(path, data, **kwargs):
        raise StorageError(f"cannot write {path}: Read-only file system")

    return lambda: monkeypatch.setattr(storage, "atomic_write", fail)


def header(app) -> str:
    return str(app.query_one("#header").render())


def errors(app) -> list[str]:
    return [n.message for n in app._notifications if n.severity == "error"]


async def test_opening_an_article_that_cannot_be_marked_read_shows_it_unread(read_only):
    library = two_articles()
    app = ReaderApp(library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        read_only()
        await pilot.press("j")  # open the newest
        assert app.story.article.id == "new"  # the story still shows
        await pilot.pause()
        await pilot.pause()
        assert not library.entry("new").read
        assert widget_lines(app.sidebar)[0].startswith("●  Newer story")
        assert "2 articles · 2 unread" in header(app)
        messages = errors(app)
        assert any(m.startswith("Not marked read: cannot write") for m in messages), messages


async def test_bookmark_and_read_keys_revert_when_the_write_fails(read_only):
    library = two_articles()
    library.set_read("new", True)
    app = ReaderApp(library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        read_only()
        await pilot.press("b")
        assert widget_lines(app.sidebar)[0].startswith("   Newer story")
        assert "0 bookmarked" in header(app)
        await pilot.press("m")
        assert widget_lines(app.sidebar)[0].startswith("   Newer story")
        assert "2 articles · 1 unread · 0 bookmarked" in header(app)
        assert not library.entry("new").bookmarked and library.entry("new").read
        messages = errors(app)
        assert any(m.startswith("Not bookmarked: ") for m in messages), messages
        assert any(m.startswith("Not marked unread: ") for m in messages), messages


async def test_a_mark_written_after_a_filter_change_is_counted_again(read_only):
    """The row may be gone from the list when the write fails: the counts are re-read."""
    library = two_articles()
    app = ReaderApp(library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        read_only()
        entry = app.sidebar.highlighted_entry
        app.change_mark(entry, "read", True, later=True)
        assert "2 articles · 1 unread" in header(app)
        app.search_query = "older"  # the row leaves the list before the write
        app.reload_list()
        await pilot.pause()
        await pilot.pause()
        assert not library.entry("new").read
        assert "2 articles · 2 unread" in header(app)


async def test_a_later_change_wins_over_a_pending_one():
    """Open (read, written after the next frame) then m at once: the article stays unread."""
    library = two_articles()
    app = ReaderApp(library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        entry = app.sidebar.highlighted_entry
        app.change_mark(entry, "read", True, later=True)
        app.change_mark(app.sidebar.highlighted_entry, "read", False)
        await pilot.pause()
        await pilot.pause()
        assert not library.entry("new").read
        assert widget_lines(app.sidebar)[0].startswith("●  Newer story")
        assert "2 articles · 2 unread" in header(app)
