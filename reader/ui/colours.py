"""Speaker colours: eight theme variables ($speaker-1 .. $speaker-8).

The app adds these to its CSS variables (``ReaderApp.get_css_variables``), so
the stylesheets and the story's spans refer to ``$speaker-N`` and never to a
hex colour. Two palettes: saturated, lighter tones that read on a dark
background, and deeper tones of the same hues that read on a light one. Hues
are spaced around the wheel so neighbouring slots stay distinguishable.
Each reaches a contrast of at least 4.5:1 on its theme's surface (textual-
dark's #1E1E1E: 6.6 or more; textual-light's #D8D8D8: 4.5 or more).
A theme may override any of them by defining the variable itself.
"""

from __future__ import annotations

SLOTS = 8

_DARK = (
    "#ffa657",  # orange
    "#79c0ff",  # blue
    "#7ee787",  # green
    "#ff7b9c",  # pink-red
    "#e3c55b",  # yellow
    "#c5a3ff",  # violet
    "#56d4dd",  # cyan
    "#f78166",  # coral
)

_LIGHT = (
    "#904700",  # orange
    "#0a5cb8",  # blue
    "#236726",  # green
    "#b8184a",  # red
    "#705a00",  # ochre
    "#6e40c9",  # violet
    "#006870",  # teal
    "#9c3a1f",  # brick
)


def speaker_variables(dark: bool) -> dict[str, str]:
    """The ``speaker-N`` CSS variables for a dark or a light theme."""
    palette = _DARK if dark else _LIGHT
    return {f"speaker-{n}": colour for n, colour in enumerate(palette, 1)}


def slot_for(index: int) -> int:
    """The colour slot (1..SLOTS) of the ``index``-th speaker (0-based)."""
    return index % SLOTS + 1
