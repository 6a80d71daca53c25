"""Sentence edges inside a paragraph, without being fooled by "Mr." or "J.".

A paragraph's edges are found once (one regex pass, kept for the few
paragraphs in use) and looked up by bisection, so asking for the sentence
around each of a thousand quotations costs no rescan of the paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

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
        return False  # an initial: "Dora J. Quill"
    return word not in _ABBREV


@lru_cache(maxsize=16)
def _edges(text: str) -> tuple[list[int], list[int]]:
    """Where each sentence stop of ``text`` is, and where the next sentence begins."""
    stops: list[int] = []
    starts: list[int] = []
    for m in _BOUNDARY.finditer(text):
        if _is_boundary(text, m):
            stops.append(m.start())
            starts.append(m.end())
    return stops, starts


def sentence_start(text: str, lo: int, hi: int) -> int:
    """Where the sentence holding ``hi`` begins, not before ``lo``."""
    stops, starts = _edges(text)
    k = bisect_left(stops, hi) - 1  # the last stop before hi
    if k < 0 or stops[k] < lo:
        return lo
    return min(starts[k], hi)


def sentence_starts(text: str) -> list[int]:
    """Offsets where the sentences of ``text`` begin, after the first."""
    return list(_edges(text)[1])


def sentence_end(text: str, lo: int, hi: int) -> int:
    """Where the sentence holding ``lo`` ends (after its stop), not after ``hi``."""
    stops, _ = _edges(text)
    k = bisect_left(stops, lo)  # the first stop at or after lo
    if k < len(stops) and stops[k] < hi:
        return stops[k] + 1
    return hi
