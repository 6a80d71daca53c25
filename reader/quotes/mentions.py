"""Speaker mentions: the noun phrase that names who is speaking.

No parser: a mention is found next to its reporting verb. Before the verb
("US envoy Christopher Hill said", "Mr Kim, upon arrival in Beijing, said")
it is the last clause's subject with asides set apart by commas removed;
after an inverted verb ("said Mr Hill, who ...") it runs to the first comma.
"""

from __future__ import annotations

import re

from reader.quotes.lexicon import (
    ADVERBS,
    DETERMINERS,
    NOT_NAMES,
    PERSON_NOUNS,
    PRONOUNS,
    STRONG_CUES,
    role_strength,
)

_WORD = re.compile(r"\S+")
# Words after which a new clause (and so a new subject) starts.
_CLAUSE = frozenset(
    """that which who whom whose when while because and but as if after before
    since where so or although though than until unless whether what how why
    also then""".split()
)
_LEADING = frozenset(
    """but and so then still yet now later meanwhile also indeed however
    instead finally asked speaking earlier today yesterday tonight
    here there""".split()
)
_MAX_WORDS = 12
_SEGMENT = re.compile(r"[,;—–―]|--|\s-\s")
_VERBAL = frozenset(
    "was is were are has have had will would been be being do does did can could".split()
)
# Where a name after an inverted verb ends ("said Mr Hill on Monday").
_STOP_AFTER = re.compile(
    r"[,.;:!?()\[\]“”\"]|\s(?:who|whose|which|on|in|at|during|after|before|to|about|of|from|"
    r"last|this|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s"
)
_STOP_AFTER_PHRASE = re.compile(r"[,.;:!?()\[\]“”\"]|\s(?:who|whose|which|on|last|this)\s")


_ABBREVIATIONS = frozenset(
    """mr mrs ms dr sen rep gov gen lt col sgt capt prof rev st jr sr adm maj cmdr
    cpl insp supt det cllr fr brig""".split()
)


def _abbreviation(text: str, lo: int, dot: int) -> bool:
    """Whether the period at ``dot`` ends an initial or a title ("J.", "Mr.")."""
    j = dot
    while j > lo and text[j - 1].isalpha():
        j -= 1
    word = text[j:dot]
    return len(word) == 1 or word.lower() in _ABBREVIATIONS


def _words(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, lo, hi)]


def _bare(word: str) -> str:
    return word.strip(",.;:!?()[]\"“”‘’'").lower()


def looks_like_speaker(words: list[tuple[int, int, str]]) -> bool:
    """A pronoun, something with a capitalised word, or a person noun phrase."""
    if not words:
        return False
    first = _bare(words[0][2])
    first = re.sub(r"[’'](?:s|d|ll)$", "", first)
    if len(words) == 1 and first in PRONOUNS:
        return first != "it"
    if first in PRONOUNS and len(words) > 1:
        return False
    if first in DETERMINERS and len(words) <= 8:
        return True
    for _, _, w in words:
        if w[:1].isupper() or _bare(w) in PERSON_NOUNS:
            return True
    return False


def _clean(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Cut to the last clause and drop leading conjunctions and trailing adverbs."""
    for i in range(len(words) - 1, -1, -1):
        b = _bare(words[i][2])
        if b in _CLAUSE and i < len(words) - 1:
            words = words[i + 1 :]
            break
        if b in ("and", "but", "then") and i == len(words) - 1 and i > 0:
            # "I laughed and said": the subject opens the first clause.
            lead = _clean(words[:i])
            return lead[: _subject_length(lead)]
    while words and _bare(words[-1][2]) in ADVERBS:
        words = words[:-1]
    while words and _bare(words[0][2]) in _LEADING:
        words = words[1:]
    return words


def _subject_length(words: list[tuple[int, int, str]]) -> int:
    """How many words open the clause as its subject: a pronoun, a name, or a
    name after its role ("Transport campaigner Aled Hughes welcomed ...")."""
    k = caps = 0
    while k < len(words) and caps < 4:
        w = words[k][2]
        if _bare(w) in PRONOUNS:
            return k + 1
        if w[:1].isupper():
            k, caps = k + 1, caps + 1
            continue
        # Up to two lower-case words ending in a role, then a capitalised name.
        role = next(
            (j for j in range(k, min(k + 3, len(words) - 1)) if role_strength(_bare(words[j][2]))),
            None,
        )
        if role is None or not words[role + 1][2][:1].isupper():
            break
        if any(words[j][2][:1].isupper() for j in range(k, role)):
            break
        k = role + 1
    return k


def _segments(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    out = []
    start = lo
    for m in _SEGMENT.finditer(text, lo, hi):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, hi))
    return out


def _bare_name(words: list[tuple[int, int, str]]) -> bool:
    """Two to four capitalised words and initials: "Laurence H. Tribe"."""
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w[0] not in "“\"‘'" for _, _, w in words)


def subject_before(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The subject of a verb at ``hi``, looking no further back than ``lo``."""
    seg_text = text[lo:hi].rstrip()
    hi = lo + len(seg_text)
    if seg_text.endswith(")") and "(" in seg_text:  # "Gov. John Kasich (R-Ohio) said"
        hi = lo + seg_text.rindex("(")
    words = _words(text, lo, hi)
    while words and _bare(words[-1][2]) in ADVERBS:
        words = words[:-1]
    if not words:
        return None
    hi = words[-1][1]
    segs = _segments(text, lo, hi)
    segs = [s for s in segs if text[s[0] : s[1]].strip()]
    if not segs:
        return None
    if text[hi - 1] in ",—–-" and len(segs) > 1:
        # "Name, an aside, said": the subject is the nearest earlier segment
        # that starts like a name, else the first one before the asides.
        chosen = None
        last = _clean(_words(text, *segs[-1]))
        first = _clean(_words(text, *segs[-2]))
        if _bare_name(last) and first and not _bare_name(first):
            chosen = last  # "Labour's shadow chancellor, John McDonnell, said"
        for s, e in [] if chosen else reversed(segs[:-1]):
            w = _clean(_words(text, s, e))
            if w and w[0][2] in NOT_NAMES and _bare(w[0][2]) not in PRONOUNS:
                continue  # "In a statement to the Observer, ..."
            if w and (w[0][2][:1].isupper() or _bare(w[0][2]) in PRONOUNS):
                chosen = w
                break
        if chosen is None:
            chosen = _clean(_words(text, *segs[0]))
        words = chosen
    else:
        words = _clean(_words(text, *segs[-1]))
    if not words or len(words) > _MAX_WORDS or not looks_like_speaker(words):
        return None
    if any(w in STRONG_CUES or w in _VERBAL for _, _, w in words):
        return None
    start, end = words[0][0], words[-1][1]
    while end > start and text[end - 1] in ",.;:)”\"’'":
        end -= 1
    return (start, end) if end > start else None


def subject_after(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The subject after an inverted verb ("said Mr Hill, who ...")."""
    seg = text[lo:hi]
    stripped = seg.lstrip()
    start = lo + len(seg) - len(stripped)
    if not stripped:
        return None
    first = _bare(stripped.split(None, 1)[0])
    # "Mr Hill" and "campaign manager Robby Mook" end where a name ends;
    # "a source close to the talks" runs to the first comma.
    named = stripped[:1].isupper() or (first not in DETERMINERS and first not in PRONOUNS)
    pattern = _STOP_AFTER if named else _STOP_AFTER_PHRASE
    end = hi
    for stop in pattern.finditer(text, start, hi):
        if stop.group() == "." and _abbreviation(text, start, stop.start()):
            continue
        end = stop.start()
        break
    words = _words(text, start, end)[:_MAX_WORDS]
    if not words:
        return None
    if not stripped[:1].isupper() and named and not any(w[:1].isupper() for _, _, w in words):
        return None  # a lower-case phrase with no determiner and no name
    if not looks_like_speaker(words):
        return None
    s, e = words[0][0], words[-1][1]
    while e > s and text[e - 1] in ",.;:)”\"’'":
        e -= 1
    return (s, e) if e > s else None


_TRAILING_NAME = re.compile(r"(?:(?:[A-Z][\w’'.-]*|de|van|von|al)\s+){0,3}[A-Z][\w’'-]*\s*$|(?:\b[Hh]e|\b[Ss]he)\s*$")


def trailing_name(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """A name or pronoun just before ``hi`` ("footage of Hillary Clinton asking")."""
    m = _TRAILING_NAME.search(text, lo, hi)
    if not m:
        return None
    end = m.start() + len(m.group().rstrip())
    return (m.start(), end) if end > m.start() else None
