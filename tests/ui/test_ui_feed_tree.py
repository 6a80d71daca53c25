"""T shows the feeds in the sidebar: folders, unread counts, choose, refresh, remove."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.library.feeds import Feed, FeedStore
from reader.ui.app import ReaderApp
from reader.ui.feedtree import FeedTree
from reader.ui.screens import ConfirmScreen
from tests.ui.articles import plain_article
from tests.ui.libraries import library_with

RIVER = "http://127.0.0.1:9/river.xml"
HILL = "http://127.0.0.1:9/hill.xml"
SKY = "http://127.0.0.1:9/sky.xml"


def library():
    lib = library_with(
        [
            replace(plain_article("r1", "River floods the lower town", day=1), feed=RIVER),
            replace(plain_article("r2", "River bridge reopens", day=3), feed=RIVER),
            replace(plain_article("h1", "Hill farm wins a prize", day=2), feed=HILL),
            replace(plain_article("s1", "Clear skies all week", day=4), feed=SKY),
            plain_article("file", "A saved page, from no feed", day=5),
        ]
    )
    FeedStore.of(lib).add_many([
        Feed(RIVER, title="River News", folder="Local"),
        Feed(HILL, title="Hill Post", folder="Local"),
        Feed(SKY, title="Sky Times"),
    ])
    lib.set_read("h1")
    return lib


def labels(tree: FeedTree) -> list[str]:
    return [str(tree.get_option_at_index(i).prompt) for i in range(tree.option_count)]


async def move_to(pilot, tree: FeedTree, label: str) -> None:
    target = next(i for i, text in enumerate(labels(tree)) if text.strip().startswith(label))
    steps = target - (tree.highlighted or 0)
    await pilot.press(*(["down"] * steps if steps > 0 else ["up"] * -steps))


@pytest.mark.asyncio
async def test_T_shows_feeds_by_folder_with_unread_counts_and_enter_shows_a_feed():
    app = ReaderApp(library=library())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("T")
        await pilot.pause()
        tree = app.query_one(FeedTree)
        assert tree.display and tree.has_focus and not app.sidebar.display
        assert labels(tree) == [
            "All articles  4 unread",
            "▾ Local  2 unread",
            "    Hill Post  1",  # read: its article count, no unread
            "    River News  2 unread",
            "  Sky Times  1 unread",
        ]
        await move_to(pilot, tree, "▾ Local")
        await pilot.press("left")
        assert labels(tree)[1:] == ["▸ Local  2 unread", "  Sky Times  1 unread"]
        await pilot.press("enter")  # enter on a folder unfolds it
        assert len(labels(tree)) == 5
        await move_to(pilot, tree, "River News")
        await pilot.press("enter")
        await pilot.pause()
        assert not tree.display and app.sidebar.display and app.sidebar.has_focus
        assert app.show_feed == RIVER
        assert [e.id for e in app.sidebar.entries()] == ["r2", "r1"]
        await pilot.press("T")
        await move_to(pilot, tree, "All articles")
        await pilot.press("enter")
        await pilot.pause()
        assert app.show_feed is None and len(app.sidebar.entries()) == 5


@pytest.mark.asyncio
async def test_r_in_the_tree_refreshes_the_highlighted_feed_or_folder():
    app = ReaderApp(library=library())
    asked: list[list[str] | None] = []
    app._refresh_worker = lambda job, urls=None: asked.append(urls)  # no network in tests
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("T")
        tree = app.query_one(FeedTree)
        await move_to(pilot, tree, "Sky Times")
        await pilot.press("r")
        await pilot.pause()
        app.job = None
        await move_to(pilot, tree, "▾ Local")
        await pilot.press("r")
        await pilot.pause()
    assert asked == [[SKY], [HILL, RIVER]]


@pytest.mark.asyncio
async def test_d_in_the_tree_removes_a_feed_after_asking_and_keeps_its_articles():
    lib = library()
    app = ReaderApp(library=lib)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("T")
        tree = app.query_one(FeedTree)
        await move_to(pilot, tree, "Sky Times")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # no: nothing changes
        await pilot.pause()
        assert FeedStore.of(lib).get(SKY) is not None
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert FeedStore.of(lib).get(SKY) is None
        assert all("Sky" not in label for label in labels(tree))
        assert lib.entry("s1").feed == SKY  # the article stays
        assert tree.has_focus


@pytest.mark.asyncio
async def test_T_with_no_feeds_says_how_to_subscribe():
    app = ReaderApp(library=library_with([plain_article("a", "Alone")]))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("T")
        await pilot.pause()
        assert not app.query_one(FeedTree).display and app.sidebar.display
        assert any("byline feeds add" in n.message for n in app._notifications)


@pytest.mark.asyncio
async def test_the_settings_refresh_at_start_and_every_n_minutes():
    from types import SimpleNamespace

    config = SimpleNamespace(refresh_at_start=True, refresh_interval=15, keymap={}, problems=[], theme=None)
    app = ReaderApp(library=library())
    app.config = config  # the settings the config file gives (reader/config.py)
    asked: list[list[str] | None] = []
    app._refresh_worker = lambda job, urls=None: asked.append(urls)
    intervals: list[float] = []
    real_interval = app.set_interval

    def watch_interval(seconds, callback, **kw):
        intervals.append(seconds)
        return real_interval(seconds, callback, **kw)

    app.set_interval = watch_interval
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert asked == [None]  # every feed, once, at start
        assert app.query_one("#job").display  # with the progress line
        assert 15 * 60 in intervals
