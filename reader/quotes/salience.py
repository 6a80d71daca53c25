"""Salience: how likely a name written in the text is the one a pronoun means.

No parser: a name's role in its sentence is read from its neighbours. A name
that opens its sentence, follows a reporting verb ("said Ms Lee") or comes
before a verb ("Ortiz openly admitted") is a subject; one after a
preposition or a determiner ("praised her daughter Ann Lee", "with Ms
Lee") is an object. And a name followed, before any other name, by a
gendered word ("Ortiz admitted that his pick ...") lends that gender to
its surname, so a surname written alone is no longer of unknown gender.
A run is read only when a pronoun weighs it, once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.quotes.lexicon import GENDER_WORDS, STRONG_CUES, TITLES, WEAK_CUES

# A name's weight as the subject of its sentence: one that opens it (or
# follows a reporting verb), one before a verb ("Ortiz admitted"), both
# (OPENER + 0.5); an object; anything else.
OPENER, ACTOR, OBJECT, OTHER = 2.0, 2.0, -1.0, 0.0
SUBJECT = OPENER

_WORD = re.compile(r"[\w’'-]+|[.!?;:,()\"“”]")
_PREPOSITIONS = frozenset(
    """of to with by for from at on in about against than between among
    toward towards into onto upon over under like unlike beside besides via
    per without behind beyond despite during after before""".split()
)
_MODIFIERS = frozenset("a an the his her their its our my your this that these those".split())
_OPENERS = frozenset(
    """but and so then yet still now later meanwhile also however instead
    finally earlier when while as if""".split()
)
_AUXILIARIES = frozenset(
    """is was are were has have had will would can could may might should must
    did does do also then later""".split()
)
_STOPS = frozenset(".!?;:")
_QUOTES = frozenset('“”"')


def _verbish(word: str) -> bool:
    if not word.islower():
        return False
    if word in STRONG_CUES or word in WEAK_CUES or word in _AUXILIARIES:
        return True
    return len(word) > 4 and word.endswith("ed")


class Salience:
    """Roles and gender hints of an article's runs, each read when first asked for."""

    def __init__(self, paragraphs: Sequence, runs: Sequence, by_token: dict, personal) -> None:
        self.paragraphs, self.runs, self.by_token, self.personal = paragraphs, runs, by_token, personal
        self._index = {id(r): k for k, r in enumerate(runs)}
        self._roles: dict[int, tuple[float, bool]] = {}
        self._hints: dict[str, str] = {}
        self._surnames: dict[str, int] = {}

    def role(self, k: int) -> float:
        """Run ``k``'s weight as a subject (see OPENER)."""
        return self._role(k)[0]

    def acts(self, k: int) -> bool:
        """Whether a verb follows run ``k`` ("Ortiz admitted")."""
        return self._role(k)[1]

    def _role(self, k: int) -> tuple[float, bool]:
        found = self._roles.get(k)
        if found is None:
            found = self._roles[k] = _read_role(self.paragraphs, self.runs[k])
        return found

    def surname(self, token: str) -> int:
        """2 if ``token`` ends a full name or follows a title somewhere in the
        article, 1 if it is seen alone before a verb twice ("Ortiz said"), else 0."""
        found = self._surnames.get(token)
        if found is None:
            actors, found = 0, 0
            for r in self.by_token.get(token, ()):
                if r.tokens[-1] != token:
                    continue
                if len(r.tokens) > 1 and self.personal(r.tokens) or (r.gender and len(r.tokens) == 1):
                    found = 2
                    break
                if len(r.tokens) == 1 and self._role(self._index[id(r)])[1]:
                    actors += 1
            found = found or int(actors >= 2)
            self._surnames[token] = found
        return found

    def hint(self, surname: str) -> str:
        """The gender of the words that follow the subjects named ``surname``
        ("Ortiz said he"): from a subject to the next name or the end of its
        sentence; a gender when the hints agree two to one."""
        found = self._hints.get(surname)
        if found is not None:
            return found
        m = f = 0
        for r in self.by_token.get(surname, ()):
            k = self._index[id(r)]
            if r.tokens[-1] != surname or not self.personal(r.tokens) or self._role(k)[0] < SUBJECT:
                continue
            text = self.paragraphs[r.paragraph].text
            end = _run_end(text, r)
            nxt = self.runs[k + 1] if k + 1 < len(self.runs) else None
            stop = nxt.start if nxt is not None and nxt.paragraph == r.paragraph else len(text)
            for w in _WORD.findall(text, end, min(stop, end + 120)):
                if w in _STOPS or w in _QUOTES:
                    break
                g = GENDER_WORDS.get(w.lower())
                if g:
                    m, f = m + (g == "m"), f + (g == "f")
                    break
        found = "m" if m and m >= 2 * f else "f" if f and f >= 2 * m else ""
        self._hints[surname] = found
        return found


def _read_role(paragraphs: Sequence, r) -> tuple[float, bool]:
    text = paragraphs[r.paragraph].text
    before = text[max(0, r.start - 40) : r.start]
    words = _WORD.findall(before)
    # "Governor Ray Pardo", "Vermont Sen. Dora Quill": titles
    # and capitalised words before the name are part of it.
    while words and (
        words[-1][:1].isupper()
        or (words[-1] == "." and len(words) > 1 and (words[-2].lower() in TITLES or len(words[-2]) == 1))
    ):
        words.pop()
    prev = words[-1].lower() if words else "."
    end = _run_end(text, r)
    after = _WORD.findall(text, end, min(len(text), end + 40))
    nxt = [w for w in after[:3] if not w.endswith("ly")]
    opens = prev in _STOPS or prev in ("“", '"', "(") or (
        prev in _OPENERS and len(words) > 1 and words[-2] in _STOPS
    )
    acts = bool(nxt) and _verbish(nxt[0])
    before_prev = words[-2].lower() if len(words) > 1 else "."
    if prev in STRONG_CUES:  # '", said Ms Lee', but "Rios asked Ms Lee"
        opens = before_prev in _STOPS or before_prev in _QUOTES or before_prev == ","
        if not opens:
            return OBJECT, acts
    elif prev == "for" and before_prev == "as":
        opens = True  # "As for Ms Lee, she said ..."
    if opens:
        return (OPENER + 0.5 if acts else OPENER), acts
    if acts:
        return ACTOR, acts
    if prev in _PREPOSITIONS or prev in _MODIFIERS:
        return OBJECT, acts
    return OTHER, acts


def _run_end(text: str, r) -> int:
    last = r.tokens[-1]
    at = text.find(last, r.start)
    return at + len(last) if at >= 0 else r.start
