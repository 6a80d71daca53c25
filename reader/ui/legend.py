"""The legend above the story: each speaker in their colour, with quote counts."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content, Span
from textual.widgets import Static

from reader.ui.colours import SLOTS
from reader.ui.text import safe


def legend_content(
    speakers: list[tuple[str, int, int]],
    unattributed: int,
    followed: str | None,
    width: int | None = None,
) -> Content:
    """``speakers`` are (name, slot, count); the followed one is marked.

    With a ``width``, lines break between speakers, never inside one
    ("Dev Sharma 1" stays together).
    """
    if not speakers and not unattributed and followed is None:
        return Content("No quotations in this story.", [Span(0, 28, ".legend--muted")])
    items: list[tuple[str, str, list[Span]]] = []  # gap before, text, spans from 0
    for name, slot, count in speakers:
        mark = "▸" if name == followed else "■"
        shown = safe(name)
        text = f"{mark} {shown} {count}"
        spans = [Span(0, 1, f".legend--swatch-{slot}"), Span(2, 2 + len(shown), f".legend--name-{slot}")]
        if name == followed:
            spans.append(Span(0, len(text), ".legend--followed"))
        items.append(("  ", text, spans))
    if unattributed:
        text = f"□ unattributed {unattributed}"
        items.append(("  ", text, [Span(0, len(text), ".legend--muted")]))
    if followed:
        hint = "(n/N: only this speaker · esc: everyone)"
        items.append(("   ", hint, [Span(0, len(hint), ".legend--muted")]))
    text = ""
    spans: list[Span] = []
    line = 0  # length of the current line
    for gap, item, item_spans in items:
        if text:
            if width is not None and line + len(gap) + cell_len(item) > width:
                gap = "\n"
            text += gap
            line = 0 if gap == "\n" else line + len(gap)
        start = len(text)
        text += item
        line += cell_len(item)
        spans.extend(Span(start + s.start, start + s.end, s.style) for s in item_spans)
    return Content(text, spans)


class Legend(Static):
    COMPONENT_CLASSES = {
        "legend--muted",
        "legend--followed",
        *(f"legend--swatch-{n}" for n in range(1, SLOTS + 1)),
        *(f"legend--name-{n}" for n in range(1, SLOTS + 1)),
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
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
            self.update(legend_content(*self._shown, width=width or None))

    def on_resize(self) -> None:
        self._draw()
