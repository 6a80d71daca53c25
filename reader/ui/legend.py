"""The legend above the story: each speaker in their colour, with quote counts."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content, Span
from textual.widgets import Static

from reader.ui.colours import SLOTS
from reader.ui.text import safe


HINT = "(n/N: only this speaker · esc: everyone)"
SHORT_HINT = "(esc: everyone)"
MAX_LINES = 3


def legend_content(
    speakers: list[tuple[str, int, int]],
    unattributed: int,
    followed: str | None,
    width: int | None = None,
    max_lines: int = MAX_LINES,
) -> Content:
    """``speakers`` are (name, slot, count); the followed one is marked.

    With a ``width``, lines break between speakers, never inside one
    ("Dev Sharma 1" stays together), in at most ``max_lines`` lines: when
    every speaker does not fit, the last ones give way to "+N more (p)"
    (the quotes panel lists them all), but the followed speaker is always
    shown. The hint for a followed speaker shortens, then goes, first.
    """
    if not speakers and not unattributed and followed is None:
        return Content("No quotations in this story.", [Span(0, 28, ".legend--muted")])
    hints = (HINT, SHORT_HINT, None) if followed else (None,)
    best: Content | None = None
    for keep in range(len(speakers), -1, -1):
        shown = speakers[:keep]
        if followed is not None and keep < len(speakers) and all(s[0] != followed for s in shown):
            theirs = [s for s in speakers if s[0] == followed]
            shown = speakers[: max(keep - 1, 0)] + theirs
        hidden = len(speakers) - len(shown)
        for hint in hints:
            content, lines = _lay_out(shown, hidden, unattributed, followed, hint, width)
            if width is None or lines <= max_lines:
                return content
            best = content
    return best  # type: ignore[return-value]  # nothing fits: the fewest items


def _lay_out(shown, hidden, unattributed, followed, hint, width) -> tuple[Content, int]:
    items: list[tuple[str, str, list[Span]]] = []  # gap before, text, spans from 0
    for name, slot, count in shown:
        mark = "▸" if name == followed else "■"
        name_shown = safe(name)
        text = f"{mark} {name_shown} {count}"
        spans = [Span(0, 1, f".legend--swatch-{slot}"), Span(2, 2 + len(name_shown), f".legend--name-{slot}")]
        if name == followed:
            spans.append(Span(0, len(text), ".legend--followed"))
        items.append(("  ", text, spans))
    if hidden:
        text = f"+{hidden} more (p)"
        items.append(("  ", text, [Span(0, len(text), ".legend--more")]))
    if unattributed:
        text = f"□ unattributed {unattributed}"
        items.append(("  ", text, [Span(0, len(text), ".legend--muted")]))
    if hint:
        items.append(("   ", hint, [Span(0, len(hint), ".legend--muted")]))
    text = ""
    spans: list[Span] = []
    line = 0  # length of the current line
    lines = 1
    for gap, item, item_spans in items:
        if text:
            if width is not None and line + len(gap) + cell_len(item) > width:
                gap = "\n"
                lines += 1
            text += gap
            line = 0 if gap == "\n" else line + len(gap)
        start = len(text)
        text += item
        line += cell_len(item)
        if width is not None and line > width:  # one item wider than the line: it wraps
            lines += (line - 1) // max(width, 1)
        spans.extend(Span(start + s.start, start + s.end, s.style) for s in item_spans)
    return Content(text, spans), lines


class Legend(Static):
    COMPONENT_CLASSES = {
        "legend--muted",
        "legend--followed",
        "legend--more",
        *(f"legend--swatch-{n}" for n in range(1, SLOTS + 1)),
        *(f"legend--name-{n}" for n in range(1, SLOTS + 1)),
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.some_hidden = False  # "+N more" is shown
        self._shown: tuple[list[tuple[str, int, int]], int, str | None] | None = None

    def show(self, speakers: list[tuple[str, int, int]], unattributed: int, followed: str | None):
        self._shown = (speakers, unattributed, followed)
        self._draw()

    def clear(self) -> None:
        self._shown = None
        self.update(Content(""))

    def _draw(self) -> None:
        if self._shown is not None:
            width = self.content_region.width if self.is_mounted else 0
            lines = MAX_LINES if self.app.size.height >= 20 else 2
            content = legend_content(*self._shown, width=width or None, max_lines=lines)
            self.some_hidden = any(span.style == ".legend--more" for span in content.spans)
            self.update(content)

    def on_resize(self) -> None:
        self._draw()

    def on_click(self) -> None:
        """A click on the legend shows the quotes panel, which lists every speaker."""
        if self.some_hidden:
            self.app.show_quotes_panel()
