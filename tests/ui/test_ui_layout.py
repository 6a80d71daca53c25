"""The layout at any size: the sidebar's width, the footer, dialogs, the legend."""

from __future__ import annotations

import pytest
from textual.widgets import Footer

from reader.model import Article, Paragraph, Quote, Speaker
from reader.ui.app import ReaderApp
from reader.ui.layout import SETTING, SIDEBAR_MIN, STORY_MIN, fit
from reader.ui.legend import legend_content
from reader.ui.screens import HelpScreen, help_content
from tests.ui.articles import plain_article, quoted_article
from tests.ui.libraries import library_with

NAMES = [
    "Ana Ruiz", "Tom Lee", "Priya Nair", "Jon Berg", "Ines Costa", "Kwame Mensah",
    "Lena Vogel", "Omar Haddad", "Mei Tanaka", "Sara Holm", "Yusuf Demir", "Eva Novak",
]


def twelve_speakers() -> Article:
    """One paragraph per speaker, each with one quotation (invented)."""
    paragraphs, quotes = [], []
    for i, name in enumerate(NAMES):
        text = f'{name} said "point number {i} matters" at the hearing.'
        start = text.index('"')
        paragraphs.append(Paragraph(text))
        quotes.append(Quote(paragraph=i, start=start, end=text.index(" at"), text=f"point number {i} matters", speaker=name))
    return Article(
        id="t12", title="Twelve voices at the hearing", paragraphs=tuple(paragraphs),
        site="Example News", quotes=tuple(quotes), speakers=tuple(Speaker(n, (), 1) for n in NAMES),
    )


def library():
    return library_with([quoted_article(), plain_article("p1", "Quiet day in the valley", day=2), twelve_speakers()])


def test_the_story_keeps_forty_columns_the_sidebar_gives_way_then_hides():
    assert fit(200, None, True, None).story >= STORY_MIN
    assert fit(80, None, False, None).sidebar == 28
    narrow = fit(66, None, False, None)
    assert narrow.sidebar == 66 - STORY_MIN and narrow.story == STORY_MIN  # narrower than 28
    assert fit(60, None, False, None).sidebar == 0  # 20 columns would be too few: hidden
    assert fit(60, None, False, True).sidebar >= SIDEBAR_MIN  # t asks for it anyway
    assert fit(200, None, True, False).sidebar == 0
    assert fit(120, 60, True, None).sidebar == 120 - fit(120, 60, True, None).quotes - STORY_MIN


@pytest.mark.asyncio
async def test_angle_keys_change_the_sidebar_width_and_it_is_kept():
    lib = library()
    app = ReaderApp(library=lib)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        before = app.sidebar.outer_size.width
        await pilot.press("greater_than_sign", "greater_than_sign")
        await pilot.pause()
        assert app.sidebar.outer_size.width == before + 8
        await pilot.press("less_than_sign")
        await pilot.pause()
        assert app.sidebar.outer_size.width == before + 4
        for _ in range(30):
            await pilot.press("greater_than_sign")
        await pilot.pause()
        assert app.story.outer_size.width >= STORY_MIN  # never past the story's 40 columns
        widest = app.sidebar.outer_size.width
        assert lib.setting(SETTING)["width"] == widest
    again = ReaderApp(library=lib)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.sidebar.outer_size.width == widest


@pytest.mark.asyncio
async def test_at_60_columns_the_sidebar_hides_and_t_still_shows_it():
    app = ReaderApp(library=library())
    async with app.run_test(size=(60, 15)) as pilot:
        await pilot.pause()
        assert not app.sidebar.display
        assert app.story.outer_size.width == 60
        await pilot.press("t")
        await pilot.pause()
        assert app.sidebar.display and app.sidebar.outer_size.width >= SIDEBAR_MIN
        await pilot.press("t")
        await pilot.pause()
        assert not app.sidebar.display
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not app.sidebar.display  # t's choice holds for the run
        await pilot.press("t")
        await pilot.pause()
        assert app.sidebar.display


@pytest.mark.asyncio
async def test_narrowing_the_terminal_narrows_then_hides_the_sidebar():
    app = ReaderApp(library=library())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.sidebar.outer_size.width == 28
        await pilot.resize_terminal(66, 20)
        await pilot.pause()
        assert app.sidebar.outer_size.width == 26 and app.story.outer_size.width == STORY_MIN
        await pilot.resize_terminal(62, 20)
        await pilot.pause()
        assert not app.sidebar.display


@pytest.mark.parametrize("size", [(60, 15), (80, 24)])
@pytest.mark.asyncio
async def test_help_and_quit_are_always_in_the_footer(size):
    app = ReaderApp(library=library())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.pause()
        footer = app.query_one(Footer)
        line = "".join(footer.render_line(0).text for _ in [0])
        region = footer.region
        keys = {key.action: key.region for key in footer.query("FooterKey")}
        for action in ("help", "quit"):
            assert keys[action].right <= region.right and keys[action].width > 0, (action, line)
        assert keys["help"].x < keys["quit"].x
        pinned = footer.query_one("#pinned-keys").region
        shown = [key for key in footer.query("FooterKey") if key.display and key.action not in ("help", "quit")]
        assert shown, line  # a few keys still fit beside help and quit
        for key in shown:  # each shown whole, none running under help and quit
            assert key.region.right <= pinned.x, (key.action, line)


@pytest.mark.asyncio
async def test_the_feed_picker_and_help_are_centred():
    from reader.library.feeds import Feed, FeedStore

    lib = library()
    FeedStore.of(lib).add_many([Feed("http://127.0.0.1:9/a.xml", title="Valley News")])
    app = ReaderApp(library=lib)
    async with app.run_test(size=(80, 24)) as pilot:
        for key, box in (("F", "#picker-box"), ("question_mark", "#help-box")):
            await pilot.press(key)
            await pilot.pause()
            region = app.screen.query_one(box).region
            assert abs(region.x - (80 - region.right)) <= 1, (box, region)
            assert abs(region.y - (24 - region.bottom)) <= 1, (box, region)
            assert region.y > 0  # not over the header
            await pilot.press("escape")


@pytest.mark.asyncio
async def test_help_lines_hang_under_their_column_in_a_narrow_terminal():
    app = ReaderApp(library=library())
    async with app.run_test(size=(50, 30)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one("HelpText")
        lines = str(text.render().plain if hasattr(text.render(), "plain") else text.render()).split("\n")
        width = text.content_region.width
        assert all(len(line) <= width for line in lines), width
        wrapped = [line for line in lines if line.startswith(" " * 19) and line.strip()]
        assert wrapped  # at 50 columns some descriptions take two lines, all hanging
    assert all(len(line) <= 19 + 20 for line in help_content(width=20).plain.split("\n"))


def test_legend_with_twelve_speakers_shows_them_all_or_says_how_many_more():
    speakers = [(name, i % 8 + 1, 1) for i, name in enumerate(NAMES)]
    wide = legend_content(speakers, 0, None, width=200)
    assert all(name in wide.plain for name in NAMES) and "more" not in wide.plain
    tight = legend_content(speakers, 0, None, width=40, max_lines=2)
    lines = tight.plain.split("\n")
    assert len(lines) <= 2 and all(len(line) <= 40 for line in lines)
    shown = [name for name in NAMES if name in tight.plain]
    assert f"+{len(NAMES) - len(shown)} more (p)" in tight.plain
    assert shown == NAMES[: len(shown)]  # the most quoted first (the order given)
    followed = legend_content(speakers, 0, "Eva Novak", width=40, max_lines=2)
    assert "▸ Eva Novak 1" in followed.plain  # the followed one is never hidden
    assert len(followed.plain.split("\n")) <= 2


@pytest.mark.asyncio
async def test_following_the_last_of_twelve_speakers_keeps_its_marker_in_sight():
    app = ReaderApp(library=library())
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_article("t12")
        await pilot.pause()
        legend = app.query_one("#legend")
        text = legend.render().plain
        hidden = [name for name in NAMES if name not in text]
        if hidden:
            assert f"+{len(hidden)} more (p)" in text
        app.follow(NAMES[-1])
        await pilot.pause()
        text = legend.render().plain
        assert f"▸ {NAMES[-1]}" in text
        assert legend.outer_size.height <= 3 and len(text.split("\n")) <= 3
        await pilot.click("#legend")
        await pilot.pause()
        assert app.query_one("#quotes").display
