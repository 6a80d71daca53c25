"""Article text is data: markup-like and escape text shows as typed."""

from __future__ import annotations

from reader.model import Article, Paragraph
from reader.ui.app import ReaderApp
from tests.ui.libraries import library_with
from tests.ui.helpers import widget_lines

TITLE = "[bold]Breaking[/bold] [/foo] [link=x]y[/link] $accent"
BODY = "A body with [red]markup[/red], [/] and \\[escaped] text, and [@click=app.quit]q[/]."


async def test_hostile_title_and_body_render_as_typed():
    article = Article(
        id="evil",
        title=TITLE + "\x1b]0;pwned\x07",
        paragraphs=(Paragraph(BODY + "\x1b[2J"), Paragraph("[b]sub[/b]", "heading")),
        site="[i]site[/i]",
    )
    app = ReaderApp(library=library_with([article]))
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        story = "\n".join(widget_lines(app.story))
        assert TITLE in story
        assert BODY in story
        assert "[b]sub[/b]" in story
        assert "\x1b" not in story
        sidebar = "\n".join(widget_lines(app.sidebar))
        assert "[bold]Breaking[/bold] [/foo]" in sidebar
        assert "[i]site[/i]" in sidebar
        assert app.is_running  # the [@click=app.quit] text did nothing


async def test_o_opens_only_http_and_https_addresses(monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)
    web = Article(id="web", title="Web", paragraphs=(Paragraph("x"),), url="https://example.org/a")
    bad = Article(id="bad", title="Bad", paragraphs=(Paragraph("x"),), url="file:///etc/passwd")
    app = ReaderApp(library=library_with([web, bad]))
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_article("bad")
        await pilot.press("o")
        app.open_article("web")
        await pilot.press("o")
        await app.workers.wait_for_complete()
    assert opened == ["https://example.org/a"]


async def test_o_without_a_browser_shows_and_copies_the_address(monkeypatch):
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: False)
    web = Article(id="web", title="Web", paragraphs=(Paragraph("x"),), url="https://example.org/a")
    app = ReaderApp(library=library_with([web]))
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_article("web")
        await pilot.press("o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.clipboard == "https://example.org/a"
        messages = [n.message for n in app._notifications]
        assert messages[-1] == "No web browser found. The address, copied to the clipboard: https://example.org/a"


async def test_a_failing_write_is_reported_not_fatal():
    from reader.errors import StorageError
    from tests.ui.articles import quoted_article

    library = library_with([quoted_article()])

    def broken(*args):
        raise StorageError("the library folder is read-only")

    library.set_bookmarked = broken
    library.set_read = broken
    app = ReaderApp(library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "b")
        await pilot.pause()
        assert app.is_running
        assert any("read-only" in n.message for n in app._notifications)
        assert "0 bookmarked" in str(app.query_one("#header").render())  # reverted


async def test_quotes_pointing_outside_the_article_are_ignored():
    from dataclasses import replace

    from reader.model import Quote
    from tests.ui.articles import quoted_article

    article = quoted_article()
    stray = Quote(paragraph=99, start=0, end=4, text="gone", speaker="Ana Ruiz")
    article = replace(article, quotes=article.quotes + (stray,))
    app = ReaderApp(library=library_with([article]))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", *"nnnnn")
        assert len(app.story.quotes) == 4
        assert app.is_running
