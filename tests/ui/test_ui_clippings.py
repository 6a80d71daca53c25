"""Clippings in the app: c on the current quotation, the Clippings view (C), the keymap."""

from __future__ import annotations

from dataclasses import replace

from reader.config import load
from reader.library.clippings import Clipping
from reader.ui.app import ReaderApp
from reader.ui.clippings import ClippingsScreen
from reader.ui.keys import DEFAULT_KEYS, RESERVED_KEYS
from reader.ui.quotes_panel import QuotesPanel
from tests.ui.articles import quoted_article
from tests.ui.libraries import library_with

NOON = 1717243200.0  # 2024-06-01 12:00 UTC


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def panel_rows(app) -> list[str]:
    panel = app.query_one(QuotesPanel)
    return [panel.get_option_at_index(i).prompt.plain for i in range(panel.option_count)]


async def test_c_clips_the_current_quotation_with_a_notice_and_c_again_unclips_it():
    library = library_with([quoted_article("q1")])
    app = ReaderApp(library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")  # nothing open yet: says what to do, keeps nothing
        await pilot.pause()
        assert library.clippings.all() == []
        assert any("to a quotation first (n)" in n for n in notices(app))
        await pilot.press("j", "n", "n", "c")  # the second quotation: Tom Lee's
        await pilot.pause()
        [clipping] = library.clippings.all()
        assert (clipping.text, clipping.speaker, clipping.article) == ("costs will rise", "Tom Lee", "q1")
        assert (clipping.title, clipping.site, clipping.url) == (
            "Council backs the new bridge", "Town Gazette", "https://example.org/q1")
        assert any(n.startswith("Clipped “costs will rise” (Tom Lee).") for n in notices(app))
        assert "  ✂ “costs will rise”" in panel_rows(app)
        assert "    “long overdue”" in panel_rows(app)
        await pilot.press("c")
        await pilot.pause()
        assert library.clippings.all() == []
        assert "Clipping removed: “costs will rise”" in notices(app)
        assert "    “costs will rise”" in panel_rows(app)


async def test_the_clippings_view_opens_the_article_at_the_quotation():
    first, second = quoted_article("q1"), quoted_article("q2", "Bridge money found")
    library = library_with([first, second])
    app = ReaderApp(library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        library.clippings.toggle(first, first.quotes[3])  # "We will find the money."
        await pilot.press("C")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ClippingsScreen)
        assert [c.text for c in screen.clippings] == ["We will find the money."]
        await pilot.press("b", "j", "n")  # the reader's keys do nothing behind the view
        await pilot.pause()
        assert app.screen is screen and not library.entry("q1").bookmarked
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, ClippingsScreen)
        assert app.story.article.id == "q1"
        assert app.story.quotes[app.story.current].text == "We will find the money."


async def test_a_removed_articles_clipping_shows_its_own_copy_and_d_removes_u_puts_back():
    article = quoted_article("q1", "Bridge [bold]vote")
    library = library_with([article])
    library.clippings.toggle(article, article.quotes[0])
    library.remove("q1")
    app = ReaderApp(library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("C")
        await pilot.pause()
        screen = app.screen
        assert "article removed" in screen.query_one("#clippings-list").get_option_at_index(0).prompt.plain
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and screen.detail is not None
        shown = screen.query_one("#clipping-detail").render().plain
        assert shown.startswith("“long overdue”\n\n— Ana Ruiz\nBridge [bold]vote\nTown Gazette\nby Sam Writer\n")
        assert "https://example.org/q1" in shown and "no longer in the library" in shown
        await pilot.press("escape", "d")
        await pilot.pause()
        assert library.clippings.all() == [] and screen.clippings == []
        await pilot.press("U")
        await pilot.pause()
        assert [c.text for c in library.clippings.all()] == ["long overdue"]
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ClippingsScreen)


async def test_a_keymap_moves_the_clip_key_in_the_story_and_in_the_view(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[keymap]\n"quote.clip" = "z"\n"library.clippings" = "ctrl+k"\n', encoding="utf-8")
    config = load(path, bindings=DEFAULT_KEYS, reserved=RESERVED_KEYS)
    assert config.problems == []
    library = library_with([quoted_article("q1")])
    app = ReaderApp(library=library, config=config)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "n", "c")
        await pilot.pause()
        assert library.clippings.all() == []
        await pilot.press("z")
        await pilot.pause()
        assert [c.text for c in library.clippings.all()] == ["long overdue"]
        assert any("z again removes it; ctrl+k shows your clippings" in n for n in notices(app))
        await pilot.press("C")
        await pilot.pause()
        assert not isinstance(app.screen, ClippingsScreen)
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert isinstance(app.screen, ClippingsScreen)
        await pilot.press("c")  # no longer the clip key here either
        await pilot.pause()
        assert len(library.clippings.all()) == 1
        await pilot.press("z")
        await pilot.pause()
        assert library.clippings.all() == []


async def test_the_palette_and_help_list_the_clipping_keys():
    from reader.ui.commands import ReaderCommands
    from reader.ui.screens import help_content

    app = ReaderApp(library=library_with([quoted_article("q1")]))
    async with app.run_test(size=(100, 30)):
        palette = {name: help for name, help, *_ in ReaderCommands(app.screen)._commands()}
        assert palette["Clip quotation"] == "Quotes · key: c"
        assert palette["Clippings"] == "Library · key: C"
    text = help_content().plain
    assert any(line.split()[:3] == ["c", "Clip", "quotation:"] for line in text.splitlines())


def test_clippings_snapshot(snap_compare):
    article = quoted_article("q1", "Council [bold]backs[/] the bridge")
    gone = replace(quoted_article("q2", "Ferry plan dropped"), site="Coast Post")
    library = library_with([article, gone])
    clip = library.clippings
    _, a = clip.toggle(article, article.quotes[1])
    _, b = clip.toggle(gone, gone.quotes[3])
    _, c = clip.toggle(article, article.quotes[0])
    # Fixed times (newest first: c, b, a), so the picture does not depend on the clock.
    clip.put([replace(a, clipped=NOON), replace(b, clipped=NOON + 60), replace(c, clipped=NOON + 120)])
    library.remove("q2")
    assert [x.text for x in clip.all()] == ["long overdue", "We will find the money.", "costs will rise"]
    assert isinstance(clip.all()[0], Clipping)
    assert snap_compare(ReaderApp(library=library), terminal_size=(90, 24), press=["C"])


async def test_removing_an_article_says_its_clippings_are_kept():
    first, second = quoted_article("q1"), quoted_article("q2", "Bridge money found")
    library = library_with([first, second])
    library.clippings.toggle(first, first.quotes[0])
    library.clippings.toggle(first, first.quotes[3])
    app = ReaderApp(library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        for article_id, said in (("q1", "; its 2 clippings are kept (C shows them)"), ("q2", "")):
            app.sidebar.highlighted = app.sidebar.index_of(article_id)
            await pilot.press("d")
            await pilot.pause()
            detail = str(app.screen.query_one("#confirm-detail").render())
            assert f"Its read and bookmark marks go with it{said}. U puts it back" in detail
            await pilot.press("y")
            await pilot.pause()
            title = {"q1": first.title, "q2": second.title}[article_id]
            assert f"Removed “{title}”{said}. Press U to put it back." in notices(app)
        assert len(library.clippings.all()) == 2 and library.list() == []
