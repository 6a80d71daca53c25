"""Speaker colours stay readable and distinct in the default dark and light themes."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from reader.ui.colours import SLOTS, slot_for, speaker_variables


def luminance(c: Color) -> float:
    def channel(v: int) -> float:
        v = v / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)


def contrast(a: Color, b: Color) -> float:  # WCAG 2 contrast ratio
    high, low = sorted([luminance(a), luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_every_speaker_colour_reads_on_the_story_background(theme):
    t = BUILTIN_THEMES[theme]
    surface = Color.parse(t.to_color_system().generate()["surface"])
    colours = [Color.parse(c) for c in speaker_variables(t.dark).values()]
    assert len(colours) == SLOTS
    assert min(contrast(c, surface) for c in colours) >= 4.5
    assert len({c.hex for c in colours}) == SLOTS


def test_slots_cycle_one_to_eight():
    assert [slot_for(i) for i in range(10)] == [1, 2, 3, 4, 5, 6, 7, 8, 1, 2]
