"""The legend above the story: each speaker in their colour, with quote counts."""

from __future__ import annotations

from textual.content import Content, Span
from textual.widgets import Static

from reader.ui.colours import SLOTS
from reader.ui.text import safe


def legend_content(
    speakers: list[tuple[str, int, int]], unattributed: int, followed: str | None
) -> Content:
    """``speakers`` are (name, slot, count); the followed one is marked."""
    if not speakers and not unattributed and followed is None:
        return Content("No quotations in this story.", [Span(0, 28, ".legend--muted")])
    text = ""
    spans: list[Span] = []
    for name, slot, count in speakers:
        if text:
            text += "  "
        mark = "▸" if name == followed else "■"
        start = len(text)
        shown = safe(name)
        text += f"{mark} {shown} {count}"
        spans.append(Span(start, start + 1, f".legend--swatch-{slot}"))
        spans.append(Span(start + 2, start + 2 + len(shown), f".legend--name-{slot}"))
        if name == followed:
            spans.append(Span(start, len(text), ".legend--followed"))
    if unattributed:
        if text:
            text += "  "
        start = len(text)
        text += f"□ unattributed {unattributed}"
        spans.append(Span(start, len(text), ".legend--muted"))
    if followed:
        hint = "   (n/N: only this speaker · esc: everyone)"
        spans.append(Span(len(text), len(text) + len(hint), ".legend--muted"))
        text += hint
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

    def show(self, speakers: list[tuple[str, int, int]], unattributed: int, followed: str | None):
        self.update(legend_content(speakers, unattributed, followed))

    def clear(self) -> None:
        self.update(Content(""))
