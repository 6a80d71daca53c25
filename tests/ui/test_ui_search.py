"""Search in the app: `/`, results in the sidebar, matches highlighted and stepped through."""

from __future__ import annotations

from reader.model import Paragraph
from reader.ui.app import ReaderApp
from tests.ui.articles import plain_article, quoted_article
from tests.ui.libraries import library_with

LONG = [f"Filler paragraph {n} about nothing in particular, for scrolling." for n in range(30)]


def library():
    deep = plain_article("deep", "Quiet week at the harbour", day=4)
    deep = type(deep)(**{
        **{f: getattr(deep, f) for f in deep.__dataclass_fields__},
        "paragraphs": tuple(Paragraph(t) for t in LONG)
        + (Paragraph("At last the pontoon was repaired, and a second pontoon ordered."),),
    })
    return library_with([
        plain_article("old", "Ferry timetable changes", "The pontoon stays shut.", day=1),
        plain_article("other", "Market reopens", "Stalls return to the square.", day=2),
        deep,
        quoted_article("q1"),
    ])


async def test_a_word_in_a_story_body_fills_the_sidebar_and_is_highlighted():
    app = ReaderApp(library=library())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"pontoons", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        # BM25: the short story that is mostly about it first
        assert [e.id for e in app.sidebar.entries()] == ["old", "deep"]
        assert "2 found" in str(app.query_one("#header").render())
        await pilot.press("down", "enter")
        await pilot.pause()
        story = app.story
        assert story.article.id == "deep"
        assert story.match_count == 2
        assert story.current_match == 0
        # the first match, in the last paragraph, is scrolled into view
        assert story.scroll_offset.y > 0
        await pilot.press("right_square_bracket")
        assert story.current_match == 1
        await pilot.press("right_square_bracket")
        assert story.current_match == 0  # wraps
        await pilot.press("left_square_bracket")
        assert story.current_match == 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.search_query is None
        assert app.sidebar.option_count == 4
        assert story.match_count == 0


async def test_the_list_filter_applies_to_what_a_search_finds():
    lib = library()
    lib.set_read("old")
    app = ReaderApp(library=lib)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f")  # unread only
        await pilot.press("slash", *"pontoon", "enter")
        await pilot.pause()
        assert [e.id for e in app.sidebar.entries()] == ["deep"]


async def test_operators_and_hostile_queries_in_the_app():
    app = ReaderApp(library=library())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *'speaker:"tom lee"', "enter")
        await pilot.pause()
        assert [e.id for e in app.sidebar.entries()] == ["q1"]
        await pilot.press("escape")
        await pilot.press("slash", *'( " * -', "enter")
        await pilot.pause()
        assert app.sidebar.option_count == 0  # no error, nothing found
        await pilot.press("escape")
        await pilot.press("slash", *"before:someday", "enter")
        await pilot.pause()
        assert app.search_query is None  # a clear message, the list unchanged
        assert app.sidebar.option_count == 4


def test_search_snapshot(snap_compare):
    lib = library()
    lib.set_setting("name", "search-test")  # the header shows it; a temp folder's name varies
    app = ReaderApp(library=lib, depth="truecolor")  # the same colours whatever TERM is

    async def run(pilot):
        await pilot.press("slash", *"pontoon", "enter")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 30), run_before=run)


async def test_a_deleted_index_is_rebuilt_when_searching_with_a_notice():
    from reader.library import Library

    path = library().path
    for suffix in ("", "-wal", "-shm"):
        (path / f"search.db{suffix}").unlink(missing_ok=True)
    app = ReaderApp(library=Library.open(path, durable=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"pontoon", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [e.id for e in app.sidebar.entries()] == ["old", "deep"]
        said = [str(n.message) for n in app._notifications]
        assert any("search index" in n and "missing" in n for n in said), said
