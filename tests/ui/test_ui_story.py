"""The story pane: quotes in colour, n/N through them, following a speaker."""

from __future__ import annotations

import pytest

from dataclasses import replace

from reader.model import Paragraph, Quote
from reader.ui.app import ReaderApp
from tests.ui.articles import quoted_article
from tests.ui.libraries import library_with
from tests.ui.helpers import region_on_screen, widget_lines


def long_article():
    """The quoted article with 40 filler paragraphs between each quote's paragraph."""
    base = quoted_article()
    filler = tuple(Paragraph(f"Filler paragraph {i} says nothing much at all.") for i in range(40))
    paragraphs: list[Paragraph] = []
    where: dict[int, int] = {}
    for index, paragraph in enumerate(base.paragraphs):
        where[index] = len(paragraphs)
        paragraphs.append(paragraph)
        paragraphs.extend(filler)

    def move(q: Quote) -> Quote:
        mention = replace(q.mention, paragraph=where[q.mention.paragraph]) if q.mention else None
        return replace(q, paragraph=where[q.paragraph], mention=mention)

    return replace(base, paragraphs=tuple(paragraphs), quotes=tuple(move(q) for q in base.quotes))


async def test_n_visits_every_quote_in_order_and_scrolls_to_it():
    article = long_article()
    app = ReaderApp(library=library_with([article]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        story = app.story
        assert story.article.id == article.id
        seen = []
        for _ in range(4):
            await pilot.press("n")
            await pilot.pause()
            seen.append(story.quotes[story.current].text)
            assert region_on_screen(story, story.current)
        assert seen == ["long overdue", "costs will rise", "we need a plan", "We will find the money."]
        # the last quote sits far below the first screen, so the view scrolled
        assert story.scroll_offset.y > 40
        await pilot.press("N")
        assert story.quotes[story.current].text == "we need a plan"
        assert region_on_screen(story, story.current)
        await pilot.press("n", "n")  # past the last quote, n wraps to the first
        assert story.current == 0
        assert region_on_screen(story, 0)


async def test_following_a_speaker_visits_only_their_quotes():
    app = ReaderApp(library=library_with([quoted_article()]))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "s", "s")  # first s follows Ana Ruiz, second Tom Lee
        story = app.story
        assert story.followed == "Tom Lee"
        visited = set()
        for _ in range(4):
            await pilot.press("n")
            visited.add(story.quotes[story.current].text)
        assert visited == {"costs will rise", "we need a plan"}
        await pilot.press("escape")
        assert story.followed is None
        await pilot.press("s", "s", "s")  # past the last speaker: everyone again
        assert story.followed is None


async def test_speaker_names_sit_in_the_gutter_beside_their_quotes():
    app = ReaderApp(library=library_with([quoted_article()]))
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.press("j")
        lines = widget_lines(app.story)
        quote_line = next(line for line in lines if "long overdue" in line)
        assert quote_line.lstrip().startswith("Ana Ruiz")
        lee_line = next(line for line in lines if "costs will rise" in line)
        assert lee_line.lstrip().startswith("Tom Lee")


async def test_at_80_columns_the_margin_gives_way_and_the_story_keeps_a_reading_line():
    app = ReaderApp(library=library_with([quoted_article()]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        story = app.story
        width = story.scrollable_content_region.width
        assert width < 45 + 9  # beside the sidebar: no room for both
        assert story._gutter_width == 0
        assert story._text_width == width >= 45
        lines = widget_lines(story)
        assert any(line.startswith("Mayor Ana Ruiz said") for line in lines)  # at the edge


async def test_a_story_with_room_for_both_keeps_its_margin_and_a_reading_line():
    app = ReaderApp(library=library_with([quoted_article()]))
    async with app.run_test(size=(60, 15)) as pilot:  # the sidebar hides itself: 58 columns
        await pilot.press("j")
        story = app.story
        width = story.scrollable_content_region.width
        assert width >= 45 + len("Ana Ruiz") + 2
        assert story._gutter_width == len("Ana Ruiz") + 2
        assert story._text_width == width - story._gutter_width >= 45
        assert {name for name, _ in story._gutter.values()} == {"Ana Ruiz", "Tom Lee"}


async def test_quote_and_mention_spans_carry_the_speakers_colour_slot():
    app = ReaderApp(library=library_with([quoted_article()]))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("j", "n")
        story = app.story
        content = story._block_content(story._para_block[2])
        styles = {(content.plain[s.start : s.end], str(s.style)) for s in content.spans}
        # Tom Lee is the second speaker: slot 2, for his quotes and both mentions
        assert ('"costs will rise"', ".story--quote-2") in styles
        assert ("he", ".story--mention-2") in styles
        assert ("Tom Lee", ".story--mention-2") in styles
        first = story._block_content(story._para_block[0])
        assert ('"long overdue"', ".story--current-1") in {
            (first.plain[s.start : s.end], str(s.style)) for s in first.spans
        }


async def test_quotes_panel_row_jumps_to_the_quote():
    app = ReaderApp(library=library_with([quoted_article()]))
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("j")
        panel = app.query_one("#quotes")
        ids = [o.id for o in panel.options]
        assert ids == ["s:Ana Ruiz", "q:0", "q:3", "s:Tom Lee", "q:1", "q:2"]
        panel.focus()
        panel.highlighted = ids.index("q:3")
        await pilot.press("enter")
        assert app.story.current == 3


async def test_speaker_picker_and_panel_rows_follow_a_speaker():
    app = ReaderApp(library=library_with([quoted_article()]))
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("j", "S")
        from reader.ui.screens import SpeakerPicker

        assert isinstance(app.screen, SpeakerPicker)
        await pilot.press("down", "down", "enter")  # Everyone, Ana Ruiz, Tom Lee
        assert app.story.followed == "Tom Lee"
        assert app.story.quotes[app.story.current].speaker == "Tom Lee"
        panel = app.query_one("#quotes")
        panel.focus()
        panel.highlighted = [o.id for o in panel.options].index("s:Ana Ruiz")
        await pilot.press("enter")
        assert app.story.followed == "Ana Ruiz"
        panel.highlighted = [o.id for o in panel.options].index("s:Ana Ruiz")
        await pilot.press("enter")  # the same speaker again: everyone
        assert app.story.followed is None


def _long_named_article():
    base = quoted_article()
    long_name = "Tom Lee-Harrington"  # 18 cells: more than the narrow margin holds
    quotes = tuple(replace(q, speaker=long_name) if q.speaker == "Tom Lee" else q for q in base.quotes)
    speakers = tuple(replace(s, name=long_name) if s.name == "Tom Lee" else s for s in base.speakers)
    return replace(base, quotes=quotes, speakers=speakers)


async def test_a_wide_story_pane_gives_long_speaker_names_their_room():
    app = ReaderApp(library=library_with([_long_named_article()]))
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.press("j")
        lee_line = next(line for line in widget_lines(app.story) if "costs will rise" in line)
        assert lee_line.lstrip().startswith("Tom Lee-Harrington ")


async def test_a_narrow_story_pane_cuts_long_speaker_names_and_keeps_the_text():
    app = ReaderApp(library=library_with([_long_named_article()]))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j")
        lee_line = next(line for line in widget_lines(app.story) if "costs" in line)
        assert "Tom Lee-Harrington" not in lee_line
        assert lee_line.lstrip().startswith("Tom Lee-Harri… ")
