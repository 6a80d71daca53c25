"""A marks the list read, d removes an article after asking; U undoes either."""

from __future__ import annotations

from reader.ui.app import ReaderApp
from reader.ui.screens import ConfirmScreen
from tests.ui.articles import plain_article, quoted_article
from tests.ui.libraries import library_with

SIZE = (100, 30)


def four():
    return library_with([
        plain_article("a1", "Alpha harbour story", day=1),
        plain_article("b2", "Beta market story", day=2),
        plain_article("c3", "Gamma harbour news", day=3),
        plain_article("d4", "Delta school story", day=4),
    ])


async def settle(app, pilot) -> None:
    """Until the background write (A's) is on disk and its answer handled."""
    for _ in range(500):
        if not app.writes_pending():
            break
        await pilot.pause(0.01)
    await pilot.pause()


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


def header(app) -> str:
    return str(app.query_one("#header").render())


async def test_A_marks_the_search_results_read_says_how_many_and_U_undoes_it():
    library = four()
    library.set_read("c3", True)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"harbour", "enter")
        assert [e.id for e in app.sidebar.entries()] == ["c3", "a1"]
        await pilot.press("A")
        await settle(app, pilot)
        assert library.entry("a1").read and library.entry("c3").read
        assert not library.entry("b2").read and not library.entry("d4").read  # outside the view
        assert "Marked 1 article read. Press U to undo." in messages(app)
        assert "1 unread" not in header(app) and "2 unread" in header(app)
        await pilot.press("U")
        assert "3 unread" in header(app)  # shown at once, written in the background
        assert any(m.startswith("Undone: marked 1 article read") for m in messages(app))
        await settle(app, pilot)
        assert not library.entry("a1").read
        assert library.entry("c3").read  # it was read before A, and stays so
        await pilot.press("U")
        assert "Nothing to undo." in messages(app)


async def test_A_in_the_unread_filter_empties_it_and_undo_brings_the_rows_back():
    library = four()
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")  # unread
        assert len(app.sidebar.entries()) == 4
        await pilot.press("A")
        assert app.sidebar.entries() == []  # at once, before the write
        await settle(app, pilot)
        assert library.counts().unread == 0
        assert "Marked 4 articles read. Press U to undo." in messages(app)
        await pilot.press("A")
        assert "No articles here to mark read." in messages(app)
        await pilot.press("U")
        assert len(app.sidebar.entries()) == 4
        await settle(app, pilot)
        assert library.counts().unread == 4


async def test_U_after_A_shows_the_rows_unread_at_once_and_writes_them_in_the_background(monkeypatch):
    from reader.library import Library

    library = four()
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")  # unread: A empties the list, U must bring the rows back
        await pilot.press("A")
        await settle(app, pilot)
        assert library.counts().unread == 0
        # Hold the writer: until it has written, the screen shows what U did all the same.
        import threading

        gate = threading.Event()
        real = Library.set_read_many

        def slow(self, ids, read=True, **kwargs):
            gate.wait(5)
            return real(self, ids, read, **kwargs)

        monkeypatch.setattr(Library, "set_read_many", slow)
        await pilot.press("U")
        assert app.writes_pending()
        assert [e.id for e in app.sidebar.entries()] == ["d4", "c3", "b2", "a1"]
        assert all(not e.read for e in app.sidebar.entries())
        assert "4 unread" in header(app)
        assert any(m.startswith("Undone: marked 4 articles read") for m in messages(app))
        await pilot.press("f", "f", "f")  # round to "unread" again: a new list, still unread
        assert len(app.sidebar.entries()) == 4
        assert library.counts().unread == 0  # not written yet
        gate.set()
        await settle(app, pilot)
        assert library.counts().unread == 4
        assert app.read_overlay == {}
        assert len(app.sidebar.entries()) == 4


async def test_U_after_A_that_cannot_be_written_puts_the_list_back_and_keeps_the_step(monkeypatch):
    from reader.errors import StorageError
    from reader.library import Library

    library = four()
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("A")
        await settle(app, pilot)

        def fail(self, ids, read=True, **kwargs):
            raise StorageError("cannot write state/ab.json: No space left on device")

        monkeypatch.setattr(Library, "set_read_many", fail)
        await pilot.press("U")
        await settle(app, pilot)
        assert all(e.read for e in app.sidebar.entries())  # what the library holds
        assert "4 articles · 0 unread" in header(app)
        assert any(m.startswith("Not undone: cannot write") for m in messages(app))
        monkeypatch.undo()
        await pilot.press("U")  # the step is still there: try again
        await settle(app, pilot)
        assert library.counts().unread == 4


async def test_the_undo_key_in_the_notice_follows_the_keymap(tmp_path):
    from reader.config import load
    from reader.ui.keys import DEFAULT_KEYS

    path = tmp_path / "config.toml"
    path.write_text('[keymap]\n"undo" = "ctrl+z"\n')
    library = four()
    app = ReaderApp(library=library, config=load(path, bindings=DEFAULT_KEYS))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("A")
        assert "Marked 4 articles read. Press ctrl+z to undo." in messages(app)
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert not library.entry("a1").read


async def test_d_asks_first_and_no_keeps_the_article():
    library = four()
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await pilot.press("d", "n")
        await pilot.press("d", "j", "enter")  # j moves to "Keep it"
        assert not isinstance(app.screen, ConfirmScreen)
        assert library.counts().total == 4


async def test_d_removes_the_open_article_and_U_puts_it_back_as_it_was():
    library = library_with([quoted_article("q1"), plain_article("p2", "Plain story", day=1)])
    library.set_bookmarked("q1", True)
    imported = library.entry("q1").imported
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")  # opens q1 (newest), marking it read
        await pilot.pause()
        assert app.story.article.id == "q1"
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        assert library.counts().total == 1
        assert [e.id for e in app.sidebar.entries()] == ["p2"]
        assert app.story.article is None
        assert any(m.startswith("Removed “Council backs the new bridge”. Press U to put it back.")
                   for m in messages(app))
        await pilot.press("U")
        back = library.entry("q1")
        assert (back.read, back.bookmarked, back.imported) == (True, True, imported)
        assert library.get("q1").quotes == quoted_article("q1").quotes
        assert [e.id for e in app.sidebar.entries()] == ["q1", "p2"]
        assert app.sidebar.highlighted_entry.id == "q1"


async def test_undo_goes_back_one_step_at_a_time():
    library = four()
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "d", "y")  # removes d4
        await pilot.press("A")  # marks the other three read
        await pilot.press("U")  # queued behind the write it undoes
        await settle(app, pilot)
        assert library.counts().unread == 3 and library.counts().total == 3
        await pilot.press("U")
        assert library.counts().total == 4


async def test_A_that_cannot_be_written_shows_the_rows_unread_again(monkeypatch):
    from reader.errors import StorageError
    from reader.library import storage

    library = four()
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        def fail(path, data, **kwargs):
            raise StorageError(f"cannot write {path}: Read-only file system")

        monkeypatch.setattr(storage, "atomic_write", fail)
        await pilot.press("A")
        await settle(app, pilot)
        assert library.counts().unread == 4
        assert all(not e.read for e in app.sidebar.entries())
        assert "4 unread" in header(app)
        assert any(m.startswith("Not marked read: cannot write") for m in messages(app))
        await pilot.press("U")
        assert "Nothing to undo." in messages(app)  # the failed step is not on the stack
