"""The reader on the bundled seed article, with a real library on disk.

The seed (a BBC page from 2006) has seven quotations: four by Kim Kye-gwan,
two by Christopher Hill, one by a Chinese foreign ministry spokesperson.
Counted by hand from seeds/000_8c01498c710a7303.txt.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.library import Library
from reader.model import Article
from reader.ui.app import ReaderApp
from tests.seed_expected import check_quotes
from tests.ui.helpers import region_on_screen, widget_lines

# The quoted words in reading order, as they stand in the seed.
SEED_QUOTES = [
    "equal level",
    "very soon",
    "relevant parties can have an in-depth exchange of ideas",
    "any time",
    "We have taken defensive measures against sanctions",
    "As we have attained that position",
    "get going at some point very soon",
]
KIM = "Kim Kye-gwan"
FROZEN = Path(__file__).parent / "fixtures" / "seed_article.json"


@pytest.fixture
def seed(seed_library):
    """The seed library; it must hold the seven quotations (never skipped)."""
    (entry,) = seed_library.list()
    article = seed_library.get(entry.id)
    check_quotes(article.quotes, article.speakers)
    return seed_library


def seed_id(library) -> str:
    return library.list()[0].id


async def test_n_walks_all_seven_quotes_and_each_is_scrolled_into_view(seed):
    app = ReaderApp(library=seed)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        story = app.story
        assert story.article.title == "N Korea and US in diplomacy push"
        assert len(story.quotes) == 7
        for expected in SEED_QUOTES:
            await pilot.press("n")
            await pilot.pause()
            quote = story.quotes[story.current]
            assert quote.text.startswith(expected)
            assert region_on_screen(story, story.current)
            # the quotes panel marks the same quote
            panel = app.query_one("#quotes")
            assert panel.highlighted_option.id == f"q:{story.current}"
        assert story.scroll_offset.y > 0  # a 24-line terminal had to scroll


async def test_following_kim_visits_his_four_quotes(seed):
    app = ReaderApp(library=seed)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "s")
        story = app.story
        assert story.followed == KIM  # the most-quoted speaker comes first
        visited = []
        for _ in range(4):
            visited.append(story.quotes[story.current].text)
            assert story.quotes[story.current].speaker == KIM
            await pilot.press("n")
        assert visited[0].startswith("equal level")
        assert len(set(visited)) == 4
        assert story.quotes[story.current].text == visited[0]  # wrapped round
        legend = str(app.query_one("#legend").render())
        assert "▸ Kim Kye-gwan 4" in legend
        await pilot.press("escape")
        assert story.followed is None


async def test_mentions_are_marked_in_the_speakers_colour(seed):
    app = ReaderApp(library=seed)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j")
        story = app.story
        slot = story.slots[KIM]
        marked = set()
        for paragraph, block in story._para_block.items():
            content = story._block_content(block)
            for span in content.spans:
                if str(span.style) == f".story--mention-{slot}":
                    marked.add(content.plain[span.start : span.end])
        assert {"he", "Mr Kim"} <= marked


async def test_bookmark_shows_at_once_and_is_saved(seed, tmp_path):
    app = ReaderApp(library=seed)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "b")
        assert widget_lines(app.sidebar)[0].startswith(" ★ N Korea")  # read, bookmarked
        assert "1 article · 0 unread · 1 bookmarked" in str(app.query_one("#header").render())
        await pilot.press("f", "f")
        assert app.show_filter == "bookmarked"
        assert [e.id for e in app.sidebar.entries()] == [seed_id(seed)]
    id = seed_id(seed)
    seed.close()
    again = Library.open(tmp_path / "library")
    try:
        entry = again.entry(id)
        assert entry.bookmarked and entry.read
        assert again.setting("ui.filter") == "bookmarked"
        assert again.setting("ui.last_article") == id
    finally:
        again.close()


async def test_filter_cycles_and_search_finds_the_seed_by_speaker(seed):
    app = ReaderApp(library=seed)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f")
        assert app.show_filter == "unread"
        assert app.sidebar.option_count == 1  # not opened yet, so unread
        await pilot.press("f", "f")
        assert app.show_filter == "unread bookmarked"
        await pilot.press("f")
        assert app.show_filter == "all"
        await pilot.press("slash", *"hill", "enter")
        assert [e.id for e in app.sidebar.entries()] == [seed_id(seed)]
        await pilot.press("slash", *"nobody at all", "enter")
        assert app.sidebar.option_count == 0
        await pilot.press("escape")
        assert app.sidebar.option_count == 1


@pytest.fixture
def frozen_seed(tmp_path):
    """The seed as parsed and analysed when the snapshots were taken.

    fixtures/seed_article.json is ``Article.to_dict()`` of the seed (its seven
    quotes and speakers checked by hand), so the snapshots show the app's
    drawing and do not change when ingest or quote finding improve; the
    tests above cover the live import.
    """
    article = Article.from_dict(json.loads(FROZEN.read_text(encoding="utf-8")))
    library = Library.open(tmp_path / "library")
    library.add(article)
    yield library
    library.close()


@pytest.mark.parametrize("size", [(60, 15), (80, 24), (200, 60)], ids=["60x15", "80x24", "200x60"])
@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_seed_snapshot(frozen_seed, snap_compare, theme, size):
    """The second quote current: at 60x15 the story alone (the sidebar hidden),
    at 80x24 with the list, at 200x60 with the quotes panel too."""
    app = ReaderApp(library=frozen_seed, theme=theme, depth="truecolor")  # the same whatever TERM is
    assert snap_compare(app, terminal_size=size, press=["j", "n", "n"])


async def test_changes_made_by_another_copy_show_up(seed, tmp_path):
    app = ReaderApp(library=seed)
    async with app.run_test(size=(100, 30)) as pilot:
        other = Library.open(tmp_path / "library")
        try:
            other.set_bookmarked(seed_id(seed), True)
        finally:
            other.close()
        app.pick_up_changes()
        await pilot.pause()
        assert widget_lines(app.sidebar)[0].startswith("●★ N Korea")
