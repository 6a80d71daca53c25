"""Quotation spans: pairing quotation marks inside paragraphs.

Double marks (straight or typographic) are paired first with a stack, using
each mark's surroundings to tell an opening mark from a closing one. Single
marks are then paired outside the double spans, after apostrophes ("don't",
"the Smiths' house", "'90s") are set aside. A paragraph whose quotation is
left open continues into the next paragraph when that one opens with a mark
of the same kind (the newspaper convention for long quotations); any other
unpaired mark is ignored, so a stray mark never disturbs the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.model import Paragraph

_MARK = re.compile("[\"“”„‟«»'‘’‚‹›]")
_DOUBLE = frozenset("\"“”„‟«»")
_OPEN_GLYPH = frozenset("“„‟«‘‚‹")
_CLOSE_GLYPH = frozenset("”»’›")
_BEFORE_OPEN = frozenset("([{<—–-/…\u00a0\t\n\r \"“”„‟«»'‘’‚‹›")
_AFTER_CLOSE = frozenset(".,;:!?)]}>—–-/…\u00a0\t\n\r \"“”„‟«»'‘’‚‹›*")
_ELISION = re.compile(r"(?:\d\d(?:s|\b)|(?:em|tis|twas|til|cause|bout|round|n|cos|nuff)\b)", re.I)


@dataclass(frozen=True, slots=True)
class Span:
    """A quotation's marks in one paragraph; ``end`` is exclusive.

    ``closed`` is False for a fragment of a multi-paragraph quotation that
    runs to the end of its paragraph; ``chain`` is shared by such fragments.
    """

    paragraph: int
    start: int
    end: int
    closed: bool
    chain: int

    def inner(self, text: str) -> str:
        stop = self.end - 1 if self.closed else self.end
        return text[self.start + 1 : stop].strip()


def _direction(text: str, i: int, ch: str) -> str:
    """'o' opening, 'c' closing, 'w' weak closing, 'a' ambiguous, '' apostrophe."""
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    left = prev in _BEFORE_OPEN
    right = nxt in _AFTER_CLOSE
    if ch in _DOUBLE:
        if left and not right:
            return "o"
        if right and not left:
            return "c"
        if ch in _OPEN_GLYPH:
            return "o"
        return "c" if ch in _CLOSE_GLYPH else "a"
    if prev.isalnum() and nxt.isalnum():
        return ""
    if left and not right:
        if ch != "‘" and _ELISION.match(text, i + 1):
            return ""
        return "o"
    if right and not left:
        if nxt in " \u00a0" and (prev in "sS" or text.endswith("in", 0, i)):
            return "w"
        return "c"
    return ""


def _pair_double(text: str, marks: list[tuple[int, str]]) -> tuple[list[tuple[int, int]], list[int]]:
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for pos, ch in marks:
        if ch not in _DOUBLE:
            continue
        d = _direction(text, pos, ch)
        if d == "o":
            stack.append(pos)
        elif stack:
            pairs.append((stack.pop(), pos + 1))
        elif d == "a":
            stack.append(pos)
    return pairs, stack


def _pair_single(
    text: str, marks: list[tuple[int, str]], masked: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], list[int]]:
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    fallback: int | None = None
    for pos, ch in marks:
        if ch in _DOUBLE or any(s <= pos < e for s, e in masked):
            continue
        d = _direction(text, pos, ch)
        if d == "o":
            if opened is None:
                opened, fallback = pos, None
            elif fallback is not None:
                pairs.append((opened, fallback + 1))
                opened, fallback = pos, None
        elif d == "c" and opened is not None:
            pairs.append((opened, pos + 1))
            opened = None
        elif d == "w" and opened is not None and fallback is None:
            fallback = pos
    if opened is not None and fallback is not None:
        pairs.append((opened, fallback + 1))
        opened = None
    return pairs, [] if opened is None else [opened]


def _outermost(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for s, e in sorted(pairs, key=lambda p: (p[0], -p[1])):
        if kept and s < kept[-1][1]:
            continue  # nested in (or crossing) an earlier span
        kept.append((s, e))
    return kept


def _paragraph_spans(text: str) -> tuple[list[tuple[int, int]], int | None]:
    """Closed spans of one paragraph and the position of an unclosed opener."""
    marks = [(m.start(), m.group()) for m in _MARK.finditer(text)]
    if not marks:
        return [], None
    doubles, open_doubles = _pair_double(text, marks)
    doubles = _outermost(doubles)
    masked = list(doubles)
    if open_doubles:
        masked.append((open_doubles[0], len(text)))
    singles, open_singles = _pair_single(text, marks, masked)
    # A single-quoted span holding double ones is UK style: keep the outer.
    pairs = _outermost(doubles + singles)
    unclosed = [p for p in open_doubles + open_singles if not any(s <= p < e for s, e in pairs)]
    return pairs, min(unclosed) if unclosed else None


def _opens_with_mark(text: str) -> str | None:
    stripped = text.lstrip()
    if not stripped:
        return None
    ch = stripped[0]
    if ch not in _DOUBLE and ch not in "'‘’‚‹":
        return None
    i = len(text) - len(stripped)
    return ch if _direction(text, i, ch) in ("o", "a") else None


def find_spans(paragraphs: list[Paragraph] | tuple[Paragraph, ...]) -> list[Span]:
    """Every quotation span in reading order, headings excluded."""
    found: list[tuple[list[tuple[int, int]], int | None]] = []
    for p in paragraphs:
        found.append(([], None) if p.kind == "heading" else _paragraph_spans(p.text))
    spans: list[Span] = []
    chain = 0
    carry: int | None = None  # chain id continuing into this paragraph
    for i, (pairs, unclosed) in enumerate(found):
        text = paragraphs[i].text
        nxt_chain: int | None = None
        fragment: tuple[int, int] | None = None
        if unclosed is not None and i + 1 < len(paragraphs):
            nxt = paragraphs[i + 1]
            mark = _opens_with_mark(nxt.text) if nxt.kind != "heading" else None
            if mark is not None and (mark in _DOUBLE) == (text[unclosed] in _DOUBLE):
                fragment = (unclosed, len(text.rstrip()))
        if fragment is not None:
            pairs = [p for p in pairs if p[1] <= fragment[0]]
        first = True
        for s, e in pairs:
            if first and carry is not None and not text[:s].strip():
                cid = carry
            else:
                chain += 1
                cid = chain
            first = False
            spans.append(Span(i, s, e, True, cid))
        if fragment is not None:
            if first and carry is not None and not text[: fragment[0]].strip():
                cid = carry
            else:
                chain += 1
                cid = chain
            spans.append(Span(i, fragment[0], fragment[1], False, cid))
            nxt_chain = cid
        carry = nxt_chain
    return spans
