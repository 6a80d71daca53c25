"""Cues: the reporting verb (or colon) that ties a quotation to a speaker.

For each quotation the text around it, up to the neighbouring quotations and
the sentence edges, is searched in order of trust: a cue right after the
closing mark (", he said", ", said Mr Hill", ", Mr Kim, who ..., added"), a
cue right before the opening mark ("Mr Kim said:", "According to Ms Lee,"),
a reporting verb earlier in the same sentence ("Hill said he expects talks
to restart "very soon""), then a colon introducing the quotation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from reader.quotes.lexicon import (
    BARE_FORMS,
    role_strength,
    NOT_NAMES,
    PERSON_NOUNS,
    PRONOUNS,
    STRONG_CUES,
    WEAK_CUES,
)
from reader.quotes.mentions import subject_after, subject_before, trailing_name, vet
from reader.quotes.sentences import sentence_end, sentence_start

_ALL = sorted(STRONG_CUES | WEAK_CUES | {"according to"}, key=len, reverse=True)
# Verbs that open a sentence before their subject: 'Said Ms Quill, "..."'.
_INVERTED = (
    "Said", "Says", "Added", "Adds", "Asked", "Wrote", "Writes", "Continued", "Replied", "Recalled",
)


def _trie(words: set[str]) -> str:
    """One regex for ``words`` with shared prefixes factored out ("sa(?:id|ys)").

    It finds the same words as a plain alternation, longest first, but the
    regex engine fails fast at each position instead of trying every word:
    about eight times as fast on news.
    """
    root: dict[str, dict] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


_CUE = re.compile(
    r"(?<![\w’'-])" + _trie({"according to", "According to", *_ALL, *_INVERTED}) + r"(?![\w’'-])"
)
_BRACKET_SOURCE = re.compile(r"\s*\[([A-Z][^\]\n]{0,40}?)\.?\]")
_NOT_VERB_AFTER = frozenset(
    """a an the his her their its this that my our your one of in on with for
    by from at about series""".split()
)
_BARE_AFTER = frozenset(
    """to will would can could did does do may might should must shall they we
    i you not people police officials voters""".split()
)
# Third-person forms that are more often plural nouns: verbs only after a subject.
_NOUN_S = frozenset(
    """emails tweets posts notes reports quotes comments claims calls answers
    questions promises releases issues chants charges estimates orders texts
    messages jokes boasts vows pledges demands remarks statements replies
    responses warnings accusations states""".split()
)
_DETERMINERS = frozenset("a an the his her their its this that my our your".split())
_SINGULAR_S = frozenset("his its this was has is us as thus plus".split())
_SPACE = re.compile(r"[\s,;—–―-]*")
_DASH = re.compile(r"\s*(?:[—–―]|--?)\s*")
_DASH_NAME = re.compile(r"((?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'-]*)[\s.,]*$")
# What a cue may carry along: "said in a statement", "wrote in an email".
_STATEMENT = re.compile(
    r"\s+(?:in|on|to|during)\s+(?:a|an|the|his|her|their)\s+(?:\w+\s+){0,2}?"
    r"(?:statement|interview|email|e-mail|tweet|post|speech|letter|release|memo)\b"
)
_TRAILING_WORDS = 8
_INVERTED_PARTICLE = re.compile(r"\s+(?:out|back)\b(?=\s)")
_PARTICLE = re.compile(r"\s+(?:out|back|up|in|on|off)\b(?=[\s,.:;!?])")
# Verbs whose subject may be a written thing called "it": '"…," it read.'
_WRITTEN = frozenset("read reads said says stated states declared declares added adds warned warns".split())
_MAX_TRIES = 8  # reporting verbs tried before a quotation, nearest first
# Verbs that name something with a quoted label: 'calls them "lone wolves"'.
# Decided: such a label is a quotation of the one who uses it (PolNeAR
# counts it so, and a reader wants to see whose word "rigged" is). Measured
# without them (2026-12-01): quote F1 dev 0.983 -> 0.979 (4 true quotations
# lost), train 0.968 -> 0.968 (7 true and 2 false ones fewer).
_NAMING = frozenset(
    """call calls called calling label labels labeled labelled dub dubs dubbed
    brand brands branded liken likens likened labeling labelling dubbing
    branding likening""".split()
)


@dataclass(slots=True)
class Cue:
    """How a quotation was attributed; offsets are into its paragraph."""

    how: str  # after | before | mixed | colon
    cue: str | None
    mention: tuple[int, int] | None
    verb_end: int | None = None  # where the reporting verb ends, for a mixed cue


def _verbs(text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """The reporting verbs between ``lo`` and ``hi``, in order (a lazy walk:
    most callers want the first one only)."""
    for m in _CUE.finditer(text, lo, hi):
        j = m.start() - 1
        while j >= lo and text[j] == " ":
            j -= 1
        k = j
        while k >= lo and not text[k].isspace():
            k -= 1
        raw = text[k + 1 : j + 1].strip(",;:\"“”()")
        prev = raw.lower()
        word = m.group()
        gerund = word.endswith("ing") and prev not in _DETERMINERS
        clause = j >= lo and text[j] in ",;"  # "who replaced her, said": a verb after all
        relative = prev == "that" and word not in BARE_FORMS and word not in _NOUN_S  # "a sign that read"
        if (
            not clause
            and (prev in _NOT_VERB_AFTER or prev.endswith(("’s", "'s")))
            and word.lower() != "according to"
            and not gerund
            and not relative
        ):
            continue  # "a report", "the statement"
        if word in _NAMING and _words_within(text, m.end(), hi, 3) and prev not in _DETERMINERS:
            yield m  # 'and calls people "losers"': a label just before the quotation
            continue
        if word in _NOUN_S and not (
            raw[:1].isupper() or prev in ("he", "she", "it", "who", "which", "that") or prev in PERSON_NOUNS
        ):
            continue  # "the mayor's released emails", "those tweets"
        if word in BARE_FORMS and not (
            prev in _BARE_AFTER or (prev.endswith("s") and prev not in _SINGULAR_S)
        ):
            continue  # "a Ferris tweet", "the call"
        yield m


_WORD_REACH = 40  # characters a word may take, when counting a few of them


def _gap(text: str, lo: int, hi: int, most: int) -> list[str] | None:
    """The words of ``text[lo:hi]``, or None when there are surely more than
    ``most`` (only a bounded stretch is split, so long sentences cost nothing)."""
    reach = (most + 1) * _WORD_REACH
    if hi - lo > reach:
        words = text[lo : lo + reach].split()
        return None if len(words) > most else text[lo:hi].split()
    return text[lo:hi].split()


def _words_within(text: str, lo: int, hi: int, most: int) -> bool:
    words = _gap(text, lo, hi, most)
    return words is not None and len(words) <= most


def _cue_text(text: str, m: re.Match[str], hi: int) -> str:
    st = _STATEMENT.match(text, m.end(), hi)
    if st:
        return text[m.start() : st.end()]
    particle = _PARTICLE.match(text, m.end(), hi)  # "blurted out", "shot back"
    return text[m.start() : particle.end() if particle and m.group() not in _NAMING else m.end()]


def _after(text: str, q_end: int, hi: int, closes_sentence: bool) -> Cue | None:
    start = _SPACE.match(text, q_end, hi).end()
    if start >= hi:
        return None
    if text[q_end:start].strip() and text[q_end:start].strip()[0] in ";":
        return None
    bracket = _BRACKET_SOURCE.match(text, q_end, hi)
    if bracket:  # a digest's credit: "...” [Herald.]"
        return Cue("after", bracket.group().strip(), (bracket.start(1), bracket.end(1)))
    stop = sentence_end(text, start, min(hi, start + 200))
    m = next(_verbs(text, start, stop), None)
    if m is None:
        dash = _DASH.match(text, q_end, hi)
        name = _DASH_NAME.match(text, start, hi) if dash else None
        if name:  # '"…" — Jane Roe': a credit, as under an epigraph (see ``credit_line``)
            return Cue("after", dash.group().strip(), (name.start(1), name.end(1)))
        return None
    strict = closes_sentence and text[start].isupper()
    if m.group().endswith("ing") or (strict and m.group() not in STRONG_CUES):
        return None
    if text[start : m.start()].rstrip().endswith(" to"):
        return None  # "- the first to make such a declaration"
    if m.group().lower() == "according to":
        who = subject_after(text, m.end(), stop)
        return Cue("after", m.group(), who) if who and text[start:m.start()].strip() == "" else None
    relayed = _RELAYED.match(text, m.end(), stop) if m.group() in _QUOTING else None
    if relayed:  # '"…," the paper quoted Ms Quill as saying': Ms Quill
        return Cue("after", _cue_text(text, m, stop), relayed.span(1))
    if text[start:m.start()].strip():
        who = subject_before(text, start, m.start())
        if who is None and text[start : m.start()].strip() in ("it", "It") and m.group() in _WRITTEN:
            who = (start, start + 2)  # '"I am still here," it read.
        gap = text[start : who[0]] if who else ""
        if who is None or (
            gap.split() not in ([], ["and"], ["but"], ["as"])
            and not (gap.rstrip().endswith(",") and len(gap.split()) <= 5)  # a role in apposition
        ):
            return None  # the subject must follow the quotation directly
    else:
        particle = _INVERTED_PARTICLE.match(text, m.end(), stop)  # '"…," blurted out Kim'
        who = subject_after(text, particle.end() if particle else m.end(), stop)
        if who is None:
            return None
    if strict:  # a new sentence: "He said the plan ..." reports something else
        rest = text[m.end() : stop]
        words = rest.split()
        if not rest.lstrip().startswith((",", ".", ";")) and (len(words) > 6 or "that" in words):
            return None
    return Cue("after", _cue_text(text, m, stop), who)


def _before(text: str, lo: int, q_start: int) -> Cue | None:
    start = sentence_start(text, lo, q_start)
    tries = 0
    for m in reversed(list(_verbs(text, start, q_start))):
        gap = _gap(text, m.end(), q_start, _TRAILING_WORDS)  # None: a long way back
        word = m.group()
        adjacent = gap is not None and len(gap) <= _TRAILING_WORDS and (not gap or gap[-1][-1] in ",:")
        naming = word in _NAMING and gap is not None and len(gap) <= 3 and not any(g[-1] in ".;:" for g in gap)
        strong = word in STRONG_CUES or word in _INVERTED or word.lower() == "according to"
        if not strong and not (adjacent and len(gap) <= 4) and not naming:
            continue
        tries += 1
        if tries > _MAX_TRIES:
            break  # each try reads the sentence up to its verb: a bound keeps this linear
        if word.lower() == "according to" or word in _INVERTED:
            who = subject_after(text, m.end(), q_start)
        elif word.endswith("ing") or _preceded_by(text, start, m.start(), "to"):
            # "..., saying" and "took to Twitter to accuse": the main subject;
            # "footage of Joan Ferris asking": the name just before.
            who = None
            if word.endswith("ing") and _preceded_by(text, start, m.start(), "as"):
                # relayed: "The Herald quoted Ms Quill as saying": Ms Quill
                who = trailing_name(text, start, text.rindex(" as", start, m.start()))
            elif word.endswith("ing") and not _preceded_by(text, start, m.start(), ","):
                who = trailing_name(text, start, m.start())
            who = who or _leading_subject(text, start, m.start())
        else:
            who = subject_before(text, start, m.start())
            if who is None and not text[start : m.start()].strip():
                who = subject_after(text, m.end(), q_start)  # "Said Mr Hill: ..."
        if who is None and adjacent and word in STRONG_CUES:
            # An adjacent "said," still makes a quotation of what follows.
            who = _leading_subject(text, start, m.start())
            return Cue("before", _cue_text(text, m, q_start), who)
        if who is None:
            continue
        return Cue("before" if adjacent else "mixed", _cue_text(text, m, q_start), who, m.end())
    if text[start:q_start].rstrip().endswith(":"):
        return Cue("colon", ":", _leading_subject(text, start, q_start))
    return None


def _preceded_by(text: str, lo: int, pos: int, word: str) -> bool:
    before = text[max(lo, pos - _WORD_REACH) : pos].rstrip()
    if word == ",":
        return before.endswith(",")
    return before.endswith(" " + word) or before == word


_LEADING = re.compile(
    r"\s*(?:(?:But|And|So|Then|Now|Still|Yet)\s+)?"
    r"((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*|[Hh]e|[Ss]he|[Tt]hey|I|We)\b"
)
# "Independent mayoral candidate Rosa Delgado": a role, then the name.
_ROLE_THEN_NAME = re.compile(
    r"\s*(?:(?:But|And|So|Then|Now|Still|Yet)\s+)?"
    r"([A-Z][\w.’'-]*\s+(?:[a-z][\w-]*\s+){0,2}([a-z][\w-]*)\s+(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w’'-]*)"
)
_CLAUSE_SPLIT = re.compile(r",\s+")
_DESCRIPTION = re.compile(r"\s*(?:(?:But|And|So|Then)\s+)?((?:The|A|An|Another|One|His|Her|Their)\s[^,;:.]*)")
_DESCRIPTION_WORDS = 5
_VERBISH = frozenset(
    """is was are were has have had will would can could may might should must
    did does do went goes got gets of in on at to for from with by""".split()
)


def _leading_subject(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """A name or pronoun opening the last clause ("Ortiz saw it differently:").

    Introductory phrases set off by commas are skipped: "With Democrats
    rising, Mayor Tess Gallo is trying out a new slogan:".
    """
    starts = [lo] + [m.end() for m in _CLAUSE_SPLIT.finditer(text, lo, hi)]
    for start in reversed(starts):
        r = _ROLE_THEN_NAME.match(text, start, hi)
        if r and r.group(2) in PERSON_NOUNS:
            return r.start(1), r.end(1)
        m = _LEADING.match(text, start, hi)
        if m and (m.group(1).split()[0] not in NOT_NAMES or m.group(1).lower() in PRONOUNS):
            return m.start(1), m.end(1)
    d = _DESCRIPTION.match(text, lo, hi)
    if d:  # "The email goes on to say:", "An early tweet quoted him as saying"
        words = [w for w in re.finditer(r"\S+", d.group(1))]
        end = d.start(1) + words[0].end()
        head = ""
        for k, w in enumerate(words[1:_DESCRIPTION_WORDS], 1):
            token = w.group().strip(",;:")
            if token.lower() in _SPEAKING_THINGS or (token in PERSON_NOUNS and token not in _VERBISH):
                end, head = d.start(1) + w.start() + len(token), token  # "An early tweet", "The email,"
                break
            if token in STRONG_CUES or token in WEAK_CUES or token in _VERBISH or w.group()[-1] in ",;:":
                break
            if k >= 2 and token.endswith("ed"):
                break  # "The piece used ..."
            end, head = d.start(1) + w.end(), token
        low = head.lower()
        if head and (head[:1].isupper() or role_strength(head) or low in PERSON_NOUNS or low in _SPEAKING_THINGS):
            return d.start(1), end
        # "Another worry:", "One problem:": a label, not someone speaking
    return None


# Things that speak for someone: "A footnote in the report makes that clear:".
_SPEAKING_THINGS = frozenset(
    """statement email e-mail letter memo tweet post release report footnote
    note ad video piece article editorial column book headline caption sign
    banner poster website page message text transcript document filing
    complaint lawsuit ruling order survey poll study""".split()
)


def _bare_word(word: str) -> str:
    return word.strip(",;:.!?\"“”’'()").lower()


# Speech relayed by someone else: "X quoted Y as saying" is Y's.
_QUOTING = frozenset("quote quoted quotes quoting".split())
_RELAYED = re.compile(
    r"\s+((?:(?:[A-Z][\w’'.-]*|de|van|von|al)\s+){0,3}[A-Z][\w’'-]*)\s+as\s+(?:saying|telling|writing)\b"
)
_CREDIT_LINE = re.compile(
    r"\s*(?:[—–―]|--?)\s*((?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'-]*)\s*(?:[,.]|$)"
)


def credit_line(text: str) -> Cue | None:
    """A paragraph that credits the quotation standing before it: "- Jane
    Roe." or "—Senator Ray Pardo, speaking on Monday." (as under the
    quotations of a fact check or a digest)."""
    m = _CREDIT_LINE.match(text)
    if m is None or m.group(1).split()[0] in NOT_NAMES:
        return None
    return Cue("after", text[: m.start(1)].strip(), (m.start(1), m.end(1)))


def find_cue(text: str, lo: int, q_start: int, q_end: int, hi: int, inner: str) -> Cue | None:
    """The best cue for the quotation at ``q_start:q_end`` between ``lo`` and ``hi``."""
    closes = inner.rstrip("\"”’' ").endswith((".", "!", "?"))
    after = _after(text, q_end, hi, closes)
    return _vetted(text, after if after is not None else _before(text, lo, q_start))


def last_sentence_cue(text: str, lo: int, hi: int) -> Cue | None:
    """A cue in the last sentence of ``text[lo:hi]`` ("Ferris said she would win.")."""
    end = lo + len(text[lo:hi].rstrip().rstrip(".:!?\"”’'"))
    return _vetted(text, _before(text, sentence_start(text, lo, end), end)) if end > lo else None


def _vetted(text: str, cue: Cue | None) -> Cue | None:
    if cue is not None and cue.mention is not None:
        cue.mention = vet(text, cue.mention)
    return cue
