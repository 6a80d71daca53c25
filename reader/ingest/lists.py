"""Lists and tables that end a story: tour dates, standings, numbered picks.

In a text dump a list is a run of lines with the same shape: each opens the
same way (a number, a month, a bullet) and uses the same separators. Such a
run right after the story's last paragraph, introduced by a line ending in a
colon or opening with numbers or dates, is part of the story.
"""

from __future__ import annotations

import re

from reader.ingest.dates import MONTHS, find_stamp
from reader.ingest.lines import Line

_PUNCT = re.compile(r"[^\w\s,.'’]")
_BULLETS = "•·*-–—▪►✓"
MIN_ITEMS = 3
MAX_ITEM_WORDS = 40


def shape(line: Line) -> tuple[str, frozenset[str]]:
    """How a line opens (digit, month, bullet, capital, other) and its separators."""
    if line.form is None:
        line.form = (opening(line), frozenset(_PUNCT.findall(line.text)))
    return line.form


def opening(line: Line) -> str:
    """How a line opens: a digit, a month, a bullet, a capital or other."""
    if line.opening is None:
        line.opening = _opening(line.text)
    return line.opening


def has_stamp(line: Line) -> bool:
    """Whether the line holds a date with a time (dates.find_stamp), worked out once."""
    if line.stamp is None:
        line.stamp = find_stamp(line.text)
    return line.stamp


def _opening(text: str) -> str:
    first = text[:1]
    if first.isdigit():
        return "digit"
    if first.isalpha() and text[:3].lower() in MONTHS:
        word = text.split(" ", 1)[0].rstrip(".,").lower()
        if word in _MONTH_NAMES:
            return "month"
    if first in _BULLETS:
        return "bullet"
    return "capital" if first.isupper() else "other"


_MONTH_NAMES = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}


def trailing_list(lines: list[Line], end: int) -> tuple[int, int] | None:
    """The (first, last) line of a list that follows line ``end``, if any."""
    for intro in range(end + 1, min(end + 3, len(lines))):
        first = intro + 1
        last = _run_end(lines, first)
        if last - first + 1 < MIN_ITEMS:
            continue
        kind = opening(lines[first])
        if kind in ("digit", "month", "bullet"):
            return intro, last
        # Plain lines need a real introduction ("The winners were:", not "Tags:")
        # and items that are more than single words (not a menu).
        lead = lines[intro] if lines[intro].text.endswith(":") else lines[end]
        items = lines[first : last + 1]
        if lead.text.endswith(":") and lead.words >= 3 and all(i.words >= 2 for i in items):
            return intro, last
    return None


def _run_end(lines: list[Line], first: int) -> int:
    """The last line of the run of same-shaped lines starting at ``first``."""
    if first >= len(lines):
        return first - 1
    last = first
    while last + 1 < len(lines):
        nxt = lines[last + 1]
        if nxt.words > MAX_ITEM_WORDS or nxt.repeated:
            break
        # Same shape as the line before, or as the one before that (a list
        # whose items take two lines: a title and its link).
        alike = _alike(nxt, lines[last]) or (
            last > first and _alike(nxt, lines[last - 1])
        ) or (
            last == first and last + 2 < len(lines) and _alike(lines[last + 2], lines[first])
            and _alike(lines[last + 3 if last + 3 < len(lines) else last + 1], nxt)
        )
        if alike and not has_stamp(nxt):  # a stamped line starts a comment
            last += 1
        else:
            break
    return last


def _alike(a: Line, b: Line) -> bool:
    """Same opening, and a separator in common (or none in either)."""
    if opening(a) != opening(b):
        return False
    marks_a, marks_b = shape(a)[1], shape(b)[1]
    return bool(marks_a & marks_b) or not (marks_a or marks_b)


def inner_list_items(run: list[Line]) -> set[int]:
    """Lines of a list inside the story: two or more same-shaped lines that
    follow a line ending in a colon and lead back to prose."""
    items: set[int] = set()
    k = 0
    while k < len(run) - 1:
        lead = run[k]
        if lead.text.endswith(":") and lead.words >= 3 and not lead.repeated:
            last = _run_end(run, k + 1)
            if last - k >= 2 and last + 1 < len(run) and run[last + 1].prose:
                items.add(lead.index)
                items.update(line.index for line in run[k + 1 : last + 1])
                k = last
        k += 1
    return items


_ROW_OPENINGS = ("digit", "month", "bullet")


def list_rows(lines: list[Line], lo: int) -> set[int]:
    """Lines from ``lo`` on that are rows of a list: three or more same-shaped
    lines opening with a number, a month or a bullet (standings, a calendar,
    numbered picks), or any same-shaped lines of two words or more after a
    line that introduces them with a colon. A menu (capitalised link labels
    with no introduction) is not a list."""
    rows: set[int] = set()
    i = lo
    count = len(lines)
    while i < count:
        line = lines[i]
        kind = line.opening if line.opening is not None else opening(line)
        if kind not in _ROW_OPENINGS and not (i > 0 and lines[i - 1].text.endswith(":")):
            i += 1  # neither opens like a row nor is introduced: not a list's first line
            continue
        last = _run_end(lines, i)
        if last - i + 1 >= MIN_ITEMS:
            items = lines[i : last + 1]
            lead = lines[i - 1] if i > 0 else None
            introduced = (
                lead is not None and lead.text.endswith(":") and lead.words >= 3
                and all(item.words >= 2 for item in items)
            )
            if opening(lines[i]) in _ROW_OPENINGS or introduced:
                rows.update(item.index for item in items)
                if lead is not None and lead.text.endswith(":") and not lead.repeated:
                    rows.add(lead.index)
            i = last + 1
        else:
            i += 1
    return rows


BLOCK_MIN_LINES = 6
BLOCK_MAX_LINES = 400  # the box that ends a list story is this many lines on, at most
BLOCK_DETAIL_SHARE = 1 / 3  # of its lines hold a number: details, not link labels
BLOCK_MEAN_WORDS = 3  # words a line, at the least (menus are one or two)
BLOCK_OVER_PROSE = 2  # the list outweighs the prose before it this many times: a list story
_DETAIL = re.compile(r"\d")


def list_block(lines: list[Line], start: int, end: int, is_end) -> tuple[int, int] | None:
    """(first, last) of a list story's list after its prose, if there is one.

    A story that is mostly a list (a meal plan, a training plan, a race card)
    shows as a little prose, then many short lines of every shape (labels,
    times, quantities; the same lines again from day to day), up to the box
    that ends the story (``is_end(line)``: a marker, a copyright line). The
    lines are the story's when they outweigh its prose, hold numbers rather
    than link labels, none of them is a line of the page above the story (its
    menus), and no rhythm of stamps marks them as comments.
    """
    stop = None
    for i in range(end + 1, min(end + 1 + BLOCK_MAX_LINES, len(lines))):
        if is_end(lines[i]):
            stop = i
            break
    if stop is None or stop - end - 1 < BLOCK_MIN_LINES:
        return None
    block = lines[end + 1 : stop]
    words = sum(line.words for line in block)
    if words < BLOCK_MEAN_WORDS * len(block):
        return None
    detailed = sum(1 for line in block if _DETAIL.search(line.text))
    if detailed < BLOCK_DETAIL_SHARE * len(block):
        return None
    prose = sum(line.words for line in lines[start : end + 1] if line.prose)
    if words < BLOCK_OVER_PROSE * prose:  # a story with a list, not a list story
        return None
    above = {line.text.casefold() for line in lines[:start]}
    if any(line.text.casefold() in above for line in block):
        return None
    if sum(1 for line in block if has_stamp(line)) > 1:
        return None
    return end + 1, stop - 1
