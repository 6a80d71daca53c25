"""Lists with a text filter (the palette, People): ctrl+n / ctrl+p move while typing, j/k stay letters."""

from __future__ import annotations

from textual.command import CommandInput, CommandList, CommandPalette

from reader.ui.app import ReaderApp
from reader.ui.people import PeopleScreen
from tests.ui.articles import plain_article, quoted_article
from tests.ui.libraries import library_with

SIZE = (100, 30)


def _palette_state(app):
    screen = app.screen
    return screen.query_one(CommandInput).value, screen.query_one(CommandList).highlighted


async def test_ctrl_n_and_ctrl_p_move_the_palette_list_while_j_and_k_are_typed():
    app = ReaderApp(library=library_with([plain_article("a1", "Alpha", day=1)]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"o")  # many commands have an o in their name
        await pilot.pause(0.3)
        await pilot.press("down")
        _, start = _palette_state(app)
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.pause()
        assert _palette_state(app) == ("o", start + 2)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)  # ctrl+p does not open a second one
        assert _palette_state(app) == ("o", start + 1)
        await pilot.press("j", "k")
        await pilot.pause()
        assert _palette_state(app)[0] == "ojk"  # typed, never stolen


async def test_ctrl_p_on_the_main_screen_still_opens_the_palette():
    app = ReaderApp(library=library_with([plain_article("a1", "Alpha", day=1)]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")  # nothing to move: nothing happens
        assert not isinstance(app.screen, CommandPalette)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)


def people_library():
    return library_with([quoted_article("q1", "Council backs the new bridge")])


async def test_people_list_moves_with_j_and_k_and_other_letters_go_on_filtering():
    library = people_library()
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("P")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        listing = screen.query_one("#people-list")
        names = [p.name for p in screen.shown]
        assert len(names) == 2
        await pilot.press("j")  # typed into the filter while it has the focus
        assert screen.query_one("#people-filter").value == "j"
        await pilot.press("backspace", "down")  # the list takes the focus, a row down
        assert screen.focused is listing and listing.highlighted == 1
        await pilot.press("k")
        assert listing.highlighted == 0
        await pilot.press("j")
        assert listing.highlighted == 1
        await pilot.press("b")  # a letter: back to filtering, and no bookmark behind the screen
        assert screen.focused is screen.query_one("#people-filter")
        assert screen.query_one("#people-filter").value == "b"
        assert not library.entry("q1").bookmarked


async def test_ctrl_n_and_ctrl_p_move_the_people_list_from_the_filter():
    app = ReaderApp(library=people_library())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("P")
        await pilot.pause()
        screen = app.screen
        listing = screen.query_one("#people-list")
        await pilot.press("ctrl+n")
        assert listing.highlighted == 1
        assert screen.focused is screen.query_one("#people-filter")  # still typing
        await pilot.press("ctrl+p")
        assert listing.highlighted == 0
        assert isinstance(app.screen, PeopleScreen)
        await pilot.press("ctrl+n", "enter")  # enter in the filter: the highlighted person
        await pilot.pause()
        assert screen.person.name == screen.shown[1].name
        quotes = screen.query_one("#person-quotes")
        await pilot.press("j")
        assert quotes.highlighted == 1
