"""Quotation spans: pairing quotation marks inside paragraphs.

Double marks (straight, typographic, or two apostrophes as in old wire copy)
are paired first with a stack, using each mark's surroundings to tell an
opening mark from a closing one. Single marks are then paired outside the
double spans, after apostrophes ("don't", "the Smiths' house", "'90s") are
set aside. A paragraph whose quotation is left open continues into the next
paragraph when that one opens with a mark of the same kind and style (the
newspaper convention for long quotations); any other unpaired mark is
ignored, so a stray mark never disturbs the rest. Nested quotations yield
the outer span, except where double marks of one style wrap double marks of
the other: that is a pasted passage, and the inner quotations are reported.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from reader.model import Paragraph

# Marks are found as runs (a regex that starts with a character class lets
# the engine skip to the next mark in one step). Four or more marks in a
# row (rules, ASCII art, broken encodings) edge no quotation.
_MARK_RUN = re.compile("[\"“”„‟«»'‘’‚‹›]+")
_DOUBLED = frozenset(("''", "‘‘", "’’"))  # two apostrophes as one mark, as in old wire copy
_SINGLE = frozenset("'‘’‚‹›")
_DOUBLE = frozenset(("\"", "“", "”", "„", "‟", "«", "»", "''", "‘‘", "’’"))
_STRAIGHT = frozenset(("\"", "''"))
_OPEN_GLYPH = frozenset(("“", "„", "‟", "«", "‘", "‚", "‹", "‘‘"))
_CLOSE_GLYPH = frozenset(("”", "»", "’", "›", "’’"))
_BEFORE_OPEN = frozenset("([{<—–-/…\u00a0\t\n\r \"“”„‟«»'‘’‚‹›")
_AFTER_CLOSE = frozenset(".,;:!?)]}>—–-/…\u00a0\t\n\r \"“”„‟«»'‘’‚‹›*")
_ELISION = re.compile(r"(?:\d\d(?:s|\b)|(?:em|tis|twas|til|cause|bout|round|n|cos|nuff)\b)", re.I)

Pair = tuple[int, int]


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
    open_len: int = 1
    close_len: int = 1

    def inner(self, text: str) -> str:
        stop = self.end - self.close_len if self.closed else self.end
        return text[self.start + self.open_len : stop].strip()


def _direction(text: str, i: int, ch: str) -> str:
    """'o' opening, 'c' closing, 'w' weak closing, 'a' ambiguous, '' apostrophe."""
    prev = text[i - 1] if i else " "
    j = i + len(ch)
    nxt = text[j] if j < len(text) else " "
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
        if ch != "‘" and _ELISION.match(text, j):
            return ""
        return "o"
    if right and not left:
        if nxt in " \u00a0" and (prev in "sS" or text.endswith("in", 0, i)):
            return "w"
        return "c"
    return ""


def _pair_double(text: str, marks: list[tuple[int, str]]) -> tuple[list[Pair], list[int]]:
    stack: list[int] = []
    pairs: list[Pair] = []
    for pos, ch in marks:
        if ch not in _DOUBLE:
            continue
        d = _direction(text, pos, ch)
        if d == "o":
            stack.append(pos)
        elif stack:
            pairs.append((stack.pop(), pos + len(ch)))
        elif d == "a":
            stack.append(pos)
    return pairs, stack


def _pair_single(text: str, marks: list[tuple[int, str]], masked: list[Pair]) -> tuple[list[Pair], list[int]]:
    pairs: list[Pair] = []
    opened: int | None = None
    fallback: int | None = None
    masked = sorted(masked)
    m = 0  # marks come in order, so one walk over the masked stretches will do
    for pos, ch in marks:
        while m < len(masked) and masked[m][1] <= pos:
            m += 1
        if ch in _DOUBLE or (m < len(masked) and masked[m][0] <= pos):
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


def _outermost(pairs: list[Pair]) -> list[Pair]:
    kept: list[Pair] = []
    for s, e in sorted(pairs, key=lambda p: (p[0], -p[1])):
        if kept and s < kept[-1][1]:
            continue  # nested in (or crossing) an earlier span
        kept.append((s, e))
    return kept


def _marks(text: str) -> list[tuple[int, str]]:
    """Each quotation mark of ``text`` and where it is, read left to right."""
    marks: list[tuple[int, str]] = []
    for m in _MARK_RUN.finditer(text):
        pos, run = m.start(), m.group()
        if len(run) == 1:
            if run in _SINGLE and 0 < pos < len(text) - 1 and text[pos - 1].isalnum() and text[pos + 1].isalnum():
                continue  # an apostrophe inside a word ("don't"), as _direction would tell
            marks.append((pos, run))
        elif len(run) < 4:
            j = 0
            while j < len(run):
                step = 2 if run[j : j + 2] in _DOUBLED else 1
                marks.append((pos + j, run[j : j + step]))
                j += step
    return marks


def _paragraph_pairs(text: str) -> tuple[list[Pair], int | None]:
    """Every closed pair of one paragraph (nested ones too) and an unclosed opener."""
    marks = _marks(text)
    if not marks:
        return [], None
    doubles, open_doubles = _pair_double(text, marks)
    masked = _outermost(doubles)
    if open_doubles:
        masked.append((open_doubles[0], len(text)))
    singles, open_singles = _pair_single(text, marks, masked)
    pairs = doubles + singles
    outer = _outermost(pairs)  # in order and apart: one bisect finds the one around p
    starts = [s for s, _ in outer]
    for p in sorted(open_doubles + open_singles):
        k = bisect_right(starts, p) - 1
        if k < 0 or outer[k][1] <= p:
            return pairs, p
    return pairs, None


def _mark_at(text: str, i: int) -> str:
    ch = text[i]
    if ch in "'‘’" and text.startswith(ch, i + 1):
        return ch + ch  # '' as in old wire copy
    return ch


def _opens_with_mark(text: str) -> str | None:
    stripped = text.lstrip()
    if not stripped:
        return None
    i = len(text) - len(stripped)
    ch = _mark_at(text, i)
    if ch not in _DOUBLE and ch not in "'‘’‚‹":
        return None
    return ch if _direction(text, i, ch) in ("o", "a") else None


def _straight(mark: str) -> bool:
    return mark in _STRAIGHT


def find_spans(paragraphs: list[Paragraph] | tuple[Paragraph, ...]) -> list[Span]:
    """Every quotation span in reading order, headings excluded.

    A multi-paragraph quotation whose paragraphs hold quotations marked in
    the other style (straight outside, curly inside) is an excerpt of
    another article: its inner quotations are the ones reported.
    """
    found = [([], None) if p.kind == "heading" else _paragraph_pairs(p.text) for p in paragraphs]
    # Pass 1: link unclosed openers into chains of fragments.
    fragment: dict[int, Pair] = {}
    chain_of: dict[int, int] = {}  # paragraph -> chain of the fragment or closing pair it holds
    chain = 0
    carry: int | None = None
    for i, (pairs, unclosed) in enumerate(found):
        text = paragraphs[i].text
        if carry is not None and _opens_with_mark(text) is not None:
            chain_of[i] = carry
        nxt_carry = None
        if unclosed is not None and i + 1 < len(paragraphs) and paragraphs[i + 1].kind != "heading":
            mark = _opens_with_mark(paragraphs[i + 1].text)
            here = _mark_at(text, unclosed)
            if mark is not None and (mark in _DOUBLE) == (here in _DOUBLE) and _straight(mark) == _straight(here):
                fragment[i] = (unclosed, len(text.rstrip()))
                if i not in chain_of or text[:unclosed].strip():
                    chain += 1
                    chain_of[i] = chain
                nxt_carry = chain_of[i]
        carry = nxt_carry
    # Pass 2: excerpts.
    excerpt: set[int] = set()
    for i, (s, e) in fragment.items():
        outer = _straight(_mark_at(paragraphs[i].text, s))
        text = paragraphs[i].text
        if any(a > s and _straight(_mark_at(text, a)) != outer for a, _ in found[i][0]):
            excerpt.add(chain_of[i])
    # Pass 3: emit.
    spans: list[Span] = []
    for i, (pairs, _) in enumerate(found):
        text = paragraphs[i].text
        cid = chain_of.get(i)
        frag = fragment.get(i)
        if cid in excerpt:
            if frag is None:  # the closing paragraph: drop its outer pair
                outer = _outermost(pairs)
                if outer and not text[: outer[0][0]].strip():
                    pairs = [p for p in pairs if p != outer[0]]
            frag = None
            kept = _outermost(pairs)
        elif frag is not None:
            kept = [p for p in _outermost(pairs) if p[1] <= frag[0]]
        else:
            kept = _outermost(_unwrap(text, pairs))
        first = True
        for s, e in kept:
            if first and cid is not None and cid not in excerpt and frag is None and not text[:s].strip():
                span_chain = cid
            else:
                chain += 1
                span_chain = chain
            first = False
            spans.append(_span(i, text, s, e, True, span_chain))
        if frag is not None:
            spans.append(_span(i, text, frag[0], frag[1], False, cid))
    return spans


def _unwrap(text: str, pairs: list[Pair]) -> list[Pair]:
    """Drop a straight-quoted stretch wrapping curly quotations (or the reverse).

    Quoting inside a quotation switches to single marks; double marks of
    the other style inside mean a passage pasted in quotes: '"“A,” he said."'.
    """
    if len(pairs) < 2:
        return pairs
    ordered = sorted(pairs, key=lambda p: (p[0], -p[1]))
    if all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:])):
        return pairs  # nothing nested
    starts = [p[0] for p in ordered]
    # Where the pairs opened by straight and by curly double marks start.
    by_style: dict[bool, list[int]] = {True: [], False: []}
    for s, _ in ordered:
        mark = _mark_at(text, s)
        if mark in _DOUBLE:
            by_style[_straight(mark)].append(s)
    drop: set[Pair] = set()
    k = 0
    while k < len(ordered):
        outer = ordered[k]
        j = bisect_left(starts, outer[1], k + 1)  # ordered[k + 1 : j] lie inside (or across) it
        mark = _mark_at(text, outer[0])
        if mark in _DOUBLE:
            other = by_style[not _straight(mark)]
            i = bisect_right(other, outer[0])
            if i < len(other) and other[i] < outer[1]:
                drop.add(outer)
                k += 1  # look inside it
                continue
        k = j
    return [p for p in pairs if p not in drop] if drop else pairs


def _span(i: int, text: str, s: int, e: int, closed: bool, chain: int) -> Span:
    open_len = len(_mark_at(text, s))
    close_len = 1
    if closed and e >= 2 and text[e - 2 : e] in ("''", "’’"):
        close_len = 2
    return Span(i, s, e, closed, chain, open_len, close_len)
