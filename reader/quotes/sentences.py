"""Sentence edges inside a paragraph, without being fooled by "Mr." or "J."."""

from __future__ import annotations

import re

_ABBREV = frozenset(
    """mr mrs ms dr sen rep gov gen st jr sr lt col sgt capt prof rev u.s no vs
    adm maj cmdr cpl insp supt det cllr brig
    inc co corp ft mt a.m p.m jan feb aug sept sep oct nov dec d.c u.k u.n
    calif ill mass fla pa va wash ariz colo conn del ga ky la md mich minn
    miss mo nev okla ore tenn tex wis wyo n.y n.j n.c s.c""".split()
)
_BOUNDARY = re.compile(r"[.!?][\"”’')]*\s+(?=[\"“‘'(]?[A-Z0-9])")


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    i = m.start()
    j = i
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    word = text[j:i].lower().lstrip("(\"“‘")
    if len(word) == 1 and word.isalpha():
        return False  # an initial: "Donald J. Trump"
    return word not in _ABBREV


def sentence_start(text: str, lo: int, hi: int) -> int:
    """Where the sentence holding ``hi`` begins, not before ``lo``."""
    start = lo
    for m in _BOUNDARY.finditer(text, lo, min(len(text), hi + 3)):
        if m.start() < hi and _is_boundary(text, m):
            start = min(m.end(), hi)
    return start


def sentence_starts(text: str) -> list[int]:
    """Offsets where the sentences of ``text`` begin, after the first."""
    return [m.end() for m in _BOUNDARY.finditer(text) if _is_boundary(text, m)]


def sentence_end(text: str, lo: int, hi: int) -> int:
    """Where the sentence holding ``lo`` ends (after its stop), not after ``hi``."""
    for m in _BOUNDARY.finditer(text, lo, min(len(text), hi + 3)):
        if m.start() < hi and _is_boundary(text, m):
            return m.start() + 1
    return hi
