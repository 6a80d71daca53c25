"""Mouse clicks: a sidebar row opens its article; a quotes-panel row jumps to its quote."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from reader.ui.app import ReaderApp
from tests.ui.articles import quoted_article
from tests.ui.libraries import library_with


def two_articles():
    older = quoted_article("old", "Ferry talks stall")
    newer = quoted_article("new", "Council backs the new bridge")
    return [
        replace(older, published=datetime(2024, 1, 1)),
        replace(newer, published=datetime(2024, 2, 1)),
    ]


async def test_clicking_a_sidebar_row_opens_that_article():
    app = ReaderApp(library=library_with(two_articles()))
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("j")
        assert app.story.article.id == "new"  # newest first
        await pilot.click("#sidebar", offset=(5, 2))  # rows are two lines: the second row
        await pilot.pause()
        assert app.story.article.id == "old"


async def test_clicking_a_quote_in_the_panel_makes_it_current():
    app = ReaderApp(library=library_with([quoted_article()]))
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("j")
        panel = app.query_one("#quotes")
        ids = [o.id for o in panel.options]
        assert ids == ["s:Ana Ruiz", "q:0", "q:3", "s:Tom Lee", "q:1", "q:2"]
        assert app.story.current != 3
        await pilot.click("#quotes", offset=(4, ids.index("q:3")))  # one line per row
        await pilot.pause()
        assert app.story.current == 3
