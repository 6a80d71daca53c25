"""F shows one feed's articles, with the filter and search, and is remembered."""

from __future__ import annotations

from dataclasses import replace

from reader.library.feeds import Feed, FeedStore
from reader.ui.app import ReaderApp
from reader.ui.feedfilter import FeedPicker
from tests.ui.articles import plain_article
from tests.ui.libraries import library_with

RIVER = "http://127.0.0.1:9/river.xml"
HILL = "http://127.0.0.1:9/hill.xml"


def two_feeds():
    library = library_with(
        [
            replace(plain_article("r1", "River floods the lower town", day=1), feed=RIVER),
            replace(plain_article("r2", "River bridge reopens", day=3), feed=RIVER),
            replace(plain_article("h1", "Hill farm wins a prize", day=2), feed=HILL),
            plain_article("file", "A saved page, from no feed", day=4),
        ]
    )
    FeedStore.of(library).add_many([Feed(RIVER, title="River News"), Feed(HILL, title="Hill Post")])
    return library


def ids(app) -> list[str]:
    return [e.id for e in app.sidebar.entries()]


def header_text(app) -> str:
    return str(app.query_one("#header").render())


async def pick(pilot, name: str) -> list[str]:
    """Choose ``name`` in the feed picker; the picker's labels, as shown."""
    await pilot.press("F")
    screen = pilot.app.screen
    assert isinstance(screen, FeedPicker)
    picker = screen.query_one("#picker-list")
    labels = [str(picker.get_option_at_index(i).prompt) for i in range(picker.option_count)]
    target = next(i for i, label in enumerate(labels) if label.startswith(name))
    steps = target - picker.highlighted  # the picker starts on the feed shown now
    await pilot.press(*(["down"] * steps if steps > 0 else ["up"] * -steps), "enter")
    return labels


async def test_one_feed_narrows_the_list_with_the_filter_and_is_remembered():
    library = two_feeds()
    app = ReaderApp(library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        assert ids(app) == ["file", "r2", "h1", "r1"]
        labels = await pick(pilot, "River News")
        # "All articles" first, then the feeds by name, each with its counts
        assert labels == ["All articles", "Hill Post  (1, 1 unread)", "River News  (2, 2 unread)"]
        assert ids(app) == ["r2", "r1"]
        assert "feed: River News" in header_text(app)
        assert "4 articles" in header_text(app)  # the counts stay the library's
        await pilot.press("j")  # opens r2, marking it read
        await pilot.press("f")  # unread, within the feed
        assert ids(app) == ["r1"]
        await pilot.press("slash", *"hill", "enter")  # a search stays within the feed
        assert ids(app) == []
        await pilot.press("escape")
        assert ids(app) == ["r1"]
    assert library.setting("ui.feed") == RIVER
    again = ReaderApp(library=library)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert ids(again) == ["r1"]
        await pilot.press("f", "f", "f")  # bookmarked, both, then all articles of the feed
        assert ids(again) == ["r2", "r1"]
        labels = await pick(pilot, "All articles")
        assert labels[2] == "River News  (2, 1 unread)"
        assert ids(again) == ["file", "r2", "h1", "r1"]
        assert "feed:" not in header_text(again)
    assert library.setting("ui.feed") is None


async def test_a_feed_no_longer_subscribed_is_not_restored():
    library = two_feeds()
    library.set_setting("ui.feed", HILL)
    FeedStore.of(library).remove(HILL)
    app = ReaderApp(library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.show_feed is None
        assert len(ids(app)) == 4


async def test_without_feeds_F_says_how_to_subscribe():
    app = ReaderApp(library=library_with([plain_article("a", "Alone")]))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("F")
        await pilot.pause()
        assert not isinstance(app.screen, FeedPicker)
        messages = [n.message for n in app._notifications]
        assert any("byline feeds add" in m for m in messages)
