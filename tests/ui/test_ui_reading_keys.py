"""Reading keys wherever focus is: space paging, g/G, ctrl+d/u, Home/End, j/k in pickers."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.library.feeds import Feed, FeedStore
from reader.model import Paragraph
from reader.ui.app import ReaderApp
from reader.ui.feedfilter import FeedPicker
from reader.ui.screens import SpeakerPicker
from tests.ui.articles import plain_article, quoted_article
from tests.ui.libraries import library_with

SIZE = (100, 24)


def long_article(id: str, title: str, day: int):
    """Forty short paragraphs: about 80 lines in the story, several pages."""
    body = tuple(Paragraph(f"Paragraph {n} of the long story about the harbour wall.") for n in range(40))
    return replace(plain_article(id, title, day=day), paragraphs=body)


def three_long():
    return library_with([long_article("old", "Oldest", 1), long_article("mid", "Middle", 2),
                         long_article("new", "Newest", 3)])


@pytest.mark.parametrize("focus", ["sidebar", "story", "quotes"])
async def test_space_pages_down_and_at_the_end_opens_the_next_unread(focus):
    library = three_long()
    library.set_read("mid", True)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")  # nothing open: space opens the highlighted row
        story = app.story
        assert story.article.id == "new"
        app.action_toggle_quotes()
        app.query_one(f"#{focus}").focus()
        await pilot.pause()
        page = story.scrollable_content_region.height
        assert story.max_scroll_y > 2 * page  # the story is several pages long
        await pilot.press("space")
        assert story.scroll_y == page
        await pilot.press("shift+space")
        assert story.scroll_y == 0
        await pilot.press("space", "space", "minus")  # "-": page up where shift+space is a space
        assert story.scroll_y == page
        await pilot.press("g")
        while story.scroll_y < story.max_scroll_y:
            await pilot.press("space")
        assert story.article.id == "new"  # the last page is shown before moving on
        await pilot.press("space")
        assert story.article.id == "old"  # "mid" was read: the next unread
        assert story.scroll_y == 0
        assert library.entry("old").read


async def test_space_at_the_end_with_nothing_unread_says_so():
    library = three_long()
    library.set_read_many(["old", "mid", "new"], True)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "G", "space")
        assert app.story.article.id == "new"
        assert any("No unread articles" in n.message for n in app._notifications)


async def test_g_and_G_go_to_the_top_and_end_of_the_story():
    app = ReaderApp(library=three_long())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")
        story = app.story
        await pilot.press("G")
        assert story.scroll_y == story.max_scroll_y > 0
        await pilot.press("g")
        assert story.scroll_y == 0


async def test_ctrl_d_and_ctrl_u_move_half_a_page():
    app = ReaderApp(library=three_long())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")
        story = app.story
        half = story.scrollable_content_region.height // 2
        await pilot.press("ctrl+d")
        assert story.scroll_y == half
        await pilot.press("ctrl+d")
        assert story.scroll_y == 2 * half
        await pilot.press("ctrl+u")
        assert story.scroll_y == half


@pytest.mark.parametrize("focus", ["sidebar", "story"])
async def test_home_and_end_open_the_first_and_last_article(focus):
    app = ReaderApp(library=three_long())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")
        app.query_one(f"#{focus}").focus()
        await pilot.press("end")
        assert app.story.article.id == "old"
        assert app.sidebar.highlighted == 2
        await pilot.press("home")
        assert app.story.article.id == "new"
        assert app.sidebar.highlighted == 0


async def test_j_and_k_move_in_the_speaker_picker():
    app = ReaderApp(library=library_with([quoted_article()]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "S")
        assert isinstance(app.screen, SpeakerPicker)
        picker = app.screen.query_one("#picker-list")
        assert picker.highlighted == 0  # "Everyone"
        await pilot.press("j", "j", "k")
        assert picker.highlighted == 1
        await pilot.press("enter")
        assert app.story.followed == picker.get_option_at_index(1).id


async def test_j_and_k_move_in_the_feed_picker():
    feed_a, feed_b = "http://127.0.0.1:9/a.xml", "http://127.0.0.1:9/b.xml"
    library = library_with([replace(plain_article("a", "From A"), feed=feed_a),
                            replace(plain_article("b", "From B", day=2), feed=feed_b)])
    FeedStore.of(library).add_many([Feed(feed_a, title="Alpha"), Feed(feed_b, title="Beta")])
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("F")
        assert isinstance(app.screen, FeedPicker)
        await pilot.press("j", "j", "k", "enter")  # All, Alpha, Beta: back to Alpha
        assert [e.id for e in app.sidebar.entries()] == ["a"]


async def test_j_and_k_scroll_the_help_screen():
    app = ReaderApp(library=three_long())
    async with app.run_test(size=(80, 15)) as pilot:
        await pilot.press("question_mark")
        box = app.screen.query_one("#help-box")
        assert box.max_scroll_y > 2
        await pilot.press("j", "j")
        assert box.scroll_y == 2
        await pilot.press("k")
        assert box.scroll_y == 1
        await pilot.press("G")
        assert box.scroll_y == box.max_scroll_y
