"""The story's run of lines in a text dump: where it starts and where it ends.

Each line gets a score (prose counts for its words, anything else against),
and the run of lines with the highest total is the body (as in "body text
extraction": the densest stretch of prose). Refinements: a long stretch of
non-prose lines costs more per line (menus and share bars end a story); a
lone paragraph fenced off by short lines counts for little (a teaser for
another story); a rhythm of date-and-time stamps marks readers' comments.

When the page shows its headline again below the title line, the story is
looked for after it; rows of a list there count for it (a list story), and
the first line that labels a box of other stories, comments or a blurb
(markers.py) ends it, unless the story resumes after the box.
"""

from __future__ import annotations

import re

from reader.ingest.header import headline_line
from reader.ingest.lines import STOPWORDS, Line
from reader.ingest.lists import has_stamp, list_rows
from reader.ingest.markers import MAX_WORDS as MARKER_WORDS
from reader.ingest.markers import is_end_marker
from reader.ingest.title import TitleLine

ISOLATION = 3  # prose with no other prose this many lines either side is "lone"
LONE_WEIGHT = 0.3  # what a lone paragraph's words count for
STREAK_STEP = 0.1  # each further non-prose line in a row costs 10% more...
STREAK_CAP = 3.0  # ...up to three times its own cost
WALL_AFTER = 20.0  # an end marker is a wall once the run holds this much
LIST_ROW = 2.0  # a row of a list after the headline counts as much as a short sentence

ANCHOR_SHARE = 0.3  # the run after the headline must weigh this much of the best one


def story_run(
    lines: list[Line], lone: set[int], top: TitleLine
) -> tuple[int | None, int, int | None, set[int], set[int]]:
    """The story's run of lines: after the headline line when the page shows one.

    Returns the run's first and last line, the headline's line (or None),
    the rows of lists after the headline, which count as the story's, and
    the lines of boxes inside the story, which do not.

    The densest run after the headline, up to the first end marker, is the
    story, unless it is far lighter than the densest run before the headline
    (then the "headline" was a link in a list of other stories).
    """
    anchor = headline_line(lines, top)
    if anchor is None:
        boxes = set()
        best = densest_run(lines, lone, boxes=boxes)
        return best[0], best[1], None, set(), boxes
    rows = list_rows(lines, anchor + 1)
    boxes: set[int] = set()
    after = densest_run(lines, lone, anchor + 1, ends=True, rows=rows, boxes=boxes)
    before = densest_run(lines, lone, hi=anchor)
    if after[0] is not None and after[2] >= ANCHOR_SHARE * before[2]:
        return after[0], after[1], anchor, rows - boxes, boxes
    if before[0] is None:
        return None, -1, None, set(), set()
    return before[0], before[1], None, set(), set()


def densest_run(
    lines: list[Line],
    lone: set[int] = frozenset(),
    lo: int = 0,
    ends: bool = False,
    rows: set[int] = frozenset(),
    hi: int | None = None,
    boxes: set[int] | None = None,
) -> tuple[int | None, int, float]:
    """The run of lines from ``lo`` (up to ``hi``) with the highest total score (Kadane).

    A line that labels a box of other stories or comments (markers.py) is a
    wall once the run holds some prose; with ``ends`` (the run that follows
    the headline) the first such line after the story's first paragraph ends
    it, and nothing after is looked at (a paragraph right after a marker, the
    story not yet begun, is the box's: a list of popular stories). The lines
    of a box the story resumes after go into ``boxes``.
    """
    best, best_span = 0.0, (None, -1)
    total, start = 0.0, lo
    streak = 0  # non-prose lines in a row: a long stretch weighs more per line
    begun = False  # (with ``ends``) the story has begun: prose not inside a box
    boxed = False  # a marker was passed before the story began: its prose is the box's
    for i in range(lo, len(lines) if hi is None else hi):
        line = lines[i]
        if total <= 0:
            total, start = 0.0, i
        if line.words <= MARKER_WORDS and (ends or total >= WALL_AFTER) and is_end_marker(line):
            if ends and not begun:
                boxed = True
            elif begun if ends else total >= WALL_AFTER:
                resume = _resumes(lines, i, start if total > 0 else lo)
                if resume is None:
                    if ends:
                        break
                    total = 0.0
                    continue
                if boxes is not None:  # the box's label and titles, up to its first prose
                    boxes.update(range(i, next(j for j in range(i, resume + 1) if lines[j].prose)))
        if i in rows:
            score = LIST_ROW
            streak = 0
        elif line.prose:
            score = line.words
            streak = 0
            if boxed:
                boxed = False
            else:
                begun = True
        else:
            streak += 1
            words = line.words
            step = 1.0 + STREAK_STEP * streak
            score = (-10.0 if line.copyright else -(1.0 + 0.5 * (words if words < 20 else 20))) * (
                step if step < STREAK_CAP else STREAK_CAP
            )
        if lone and i in lone:
            score *= LONE_WEIGHT
        total += score
        if total > best:
            best, best_span = total, (start, i)
    return (*best_span, best)


RESUME_WITHIN = 30  # a box that the story resumes after is this many lines at most


def _resumes(lines: list[Line], at: int, since: int) -> int | None:
    """Where the story goes on after the box that line ``at`` labels, if it does.

    It does when connected prose (three paragraphs, each within two lines of
    the last) starts soon after and speaks of what the story so far (from
    line ``since``) speaks of: a box set inside the story. Comments on the
    way (two stamped lines; one may be the story's own dateline), or prose on
    other things (a footer's disclaimers), mean it is the end.
    """
    found: list[int] = []
    stamps = 0
    for i in range(at + 1, min(at + RESUME_WITHIN + 3 * 2, len(lines))):
        if not found and is_stamp(lines[i]):
            stamps += 1
            if stamps == 2:  # stamped entries, one after another: comments
                return None
        if lines[i].prose:
            if found and i - found[-1] > 2:
                found = []
            if not found and i - at > RESUME_WITHIN:
                return None
            found.append(i)
            if len(found) == 3:
                return found[0] if _on_topic(lines, since, at, found) else None
    return None


TOPIC_SHARE = 0.08  # of the resumed prose's words, the share the story so far uses


def _on_topic(lines: list[Line], since: int, at: int, found: list[int]) -> bool:
    story = set()
    for line in lines[since:at]:
        if line.prose:
            story.update(_content(line.text))
    resumed = set()
    for i in found:
        resumed.update(_content(lines[i].text))
    return bool(resumed) and len(resumed & story) >= TOPIC_SHARE * len(resumed)


_CONTENT = re.compile(r"[^\W\d_]{4,}")


def _content(text: str) -> set[str]:
    """The words that tell what a paragraph is about: long ones, not function words."""
    return {w.casefold() for w in _CONTENT.findall(text)} - STOPWORDS


def is_stamp(line: Line) -> bool:
    """A short line that is mostly a date and time: a post's or comment's stamp."""
    return line.words <= 14 and not line.sentence and has_stamp(line)


def before_comments(lines: list[Line], start: int, end: int) -> int:
    """Where the story ends if readers' comments follow it in the run.

    Comments show as a rhythm of stamped entries: a short line with a date
    and a time before each one. Three or more stamps after the story has
    begun mark the first of them as the end of the story.
    """
    stamps = [line.index for line in lines[start + 1 : end + 1] if is_stamp(line)]
    if len(stamps) >= 3:
        return stamps[0] - 1
    return end


def isolated(lines: list[Line], start: int, end: int) -> set[int]:
    """Prose lines with no other prose within ``ISOLATION`` lines either side.

    In a page, a lone paragraph fenced off by titles, bylines and links is
    nearly always a teaser for another story, not a part of this one.
    """
    # A sentence introducing a list ("The winners were:") ties its
    # neighbours to the story as prose does.
    # (Tested inline, not by a call per line: this looks at every line.)
    anchors = [line.index for line in lines[start : end + 1] if line.prose or (
        line.words >= 3 and not line.repeated and line.text.endswith(":"))]
    if len(anchors) < 2:
        return set()
    lone = set()
    for k, i in enumerate(anchors):
        before = i - anchors[k - 1] if k else None
        after = anchors[k + 1] - i if k + 1 < len(anchors) else None
        if (before is None or before > ISOLATION) and (after is None or after > ISOLATION):
            if lines[i].prose:
                lone.add(i)
    return lone

