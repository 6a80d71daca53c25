"""Resolution: mentions grouped into speakers with their fullest names.

Named mentions are grouped by surname ("Donald J. Trump", "Mr. Trump",
"Trump"), or by the family name written first ("Mr Kim" joins "Kim
Kye-gwan"). Each person is named by the fullest form the article uses
anywhere, titles removed. A pronoun goes to the latest person named before
it whose gender (from titles, first names and pronouns) does not clash.
Descriptions ("a Chinese foreign ministry spokesperson") stay as phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.model import Paragraph
from reader.quotes.lexicon import NOT_NAMES, TITLES
from reader.quotes.names import NameInfo, first_name_gender, full_forms, name_runs

_PRONOUN_REACH = 4  # paragraphs a pronoun may look back


@dataclass(slots=True)
class Entity:
    tokens: tuple[str, ...]  # the fullest name known so far, titles removed
    gender: str = ""
    forms: list[str] = field(default_factory=list)
    speaker: bool = False
    phrase: str | None = None

    @property
    def surname(self) -> str:
        return self.tokens[-1] if self.tokens else ""

    @property
    def name(self) -> str:
        return self.phrase if self.phrase is not None else " ".join(self.tokens)


class Resolver:
    """Groups the mentions of one article into entities."""

    def __init__(self, paragraphs: tuple[Paragraph, ...] | list[Paragraph]) -> None:
        self.paragraphs = paragraphs
        self.entities: list[Entity] = []
        self.runs = name_runs(paragraphs)

    # -- named entities -------------------------------------------------
    def _find(self, tokens: tuple[str, ...]) -> Entity | None:
        surname, first = tokens[-1], tokens[0]
        for e in self.entities:
            if e.phrase is None and e.surname == surname:
                if len(tokens) == 1 or len(e.tokens) == 1 or e.tokens[0] == first:
                    return e
        # A family name written first: "Mr Kim" and "Kim Kye-gwan".
        for e in self.entities:
            if e.phrase is None and e.tokens[0] == first and (len(tokens) == 1) != (len(e.tokens) == 1):
                return e
        return None

    def named(self, info: NameInfo) -> Entity:
        e = self._find(info.tokens)
        if e is None:
            e = Entity(info.tokens, info.gender)
            self.entities.append(e)
        elif len(info.tokens) > len(e.tokens):
            e.tokens = info.tokens
        e.gender = e.gender or info.gender
        return e

    def described(self, phrase: str) -> Entity:
        key = phrase.lower()
        for e in self.entities:
            if e.phrase is not None and e.phrase.lower() == key:
                return e
        e = Entity((), phrase=phrase)
        self.entities.append(e)
        return e

    def complete(self) -> None:
        """Give each named entity the fullest form the article uses."""
        for e in self.entities:
            if e.phrase is None:
                self.complete_one(e)

    def complete_one(self, e: Entity) -> None:
        """The fullest form of ``e``'s name: the most used first name, then the longest."""
        tally: dict[tuple[str, ...], int] = {}
        for run in self.runs:
            t = full_forms(run.tokens)
            if t[-1] == e.surname:
                if len(e.tokens) > 1 and t[0] != e.tokens[0]:
                    continue
                if len(t) == 1 or run.gender:
                    e.gender = e.gender or run.gender
            elif len(e.tokens) == 1 and len(t) == 2 and t[0] == e.surname and "-" in t[1]:
                pass  # a family name written first: "Kim Kye-gwan"
            else:
                continue
            g = first_name_gender(t[0]) if len(t) > 1 else ""
            if g and e.gender and g != e.gender:
                continue
            tally[t] = tally.get(t, 0) + 1
        if not tally:
            return
        people: dict[str, int] = {}
        for t, n in tally.items():
            if len(t) > 1:
                people[t[0]] = people.get(t[0], 0) + n
        if people and len(e.tokens) == 1:
            first = max(people, key=lambda f: (bool(first_name_gender(f)), people[f]))
        else:
            first = e.tokens[0]
        forms = [t for t in tally if t[0] == first and len(t) >= len(e.tokens)]
        if forms:
            e.tokens = max(forms, key=lambda t: (len(t), tally[t]))
        if not e.gender and len(e.tokens) > 1:
            e.gender = first_name_gender(e.tokens[0])

    # -- pronouns ------------------------------------------------------
    def pronoun(self, gender: str, paragraph: int, offset: int) -> Entity | None:
        if gender not in ("m", "f"):
            return None
        best: Entity | tuple[str, ...] | None = None
        best_pos = (-1, -1)
        for run in self.runs:
            i, start, tokens, title_gender = run.paragraph, run.start, run.tokens, run.gender
            if (i, start) >= (paragraph, offset) or i < paragraph - _PRONOUN_REACH:
                continue
            if (i, start) <= best_pos:
                continue
            e = self._find(tuple(tokens))
            if e is None:
                # Someone named in passing: "Mr Brown met her later."
                g = title_gender or (first_name_gender(tokens[0]) if len(tokens) > 1 else "")
                if g == gender:
                    best, best_pos = tuple(tokens), (i, start)
                continue
            if e.gender and e.gender != gender:
                continue
            best, best_pos = e, (i, start)
        if isinstance(best, tuple):
            e = self.named(NameInfo("name", " ".join(best), best, gender))
            self.complete_one(e)
            return e
        return best
