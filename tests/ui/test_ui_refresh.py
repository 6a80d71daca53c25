"""Refreshing feeds from inside the app, against a real server on 127.0.0.1."""

from __future__ import annotations

from reader.library import Library
from reader.library.feeds import Feed, FeedStore
from reader.ui.app import ReaderApp
from tests.feeds.samples import STORY, rss
from tests.feeds.server import WebServer


def stories(web: WebServer, feed: str, n: int) -> str:
    items = [
        {"title": f"{feed} story {i}", "link": web.url(f"/{feed}/{i}"), "content": f"<p>{STORY}</p>"}
        for i in range(n)
    ]
    return rss(f"{feed} News", items)


async def test_refresh_key_adds_new_stories_and_says_how_many(tmp_path):
    library = Library.open(tmp_path / "library", durable=False)
    try:
        with WebServer() as web:
            url = web.add("/harbour", stories(web, "harbour", 2), content_type="application/rss+xml")
            FeedStore.of(library).add_many([Feed(url)])
            app = ReaderApp(library=library)
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.press("r")
                await app.workers.wait_for_complete()
                await pilot.pause()
                titles = sorted(e.title for e in app.sidebar.entries())
                assert titles == ["harbour story 0", "harbour story 1"]
                messages = [n.message for n in app._notifications]
                assert "2 new stories from 1 feed" in messages, messages
                assert not app.query_one("#progress").display
    finally:
        library.close()
