"""Speaker colours and quote highlights, made for the theme and the terminal.

The app adds these CSS variables (``ReaderApp.get_css_variables``), so the
stylesheets refer to ``$speaker-N``, ``$quote-N`` ... and never to a hex
colour:

- ``story-surface``: the story's background: the theme's surface, except
  at 16 colours, where it is black (dark themes) or white (light ones), as a
  theme's surface may come out as grey there;
- ``speaker-N`` (N = 1..8): a speaker's name and mentions, on the story's
  surface;
- ``quote-N`` / ``quote-text-N``: the background and text of that speaker's
  quotations; ``current-N`` / ``current-text-N``: the quotation n/N is on;
  N = 0 for unattributed ones; ``quote-other`` / ``quote-other-text``: the
  others' quotations while one speaker is followed.

Each is the colour nearest (in CIE Lab) to a target, among the colours the
terminal can show (truecolor: the target darkened or lightened step by step;
256 colours: xterm's 240-colour cube and greys; 16 colours: the 16 ANSI
colours), that meets these bars, measured on what the terminal shows:

- text on every quote background: WCAG contrast >= 4.5 (the theme's
  foreground where it passes, else black or white);
- a speaker's colour on the surface: contrast >= 4.5;
- neighbouring speaker slots (1-2, ..., 7-8, 8-1): CIEDE2000 >= SPEAKER_DE
  (20: two colours this far apart are told apart at a glance as different
  categories; 1 is the smallest difference seen side by side);
- a quote background against the surface, and the current quote against its
  speaker's other quotes: CIEDE2000 >= HIGHLIGHT_DE, so highlights show.

Contrast is never given up; where no colour clears the other bars too, the
wanted ones give way in a fixed order (hue first, distinctness last).
tests/ui/test_ui_colours.py checks the result for every built-in theme at
every depth. Working this out takes some tens of milliseconds, so the app
keeps the result in the library's settings (``ui.colours``), keyed by
VERSION, the theme's colours and the depth: bump VERSION when this changes.
"""

from __future__ import annotations

import math
from functools import lru_cache

from reader.ui.colourmath import RGB, contrast, delta_e, lab, mix, parse, shown, terminal_colours, to_hex

SLOTS = 8
VERSION = 1
MIN_CONTRAST = 4.5
SPEAKER_DE = 20.0
HIGHLIGHT_DE = 5.0
BLACK, WHITE = (0, 0, 0), (255, 255, 255)

# Targets: hues spaced around the wheel, lighter for dark themes, deeper for light.
_DARK = ("#ffa657", "#79c0ff", "#7ee787", "#ff7b9c", "#e3c55b", "#c5a3ff", "#56d4dd", "#f78166")
_LIGHT = ("#904700", "#0a5cb8", "#236726", "#b8184a", "#705a00", "#6e40c9", "#006870", "#9c3a1f")
QUOTE_ALPHA, CURRENT_ALPHA = 0.18, 0.45


def slot_for(index: int) -> int:
    """The colour slot (1..SLOTS) of the ``index``-th speaker (0-based)."""
    return index % SLOTS + 1


def color_depth(color_system: str | None) -> str:
    """Our name for a Rich console's colour system."""
    return {"256": "256", "standard": "16", "windows": "16"}.get(color_system or "", "truecolor")


def speaker_variables(dark: bool, surface: str | None = None, foreground: str | None = None,
                      depth: str = "truecolor") -> dict[str, str]:
    """Every colour variable above, for a theme's surface and foreground."""
    surface = surface if _is_hex(surface) else ("#1E1E1E" if dark else "#D8D8D8")
    foreground = foreground if _is_hex(foreground) else ("#E0E0E0" if dark else "#1F1F1F")
    return dict(_variables(dark, surface[:7].upper(), foreground[:7].upper(), depth))


def _is_hex(value: str | None) -> bool:
    return bool(value) and value.startswith("#") and len(value) in (7, 9)  # type: ignore[union-attr]


@lru_cache(maxsize=32)
def _variables(dark: bool, surface_hex: str, foreground_hex: str, depth: str) -> tuple[tuple[str, str], ...]:
    surface, foreground = parse(surface_hex), parse(foreground_hex)
    if depth == "16":  # a theme's surface may be shown as grey, on which little reads
        surface = BLACK if dark else WHITE
    seen_surface = shown(surface, depth)
    out: dict[str, str] = {"story-surface": to_hex(surface)}
    speakers: list[RGB] = []
    for n, target in enumerate(_DARK if dark else _LIGHT, 1):
        previous = [speakers[-1]] if speakers else []
        if n == SLOTS:
            previous.append(speakers[0])
        colour = _pick(
            parse(target), depth,
            [lambda c: contrast(shown(c, depth), seen_surface) >= MIN_CONTRAST],
            [
                lambda c, p=previous: all(delta_e(shown(c, depth), shown(q, depth)) >= SPEAKER_DE for q in p),
                _same_hue(parse(target), depth),
            ],
        )
        speakers.append(colour)
        out[f"speaker-{n}"] = to_hex(colour)
    tints = [(0, foreground)] + list(enumerate(speakers, 1))
    for n, tint in tints:
        hue = _same_hue(tint, depth) if n else (lambda c: True)
        quote, quote_text = _highlight(
            mix(surface, tint, QUOTE_ALPHA if n else 0.10), foreground, depth, [seen_surface], hue
        )
        current, current_text = _highlight(
            mix(surface, tint, CURRENT_ALPHA if n else 0.30), foreground, depth,
            [seen_surface, shown(quote, depth)], hue,
        )
        out[f"quote-{n}"], out[f"quote-text-{n}"] = to_hex(quote), to_hex(quote_text)
        out[f"current-{n}"], out[f"current-text-{n}"] = to_hex(current), to_hex(current_text)
    other, other_text = _highlight(mix(surface, foreground, 0.06), foreground, depth, [], lambda c: True)
    out["quote-other"], out["quote-other-text"] = to_hex(other), to_hex(other_text)
    return tuple(out.items())


def _highlight(target: RGB, foreground: RGB, depth: str, apart: list[RGB], hue) -> tuple[RGB, RGB]:
    """A background near ``target`` that stands apart from ``apart``, and its text.

    Wanted, in this order: apart from each of ``apart`` (the highlight shows),
    ``hue`` (it carries its speaker's colour), then the theme's own text
    colour reads on it (a highlight, not a different colour scheme).
    """
    background = _pick(
        target, depth,
        [lambda c: _text_on(c, foreground, depth) is not None],
        [
            lambda c: all(delta_e(shown(c, depth), a) >= HIGHLIGHT_DE for a in apart),
            hue,
            lambda c: contrast(shown(foreground, depth), shown(c, depth)) >= MIN_CONTRAST,
        ],
    )
    text = _text_on(background, foreground, depth) or _best_text(background, depth)
    return background, text


def _same_hue(tint: RGB, depth: str):
    """A test: does a colour show ``tint``'s hue (within 40 degrees, with some colour)?"""
    _, ta, tb = lab(shown(tint, depth))
    want = math.atan2(tb, ta)

    def test(c: RGB) -> bool:
        _, a, b = lab(shown(c, depth))
        if math.hypot(a, b) < 12:
            return False
        turn = abs(math.atan2(b, a) - want) % (2 * math.pi)
        return min(turn, 2 * math.pi - turn) <= math.radians(40)

    return test


def _text_on(background: RGB, foreground: RGB, depth: str) -> RGB | None:
    """The theme's foreground on ``background`` if it reads, else black or white, else None."""
    seen = shown(background, depth)
    for text in (foreground, *_text_choices(depth)):
        if contrast(shown(text, depth), seen) >= MIN_CONTRAST:
            return text
    return None


def _best_text(background: RGB, depth: str) -> RGB:
    seen = shown(background, depth)
    return max(_text_choices(depth), key=lambda t: contrast(shown(t, depth), seen))


def _text_choices(depth: str) -> tuple[RGB, RGB]:
    if depth == "16":
        return BLACK, (255, 255, 255)
    return BLACK, WHITE


def _candidates(target: RGB, depth: str) -> list[RGB]:
    if depth == "truecolor":
        steps = [i / 40 for i in range(41)]
        return [target] + [mix(target, edge, s) for edge in (BLACK, WHITE) for s in steps[1:]]
    return terminal_colours(depth)


def _pick(target: RGB, depth: str, musts, wants) -> RGB:
    """The candidate nearest ``target`` (as shown) meeting every must and the
    most wants it can, dropping wants from the last when none meets them all."""
    t = lab(target)

    def distance(c: RGB) -> float:
        l, a, b = lab(shown(c, depth))
        return (l - t[0]) ** 2 + (a - t[1]) ** 2 + (b - t[2]) ** 2

    candidates = sorted(_candidates(target, depth), key=distance)
    allowed = (c for c in candidates if all(must(c) for must in musts))
    seen: list[RGB] = []
    scores: list[int] = []  # how many wants in a row each candidate meets
    for c in allowed:
        met = 0
        while met < len(wants) and wants[met](c):
            met += 1
        if met == len(wants):
            return c
        seen.append(c)
        scores.append(met)
    if not seen:
        return candidates[0]
    best = max(scores)
    return seen[scores.index(best)]  # the nearest of those meeting the most wants, in order


def muted_text(foreground: str, backgrounds: list[str], depth: str = "truecolor") -> str:
    """``$muted``: dim text (dates, sites, "showing all", hints) that still reads.

    The target is what Textual's ``$text-muted`` is (the foreground at 60% over
    the background); the colour chosen is the nearest to it that has contrast
    >= MIN_CONTRAST on every background given (and each tinted as a focused
    list tints it), as the terminal shows them, or the one with the most
    contrast on the worst of them where none has. At 16 colours: the foreground.
    """
    fg = parse(foreground[:7]) if _is_hex(foreground) else WHITE
    if depth == "16":
        # Two greys only, and a theme's backgrounds may come out as the middle
        # one, where no grey reads: dim text is the text colour there.
        return to_hex(fg)
    grounds = [parse(b[:7]) for b in backgrounds if _is_hex(b)] or [BLACK]
    grounds += [mix(g, fg, 0.05) for g in grounds]  # a focused list tints its background 5%
    return to_hex(_muted(fg, tuple(grounds), depth))


@lru_cache(maxsize=64)
def _muted(fg: RGB, grounds: tuple[RGB, ...], depth: str) -> RGB:
    seen = [shown(g, depth) for g in grounds]

    def worst(c: RGB) -> float:
        return min(contrast(shown(c, depth), g) for g in seen)

    chosen = _pick(mix(grounds[0], fg, 0.6), depth, [lambda c: worst(c) >= MIN_CONTRAST], [])
    if worst(chosen) >= MIN_CONTRAST:
        return chosen
    return max((fg, *_text_choices(depth), *_candidates(fg, depth)), key=worst)
