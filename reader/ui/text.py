"""Making article text safe to draw, without moving any offset.

Ingest strips control characters, but the app draws whatever the library
holds, so it defends again: every C0/C1 control (ESC above all) becomes a
visible U+FFFD, and tabs and line breaks inside a paragraph become spaces.
One character in, one out, so quote offsets stay valid.
"""

from __future__ import annotations

_TABLE = {c: "\ufffd" for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))}
_TABLE.update({0x09: " ", 0x0A: " ", 0x0D: " ", 0x0B: " ", 0x0C: " "})
_TABLE.update({0x2028: " ", 0x2029: " ", 0x85: " "})


def safe(text: str | None) -> str:
    """``text`` with control characters replaced one for one."""
    return (text or "").translate(_TABLE)
