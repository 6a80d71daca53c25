"""Importing from inside the app: the prompt, the worker, the list growing."""

from __future__ import annotations

from reader.library import Library
from reader.ui.app import ReaderApp

STORY = """Harbour wall to be rebuilt after storms

The town council voted on Monday to rebuild the harbour wall, which was
damaged in three storms last winter.

"We cannot wait for the next storm," said councillor Rhian Evans.

Work is expected to start in the spring and take a year.
"""


async def type_path(pilot, path) -> None:
    """Press i, fill in the path (typing a long tmp path key by key is slow), enter."""
    from textual.widgets import Input

    await pilot.press("i")
    pilot.app.screen.query_one(Input).value = str(path)
    await pilot.press("enter")


async def test_import_key_adds_articles_and_reports(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "harbour.txt").write_text(STORY, encoding="utf-8")
    library = Library.open(tmp_path / "library")
    try:
        app = ReaderApp(library=library)
        async with app.run_test(size=(100, 30)) as pilot:
            assert app.sidebar.option_count == 0
            await type_path(pilot, source)
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.pause()
            titles = [e.title for e in app.sidebar.entries()]
            assert titles == ["Harbour wall to be rebuilt after storms"]
            assert "1 article · 1 unread" in str(app.query_one("#header").render())
            assert not app.query_one("#job").display
    finally:
        library.close()


async def test_one_new_article_is_highlighted_where_it_landed(tmp_path):
    from tests.ui.articles import plain_article

    (tmp_path / "harbour.txt").write_text(STORY, encoding="utf-8")
    library = Library.open(tmp_path / "library")
    library.add_many([plain_article(f"p{i}", f"Story {i}", day=i + 1) for i in range(5)])
    try:
        app = ReaderApp(library=library)
        async with app.run_test(size=(100, 30)) as pilot:
            assert app.sidebar.highlighted_entry.id == "p4"
            await type_path(pilot, tmp_path / "harbour.txt")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.sidebar.highlighted_entry.title == "Harbour wall to be rebuilt after storms"
            (note,) = app._notifications
            assert note.message.endswith("failed 0. It is highlighted in the list.")
            assert app.story.article is None  # highlighted, not opened
    finally:
        library.close()


async def test_import_of_a_missing_path_reports_and_keeps_running(tmp_path):
    library = Library.open(tmp_path / "library")
    try:
        app = ReaderApp(library=library)
        async with app.run_test(size=(100, 30)) as pilot:
            await type_path(pilot, tmp_path / "nowhere")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.is_running
            assert app.sidebar.option_count == 0
            (note,) = app._notifications
            assert note.severity == "error"
            assert note.message == f"Nothing imported. {tmp_path / 'nowhere'}: no such file or folder"
    finally:
        library.close()


async def test_refresh_with_no_feeds_says_how_to_add_one(tmp_path):
    library = Library.open(tmp_path / "library")
    try:
        app = ReaderApp(library=library)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("r")
            await app.workers.wait_for_complete()
            await pilot.pause()
            messages = [n.message for n in app._notifications]
            assert any("byline feeds add" in m for m in messages), messages
    finally:
        library.close()


async def test_import_of_an_empty_folder_says_nothing_was_found(tmp_path):
    (tmp_path / "empty" / ".hidden").mkdir(parents=True)
    (tmp_path / "empty" / ".hidden" / "page.txt").write_text(STORY, encoding="utf-8")
    library = Library.open(tmp_path / "library")
    try:
        app = ReaderApp(library=library)
        async with app.run_test(size=(100, 30)) as pilot:
            await type_path(pilot, tmp_path / "empty")
            await app.workers.wait_for_complete()
            await pilot.pause()
            (note,) = app._notifications
            assert note.severity == "error" and note.message.startswith("Import: no files found there")
    finally:
        library.close()
