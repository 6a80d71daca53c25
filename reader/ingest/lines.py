"""Features of one line of a plain-text page dump.

Language-light: word counts, sentence punctuation, the share of lowercase
words and of common function words (a few European languages), which
together tell running prose from menus, titles, captions and credits.
"""

from __future__ import annotations

import operator
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_ASCII_WORD = re.compile(r"\w+(?:'\w+)*", re.ASCII)  # the same words, in ASCII text
_SENTENCE_END = re.compile(r"""[.!?…。！？]["'”’»)\]]*$|[.!?…]["'”’»)\]]*\s*\(?\w*\)?$""")
# An excerpt cut short ("... the number of players […]") is a teaser.
_TRUNCATED = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*$")
STOPWORDS = frozenset(
    # English
    "a about after all also an and are as at be been but by can could did do for from had "
    "has have he her his how i if in into is it its just more most my no not of on one only "
    "or other our out over said says she so some than that the their them then there these "
    "they this those to up was we were what when where which while who will with would you "
    "your which because before being between both during each few than through under until "
    "very why us him me"
    # Spanish / Portuguese / Italian / French / German (the commonest few)
    " el la los las de del que y en un una es por con para se su al lo como pero más o "
    " os as do da dos das em um uma não com para é ao mais "
    " il di che e è per non una sono gli le nel della con si"
    " le les des du et est dans pour qui pas sur au avec ce il ne une"
    " der die das und ist nicht ein eine zu mit den von sich auf für dem auch es"
    # Dutch, Indonesian / Malay
    " het een van en de in is dat op te zijn niet met voor er maar ook als bij"
    " yang dan di ke ini itu dengan untuk tidak dari dalam akan pada juga ada atau"
    # Russian
    " и в не на что с по как это он она они но из к у за от о так же был была"
    .split()
)
# As written at the start of a sentence or in a heading: "The", "THE".
_ANY_CASE_STOPWORDS = STOPWORDS | {w.capitalize() for w in STOPWORDS} | {w.upper() for w in STOPWORDS}
# Words of the page's furniture rather than of a story: link labels, credits.
# (Web-wide vocabulary, as in jusText's and boilerpipe's cues; no site's.)
_FURNITURE = re.compile(
    r"\b(?:read more|related|newsletters?|subscribe|sign up|click here|advertisement|"
    r"trending|popular|recommended|share|follow us|photo|photograph|image|credit|"
    r"getty images|illustration|caption|also on|(?:see|read) also|also read)\b|[|/]|"
    r"[\[(](?:file|photo|image|pic|picture|video|credit|source)s?\s*:",
    re.IGNORECASE,
)


# Calls to action addressed to the reader, not the story's own sentences.
_CALL_TO_ACTION = re.compile(
    r"\b(?:subscribe|sign up|newsletters?|follow (?:us|\w+ on)|join our|share (?:it|this)|"
    r"click here|notify me|read more|download (?:our|the) app)\b",
    re.IGNORECASE,
)


def caseless_search(pattern: re.Pattern, lowered: re.Pattern, text: str) -> bool:
    """``pattern`` (compiled with IGNORECASE) found in ``text``. An ASCII line
    is lowercased and searched with ``lowered``, the same pattern compiled
    case-sensitive, which finds the same and is twice as quick."""
    if text.isascii():
        return lowered.search(text.lower()) is not None
    return pattern.search(text) is not None


def lowercase_pattern(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` without IGNORECASE, for lowercased ASCII text (its pattern
    must have no uppercase letters nor case-bound classes)."""
    assert not any(c.isupper() for c in pattern.pattern.replace("\\W", ""))
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def is_call_to_action(text: str) -> bool:
    """Words addressed to the reader: subscribe, sign up, follow us, read more."""
    return caseless_search(_CALL_TO_ACTION, _CALL_TO_ACTION_LOWER, text)


def is_truncated(text: str) -> bool:
    """An excerpt cut short: a teaser's summary."""
    return bool(_TRUNCATED.search(text[-8:]))


def is_furniture(text: str) -> bool:
    """A short line that labels a link, a credit or a caption."""
    return caseless_search(_FURNITURE, _FURNITURE_LOWER, text)


_FURNITURE_LOWER = lowercase_pattern(_FURNITURE)
_CALL_TO_ACTION_LOWER = lowercase_pattern(_CALL_TO_ACTION)


_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved", re.IGNORECASE)
_first = operator.itemgetter(0)


def _is_copyright(text: str) -> bool:
    lowered = text.lower()
    if "©" in text or "(c)" in lowered or "copyright" in lowered or "rights reserved" in lowered:
        return bool(_COPYRIGHT.search(text))
    return False


CTA_WORDS = 30


@dataclass(slots=True)
class Line:
    index: int
    text: str
    words: int
    lower: float  # share of words starting lowercase (letters only); see _measure
    stop: float  # share of words that are common function words; see _measure
    sentence: bool  # ends like a sentence
    copyright: bool
    caseless: bool = False  # written in a script without case (no evidence from ``lower``)
    repeated: bool = False
    raw: int = 0  # line number in the file, blank lines counted
    prose: bool = False  # is_prose(), once repeated is known
    form: tuple | None = None  # lists.shape(), worked out once when first asked
    opening: str | None = None  # lists.opening(), likewise
    marker: bool | None = None  # markers.is_end_marker(), likewise
    stamp: bool | None = None  # dates.find_stamp(text), likewise


_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def features(index: int, text: str) -> Line:
    return Line(index, text, *_measure(text))


def read_lines(texts: Iterable[tuple[int, str]]) -> list[Line]:
    """Each (line number, text) as a Line with its features, whether the page
    repeats it, and whether it is prose. A repeated line is measured once."""
    measured: dict[str, tuple] = {}
    lines: list[Line] = []
    append = lines.append
    for raw, text in texts:
        found = measured.get(text)
        if found is None:
            found = measured[text] = _measure(text)
        append(Line(len(lines), text, *found, False, raw))
    keys = [line.text.casefold() for line in lines]
    counts = Counter(keys)
    for line, key in zip(lines, keys):
        if counts[key] > 1:
            line.repeated = True
        elif line.words >= 8:  # a shorter line is never prose
            line.prose = is_prose(line)
    return lines


def _measure(text: str) -> tuple[int, float, float, bool, bool, bool]:
    """Words, lowercase share, function-word share, sentence end, copyright, caseless.

    The shares are read only for lines that may be prose or a short sentence
    (eight words or more, or two or more ending like a sentence); for the
    rest (menus, labels: most lines of a page) they are left at 0.
    """
    if text.isascii():  # most lines, even on pages that are not: ASCII matching is quicker
        words = _ASCII_WORD.findall(text)
        n = len(words)
    else:
        words = _WORD.findall(text)
        n = len(words)
        if _WIDE.search(text):
            n += len(_WIDE.findall(text)) // 2  # Chinese and Japanese: count characters
    sentence = _is_sentence(text)
    if not words or n < 2 or (n < 8 and not sentence):
        return n, 1.0 if n and not words else 0.0, 0.0, sentence, _is_copyright(text), bool(n) and not words
    initials = "".join(map(_first, words))
    if initials.isascii():  # count by deleting bytes: far quicker than a loop
        raw = initials.encode()
        lowers = len(raw) - len(raw.translate(None, _LOWER))
        cased = lowers + len(raw) - len(raw.translate(None, _UPPER))
    else:
        lowers = sum(map(str.islower, initials))
        cased = lowers + sum(map(str.isupper, initials))
    # A script without case (Korean, Chinese...) gives no evidence either way.
    caseless = not cased or cased * 3 < n
    lower = 1.0 if caseless else lowers / cased
    stop = sum(map(_ANY_CASE_STOPWORDS.__contains__, words)) / len(words)
    return n, lower, stop, sentence, _is_copyright(text), caseless


_ENDS = frozenset(".!?…。！？")


def _is_sentence(text: str) -> bool:
    tail = text[-16:]
    if _ENDS.isdisjoint(tail):  # no sentence end near the end: most lines
        return False
    return bool(_SENTENCE_END.search(tail)) and not _TRUNCATED.search(text[-8:])


_INNER_PUNCT = re.compile(r"[.,;:!?\"“”«»()]")
_LOWER = bytes(range(ord("a"), ord("z") + 1))
_UPPER = bytes(range(ord("A"), ord("Z") + 1))


def is_prose(line: Line) -> bool:
    """Running text: long enough, ends like a sentence, reads like a sentence."""
    if line.copyright or line.repeated or line.words < 8:
        return False
    if line.words <= CTA_WORDS and is_call_to_action(line.text):
        return False
    if line.words >= 8 and line.sentence and (line.stop >= 0.12 or line.lower >= 0.5):
        return True
    # A long line that does not end like a sentence is prose only if it reads
    # like one: a tag cloud or a run of links has hardly any function words.
    # (A script without case, Arabic or Korean, has no function words listed.)
    if line.words < 30:
        return False
    if line.stop >= 0.15 or line.caseless:
        return True
    # Fewer function words than we know of in its language, but lowercase
    # words with some punctuation between them: a sentence, still.
    return line.lower >= 0.6 and line.stop >= 0.05 and bool(_INNER_PUNCT.search(line.text))
