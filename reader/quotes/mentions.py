"""Speaker mentions: the noun phrase that names who is speaking.

No parser: a mention is found next to its reporting verb. Before the verb
("US envoy Christopher Hill said", "Mr Kim, upon arrival in Beijing, said")
it is the last clause's subject with asides set apart by commas removed;
after an inverted verb ("said Mr Hill, who ...") it runs to the first comma.
"""

from __future__ import annotations

import re

from reader.quotes.firstnames import is_given_name
from reader.quotes.lexicon import (
    BEFORE_VERB,
    DETERMINERS,
    NOT_NAMES,
    PERSON_NOUNS,
    PRONOUNS,
    STRONG_CUES,
    WEAK_CUES,
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
_ROLE_OF_WORDS = 8  # "former secretary of state Ana Ruiz"
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
    """The words of ``text[lo:hi]`` with their offsets (what ``_WORD`` finds:
    each word is found from where the last one ended, past spaces only)."""
    out = []
    end = lo
    for word in text[lo:hi].split():
        start = text.find(word, end)
        end = start + len(word)
        out.append((start, end, word))
    return out


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
        if b == "and" and 0 < i < len(words) - 1 and _joint(words, i):
            continue  # "Dora Quill and Ray Pardo said": one speaker of two
        if b in _CLAUSE and i < len(words) - 1:
            words = words[i + 1 :]
            break
        if b in ("and", "but", "then") and i == len(words) - 1 and i > 0:
            # "I laughed and said": the subject opens the first clause.
            lead = _clean(words[:i])
            return lead[: _subject_length(lead)]
    while words and _bare(words[-1][2]) in BEFORE_VERB:
        words = words[:-1]
    while words and _bare(words[0][2]) in _LEADING:
        words = words[1:]
    return words


def _joint(words: list[tuple[int, int, str]], i: int) -> bool:
    """Whether the "and" at ``i`` joins two full names and nothing else."""
    left, right = words[:i], words[i + 1 :]
    return _bare_name(left) and _bare_name(right)


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
    """Two to four capitalised words and initials: "Dora H. Quill"."""
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w[0] not in "“\"‘'" for _, _, w in words)


# Words after which a reporting verb's form is a noun: "the email", "his post".
_NOUN_BEFORE = frozenset("a an the his her its their this that my our your another every".split())
_RELATIVE = frozenset("that which who".split())


def _antecedent(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Written text after a noun: "a sign that read", "bottles which said" ->
    the noun phrase before the relative word."""
    if len(words) < 2 or _bare(words[-1][2]) not in _RELATIVE:
        return words
    k = len(words) - 2
    for j in range(len(words) - 2, max(-1, len(words) - 6), -1):
        b = _bare(words[j][2])
        if b in _VERBAL or b in STRONG_CUES and not (j and _bare(words[j - 1][2]) in _NOUN_BEFORE):
            break
        k = j
        if b in _NOUN_BEFORE:
            break
    return words[k:-1]


def subject_before(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The subject of a verb at ``hi``, looking no further back than ``lo``."""
    seg_text = text[lo:hi].rstrip()
    hi = lo + len(seg_text)
    if seg_text.endswith(")") and "(" in seg_text:  # "Gov. Neil Harrow (R-Ohio) said"
        hi = lo + seg_text.rindex("(")
    words = _words(text, lo, hi)
    while words and _bare(words[-1][2]) in BEFORE_VERB:
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
            chosen = last  # "The union's chief negotiator, Pia Lund, said"
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
    words = _antecedent(words)
    if not words or len(words) > _MAX_WORDS or not looks_like_speaker(words):
        return None
    if any(
        (w in STRONG_CUES and not (k and _bare(words[k - 1][2]) in _NOUN_BEFORE)) or w in _VERBAL
        for k, (_, _, w) in enumerate(words)
    ):
        return None  # a verb in the phrase (but "the email", "his statement" are nouns)
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
    # "Mr Hill" and "campaign manager Iris Vale" end where a name ends;
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
        # "master of ceremonies Ana Ruiz, who ...", "former secretary of
        # state Ana Ruiz": a role with its "of" tail, then the name, to the comma.
        end = next((m.start() for m in _STOP_AFTER_PHRASE.finditer(text, start, hi)), hi)
        words = _words(text, start, end)[:_MAX_WORDS]
        if not (words and words[-1][2][:1].isupper() and len(words) <= _ROLE_OF_WORDS):
            return None  # a lower-case phrase with no determiner and no name
    if not looks_like_speaker(words):
        return None
    s, e = words[0][0], words[-1][1]
    while e > s and text[e - 1] in ",.;:)”\"’'":
        e -= 1
    return (s, e) if e > s else None


_TRAILING_NAME = re.compile(r"(?:(?:[A-Z][\w’'.-]*|de|van|von|al)\s+){0,3}[A-Z][\w’'-]*\s*$|(?:\b[Hh]e|\b[Ss]he)\s*$")


def trailing_name(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """A name or pronoun just before ``hi`` ("footage of Joan Ferris asking")."""
    m = _TRAILING_NAME.search(text, lo, hi)
    if not m:
        return None
    end = m.start() + len(m.group().rstrip())
    return (m.start(), end) if end > m.start() else None


# -- what may be a mention at all -------------------------------------------
# Closed-class words a mention never ends with: "Ortiz still", "a clerk who".
_NEVER_LAST = frozenset(
    """who whom whose which that and but or nor also still never just even
    already now then too only again always ever yet soon once""".split()
)
# Words ending in -ly that are nouns or adjectives, not adverbs.
_LY_WORDS = frozenset(
    """family ally rally assembly supply anomaly monopoly belly bully folly
    jelly lily holly fly reply daily weekly monthly quarterly yearly elderly
    early only""".split()
)
_CLITIC = re.compile(r"[’'](?:s|re|ve|ll|d|m)$", re.I)
# Documents that stand for whoever issued them: "a statement from Acme".
_DOCUMENT = (
    r"statement|email|e-mail|letter|release|memo|tweet|post|note|message|notice|"
    r"announcement|filing|complaint|report"
)
_ISSUED = re.compile(
    r"(?:(?:a|an|the|its|his|her|their)\s+)?(?:[\w-]+\s+){0,2}?(?:" + _DOCUMENT + r")s?\s+"
    r"(?:(?:issued|released|sent|posted|published|signed)\s+)?(?:from|by)\s+(\S.*)$",
    re.I,
)
_ISSUER_POSSESSIVE = re.compile(r"(.+?)[’']s?\s+(?:[\w-]+\s+)?(?:" + _DOCUMENT + r")s?$", re.I)
# A proper-noun chain after "envoy to", "minister of": the place or body it
# names, then the person ("the envoy to Norway Liu Xiaming").
# A role and the place or body it serves: the role is the speaker.
_OFFICE_OF = re.compile(
    r"(.*\b[a-z][\w-]*)\s+(?:to|of|for|at|from)\s+(?:the\s+)?([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?)$"
)
_LEADING_PREPOSITION = re.compile(r"(?:including|among|like|even)\s+(?=\S)", re.I)
_AFTER_PREPOSITION = re.compile(
    r"\b[a-z][\w-]*\s+(?:to|of|for|at|from|in)\s+((?:[A-Z][\w’'.-]*\s+){2,}[A-Z][\w’'-]*)$"
)


def _adverb_after_name(word: str, prev: str) -> bool:
    """A trailing adverb cut from "Ortiz allegedly told" (after a name or pronoun)."""
    b = _bare(word)
    if word[:1].isupper() or not b:
        return False
    if b in _NEVER_LAST:
        # "a clerk who", "Ortiz still"; but "Buckley first learned who" is no
        # noun phrase with a clause word after it: left as it is.
        before = _bare(prev)
        return prev[:1].isupper() or not before.endswith(("ed", "ly")) or before in _LY_WORDS
    return (
        len(b) > 4
        and b.endswith("ly")
        and b not in _LY_WORDS
        and (prev[:1].isupper() or _bare(prev) in PRONOUNS)
    )


_POSSESSED_WORDS = 3
# Prepositions that open a time or place phrase, never a speaker.
_PHRASE_OPENERS = frozenset("on in during at after before since until throughout amid to".split())
_PREPOSITIONS = frozenset("in on at of for with from during after before by about to into".split())


def _possessed(text: str, pos: int) -> int | None:
    """Where the noun phrase after a possessive at ``pos`` ends, before its verb."""
    end = None
    for _, e, w in _words(text, pos, min(len(text), pos + 80))[:_POSSESSED_WORDS]:
        b = _bare(w)
        if not b or b in STRONG_CUES or b in _VERBAL or b in BEFORE_VERB or b in _CLAUSE or b in WEAK_CUES:
            break
        if b in _PREPOSITIONS or (end is not None and b.endswith("ed")):
            break  # "Jane Roe’s lawyer in court", "Roe’s campaign shrugged off"
        if not w[-1].isalnum():
            if w[-1] in ",;:.!?\"”":
                break
        end = e
    return end


def vet(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """A mention as it may stand as a speaker, or None when it cannot be one.

    Trailing adverbs and clause words go ("Ortiz allegedly", "Vance still",
    "a clerk who"); contractions of closed-class words ("You’re",
    "That’s") and possessives cut from their noun ("Jane Roe’s") are no
    mention; a document with its issuer stands for the issuer ("a
    statement from Acme", "Acme's email"); a person named after a place
    ("the envoy to Norway Liu Xiaming") starts at the person.
    """
    s, e = span
    words = _words(text, s, e)
    if words and _bare(words[0][2]) in _PHRASE_OPENERS:
        # "On Monday", "During the call": a time or place, not a speaker;
        # "In a Bloomberg interview Trump": the name after the phrase.
        k = len(words)
        while k > 1 and (words[k - 1][2][:1].isupper() or _bare(words[k - 1][2]) in PRONOUNS):
            k -= 1
        if k == len(words) or not any(w[:1].islower() for _, _, w in words[1:k]):
            return None
        s, words = words[k][0], words[k:]
    while len(words) > 1 and _adverb_after_name(words[-1][2], words[-2][2]):
        words = words[:-1]
    if not words:
        return None
    tail = words[:-1] if len(words) > 2 and _bare(words[-1][2]) in _RELATIVE else words
    if len(tail) > 1 and tail[-1][2].islower() and _bare(tail[-1][2]).endswith("ed") and tail[0][2][:1].isupper():
        # "Buckley first learned (who)": a clause; its subject is the name opening it
        k = 0
        while k < len(words) and words[k][2][:1].isupper():
            k += 1
        if _bare(words[0][2]) in DETERMINERS or k == len(tail):
            k = len(words)
        words = words[:k]
    e = words[-1][1]
    while e > s and text[e - 1] in ",.;:)”\"’'":
        e -= 1
    last = words[-1][2].rstrip(",.;:)”\"")
    base = _CLITIC.sub("", last)
    if base != last:
        if _bare(base) in PRONOUNS:
            pass  # "he’s said"
        elif len(words) == 1 and base.capitalize() in NOT_NAMES:
            return None  # "You’re told", "That’s the rule"
        elif last.lower().endswith(("’s", "'s")):
            # A possessive: the noun it qualifies was cut off ("Jane Roe’s
            # lawyer said"); it comes back, or there is no mention.
            e = _possessed(text, words[-1][1])
            if e is None:
                return None
    phrase = text[s:e]
    issued = _ISSUED.match(phrase)
    if issued:
        return s + issued.start(1), e
    possessive = _ISSUER_POSSESSIVE.match(phrase)
    if possessive and possessive.group(1)[:1].isupper():
        return s, s + possessive.end(1)
    lead = _LEADING_PREPOSITION.match(phrase)
    if lead:  # "including a career officer"
        s, phrase = s + lead.end(), phrase[lead.end() :]
    office = _OFFICE_OF.match(phrase)
    if office:
        return s, s + office.end(1)  # "China’s ambassador to Britain", "a spokesman for Acme"
    chain = _AFTER_PREPOSITION.search(phrase)
    if chain:
        names = list(_WORD.finditer(phrase, chain.start(1), chain.end(1)))
        k = next((i for i in range(1, len(names) - 1) if is_given_name(names[i].group())), len(names) - 2)
        return s + names[k].start(), e
    return (s, e) if e > s else None


# A capitalised word inside a sentence: after a word or a comma and a space.
_INSIDE = re.compile(r"(?<=[^\s.!?:;…\"“‘'(\[«„]\s)[A-Z][\w-]*(?:[’'][A-Za-z][\w-]+)*")
_OPENING = "\"“‘'([«„ \u00a0\t"


def _sentence_initial(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence (or the paragraph)."""
    j = pos
    while j > 0 and text[j - 1] in _OPENING:
        j -= 1
    return j == 0 or text[j - 1] in ".!?:;…"


_CHAIN = re.compile(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w-]*(?:[’'][A-Za-z][\w-]+)*)+")


class Vocabulary:
    """The capitalised words an article writes inside sentences or inside a
    longer name (built once, on first use): a word that is capitalised only
    where a sentence opens ("Quick tip:", "One thing is clear:") is an
    ordinary word, not a name."""

    def __init__(self, paragraphs) -> None:
        self._paragraphs = paragraphs
        self._inside: set[str] | None = None

    def _build(self) -> set[str]:
        inside: set[str] = set()
        for p in self._paragraphs:
            inside.update(_INSIDE.findall(p.text))
            for chain in _CHAIN.findall(p.text):
                inside.update(chain.split()[1:])
        return inside

    def opener(self, text: str, span: tuple[int, int]) -> bool:
        """Whether the mention at ``span`` is one sentence-opening ordinary word."""
        s, e = span
        word = text[s:e]
        if not word[:1].isupper() or not word.isalpha() or not _sentence_initial(text, s):
            return False
        if word.lower() in PRONOUNS or is_given_name(word):
            return False
        if self._inside is None:
            self._inside = self._build()
        return word not in self._inside
