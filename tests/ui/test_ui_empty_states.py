"""Empty and edge states: each key says why it found nothing, and what to do."""

from __future__ import annotations

import pytest

from reader.ui import app as app_module
from reader.ui.app import ReaderApp
from tests.ui.articles import plain_article
from tests.ui.libraries import library_with

SIZE = (100, 30)


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


def header(app) -> str:
    return str(app.query_one("#header").render())


@pytest.mark.parametrize("key", ["n", "N", "s", "S"])
async def test_quote_keys_on_an_empty_library_say_how_to_fill_it(key):
    app = ReaderApp(library=library_with([]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        assert messages(app) == [
            "No articles yet. Press i to import a file, a folder, or a page's or feed's URL."
        ]


@pytest.mark.parametrize("key, what", [("n", "quotations"), ("S", "quoted speakers")])
async def test_quote_keys_with_no_article_open_say_how_to_open_one(key, what):
    app = ReaderApp(library=library_with([plain_article("a", "Quiet story")]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        assert messages(app) == [
            f"No article open, so no {what}. Press enter (or j) to read the highlighted one."
        ]


@pytest.mark.parametrize(
    "key, said", [("n", "No quotations in this story."), ("N", "No quotations in this story."),
                  ("s", "No quoted speakers in this story."), ("S", "No quoted speakers in this story.")],
)
async def test_quote_keys_on_a_story_without_quotations_say_so(key, said):
    app = ReaderApp(library=library_with([plain_article("a", "Quiet story")]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", key)
        assert app.screen is app.screen_stack[0]  # S opened no empty picker
        assert messages(app) == [said]


@pytest.mark.parametrize("key", ["r", "F"])
async def test_r_and_F_with_no_feeds_say_that_i_takes_a_feed_url(key):
    app = ReaderApp(library=library_with([plain_article("a", "Saved page")]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = [m for m in messages(app) if m.startswith("No feeds yet.")]
        assert said and "Press i and give a feed's URL" in said[0]
        assert "`byline feeds add URL`" in said[0]


async def test_the_header_names_a_data_folder_that_is_not_the_default():
    library = library_with([plain_article("a", "Saved page")])
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE):
        assert header(app).startswith(f" byline · {library.path.name}   1 article")


async def test_the_header_leaves_out_the_default_data_folder(monkeypatch):
    library = library_with([plain_article("a", "Saved page")])
    monkeypatch.setattr(app_module, "default_data_dir", lambda: library.path)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE):
        assert header(app).startswith(" byline   1 article")
