"""OptionList internals that ui/rows.py and ui/sidebar.py replace.

The article list (and the quotes panel) swap OptionList's private line map
(``_lines``, ``_heights``, ``_index_to_line``) for arithmetic, and its option
containers (``_options``, ``_id_to_option``, ``_option_to_index``) for lazy
ones. These are not public API, so pyproject pins the Textual range they
were written against. The tests below fail loudly, naming what moved, if a
Textual release changes any of it: then check rows.py against the new
OptionList before widening the pin.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from importlib.metadata import version

import pytest
from textual.app import App, ComposeResult
from textual.widgets import OptionList
from textual.widgets import _option_list
from textual.widgets.option_list import Option

from reader.library import Entry
from reader.ui.rows import row_content
from reader.ui.sidebar import ArticleList

REPLACED_PROPERTIES = ("_lines", "_heights", "_index_to_line")
REPLACED_ATTRIBUTES = ("_options", "_id_to_option", "_option_to_index", "_line_cache", "_option_render_cache")
# Where OptionList may touch its line cache directly; everywhere else it
# must go through the three properties, or our arithmetic map is bypassed.
LINE_CACHE_USERS = {"__init__", "clear_options", "set_options", "_clear_caches", "_update_lines", *REPLACED_PROPERTIES}


def test_textual_is_in_the_range_the_overrides_were_written_for():
    major, minor, *_ = (int(p) for p in version("textual").split(".")[:3])
    assert (major, minor) == (8, 2), (
        f"Textual {version('textual')}: reader/ui/rows.py overrides OptionList internals "
        "checked against 8.2.x; check them against this release, then widen the pin"
    )


def test_the_replaced_internals_exist_in_the_shape_rows_py_expects():
    for name in REPLACED_PROPERTIES:
        assert isinstance(inspect.getattr_static(OptionList, name), property), name
    fresh = OptionList()
    for name in REPLACED_ATTRIBUTES:
        assert name in vars(fresh), f"OptionList no longer sets self.{name}"
    assert isinstance(fresh._options, list)
    assert isinstance(fresh._id_to_option, dict) and isinstance(fresh._option_to_index, dict)
    for name in ("_update_lines", "get_content_height", "render_line", "_get_option_render"):
        assert callable(getattr(OptionList, name, None)), name
    assert "_mouse_hovering_over" in OptionList._reactives


def _functions_using(attribute: str) -> set[str]:
    tree = ast.parse(textwrap.dedent(inspect.getsource(_option_list.OptionList)))
    users = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Attribute) and inner.attr == attribute:
                    users.add(node.name)
    return users


def test_optionlist_reads_its_line_map_only_through_the_replaced_properties():
    users = _functions_using("_line_cache")
    assert users <= LINE_CACHE_USERS, f"OptionList reads _line_cache in {users - LINE_CACHE_USERS}"
    for name in REPLACED_PROPERTIES:
        assert _functions_using(name), f"OptionList no longer reads self.{name}"


def _entries(n: int) -> list[Entry]:
    from datetime import datetime

    return [
        Entry(
            id=f"e{i}", title=f"Story number {i}", site="Example News",
            published=datetime(2024, 1, 1 + i % 28), url=None, imported=float(i), quotes=0,
            speakers=(), read=i % 3 == 0, bookmarked=i % 5 == 0,
        )
        for i in range(n)
    ]


class Pair(App):
    """Our fixed-height list beside a stock OptionList with the same rows."""

    CSS = "OptionList { width: 40; height: 11; text-wrap: nowrap; }"

    def compose(self) -> ComposeResult:
        yield ArticleList(id="ours")
        yield OptionList(id="stock")


@pytest.mark.asyncio
async def test_the_fixed_row_list_draws_and_moves_as_a_stock_optionlist_does():
    entries = _entries(40)
    app = Pair()
    async with app.run_test(size=(40, 22)) as pilot:
        ours = app.query_one("#ours", ArticleList)
        stock = app.query_one("#stock", OptionList)
        ours.set_entries(entries)
        stock.add_options(Option(row_content(e), id=e.id) for e in entries)
        stock.highlighted = 0
        await pilot.pause()
        assert ours.virtual_size.height == stock.virtual_size.height == 80
        for index in (0, 7, 39):
            assert ours._index_to_line[index] == stock._index_to_line[index]
            assert ours._heights[index] == stock._heights[index]
        assert list(ours._lines[:9]) == list(stock._lines[:9])
        for widget in (ours, stock):
            widget.focus()
            await pilot.press("pagedown", "down", "pagedown")
        assert ours.highlighted == stock.highlighted
        assert ours.scroll_y == stock.scroll_y
        for y in range(ours.size.height):
            assert ours.render_line(y).text == stock.render_line(y).text
