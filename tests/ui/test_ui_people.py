"""The People screen: P, filtering as you type, a person's quotations, enter opens the article."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from reader.ui.app import ReaderApp
from reader.ui.people import PeopleScreen
from tests.ui.articles import quoted_article
from tests.ui.libraries import library_with


def library():
    first = quoted_article("q1", "Council backs the new bridge")
    later = replace(
        quoted_article("q2", "Bridge money found"),
        url="https://example.org/bridge-2",
        published=datetime(2024, 4, 9, 8, 0),
    )
    return library_with([first, later])


async def test_people_screen_lists_filters_and_opens_a_quotation():
    app = ReaderApp(library=library())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("P")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        assert [p.name for p in screen.shown] == ["Ana Ruiz", "Tom Lee"]
        assert screen.shown[0].quotes == 4 and len(screen.shown[0].articles) == 2
        await pilot.press(*"lee")
        await pilot.pause()
        assert [p.name for p in screen.shown] == ["Tom Lee"]
        await pilot.press("enter")
        await pilot.pause()
        assert screen.person.name == "Tom Lee"
        assert [q.entry.id for q in screen.quotes] == ["q2", "q2", "q1", "q1"]  # newest first
        await pilot.press("down", "enter")  # the second quotation: "we need a plan" in q2
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, PeopleScreen)
        assert app.story.article.id == "q2"
        current = app.story.quotes[app.story.current]
        assert current.text == "we need a plan"


async def test_w_opens_the_current_speakers_page_and_escape_returns():
    app = ReaderApp(library=library())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "n")  # open the newest article, first quotation (Ana Ruiz)
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        assert screen.person.name == "Ana Ruiz"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, PeopleScreen)


async def test_reader_keys_never_act_on_the_story_behind_the_people_screen():
    lib = library()
    app = ReaderApp(library=lib)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j")  # opens the newest, q2, and marks it read
        await pilot.pause()
        assert app.story.article.id == "q2" and lib.entry("q2").read
        await pilot.press("P")
        await pilot.pause()
        screen = app.screen
        await pilot.press("down", "space", "ctrl+d", "end")  # on the people list
        await pilot.press("home", "enter")  # Ana Ruiz's quotations
        await pilot.pause()
        assert screen.person.name == "Ana Ruiz"
        # on the quotations: bookmark, read/unread, remove, mark all read, filter,
        # next unread, page down, sort, the quotes panel: none reaches the reader
        await pilot.press("b", "m", "d", "A", "f", "u", "space", "O", "p", "t", "c", "U")
        await pilot.pause()
        assert app.screen is screen
        assert app.story.article.id == "q2"
        assert lib.entry("q2").read and not lib.entry("q2").bookmarked
        assert lib.entry("q1").read is False and not lib.entry("q1").bookmarked
        assert len(lib.list()) == 2 and app.show_filter == "all"
        assert lib.clippings.all() == []
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]
        await pilot.press("b")  # and the reader has its keys again
        await pilot.pause()
        assert lib.entry("q2").bookmarked


async def test_the_palette_opens_the_people_screen():
    from textual.command import CommandList, CommandPalette

    app = ReaderApp(library=library())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"people")
        await pilot.pause(0.5)
        found = app.screen.query_one(CommandList)
        prompts = [found.get_option_at_index(i).prompt for i in range(found.option_count)]
        names = [str(getattr(p, "plain", p)).split("\n")[0] for p in prompts]
        assert "People" in names, names
        found.highlighted = names.index("People")
        await pilot.press("enter")
        for _ in range(20):  # the palette closes, then runs the command
            await pilot.pause(0.05)
        assert isinstance(app.screen, PeopleScreen), (names, [str(n.message) for n in app._notifications])
        assert [p.name for p in app.screen.shown] == ["Ana Ruiz", "Tom Lee"]


def test_people_snapshot(snap_compare):
    lib = library()
    assert snap_compare(ReaderApp(library=lib), terminal_size=(100, 30), press=["P"])
