"""The story as styled text: blocks of plain strings with spans by offset.

Nothing here is a widget. :func:`story_blocks` turns an Article into blocks
(headline, meta line, paragraphs); :func:`paragraph_content` styles one
paragraph's quotations and mentions for the speaker colours, the current
quote and a followed speaker; :func:`wrap_offsets` cuts plain text into lines.
Article text is data: every Content is built from a plain string, so a title
like ``[bold]`` or ``[/foo]`` shows as typed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from textual.content import Content, Span

from reader.model import Article, Quote
from reader.ui.colours import slot_for
from reader.ui.text import safe

# Chinese and Japanese have no spaces between words: a line may break between
# any two of their characters (UAX #14, class ID), except before closing
# punctuation, small kana and the prolonged-sound mark, or after an opening
# bracket (kinsoku shori, JIS X 4051). Korean is written with spaces, so
# Hangul breaks at spaces as Latin text does.
_CJK = (
    "\u2e80-\u2fff\u3001-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\uffe0-\uffe6"
    "\U00020000-\U0003134f"
)
_OPEN = "「『（［｛〈《【〔〖〘〝‘“"
_CLOSE = (
    "、。，．・：；？！」』）］｝〉》】〕〗〙〞’”…‥〜"
    "ーゝゞヽヾ々ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰ-ㇿ"
)
# One unbreakable run: optional opening brackets, then one CJK character or a
# run of other non-space characters, then any closing marks and spaces.
_CHUNK = re.compile(
    f"[{_OPEN}]*(?:[{_CJK}]|[^\\s{_CJK}{_OPEN}]+)[{_CLOSE}]*\\s*|\\s+"
)
_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the story: a headline, meta line or body paragraph."""

    text: str
    style: str  # a component class of StoryView, e.g. ".story--headline"
    paragraph: int | None = None  # index into article.paragraphs, for body blocks


def speaker_slots(article: Article) -> dict[str, int]:
    """Each quoted speaker's colour slot, in the order the article lists them.

    Speakers named by quotes but missing from ``article.speakers`` follow, in
    order of first quotation, so every attributed quote gets a colour.
    """
    names: list[str] = [s.name for s in article.speakers]
    for quote in article.quotes:
        if quote.speaker and quote.speaker not in names:
            names.append(quote.speaker)
    return {name: slot_for(i) for i, name in enumerate(names)}


def ordered_quotes(article: Article) -> list[Quote]:
    """Quotes in reading order."""
    return sorted(article.quotes, key=lambda q: (q.paragraph, q.start))


def meta_line(article: Article) -> str:
    parts = [article.site, article.byline]
    if article.published is not None:
        parts.append(article.published.strftime("%-d %B %Y"))
    return " · ".join(p for p in parts if p)


def story_blocks(article: Article) -> list[Block]:
    blocks = [Block(safe(article.title) or "(untitled)", ".story--headline")]
    if meta := meta_line(article):
        blocks.append(Block(safe(meta), ".story--meta"))
    styles = {"heading": ".story--heading", "blockquote": ".story--blockquote"}
    for index, paragraph in enumerate(article.paragraphs):
        blocks.append(Block(safe(paragraph.text), styles.get(paragraph.kind, ""), index))
    if article.truncated:  # a huge page read in part: said where the story stops
        blocks.append(Block(safe(f"(byline: {article.truncated}.)"), ".story--meta"))
    return blocks


def paragraph_content(
    text: str,
    base_style: str,
    quotes: Sequence[tuple[int, Quote]],
    mentions: Sequence[tuple[int, int, str | None]],
    slots: dict[str, int],
    current: int | None,
    followed: str | None,
) -> Content:
    """One paragraph with its quotations and speaker mentions styled.

    ``quotes`` are (reading-order index, quote) pairs in this paragraph;
    ``mentions`` are (start, end, speaker) spans in this paragraph.
    """
    spans: list[Span] = []
    size = len(text)
    if base_style:
        spans.append(Span(0, size, base_style))
    for start, end, speaker in mentions:
        slot = slots.get(speaker or "")
        if slot and 0 <= start < end <= size:
            spans.append(Span(start, end, f".story--mention-{slot}"))
    for index, quote in quotes:
        if not 0 <= quote.start < quote.end <= size:
            continue
        slot = slots.get(quote.speaker or "", 0)
        style = f".story--quote-{slot}"
        if followed is not None and quote.speaker != followed:
            style = ".story--quote-other"
        if index == current:
            style = f".story--current-{slot}"
        spans.append(Span(quote.start, quote.end, style))
    return Content(text, spans)


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap: (start, end) of each line, trailing spaces dropped.

    Lines break at spaces, and between Chinese and Japanese characters (see
    _CHUNK). Words wider than ``width`` are cut. Always at least one line.
    """
    width = max(width, 1)
    ascii = text.isascii()
    measure = len if ascii else cell_len  # ASCII: one cell a character
    if measure(text) <= width:
        return [(0, len(text.rstrip()))]
    if ascii:
        return _wrap_ascii(text, width)
    lines: list[tuple[int, int]] = []
    line_start = 0
    line_width = 0
    last_end = 0  # end of the last word on the line, spaces excluded
    for match in _CHUNK.finditer(text):
        start, end = match.span()
        chunk = match.group()
        word = chunk.rstrip()
        word_end = start + len(word)
        word_width = measure(word)
        if line_width + word_width <= width:
            line_width += measure(chunk)
            if word:
                last_end = word_end
            continue
        if last_end > line_start:  # the word starts a new line
            lines.append((line_start, last_end))
            line_start, line_width, last_end = start, 0, start
        while measure(text[line_start:word_end]) > width:  # fold a long word
            cut = line_start
            while measure(text[line_start : cut + 1]) <= width:
                cut += 1
            cut = max(cut, line_start + 1)
            lines.append((line_start, cut))
            line_start = cut
        line_width = measure(text[line_start:end])
        last_end = word_end if word else line_start
    lines.append((line_start, max(last_end, line_start)))
    return lines


def _wrap_ascii(text: str, width: int) -> list[tuple[int, int]]:
    """wrap_offsets for ASCII text, where a character is a cell: word spans only."""
    lines: list[tuple[int, int]] = []
    line_start = -1  # no word on the line yet
    last_end = 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        if line_start < 0:
            line_start = start if lines else 0
        if end - line_start <= width:
            last_end = end
            continue
        if last_end > line_start:  # the word starts a new line
            lines.append((line_start, last_end))
            line_start = start
        while end - line_start > width:  # fold a word longer than the line
            lines.append((line_start, line_start + width))
            line_start += width
        last_end = end
    lines.append((max(line_start, 0), max(last_end, line_start, 0)))
    return lines
