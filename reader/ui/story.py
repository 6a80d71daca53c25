"""The story pane: a Line API view of one article, with quote navigation.

Only the lines on screen are rendered. Wrapping is computed once per width
(offsets into plain text); styled paragraphs are cached and only the ones a
change touches (the old and new current quote) are restyled.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from textual.content import Content, Span
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.containers import ScrollableContainer
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle

from reader.model import Article, Quote
from reader.ui import storytext
from reader.ui.colours import SLOTS
from reader.ui.keys import without_home_end
from reader.ui.matches import CURRENT_MATCH, MATCH, StoryMatches
from reader.ui.text import safe

MAX_TEXT_WIDTH = 88  # the default; the app sets max_text_width from the settings
# The story's text keeps READING_WIDTH columns (a comfortable line: 45 to 75
# characters) before the speaker margin gets any: the margin narrows first
# (names cut with …), and goes when fewer than GUTTER_MIN columns are left for
# it (a name cut to 4 letters tells nothing). Without it the quote colours and
# the legend above the story still say who speaks.
READING_WIDTH = 45
GUTTER_MIN = 9
GUTTER_WIDTH = 15  # the speaker-name margin, names cut with …
WIDE_GUTTER_WIDTH = 26  # its widest, when the text keeps WIDE_TEXT_WIDTH beside it
WIDE_TEXT_WIDTH = 80
_EMPTY_HINT = (
    "No article open. Press enter (or j) to read the highlighted one, "
    "i to import a file or folder, ? to see every key."
)

_HINT_BLOCK = storytext.Block(_EMPTY_HINT, ".story--hint")


class StoryView(StoryMatches, ScrollView, can_focus=True, inherit_bindings=False):
    """One article: headline, meta line, body; quotes coloured by speaker."""

    BINDINGS = without_home_end(ScrollableContainer.BINDINGS)

    COMPONENT_CLASSES = {
        "story--headline",
        "story--meta",
        "story--heading",
        "story--blockquote",
        "story--quote-other",
        "story--hint",
        MATCH,
        CURRENT_MATCH,
        *(f"story--quote-{n}" for n in range(SLOTS + 1)),
        *(f"story--current-{n}" for n in range(SLOTS + 1)),
        *(f"story--mention-{n}" for n in range(1, SLOTS + 1)),
        *(f"story--name-{n}" for n in range(1, SLOTS + 1)),
    }

    class QuoteChanged(Message):
        """The current quote changed (``index`` into reading order, or None)."""

        def __init__(self, story: StoryView, index: int | None) -> None:
            super().__init__()
            self.story = story
            self.index = index

        @property
        def control(self) -> StoryView:
            return self.story

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.max_text_width = MAX_TEXT_WIDTH
        self.article: Article | None = None
        self.quotes: list[Quote] = []
        self.slots: dict[str, int] = {}
        self.current: int | None = None
        self.followed: str | None = None
        self._blocks: list[storytext.Block] = [_HINT_BLOCK]
        self._para_quotes: dict[int, list[tuple[int, Quote]]] = {}
        self._para_mentions: dict[int, list[tuple[int, int, str | None]]] = {}
        self._para_block: dict[int, int] = {}
        self._lines: list[tuple[int, int, int]] = []  # (block, start, end); block -1: blank
        self._block_first: list[int] = []
        self._gutter: dict[int, tuple[str, int]] = {}  # line -> (name, slot)
        self._gutter_width = 0
        self._text_width = 0
        self._laid_out_width = -1
        self._content: dict[int, Content] = {}
        self._strips: dict[int, Strip] = {}
        self.clear_matches()
        self._span_styles: dict[str, VisualStyle] = {}

    # -- what is shown -------------------------------------------------

    def show(self, article: Article | None) -> None:
        """Show ``article`` from its top, with no current quote."""
        self.article = article
        self.quotes = storytext.ordered_quotes(article) if article else []
        if article is not None:  # a quote pointing past the last paragraph is dropped
            self.quotes = [q for q in self.quotes if 0 <= q.paragraph < len(article.paragraphs)]
        self.slots = storytext.speaker_slots(article) if article else {}
        self.current = None
        self.followed = None
        self.clear_matches()
        self._blocks = storytext.story_blocks(article) if article else [_HINT_BLOCK]
        self._para_block = {
            b.paragraph: i for i, b in enumerate(self._blocks) if b.paragraph is not None
        }
        self._para_quotes = {}
        self._para_mentions = {}
        for index, quote in enumerate(self.quotes):
            self._para_quotes.setdefault(quote.paragraph, []).append((index, quote))
            if (m := quote.mention) is not None:
                spans = self._para_mentions.setdefault(m.paragraph, [])
                if (m.start, m.end, quote.speaker) not in spans:
                    spans.append((m.start, m.end, quote.speaker))
        self._laid_out_width = -1
        self._layout()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.post_message(self.QuoteChanged(self, None))

    def speakers_by_count(self) -> list[tuple[str, int, int]]:
        """(name, slot, quote count) for each speaker with a colour."""
        counts: dict[str, int] = {}
        for quote in self.quotes:
            if quote.speaker:
                counts[quote.speaker] = counts.get(quote.speaker, 0) + 1
        return [(name, slot, counts.get(name, 0)) for name, slot in self.slots.items()]

    # -- quote navigation ---------------------------------------------

    def visible_quotes(self) -> list[int]:
        """Indices (reading order) that n/N visit: all, or the followed speaker's."""
        return [
            i
            for i, q in enumerate(self.quotes)
            if self.followed is None or q.speaker == self.followed
        ]

    def step_quote(self, direction: int) -> int | None:
        """Make the next (1) or previous (-1) visitable quote current, wrapping."""
        candidates = self.visible_quotes()
        if not candidates:
            return None
        if self.current is None:
            target = candidates[0] if direction > 0 else candidates[-1]
        elif direction > 0:
            target = next((i for i in candidates if i > self.current), candidates[0])
        else:
            target = next((i for i in reversed(candidates) if i < self.current), candidates[-1])
        self.set_current(target)
        return target

    def set_current(self, index: int | None, *, scroll: bool = True) -> None:
        old = self.current
        self.current = index
        for i in (old, index):
            if i is not None and 0 <= i < len(self.quotes):
                self._restyle(self.quotes[i].paragraph)
        if index is not None and scroll:
            self.scroll_to_region(
                self.quote_region(index),
                spacing=Spacing(2, 0, 2, 0),
                animate=False,
                immediate=True,
            )
        self.post_message(self.QuoteChanged(self, index))

    def follow(self, speaker: str | None) -> None:
        """Visit only ``speaker``'s quotes with n/N (None: everyone's)."""
        self.followed = speaker
        self._content.clear()
        self._strips.clear()
        self.refresh()
        if speaker is None:
            return
        if self.current is not None and self.quotes[self.current].speaker == speaker:
            return
        start = self.current if self.current is not None else -1
        theirs = self.visible_quotes()
        if theirs:
            self.set_current(next((i for i in theirs if i > start), theirs[0]))

    def quote_region(self, index: int) -> Region:
        """Where quote ``index`` sits, in lines of the whole story (virtual)."""
        quote = self.quotes[index]
        block = self._para_block[quote.paragraph]
        first = last = None
        y = self._block_first[block]
        while y < len(self._lines) and self._lines[y][0] == block:
            _, start, end = self._lines[y]
            if first is None and quote.start < max(end, start + 1):
                first = y
            if start < quote.end:
                last = y
            y += 1
        first = first if first is not None else self._block_first[block]
        last = last if last is not None and last >= first else first
        return Region(0, first, self.scrollable_content_region.width, last - first + 1)

    # -- layout and rendering -----------------------------------------

    def _layout(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        self._laid_out_width = width
        names = [name for name in self.slots]
        # names up to 13 cells; longer ones get room only a wide pane can spare
        cap = max(GUTTER_WIDTH, min(WIDE_GUTTER_WIDTH, width - WIDE_TEXT_WIDTH))
        gutter = min(max((cell_len(n) for n in names), default=0) + 2, cap) if names else 0
        gutter = min(gutter, width - min(READING_WIDTH, self.max_text_width))
        if gutter < GUTTER_MIN:
            gutter = 0
        self._gutter_width = gutter
        self._text_width = max(min(width - gutter, self.max_text_width), 1)
        self._lines = []
        self._block_first = []
        self._gutter = {}
        self._content.clear()
        self._strips.clear()
        lines = self._lines
        for index, block in enumerate(self._blocks):
            if index:
                lines.append((-1, 0, 0))
            self._block_first.append(len(lines))
            offsets = storytext.wrap_offsets(block.text, self._text_width)
            first = len(lines)
            lines.extend((index, start, end) for start, end in offsets)
            if gutter and block.paragraph is not None:
                self._place_names(block.paragraph, first, offsets)
        self.virtual_size = Size(width, len(lines))

    def _place_names(self, paragraph: int, first: int, offsets: list[tuple[int, int]]) -> None:
        """Put each quote's speaker name in the gutter beside where it starts."""
        for _, quote in self._para_quotes.get(paragraph, ()):
            if not quote.speaker or quote.speaker not in self.slots:
                continue
            row = next((r for r, (s, e) in enumerate(offsets) if quote.start < max(e, s + 1)), 0)
            y = first + row
            while y in self._gutter and self._gutter[y][0] != quote.speaker:
                y += 1
            if y < first + len(offsets):
                self._gutter[y] = (quote.speaker, self.slots[quote.speaker])

    def _restyle(self, paragraph: int) -> None:
        block = self._para_block.get(paragraph)
        if block is not None:
            self._restyle_block(block)

    def _block_content(self, index: int) -> Content:
        if (content := self._content.get(index)) is None:
            block = self._blocks[index]
            if block.paragraph is None:
                content = Content(block.text, [Span(0, len(block.text), block.style)])
            else:
                content = storytext.paragraph_content(
                    block.text,
                    block.style,
                    self._para_quotes.get(block.paragraph, ()),
                    self._para_mentions.get(block.paragraph, ()),
                    self.slots,
                    self.current,
                    self.followed,
                )
            content = self._with_matches(index, content)
            self._content[index] = content
        return content

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._laid_out_width:
            current = self.current
            self._layout()
            if current is not None:
                self.call_after_refresh(self.set_current, current)

    def notify_style_update(self) -> None:
        self._span_styles.clear()
        self._content.clear()
        self._strips.clear()
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        if self._laid_out_width != self.scrollable_content_region.width:
            self._layout()
        line = self.scroll_offset.y + y
        if (strip := self._strips.get(line)) is None:
            strip = self._render_story_line(line)
            self._strips[line] = strip
        return strip

    def _render_story_line(self, line: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.get_visual_style()
        if line >= len(self._lines):
            return Strip.blank(width, base.rich_style)
        block, start, end = self._lines[line]
        segments: list[Segment] = []
        used = 0
        if self._gutter_width:
            name, slot = self._gutter.get(line, ("", 0))
            name = safe(name)
            if cell_len(name) >= self._gutter_width:
                name = name[: self._gutter_width - 2] + "…"
            gutter = Content(name, [Span(0, len(name), f".story--name-{slot}")] if slot else [])
            used = self._add(segments, gutter, base)
            segments.append(Segment(" " * (self._gutter_width - used), base.rich_style))
            used = self._gutter_width
        if block >= 0:
            used += self._add(segments, self._block_content(block)[start:end], base)
        if used < width:
            segments.append(Segment(" " * (width - used), base.rich_style))
            used = width
        strip = Strip(segments, used)
        return strip if used == width else strip.crop(0, width)

    def _span_style(self, name: str | VisualStyle) -> VisualStyle:
        """The style of a span's component class, its background opaque.

        Textual 8.2's partial component styles (what Content spans get by
        default) blend a background in at a(1-a) of its alpha, so an opaque
        background vanishes and none shows at more than 25%; here a class's
        background, colour and text style are taken as the stylesheet says.
        """
        if not isinstance(name, str) or not name.startswith(".story--"):
            return self._get_style(name)
        if (style := self._span_styles.get(name)) is None:
            styles = self.get_component_styles(name[1:])
            flags = styles.text_style if styles.has_rule("text_style") else None
            style = VisualStyle(
                background=styles.background if styles.has_rule("background") else None,
                foreground=styles.color if styles.has_rule("color") else None,
                bold=flags.bold if flags else None,
                italic=flags.italic if flags else None,
                underline=flags.underline if flags else None,
            )
            self._span_styles[name] = style
        return style

    def _add(self, segments: list[Segment], content: Content, base) -> int:
        """Append one line of styled text (already wrapped to fit); its width in cells."""
        for text, style in content.render(base, end="", parse_style=self._span_style):
            segments.append(Segment(text, style.rich_style))
        plain = content.plain
        return len(plain) if plain.isascii() else cell_len(plain)
