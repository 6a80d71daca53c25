"""O changes the list's order; filters combine with each other, a feed and a search."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.library.feeds import Feed, FeedStore
from reader.ui.app import ReaderApp
from tests.ui.articles import plain_article
from tests.ui.libraries import library_with

RIVER = "http://127.0.0.1:9/river.xml"


def library():
    lib = library_with(
        [
            replace(plain_article("a", "Apple harvest begins", day=3), site="Valley Post", feed=RIVER),
            replace(plain_article("b", "Bridge reopens", day=9), site="Alder Times", feed=RIVER),
            replace(plain_article("c", "Choir wins a prize", day=5), site="Valley Post"),
            replace(plain_article("u", "Undated note"), published=None, site="Birch Daily"),
        ]
    )
    FeedStore.of(lib).add_many([Feed(RIVER, title="River News")])
    lib.set_read_many(["b"])
    lib.set_bookmarked_many(["a", "b"])
    return lib


def ids(app) -> list[str]:
    return [e.id for e in app.sidebar.entries()]


@pytest.mark.asyncio
async def test_O_cycles_the_order_and_it_is_kept():
    lib = library()
    app = ReaderApp(library=lib)
    async with app.run_test(size=(100, 30)) as pilot:
        assert ids(app) == ["b", "c", "a", "u"]  # newest first, the undated one last
        await pilot.press("O")
        assert app.sort_order == "imported"
        assert ids(app) == ["u", "c", "b", "a"]  # one batch, one import time: ties go by id
        await pilot.press("O")
        assert ids(app) == ["b", "u", "c", "a"]  # Alder, Birch, Valley (newest first within)
        assert "by site" in str(app.query_one("#header").render())
        await pilot.press("O")
        assert ids(app) == ["c", "a", "u", "b"]  # unread first, each part by date
    again = ReaderApp(library=lib)
    async with again.run_test(size=(100, 30)):
        assert again.sort_order == "unread" and ids(again) == ["c", "a", "u", "b"]


@pytest.mark.asyncio
async def test_filters_combine_with_each_other_a_feed_and_a_search():
    app = ReaderApp(library=library())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f", "f", "f")
        assert app.show_filter == "unread bookmarked"
        assert ids(app) == ["a"]
        app.choose_feed(RIVER)
        await pilot.pause()
        assert ids(app) == ["a"]
        await pilot.press("f")  # all, still the one feed
        assert ids(app) == ["b", "a"]
        await pilot.press("f")  # unread, in the feed
        assert ids(app) == ["a"]
        await pilot.press("slash", *"bridge", "enter")
        await pilot.pause()
        assert ids(app) == []  # the bridge story is read: the filter narrows the search too
        assert "No matches" in app.sidebar.empty_text
