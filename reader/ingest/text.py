"""Plain-text page dumps: find the story among menus, captions and footers.

Each line gets a score (prose counts for its words, anything else against),
and the run of lines with the highest total is the body (as in "body text
extraction": the densest stretch of prose). Three refinements: a long
stretch of non-prose lines costs more per line (menus and share bars end a
story); a lone paragraph fenced off by short lines counts for little (a
teaser for another story); and a rhythm of date-and-time stamps marks
readers' comments, where the story ends. Inside the run, prose lines are
paragraphs and short title-like lines between them are subheadings; a list
right after the last paragraph (tour dates, standings) is kept. The lines
before the run give the headline, site, dateline and byline (header.py).

No rule names a site or a phrase from one page: only the shape of lines
(lines.py), where they sit, and web-wide furniture words. The weights below
were tuned on the AEB corpus by measuring every page (bench_extract.py) and
keeping only changes that helped several pages and hurt few.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from reader.ingest.dates import find_date, find_dateline
from reader.ingest.header import BYLINE as _BYLINE
from reader.ingest.header import headline_line, read_header
from reader.ingest.lines import (
    STOPWORDS,
    Line,
    is_call_to_action,
    is_furniture,
    is_truncated,
    read_lines,
)
from reader.ingest.lists import has_stamp, inner_list_items, list_rows, trailing_list
from reader.ingest.markers import MAX_WORDS as MARKER_WORDS
from reader.ingest.markers import is_end_marker
from reader.ingest.normalize import clean_lines
from reader.ingest.title import TitleLine, read_title_line
from reader.model import Paragraph

# A colon then an opening quotation mark: someone's words, introduced.
_SPEECH = re.compile(r"""\w:\s*['"‘“«„]""")
_QUOTED = re.compile(r"""^(['"‘“«])(?P<inner>.+?)(['"’”»])$""")

ISOLATION = 3  # prose with no other prose this many lines either side is "lone"
LONE_WEIGHT = 0.3  # what a lone paragraph's words count for
STREAK_STEP = 0.1  # each further non-prose line in a row costs 10% more...
STREAK_CAP = 3.0  # ...up to three times its own cost
TEXT_STOP = 0.2  # a sentence's share of function words, at the least
WALL_AFTER = 20.0
LIST_ROW = 2.0  # a row of a list after the headline counts as much as a short sentence  # an end marker is a wall once the run holds this much


@dataclass(frozen=True, slots=True)
class TextStory:
    title: str
    paragraphs: tuple[Paragraph, ...]
    site: str | None
    authors: tuple[str, ...]
    published: datetime | None


def parse_text(text: str, *, controls_stripped: bool = False) -> TextStory | None:
    """The story in a plain-text dump, or None when no prose is found."""
    lines = read_lines(_lines(text, controls_stripped))
    if not lines:
        return None
    chrome = " ".join(line.text for line in lines if line.copyright).casefold()
    top = read_title_line(lines, chrome)
    lone = _isolated(lines, 0, len(lines) - 1)
    start, end, anchor, rows, boxes = _story_run(lines, lone, top)
    if start is None:
        return None
    first = None
    if anchor is not None:
        start = first = _from_headline(lines, anchor, start)
    end = _last_sentences(lines, _before_comments(lines, start, end))
    body = _body(lines, start, end, first, rows, boxes)
    if not any(p.kind == "text" for p in body):
        return None
    body.extend(_closing_list(lines, end))
    head = read_header(lines, start, end, top)
    if head.title and body[0].text == head.title and len(body) > 1:
        del body[0]  # the headline, taken for the story's first line
    title = head.title or body[0].text[:80]
    return TextStory(title, tuple(body), head.site, head.authors, head.published)


def _closing_list(lines: list[Line], end: int) -> list[Paragraph]:
    """The list that ends the story, with its introduction, as paragraphs."""
    found = trailing_list(lines, end)
    if found is None:
        return []
    intro, last = found
    out = []
    if lines[intro].text.endswith(":"):
        out.append(Paragraph(lines[intro].text))
    elif _is_heading(lines[intro]):
        out.append(Paragraph(lines[intro].text, "heading"))
    out.extend(Paragraph(line.text) for line in lines[intro + 1 : last + 1])
    return out


def _lines(text: str, controls_stripped: bool) -> Iterator[tuple[int, str]]:
    cleaned = clean_lines(text, controls_stripped=controls_stripped)
    return ((raw, line) for raw, line in enumerate(cleaned) if line)



ANCHOR_SHARE = 0.3  # the run after the headline must weigh this much of the best one


def _story_run(
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
        best = _densest_run(lines, lone, boxes=boxes)
        return best[0], best[1], None, set(), boxes
    rows = list_rows(lines, anchor + 1)
    boxes: set[int] = set()
    after = _densest_run(lines, lone, anchor + 1, ends=True, rows=rows, boxes=boxes)
    before = _densest_run(lines, lone, hi=anchor)
    if after[0] is not None and after[2] >= ANCHOR_SHARE * before[2]:
        return after[0], after[1], anchor, rows - boxes, boxes
    if before[0] is None:
        return None, -1, None, set(), set()
    return before[0], before[1], None, set(), set()


def _from_headline(lines: list[Line], anchor: int, start: int) -> int:
    """Where the story starts when the run found starts some lines below the
    headline: the first line of text after the header's byline and dateline."""
    first = start
    for j in range(start - 1, anchor, -1):
        line = lines[j]
        if _is_header_line(line):
            break
        if _is_text(line) or _is_short_sentence(line):
            first = j
    return first


def _is_header_line(line: Line) -> bool:
    """A byline, a dateline, a credit or a link label: the header ends here."""
    text = line.text
    return (
        line.repeated or line.copyright or is_furniture(text) or is_end_marker(line)
        or bool(_BYLINE.match(text)) or (line.words <= 20 and find_dateline(text) is not None)
    )


def _is_text(line: Line) -> bool:
    """A sentence, even one that does not end like one: many words, many of
    them function words (a tag cloud or a menu has hardly any)."""
    if line.prose:
        return True
    text = line.text
    if line.words < 8 or line.stop < TEXT_STOP or is_furniture(text) or is_truncated(text):
        return False
    return not (line.repeated or line.copyright)


def _densest_run(
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
        if line.words <= MARKER_WORDS and is_end_marker(line):
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
            score = (-10.0 if line.copyright else -(1.0 + 0.5 * min(line.words, 20))) * min(
                1.0 + STREAK_STEP * streak, STREAK_CAP
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
        if not found and _is_stamp(lines[i]):
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


def _last_sentences(lines: list[Line], end: int) -> int:
    """The run's end, moved over short sentences right after it, or after a
    line or two (a caption, "Advertisement"): a story's last paragraph may be
    too short to count as prose ("It reopens in May.")."""
    for j in range(end + 1, min(end + 2 + BRIDGE, len(lines))):
        line = lines[j]
        if _is_short_sentence(line) and (j == end + 1 or line.text.endswith(".")):
            end = j
            break
        # Past a caption or a label only, to a statement (a teaser asks "...?").
        if line.words > GAP_WORDS or line.copyright or is_end_marker(line) or _is_stamp(line):
            return end
    else:
        return end
    while end + 1 < len(lines) and _is_short_sentence(lines[end + 1]):
        end += 1
    return end


def _is_stamp(line: Line) -> bool:
    """A short line that is mostly a date and time: a post's or comment's stamp."""
    return line.words <= 14 and not line.sentence and has_stamp(line)


def _before_comments(lines: list[Line], start: int, end: int) -> int:
    """Where the story ends if readers' comments follow it in the run.

    Comments show as a rhythm of stamped entries: a short line with a date
    and a time before each one. Three or more stamps after the story has
    begun mark the first of them as the end of the story.
    """
    stamps = [line.index for line in lines[start + 1 : end + 1] if _is_stamp(line)]
    if len(stamps) >= 3:
        return stamps[0] - 1
    return end


def _isolated(lines: list[Line], start: int, end: int) -> set[int]:
    """Prose lines with no other prose within ``ISOLATION`` lines either side.

    In a page, a lone paragraph fenced off by titles, bylines and links is
    nearly always a teaser for another story, not a part of this one.
    """
    # A sentence introducing a list ("The winners were:") ties its
    # neighbours to the story as prose does.
    anchors = [i for i in range(start, end + 1) if lines[i].prose or _introduces(lines[i])]
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


def _introduces(line: Line) -> bool:
    return line.text.endswith(":") and line.words >= 3 and not line.repeated



def _body(
    lines: list[Line], start: int, end: int, first: int | None, rows: set[int], boxes: set[int]
) -> list[Paragraph]:
    """The paragraphs and subheadings of the run ``start``..``end``.

    ``first`` is the line of text right after the headline: the story's even
    when it is a lone paragraph or does not end like a sentence. ``rows`` are
    rows of lists after the headline, kept one a paragraph; ``boxes`` the
    lines of boxes set inside the story, left out.
    """
    out: list[Paragraph] = []
    run = lines[start : end + 1]
    lone = _isolated(lines, start, end) - {first, end}  # the run's ends are its own
    items = inner_list_items(run) | _bridges(run) | rows
    for k, line in enumerate(run):
        if line.index in lone or line.index in boxes:
            continue
        if line.prose or line.index in items or line.index == first and _is_text(line):
            out.append(Paragraph(line.text))
        elif _is_heading(line) and 0 < k < len(run) - 1 and run[k + 1].prose:
            match = _QUOTED.match(line.text)
            out.append(Paragraph(match.group("inner") if match else line.text, "heading"))
        elif _is_short_sentence(line):
            out.append(Paragraph(line.text))
    return out


_LETTER = re.compile(r"[^\W\d_]")
GAP_WORDS = 8  # a caption or a label between a story and its last sentence, at most
BRIDGE = 2  # this many non-prose lines between paragraphs are the story's own


def _bridges(run: list[Line]) -> set[int]:
    """Lines of one or two between paragraphs of the story: a line of code, a
    numbered step, a sentence that does not end like one. Not a credit, a
    link label, a stamp or a line the page repeats."""
    out: set[int] = set()
    prose = [k for k, line in enumerate(run) if line.prose]
    for a, b in zip(prose, prose[1:]):
        if 1 < b - a <= BRIDGE + 1:
            for line in run[a + 1 : b]:
                if _bridgeable(line):
                    out.add(line.index)
    return out


def _bridgeable(line: Line) -> bool:
    text = line.text
    if line.repeated or line.copyright or is_furniture(text) or not _LETTER.search(text):
        return False
    if _BYLINE.match(text) or is_truncated(text) or is_end_marker(line) or _is_stamp(line):
        return False
    return not _is_heading(line)


def _is_heading(line: Line) -> bool:
    text = line.text
    if line.repeated or line.copyright or not 2 <= line.words <= 14:
        return False
    if text.endswith((".", ",", ";")) or _BYLINE.match(text):
        return False
    if is_furniture(text) or find_date(text) is not None:
        return False
    if _SPEECH.search(text):  # White said: "…" is a quotation, not a heading
        return False
    first = text.lstrip("'\"‘“«")[:1]
    return first.isupper() or first.isdigit()


def _is_short_sentence(line: Line) -> bool:
    return (
        not line.repeated
        and not is_call_to_action(line.text)
        and not line.copyright
        and line.words >= 2
        and line.sentence
        and (line.stop > 0 or line.lower >= 0.5)
        and not _BYLINE.match(line.text)
    )
