"""Names inside mention phrases: "US envoy Christopher Hill" -> Christopher Hill.

A mention is split into runs of capitalised words; possessive runs
("North Korea's") and bare titles are set aside, and the run nearest the
head of the phrase is the person's name. A phrase that ends in a common noun
("a Chinese foreign ministry spokesperson") is kept as a description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from reader.quotes.firstnames import first_name_gender, is_given_name
from reader.quotes.lexicon import (
    COUNTRIES,
    HONORIFICS,
    NOT_NAMES,
    PRONOUNS,
    SURNAME_TITLES,
    TITLES,
    US_STATES,
    role_strength,
)

_TOKEN = re.compile(r"[\w.’'-]+|[^\w\s]")
_PARTICLES = frozenset("de del della der di da van von bin al el la le du dos das st. st".split())
_CUT = frozenset("of at from for with in on".split())
_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
_ARTICLES = frozenset("a an the".split())
# Heads of a definite description that stands for someone already named:
# "the New York businessman said" (but "the source said" is someone new).
_EPITHETS = {w: "" for w in """candidate nominee senator governor lawmaker
    president contender hopeful politician democrat republican vice-president
    mayor minister chancellor""".split()}
_EPITHET_WORDS = 10  # "the independent Vermont senator and Democratic candidate"
_EPITHETS.update(businessman="m", congressman="m", businesswoman="f", congresswoman="f")


@dataclass(frozen=True, slots=True)
class NameInfo:
    kind: str  # pronoun | name | phrase | epithet | joint
    name: str  # the name without titles, the phrase without its article, or the pronoun
    tokens: tuple[str, ...] = ()
    gender: str = ""  # m | f | p (plural) | "" unknown
    form: str = ""  # the name as written, titles included ("Mr Kim")


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def title_at(tokens, k: int, head: bool | None = None) -> bool:
    """Whether ``tokens[k]`` is a title: "Captain" in "Captain Ellen Marsh".

    One that is also a surname counts only at the ``head`` of a name (by
    default: first, or after another title), before another capitalised
    word ("Major Ray Dunn", not "John Major").
    """
    low = tokens[k].lower()
    if low not in TITLES:
        return False
    if k + 2 == len(tokens) and tokens[k + 1].lower().strip(".") in _PLACE_OR_BODY:
        return False  # "General Motors", "Bishop Street"
    if low not in SURNAME_TITLES:
        return True
    if head is None:
        head = k == 0 or tokens[k - 1].lower() in TITLES
    return head and k + 1 < len(tokens) and _is_cap(tokens[k + 1])


def _bare_title(word: str) -> bool:
    """A title standing alone ("President"); "Bishop" alone may be a surname."""
    return word.lower() in TITLES and word.lower() not in SURNAME_TITLES


@lru_cache(maxsize=4096)
def parse(phrase: str) -> NameInfo:
    """Classify a mention phrase and pull out the name it holds; two full
    names joined by "and" are one joint speaker ("Dora Quill and Ray Pardo").
    A pure function of the phrase, kept for the phrases an article repeats
    ("he", "Ms Quill")."""
    left, sep, right = phrase.partition(" and ")
    if sep and " and " not in right:
        a, b = _parse(left), _parse(right)
        if a.kind == b.kind == "name" and len(a.tokens) > 1 and len(b.tokens) > 1:
            return NameInfo("joint", f"{a.name} and {b.name}", (), "p", phrase)
    return _parse(phrase)


def _parse(phrase: str) -> NameInfo:
    low = phrase.strip().lower()
    if low.endswith(("’s", "'s", "’d", "'d", "’ll", "'ll")):
        low = low.rsplit("’" if "’" in low else "'", 1)[0]  # "He’s claiming"
    if low in PRONOUNS:
        return NameInfo("pronoun", low, (), PRONOUNS[low])
    toks = _TOKEN.findall(phrase)
    runs: list[tuple[list[str], bool, int]] = []  # tokens, possessive, index after the run
    cur: list[str] = []
    cut_at = None
    for i, t in enumerate(toks):
        low_t = t.lower()
        possessive = low_t.endswith(("’s", "'s", "s’", "s'")) and len(t) > 2
        if _is_cap(t) or (cur and low_t in _PARTICLES) or (cur and low_t in _SUFFIXES):
            base = t[:-2] if low_t.endswith(("’s", "'s")) else t
            cur.append(base)
            if possessive:
                runs.append((cur, True, i))
                cur = []
            continue
        if cur:
            runs.append((cur, False, i))
            cur = []
        if low_t in _CUT and cut_at is None and runs:
            cut_at = len(runs)
    if cur:
        runs.append((cur, False, len(toks)))
    last_tok = toks[-1].lower() if toks else ""
    candidates = [r for r in runs if not r[1]]
    if cut_at is not None:
        before = [r for r in runs[:cut_at] if not r[1]]
        person = _office_then_person(before, candidates) if before else None
        if person is not None:
            candidates = [(person, False, candidates[-1][2])]
        elif before:
            candidates = before
    best: list[str] | None = None
    best_suffix: list[str] = []
    best_end = 0
    best_form = ""
    gender = ""
    for tokens, _, after in reversed(candidates):
        core = list(tokens)
        stripped, honorific = False, []
        title_gender = ""
        while len(core) > 1 and title_at(core, 0):
            title_gender = title_gender or TITLES[core[0].lower()]
            if honorific or core[0].lower() in HONORIFICS:
                honorific.append(core[0])  # "Mr", "Lieutenant Colonel"
            core, stripped = core[1:], True
        suffix = []
        while core and core[-1].lower() in _SUFFIXES:
            suffix.insert(0, core.pop())
        if not core or (
            len(core) == 1
            and not stripped
            and (core[0].rstrip(".") in NOT_NAMES or _bare_title(core[0]))
        ):
            continue
        if core[0] in NOT_NAMES and len(core) > 1:
            core = core[1:]
        for j in range(len(core) - 2, -1, -1):
            if title_at(core, j):  # "City Attorney Brad Holm"
                title_gender = title_gender or TITLES[core[j].lower()]
                core = core[j + 1 :]
                break
        if len(core) > 1:
            core = list(full_forms(tuple(core)))
        if len(core) > 1 and _bare_title(core[-1]):
            break  # an office, not a person: "the United Nations High Commissioner for ..."
        best, best_suffix, best_end = core, suffix, after
        best_form = " ".join(honorific + core + suffix)
        gender = title_gender or (first_name_gender(core[0]) if len(core) > 1 else "")
        break
    head_is_noun = bool(toks) and not _is_cap(toks[-1]) and last_tok not in _SUFFIXES
    if best is None or (head_is_noun and toks[0].lower() in _ARTICLES | {"another"}) or _modifier(toks, best_end):
        words = phrase.split()
        if words and words[0].lower() in _ARTICLES:
            if words[0].lower() == "the" and len(words) <= _EPITHET_WORDS and words[-1].lower() in _EPITHETS:
                return NameInfo("epithet", " ".join(words[1:]), (), _EPITHETS[words[-1].lower()])
            words = words[1:]
        return NameInfo("phrase", " ".join(words), (), "")
    return NameInfo("name", " ".join(best + best_suffix), tuple(best), gender, best_form)


def _office_then_person(before, candidates) -> list[str] | None:
    """The person named after an office with "of" in it: "Secretary of State
    Mike Pompeo", "Minister of Foreign Affairs Ana Ruiz" (the name starts at
    its first given name after the office's words), or None ("President of
    the United States" names no one)."""
    if not all(len(r[0]) == 1 and _bare_title(r[0][0]) for r in before):
        return None
    last = candidates[-1][0]
    if len(last) < 3:
        return None
    k = next((i for i in range(1, len(last) - 1) if is_given_name(last[i])), None)
    person = last[k:] if k is not None else None
    return person if person and looks_personal(tuple(person)) else None


def _modifier(toks: list[str], end: int) -> bool:
    """Whether the name ending before ``toks[end]`` only qualifies the common
    noun after it: "Israeli officials", "Labour leader", "Shop owners in
    Munich" are descriptions, not the people "Israeli", "Labour", "Shop"."""
    words = []
    for tok in toks[end:]:
        if tok.lower() in _CUT or not tok[:1].isalpha():
            break
        words.append(tok)
    return bool(words) and all(w.islower() and w not in _NOT_HEAD for w in words)


_NOT_HEAD = frozenset("and or nor who whom whose which that".split())


# -- names written anywhere in the article ------------------------------
# The capital comes first and the look-behind after it (no name starts
# inside a word), so the regex engine skips to the next capital in one step.
_RUN = re.compile(
    r"[A-Z](?<![\w’'.-][A-Z])[\w’'.-]*(?:\s+(?:(?:de|van|von|bin|al|el|la|del|da|di|le)\s+)?[A-Z][\w’'.-]*)*"
)
_NOT_FIRST = frozenset(
    """democrat democrats democratic republican republicans gop rival former
    retired candidate nominee presidential post times news journal press
    party house senate congress court committee campaign fox cnn nbc abc cbs
    msnbc white black american americans u.s. us new north south east west
    el los las san santa fort port mount lake saint great united majority
    minority whip ranking acting interim assistant one""".split()
)
_PLACE_OR_BODY = frozenset(
    """house street city county state states university college party
    department committee news post times center centre institute foundation
    association council court senate congress club company group inc corp
    fund bank church school hospital airport island river park hall square
    tower building bureau agency office service ministry union network
    channel media journal magazine review press daily weekly republic
    kingdom valley beach heights airlines motors capital embassy consulate
    army navy administration government parliament assembly commission
    authority board laboratory observatory museum library
    station command corps guard secretariat cabinet exchange trust society
    federation league alliance coalition organization organisation
    corporation ltd llc plc industries technologies systems studios records
    tribune herald gazette chronicle register research""".split()
)
# Endings of abstract nouns, which name offices and bodies, never people.
_ABSTRACT = ("tion", "sion", "ment", "ship", "ness", "ism", "ance", "ence", "ity")


_NAME_SHAPED = re.compile(r"[A-Z](?:[a-z]*(?:[-’'][A-Za-z][a-z]+)*|\.)$|[A-Z][a-z]*[A-Z][a-z]+$")


@lru_cache(maxsize=8192)  # a pure function of the words, asked again for each name and pronoun
def looks_personal(tokens: tuple[str, ...]) -> bool:
    """Whether a two- or three-word name could be a person's ("Bo Zell", not "New York")."""
    return (
        2 <= len(tokens) <= 3
        and all(_NAME_SHAPED.match(t) for t in tokens)
        and not any(t.lower() in _NOT_FIRST for t in tokens)
        and not any(t.lower().strip(".") in _PLACE_OR_BODY for t in tokens)
    )


@lru_cache(maxsize=8192)  # a pure function of the words, asked again for each name and pronoun
def looks_like_surname(token: str) -> bool:
    """Whether one capitalised word could be a person's surname ("Ortiz", not "CNN")."""
    low = token.lower().strip(".")
    return (
        len(token) > 1
        and token[1] != "-"  # "R-Texas", "D-Calif."
        and not token.endswith(("ing", "ly", "ed"))  # "Reacting", "Recently"
        and bool(_NAME_SHAPED.match(token))
        and token not in NOT_NAMES
        and low not in _NOT_FIRST
        and low not in _PLACE_OR_BODY
        and low not in TITLES
        and low not in US_STATES
        and low not in COUNTRIES
    )


class Run(NamedTuple):
    """A capitalised name written in the text, titles removed."""

    paragraph: int
    start: int
    tokens: tuple[str, ...]
    gender: str  # from a title just before it


def _initial(tok: str) -> bool:
    return len(tok) == 2 and tok[1] == "." and tok[0].isupper()


def _ends_sentence(tok: str) -> bool:
    if not tok.endswith(".") or _initial(tok):
        return False
    return tok.lower() not in TITLES and tok.lower().rstrip(".") not in ("jr", "sr", "st", "u.s")


def name_runs(paragraphs) -> list[Run]:
    """Every capitalised run, cut at sentence ends, titles and possessives."""
    out: list[Run] = []
    for i, p in enumerate(paragraphs):
        for m in _RUN.finditer(p.text):
            pos = m.start()
            for at, tokens, gender in _split_run(m.group()):
                out.append(Run(i, pos + at, tokens, gender))
    return out


@lru_cache(maxsize=8192)
def _split_run(group: str) -> tuple[tuple[int, tuple[str, ...], str], ...]:
    """The runs in one capitalised stretch: (offset into it, tokens, gender).
    A pure function of the words, so each distinct stretch is split once."""
    if " " not in group:  # the common case: one word
        if group in NOT_NAMES or _bare_title(group):
            return ()
        low = group.lower()
        if low.endswith(("’s", "'s")):
            group = group[:-2]
        elif group.endswith(".") and _ends_sentence(group):
            group = group[:-1]
        return ((0, (group,), ""),)
    out: list[tuple[int, tuple[str, ...], str]] = []
    cur: list[str] = []
    cur_start = 0
    gender = ""
    offset = 0
    toks = group.split()
    for n, tok in enumerate(toks):
        at = group.index(tok, offset)
        offset = at + len(tok)
        low = tok.lower()
        if tok in NOT_NAMES or title_at(toks, n, head=not cur):
            if cur:
                out.append((cur_start, tuple(cur), gender))
            cur, gender = [], TITLES.get(low, "") or gender
            continue
        if not cur:
            cur_start = at
        possessive = low.endswith(("’s", "'s"))
        ends = not possessive and _ends_sentence(tok)
        cur.append(tok[:-2] if possessive else tok[:-1] if ends else tok)
        if possessive or ends:
            out.append((cur_start, tuple(cur), gender))
            cur, gender = [], ""
    if cur:
        out.append((cur_start, tuple(cur), gender))
    return tuple(out)


@lru_cache(maxsize=8192)  # a pure function of the words, asked again for each name and pronoun
def full_forms(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The personal-name tail of a run: "Rival Joan Ferris" -> Joan Ferris.

    Up to four words are kept ("Hans Joachim Brandt"), cut after the
    last one the lexicon knows is no part of a name ("Texas Republican Tom
    Webb"): a capitalised word it does not know may be a given name
    ("Marisol Angela Price") and stays.
    """
    if len(tokens) > 1 and tokens[-1].lower().strip(".") in _PLACE_OR_BODY:
        return tuple(tokens[-6:])  # a body or place, taken whole: "White House", "US Embassy"
    tail = list(tokens[-4:])
    for k in range(len(tail) - 2, -1, -1):
        if _not_name(tail, k):
            tail = tail[k + 1 :]
            break
    while len(tail) > 1 and (tail[0].lower() in _NOT_FIRST or title_at(tail, 0) or _initial(tail[0])):
        tail = tail[1:]
    return without_role(tuple(tail))


def _not_name(tokens, k: int) -> bool:
    """Whether ``tokens[k]``, before a name, is a word no name is made of."""
    low = tokens[k].lower().strip(".")
    if is_given_name(tokens[k]):
        return False
    return (
        low in _NOT_FIRST
        or low.endswith(_ABSTRACT)  # "Public Prosecution Anna Berg": an office, then the person
        or low in _PLACE_OR_BODY
        or low in COUNTRIES
        or low in US_STATES
        or tokens[k] in NOT_NAMES
        or title_at(tokens, k)
        or role_strength(tokens[k]) == 2
    )


@lru_cache(maxsize=8192)  # a pure function of the words, asked again for each name and pronoun
def without_role(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A name without the role written before it: "Economist Jones", "Campaigner
    Aled Hughes" (a word that only ends like a role needs a full name after it;
    one before an initial is a given name: "Sander M. Holt")."""
    while len(tokens) > 1 and not is_given_name(tokens[0]) and not _initial(tokens[1]):
        strength = role_strength(tokens[0])
        if not strength or strength + len(tokens) <= 3:
            break
        tokens = tokens[1:]
    return tokens
