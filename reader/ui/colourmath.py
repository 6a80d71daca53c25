"""Colour arithmetic for the speaker palette: contrast, distance, terminals.

- ``contrast``: the WCAG 2 contrast ratio (4.5 is the bar for body text).
- ``delta_e``: CIEDE2000, the CIE's colour difference (1 is about the
  smallest difference a person sees side by side; see colours.py for the
  bar two speakers must clear).
- ``shown``: the colour a terminal of a given depth actually shows for a
  truecolour one. Rich downgrades colours for 256- and 16-colour terminals
  (``rich.color.Color.downgrade``); a 16-colour terminal then shows its own
  palette for the number chosen, here xterm's defaults (``TERM=xterm``).
"""

from __future__ import annotations

import math
from functools import lru_cache

from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich._palettes import EIGHT_BIT_PALETTE, STANDARD_PALETTE

RGB = tuple[int, int, int]
DEPTHS = ("truecolor", "256", "16")

# xterm's default 16 colours (XTerm-col.ad): what TERM=xterm shows for 0..15.
XTERM_16: tuple[RGB, ...] = (
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
    (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0),
    (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
)


def parse(hex_colour: str) -> RGB:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def to_hex(rgb: RGB) -> str:
    return "#{:02X}{:02X}{:02X}".format(*rgb)


def mix(a: RGB, b: RGB, amount: float) -> RGB:
    """``amount`` of ``b`` over ``a`` (0: a, 1: b)."""
    return tuple(round(x + (y - x) * amount) for x, y in zip(a, b))  # type: ignore[return-value]


def _linear(v: int) -> float:
    c = v / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


@lru_cache(maxsize=8192)
def luminance(rgb: RGB) -> float:
    r, g, b = (_linear(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@lru_cache(maxsize=4096)
def lab(rgb: RGB) -> tuple[float, float, float]:
    r, g, b = (_linear(v) for v in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(a: RGB, b: RGB) -> float:
    """CIEDE2000 (Sharma, Wu and Dalal 2005), kL = kC = kH = 1."""
    l1, a1, b1 = lab(a)
    l2, a2, b2 = lab(b)
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    c_bar = (c1 + c2) / 2
    g = 0.5 * (1 - math.sqrt(c_bar**7 / (c_bar**7 + 25**7)))
    a1p, a2p = a1 * (1 + g), a2 * (1 + g)
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dl, dc = l2 - l1, c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    elif abs(h2p - h1p) <= 180:
        dh = h2p - h1p
    else:
        dh = h2p - h1p - 360 if h2p > h1p else h2p - h1p + 360
    dH = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_bar, cp_bar = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_bar = (h1p + h2p) / 2
    else:
        h_bar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (
        1 - 0.17 * math.cos(math.radians(h_bar - 30)) + 0.24 * math.cos(math.radians(2 * h_bar))
        + 0.32 * math.cos(math.radians(3 * h_bar + 6)) - 0.20 * math.cos(math.radians(4 * h_bar - 63))
    )
    sl = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    sc = 1 + 0.045 * cp_bar
    sh = 1 + 0.015 * cp_bar * t
    d_theta = 30 * math.exp(-(((h_bar - 275) / 25) ** 2))
    rc = 2 * math.sqrt(cp_bar**7 / (cp_bar**7 + 25**7))
    rt = -math.sin(math.radians(2 * d_theta)) * rc
    return math.sqrt(
        (dl / sl) ** 2 + (dc / sc) ** 2 + (dH / sh) ** 2 + rt * (dc / sc) * (dH / sh)
    )


@lru_cache(maxsize=8192)
def shown(rgb: RGB, depth: str) -> RGB:
    """What a ``depth`` terminal shows when the app asks for ``rgb``."""
    if depth == "truecolor":
        return rgb
    colour = RichColor.from_rgb(*rgb)
    if depth == "256":
        number = colour.downgrade(ColorSystem.EIGHT_BIT).number
        return tuple(EIGHT_BIT_PALETTE[number])  # type: ignore[return-value]
    number = colour.downgrade(ColorSystem.STANDARD).number
    return XTERM_16[number]


def terminal_colours(depth: str) -> list[RGB]:
    """Colours that reach a ``depth`` terminal unchanged (exact requests).

    For 16 colours: the triplets Rich matches to each of the 16 numbers, so
    asking for one of them is asking for that number.
    """
    if depth == "256":
        return [tuple(EIGHT_BIT_PALETTE[n]) for n in range(16, 256)]  # type: ignore[misc]
    if depth == "16":
        return [tuple(STANDARD_PALETTE[n]) for n in range(16)]  # type: ignore[misc]
    raise ValueError(depth)
