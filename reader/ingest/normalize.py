"""Making text safe and tidy: no control characters, NFC, single spaces.

Article text is data that a terminal will display, so everything that could
drive the terminal (ESC sequences, other C0/C1 controls) goes at ingest.
Typographic quotes and dashes are kept as they are.
"""

from __future__ import annotations

import re
import unicodedata

# ESC-introduced sequences first (so their parameters go too), then stray controls.
_OSC = r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # operating-system command, e.g. set title
_CSI = r"\x1b\[[0-?]*[ -/]*[@-~]?"  # control sequence, e.g. colours, cursor moves
_STR = r"\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
_ESC = r"\x1b[ -/]*[0-~]?"  # any other escape
_C1_CSI = r"\x9b[0-?]*[ -/]*[@-~]?"  # 8-bit CSI
_C1_OSC = r"\x9d[^\x07\x9c]*[\x07\x9c]?"  # 8-bit OSC
_ESCAPES = re.compile("|".join((_OSC, _CSI, _STR, _C1_CSI, _C1_OSC, _ESC)))
# Every C0 control but tab and newline, DEL, every C1 control.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[^\S\n]+")
# Whitespace but " " and "\n" (what str.split() splits at): one scan each of
# the text (in C) is quicker than splitting every line.
_OTHER_SPACES = tuple(chr(c) for c in range(0x3001) if chr(c).isspace() and chr(c) not in " \n")
_ZERO_WIDTH_CHARS = "\u200b\u2060\ufeff\u00ad"
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")


def strip_controls(text: str) -> str:
    """Remove escape sequences and control characters; keep \\n and \\t.

    Carriage returns become newlines (``\\r\\n`` one newline), form feeds and
    vertical tabs spaces, so line structure survives.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x0b" in text or "\x0c" in text:
        text = text.replace("\x0b", " ").replace("\x0c", " ")
    if "\x1b" in text or "\x9b" in text or "\x9d" in text:
        text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text)


def clean_line(text: str) -> str:
    """One line (or paragraph) of display text: safe, NFC, spaces collapsed."""
    text = strip_controls(text)
    text = _ZERO_WIDTH.sub("", text)
    text = unicodedata.normalize("NFC", text)
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def clean_text(text: str, *, controls_stripped: bool = False) -> str:
    """Many lines: each line cleaned as by :func:`clean_line`, newlines kept."""
    return "\n".join(clean_lines(text, controls_stripped=controls_stripped))


def clean_lines(text: str, *, controls_stripped: bool = False) -> list[str]:
    """The lines of ``text``, each cleaned as by :func:`clean_line` (blank ones too)."""
    if not controls_stripped:
        text = strip_controls(text)
    if any(ch in text for ch in _ZERO_WIDTH_CHARS):
        text = _ZERO_WIDTH.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if "  " in text or any(space in text for space in _OTHER_SPACES):
        return [" ".join(line.split()) for line in text.split("\n")]
    return [line.strip() for line in text.split("\n")]  # single spaces only: just the edges
