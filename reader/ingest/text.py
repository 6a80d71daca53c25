"""Plain-text page dumps: find the story among menus, captions and footers.

The lines are measured (lines.py), the title line read for the headline and
the site (title.py), the story's run of lines found (runs.py), and the run
made into paragraphs: prose lines, subheadings between them, one or two
non-prose lines between paragraphs (a line of code, a numbered step), rows
of lists (lists.py). The lines before the run give the dateline and byline
(header.py).

No rule names a site or a phrase from one page: only the shape of lines,
where they sit, and web-wide furniture words. The weights were tuned on
the AEB corpus by measuring every page (bench_extract.py) and keeping only
changes that helped several pages and hurt few.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from reader.ingest.dates import find_date, find_dateline
from reader.ingest.header import BYLINE as _BYLINE
from reader.ingest.header import names_in, read_header
from reader.ingest.lines import (
    Line,
    is_call_to_action,
    is_furniture,
    is_truncated,
    read_lines,
)
from reader.ingest.lists import inner_list_items, list_block, trailing_list
from reader.ingest.markers import is_end_marker
from reader.ingest.runs import before_comments, is_stamp, isolated, story_run
from reader.ingest.normalize import clean_lines
from reader.ingest.title import read_title_line
from reader.model import Paragraph

# A colon then an opening quotation mark: someone's words, introduced.
_SPEECH = re.compile(r"""\w:\s*['"‘“«„]""")
_QUOTED = re.compile(r"""^(['"‘“«])(?P<inner>.+?)(['"’”»])$""")

TEXT_STOP = 0.2  # a sentence's share of function words, at the least
HEADER_TAIL = 4  # a byline this many lines into the run still belongs to the header


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
    for line in lines:
        if line.prose and line.text[:1] in "BbVvPpDdОо" and _is_byline(line):
            line.prose = False  # "By Ann Lee | Courier.com" ends like a sentence
    chrome = " ".join(line.text for line in lines if line.copyright).casefold()
    top = read_title_line(lines, chrome)
    lone = isolated(lines, 0, len(lines) - 1)
    start, end, anchor, rows, boxes = story_run(lines, lone, top)
    if start is None:
        return None
    first = None
    if anchor is not None:
        start = first = _from_headline(lines, anchor, start)
    end = _last_sentences(lines, before_comments(lines, start, end))
    body = _body(lines, start, end, first, rows, boxes)
    if not any(p.kind == "text" for p in body):
        return None
    closing = _closing_list(lines, end)
    if not closing and anchor is not None:
        found = list_block(lines, start, end, _ends_block)
        if found is not None:
            closing = [Paragraph(line.text) for line in lines[found[0] : found[1] + 1]]
    body.extend(closing)
    head = read_header(lines, start, end, top)
    if head.title and body[0].text == head.title and len(body) > 1:
        del body[0]  # the headline, taken for the story's first line
    title = head.title or body[0].text[:80]
    return TextStory(title, tuple(body), head.site, head.authors, head.published)


def _ends_block(line: Line) -> bool:
    return line.copyright or is_end_marker(line)


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
    # A byline or dateline just inside the run: what comes before it (a
    # photo's caption, a standfirst) is still the header.
    for j in range(start, min(start + HEADER_TAIL, len(lines))):
        if _is_byline(lines[j]) or lines[j].words <= 20 and find_dateline(lines[j].text):
            first = j + 1
    return first


def _is_byline(line: Line) -> bool:
    """"By Ann Lee | The Courier": a byline (not "By the end of May, ...")."""
    match = _BYLINE.match(line.text) if line.words <= 14 else None
    return bool(match and names_in(match.group("names")))


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
        if line.words > GAP_WORDS or line.copyright or is_end_marker(line) or is_stamp(line):
            return end
    else:
        return end
    while end + 1 < len(lines) and _is_short_sentence(lines[end + 1]):
        end += 1
    return end


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
    lone = isolated(lines, start, end) - {first, end}  # the run's ends are its own
    if lone and _words(lines, lone) * 2 >= _words(lines, (i for i in range(start, end + 1) if lines[i].prose)):
        lone = set()  # most of the story is lone paragraphs: that is its rhythm (a product list)
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
    if _BYLINE.match(text) or is_truncated(text) or is_end_marker(line) or is_stamp(line):
        return False
    return not _is_heading(line)


def _words(lines: list[Line], indexes) -> int:
    return sum(lines[i].words for i in indexes)


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
