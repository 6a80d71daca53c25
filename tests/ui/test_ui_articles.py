"""The article list and header: marks, counts, filter, search, remembered state."""

from __future__ import annotations

from reader.library import Library
from reader.ui.app import ReaderApp
from tests.ui.articles import plain_article, quoted_article
from tests.ui.libraries import library_with
from tests.ui.helpers import widget_lines


def three_articles() -> Library:
    return library_with(
        [
            plain_article("old", "Oldest story", day=1),
            plain_article("mid", "Middle story about Kim", day=2),
            plain_article("new", "Newest story", day=3),
        ]
    )


def header_text(app) -> str:
    return str(app.query_one("#header").render())


async def test_list_is_newest_first_with_unread_marks_and_counts():
    app = ReaderApp(library=three_articles())
    async with app.run_test(size=(100, 30)):
        lines = widget_lines(app.sidebar)
        assert lines[0].startswith("●  Newest story")
        assert lines[1].startswith("   3 Jan 2024 · Example")
        assert lines[2].startswith("●  Middle story")
        assert "3 articles · 3 unread · 0 bookmarked" in header_text(app)


async def test_opening_marks_read_and_j_k_move_between_articles():
    library = three_articles()
    app = ReaderApp(library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j")  # opens the highlighted (newest) article
        assert app.story.article.id == "new"
        await pilot.press("j")
        assert app.story.article.id == "mid"
        await pilot.press("k")
        assert app.story.article.id == "new"
        await pilot.pause()
        assert library.entry("new").read and library.entry("mid").read
        assert not library.entry("old").read
        assert widget_lines(app.sidebar)[0].startswith("   Newest")
        assert "3 articles · 1 unread" in header_text(app)
        await pilot.press("u")  # next unread
        assert app.story.article.id == "old"


async def test_bookmark_and_read_toggles_show_at_once_and_persist():
    library = three_articles()
    app = ReaderApp(library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("b")
        assert widget_lines(app.sidebar)[0].startswith("●★ Newest")
        assert "1 bookmarked" in header_text(app)
        assert library.entry("new").bookmarked
        await pilot.press("m")
        assert widget_lines(app.sidebar)[0].startswith(" ★ Newest")
        assert library.entry("new").read
        await pilot.press("b", "m")
        assert not library.entry("new").bookmarked and not library.entry("new").read


async def test_filter_cycles_all_unread_bookmarked_both_and_is_remembered():
    library = three_articles()
    app = ReaderApp(library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j")  # newest is now read
        await pilot.press("down", "b")  # bookmark the middle one
        await pilot.press("f")
        assert app.show_filter == "unread"
        assert [e.id for e in app.sidebar.entries()] == ["mid", "old"]
        await pilot.press("f")
        assert [e.id for e in app.sidebar.entries()] == ["mid"]
        assert "showing bookmarked" in header_text(app)
        await pilot.press("f")  # unread and bookmarked: the middle one is both
        assert [e.id for e in app.sidebar.entries()] == ["mid"]
        assert "showing unread bookmarked" in header_text(app)
        await pilot.press("f")
        assert app.sidebar.option_count == 3
        await pilot.press("f")
    assert library.setting("ui.filter") == "unread"
    assert library.setting("ui.last_article") == "new"
    again = ReaderApp(library=library)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.show_filter == "unread"


async def test_last_article_is_reopened():
    library = three_articles()
    library.set_setting("ui.last_article", "mid")
    app = ReaderApp(library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.story.article.id == "mid"
        assert app.sidebar.highlighted_entry.id == "mid"


async def test_search_finds_titles_and_speakers_and_escape_clears():
    library = three_articles()
    library.add(quoted_article("q1", "Bridge vote"))
    app = ReaderApp(library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        await pilot.press(*"kim", "enter")
        assert [e.id for e in app.sidebar.entries()] == ["mid"]
        assert "search “kim”: 1 found" in header_text(app)
        await pilot.press("slash", *"tom lee", "enter")  # a speaker
        assert [e.id for e in app.sidebar.entries()] == ["q1"]
        await pilot.press("escape")
        assert app.sidebar.option_count == 4


async def test_help_lists_every_key_and_closes():
    app = ReaderApp(library=three_articles())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        from reader.ui.screens import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("HelpText").render())
        for needle in ("Next quote", "Follow speaker", "Bookmark", "Import", "Refresh feeds", "Quit"):
            assert needle in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_sidebar_toggles_and_narrow_terminal_hides_quotes_panel():
    app = ReaderApp(library=library_with([quoted_article()]))
    async with app.run_test(size=(80, 24)) as pilot:
        assert not app.query_one("#quotes").display
        assert app.sidebar.display
        await pilot.press("t")
        assert not app.sidebar.display
        assert app.story.size.width > 70
        await pilot.press("p")
        assert app.query_one("#quotes").display


async def test_a_long_list_builds_only_the_rows_it_shows():
    from datetime import datetime, timedelta

    from reader.model import Article, Paragraph

    start = datetime(2020, 1, 1)
    articles = [
        Article(id=f"id{i:05d}", title=f"Story {i}", paragraphs=(Paragraph("x"),),
                published=start + timedelta(hours=i))
        for i in range(5000)
    ]
    app = ReaderApp(library=library_with(articles))
    async with app.run_test(size=(100, 30)) as pilot:
        sidebar = app.sidebar
        made = sum(option is not None for option in sidebar._options._made)
        assert made < 40  # only what the first screen shows
        assert widget_lines(sidebar)[0].startswith("●  Story 4999")
        await pilot.press("end")
        assert sidebar.highlighted_entry.title == "Story 0"
        assert "Story 0" in "\n".join(widget_lines(sidebar))
        await pilot.press("home", "pagedown")
        assert 0 < sidebar.highlighted < 30
        await pilot.press("enter")
        assert app.story.article.title == sidebar.highlighted_entry.title
        await pilot.click("#sidebar", offset=(5, 2))  # the second row
        assert sidebar.highlighted is not None
        assert app.story.article.id == sidebar.highlighted_entry.id


async def test_command_palette_runs_a_binding_by_name():
    library = three_articles()
    app = ReaderApp(library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"bookmark")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert library.entry("new").bookmarked


async def test_switching_theme_redraws_speaker_colours():
    app = ReaderApp(library=library_with([quoted_article()]), theme="textual-dark")
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("j")
        story = app.story
        line = next(y for y in range(30) if "long overdue" in story.render_line(y).text)

        def quote_colour() -> str:
            strip = story.render_line(line)
            return next(str(s.style.bgcolor) for s in strip if "long" in s.text)

        dark = quote_colour()
        app.theme = "textual-light"
        await pilot.pause()
        assert app.get_css_variables()["speaker-1"] != "#ffa657"  # the light palette
        assert quote_colour() != dark


async def test_an_empty_list_says_what_to_press():
    app = ReaderApp(library=three_articles())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f", "f")  # bookmarked: none yet
        assert app.sidebar.option_count == 0
        assert "No bookmarked articles" in widget_lines(app.sidebar)[0]
    empty = ReaderApp(library=library_with([]))
    async with empty.run_test(size=(100, 30)):
        assert "Press i to import" in " ".join(s.strip() for s in widget_lines(empty.sidebar))
