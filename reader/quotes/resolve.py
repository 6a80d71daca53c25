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
from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.model import Paragraph
from reader.quotes.sentences import sentence_starts
from reader.model import Mention
from reader.quotes.attribute import Attributed
from reader.quotes.lexicon import ORGANISATION_WORDS, PRONOUNS
from reader.quotes.firstnames import first_name_gender, is_given_name
from reader.quotes.names import (
    NameInfo,
    Run,
    full_forms,
    looks_like_surname,
    looks_personal,
    name_runs,
    parse,
    without_role,
)
from reader.quotes.salience import ACTOR, OPENER, Salience
from reader.quotes.spans import Span

_PRONOUN_REACH = 4  # paragraphs a pronoun may look back
_PRONOUN_RUNS = 200  # and names: a bound that keeps long paragraphs linear
_ORGANISATION = frozenset().union(*ORGANISATION_WORDS.values())
_ORGANISATION_REACH = 6  # paragraphs "the company" may look back
_SPEAKER_REACH = 2  # paragraphs within which "he said" keeps the last speaker
_KNOWN = 2.5  # weight of a gender known to fit, against a sentence's distance
ANY = "*"  # a person of either gender ("the senator said")
_CHAIN = 2  # pronouns followed back through sentences they open
_CHAIN_SENTENCES = 2
_OPENING_PRONOUN = re.compile(r"(?:(?:But|And|So|Then|Still|Now)\s+)?(He|She)\b")
_BEST_SCORE = OPENER + 0.5 + _KNOWN  # a subject of known gender


def _person_like(tokens: tuple[str, ...]) -> bool:
    return looks_personal(tokens) or (len(tokens) == 1 and looks_like_surname(tokens[0]))


@dataclass(slots=True)
class Entity:
    tokens: tuple[str, ...]  # the fullest name known so far, titles removed
    gender: str = ""
    phrase: str | None = None
    suffix: str = ""  # "Jr.", "II"
    # Called when ``tokens`` changes, so the resolver's index follows the name.
    on_rename: Callable[[Entity], None] | None = field(default=None, repr=False, compare=False)

    def __setattr__(self, name: str, value: object) -> None:
        object.__setattr__(self, name, value)
        if name == "tokens":
            hook = getattr(self, "on_rename", None)  # unset while __init__ runs
            if hook is not None:
                hook(self)

    @property
    def surname(self) -> str:
        return self.tokens[-1] if self.tokens else ""

    @property
    def name(self) -> str:
        if self.phrase is not None:
            return self.phrase
        return " ".join(self.tokens + ((self.suffix,) if self.suffix else ()))


class Resolver:
    """Groups the mentions of one article into entities."""

    def __init__(self, paragraphs: Sequence[Paragraph], quoted: Sequence[Span] = ()) -> None:
        self.paragraphs = paragraphs
        self.entities: list[Entity] = []
        self.runs = name_runs(paragraphs)
        # Names inside quotations are talked about, not talking.
        inside: dict[int, list[tuple[int, int]]] = {}
        for sp in quoted:  # spans come in order and do not overlap
            inside.setdefault(sp.paragraph, []).append((sp.start, sp.end))
        starts = {p: [s for s, _ in spans] for p, spans in inside.items()}
        self._speaking = []
        for r in self.runs:
            k = bisect_right(starts.get(r.paragraph, ()), r.start) - 1
            self._speaking.append(k < 0 or inside[r.paragraph][k][1] <= r.start)
        self._by_token: dict[str, list[Run]] = {}
        for run in self.runs:
            for tok in set(run.tokens):
                self._by_token.setdefault(tok, []).append(run)
        self._starts: dict[int, list[int]] = {}
        # Entities by surname, by first word and by phrase, as ranks into
        # ``entities`` (the first made wins, as a scan in order would find).
        self._index: dict[tuple[str, ...], list[int]] = {}
        self._rank: dict[int, int] = {}
        self._keys: list[tuple[int, int]] | None = None
        self._sents: list[tuple[int, int]] = []
        self._base: list[int] | None = None
        self._salience: Salience | None = None

    def _weigh(self) -> None:
        """Ready the pronoun search; done once, when a pronoun needs it."""
        self._keys = [(r.paragraph, r.start) for r in self.runs]
        self._sents = [self._sentence(r.paragraph, r.start) for r in self.runs]
        self._salience = Salience(self.paragraphs, self.runs, self._by_token, _person_like)

    # -- named entities -------------------------------------------------
    def _sync(self) -> None:
        """Index the entities made since the last look."""
        for rank in range(len(self._rank), len(self.entities)):
            e = self.entities[rank]
            self._rank[id(e)] = rank
            e.on_rename = self._add_keys
            self._add_keys(e)

    def _add_keys(self, e: Entity) -> None:
        rank = self._rank.get(id(e))
        if rank is None:
            return
        keys: list[tuple[str, ...]] = [("p", e.phrase.lower())] if e.phrase is not None else []
        if e.tokens:
            single = len(e.tokens) == 1
            keys += [("s", e.surname), ("sf", e.surname, e.tokens[0]), ("f", e.tokens[0], str(single))]
            if single:
                keys.append(("s1", e.surname))
        for key in keys:
            ranks = self._index.setdefault(key, [])
            if rank not in ranks[bisect_left(ranks, rank) :][:1]:
                insort(ranks, rank)

    def _first(self, ok: Callable[[Entity], bool], *keys: tuple[str, ...]) -> Entity | None:
        """The earliest entity filed under one of ``keys`` that still passes ``ok``
        (a name may have changed since it was filed)."""
        self._sync()
        best = None
        for key in keys:
            for rank in self._index.get(key, ()):
                if best is not None and rank >= best:
                    break
                if ok(self.entities[rank]):
                    best = rank
                    break
        return None if best is None else self.entities[best]

    def _find(self, tokens: tuple[str, ...]) -> Entity | None:
        surname, first = tokens[-1], tokens[0]
        single = len(tokens) == 1
        keys = [("s", surname)] if single else [("s1", surname), ("sf", surname, first)]
        e = self._first(
            lambda e: e.phrase is None
            and e.surname == surname
            and (single or len(e.tokens) == 1 or e.tokens[0] == first),
            *keys,
        )
        if e is not None:
            return e
        # A family name written first: "Mr Kim" and "Kim Kye-gwan".
        return self._first(
            lambda e: e.phrase is None
            and bool(e.tokens)
            and e.tokens[0] == first
            and single != (len(e.tokens) == 1),
            ("f", first, str(not single)),
        )

    def named(self, info: NameInfo) -> Entity:
        e = self._find(info.tokens)
        if e is None:
            e = Entity(info.tokens, info.gender)
            self.entities.append(e)
        elif len(info.tokens) > len(e.tokens):
            e.tokens = info.tokens
        if info.name != " ".join(info.tokens) and info.name.startswith(" ".join(e.tokens)):
            e.suffix = info.name[len(" ".join(e.tokens)) :].strip()
        e.gender = e.gender or info.gender
        return e

    def described(self, phrase: str) -> Entity:
        key = phrase.lower()
        e = self._first(lambda e: e.phrase is not None and e.phrase.lower() == key, ("p", key))
        if e is not None:
            return e
        e = Entity((), phrase=phrase)
        self.entities.append(e)
        return e

    def organisation(self, phrase: str, written: str, paragraph: int, offset: int) -> Entity | None:
        """The organisation "the company" at ``offset`` stands for: the latest
        name before it that ends in a word of its kind ("Royal Widget Group"),
        or is a web address ("Widgets.com")."""
        words = phrase.lower().split()
        kinds = ORGANISATION_WORDS.get(words[-1]) if len(words) == 1 else None
        if kinds is None or not written.lower().startswith("the "):
            return None
        if self._keys is None:
            self._weigh()
        i = bisect_left(self._keys, (paragraph, offset)) - 1
        floor = max(-1, i - _PRONOUN_RUNS)
        while i > floor and self.runs[i].paragraph >= paragraph - _ORGANISATION_REACH:
            tokens = self.runs[i].tokens
            last = tokens[-1].lower()
            if self._speaking[i] and (
                (len(tokens) > 1 and last in kinds) or (last.endswith((".com", ".org")) and len(last) > 4)
            ):
                return self.described(" ".join(tokens))
            i -= 1
        return None

    def _organisation_form(self, e: Entity) -> bool:
        """Name ``e`` by the organisation it is short for ("Peabody" of
        "Peabody Energy"), if the article writes one and no person of that name."""
        best = None
        for run in self._by_token.get(e.surname, ()):
            t = run.tokens
            if len(t) > 1 and t[-1] == e.surname and looks_personal(t):
                return False
            if len(t) > 1 and t[0] == e.surname and t[-1].lower() in _ORGANISATION and best is None:
                best = t
        if best is not None:
            e.tokens = best
        return best is not None

    def complete(self) -> None:
        """Give each named entity the fullest form the article uses."""
        for e in self.entities:
            if e.phrase is None:
                self.complete_one(e)

    def complete_one(self, e: Entity) -> None:
        """The fullest form of ``e``'s name: the most used first name, then the longest."""
        if len(e.tokens) == 1 and self._organisation_form(e):
            return
        tally: dict[tuple[str, ...], int] = {}
        # A name that does not open with a given name may be a tail of the
        # full one: "Suu Kyi" of "Aung San Suu Kyi" (not "Crooked Jane Roe").
        size = len(e.tokens)
        grow = size > 1 and not is_given_name(e.tokens[0])
        for run in self._by_token.get(e.surname, ()):
            tokens = run.tokens
            g = ""
            if len(e.tokens) == 1 and len(tokens) == 2 and tokens[0] == e.surname and "-" in tokens[1]:
                t = tokens  # a family name written first: "Kim Kye-gwan"
            else:
                if e.surname in tokens[:-1]:  # "Hillary Clinton Goes After ..." in a headline
                    tokens = tokens[: len(tokens) - tokens[::-1].index(e.surname)]
                t = full_forms(tokens)
                if t[-1] != e.surname or (size > 1 and t[0] != e.tokens[0] and not (grow and t[-size:] == e.tokens)):
                    continue
                if len(t) == 1 or run.gender:
                    e.gender = e.gender or run.gender
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
            first = max(people, key=lambda f: (is_given_name(f), people[f]))
        else:
            first = e.tokens[0]
        forms = [t for t in tally if (t[0] == first or (grow and t[-size:] == e.tokens)) and len(t) >= size]
        if forms:
            e.tokens = max(forms, key=lambda t: (len(t), tally[t]))
        if not e.gender and len(e.tokens) > 1:
            e.gender = first_name_gender(e.tokens[0])

    # -- pronouns ------------------------------------------------------
    def pronoun(
        self, gender: str, paragraph: int, offset: int, since: tuple[int, int] = (-1, -1), depth: int = 0
    ) -> Entity | None:
        """The person a "he" or "she" at ``offset`` refers to.

        The names written before it (within reach) are weighed: a subject
        of its own or a recent sentence outweighs an object, a nearer
        sentence a farther one, a known gender that fits an unknown one
        (a clash rules a name out); among equals the nearest wins. A
        sentence opened by the same pronoun ("He attended the rally.") is
        a subject too: the person that pronoun refers to.
        """
        if gender not in ("m", "f", ANY):
            return None
        if self._keys is None:
            self._weigh()
        end = bisect_left(self._keys, (paragraph, offset)) - 1
        floor = max(-1, end - _PRONOUN_RUNS)
        best: tuple[float, int, Entity | None, tuple[str, ...]] | None = None
        here = self._ordinal(paragraph, offset)
        if depth < _CHAIN:
            for distance, p, at in self._openers(gender, paragraph, offset, since):
                e = self.pronoun(gender, p, at, since, depth + 1)
                if e is not None:
                    best = (OPENER + _KNOWN - distance, -1, e, e.tokens)
                    break
        i = end
        while i > floor and self.runs[i].paragraph >= paragraph - _PRONOUN_REACH and self._keys[i] > since:
            distance = here - self._ordinal(*self._sents[i])
            if best is not None and best[0] >= _BEST_SCORE - distance:
                break  # nothing farther can do better
            if self._speaking[i]:
                role = self._salience.role(i)
                found = self._candidate(self.runs[i], gender, role)
                if found is not None:
                    e, tokens, known = found
                    score = role + (_KNOWN if known else 0.0) - distance
                    if best is None or score > best[0]:
                        best = (score, i, e, tokens)
            i -= 1
        if best is None:
            return None
        _, _, e, tokens = best
        if e is None:
            e = self.named(NameInfo("name", " ".join(tokens), tokens, gender))
            self.complete_one(e)
        return e

    def same_speaker(
        self, e: Entity, since: tuple[int, int], gender: str, paragraph: int, offset: int
    ) -> Entity | None:
        """``e``, quoted at ``since``, if nobody else of that gender was named after."""
        if gender not in ("m", "f") or (e.gender and e.gender != gender):
            return None
        nearest = self.pronoun(gender, paragraph, offset, since)
        return e if nearest is None or nearest is e else None

    def _candidate(
        self, run: Run, gender: str, role: float
    ) -> tuple[Entity | None, tuple[str, ...], bool] | None:
        """``run``'s person (if known yet), name and whether its gender is known
        to fit; None if it cannot be the "he" or "she" looked for."""
        tokens = without_role(run.tokens)  # "Campaigner Aled Hughes" is Aled Hughes
        e = self._find(tokens)
        sal = self._salience
        single = len(tokens) == 1 and looks_like_surname(tokens[0])
        if e is None and len(tokens) == 1 and not (single and sal.surname(tokens[0])):
            # A word alone is someone only as a subject: a surname known
            # from the article, or a given name ("Melanie said she ...").
            g = first_name_gender(tokens[0]) if single and role >= ACTOR else ""
            return (None, tokens, True) if g and g == gender else None  # not for ANY
        g = e.gender if e is not None else ""
        g = g or run.gender or (first_name_gender(tokens[0]) if looks_personal(tokens) else "")
        if not g and _person_like(tokens):
            g = sal.hint(tokens[-1])
        if not g and single and sal.surname(tokens[0]) < 2:
            g = first_name_gender(tokens[0])  # "Kevin", seen only alone
        if g and gender != ANY:
            return (e, tokens, True) if g == gender else None
        if e is not None or looks_personal(tokens) or single:
            return e, tokens, False
        return None

    def _openers(self, gender: str, paragraph: int, offset: int, since: tuple[int, int]):
        """Sentences just before ``offset`` that open with a pronoun of
        ``gender``: (sentence distance, paragraph, the pronoun's offset)."""
        p, starts = paragraph, [0, *self._sentence_starts(paragraph)]
        j = bisect_right(starts, offset) - 1
        for distance in range(_CHAIN_SENTENCES + 1):
            if j < 0:
                p -= 1
                if p < 0 or p < paragraph - 1:
                    return
                starts = [0, *self._sentence_starts(p)]
                j = len(starts) - 1
            m = _OPENING_PRONOUN.match(self.paragraphs[p].text, starts[j])
            if m and (p, m.start(1)) > since and (p, m.start(1)) < (paragraph, offset):
                if PRONOUNS.get(m.group(1).lower()) == gender:
                    yield distance, p, m.start(1)
            j -= 1

    def _ordinal(self, paragraph: int, offset: int) -> int:
        """The number of the sentence at ``offset`` counted from the article's start."""
        if self._base is None:
            self._base = [0]
            for k in range(len(self.paragraphs)):
                self._base.append(self._base[-1] + 1 + len(self._sentence_starts(k)))
        return self._base[paragraph] + self._sentence(paragraph, offset)[1]

    def _sentence_starts(self, paragraph: int) -> list[int]:
        starts = self._starts.get(paragraph)
        if starts is None:
            starts = self._starts[paragraph] = sentence_starts(self.paragraphs[paragraph].text)
        return starts

    def _sentence(self, paragraph: int, offset: int) -> tuple[int, int]:
        starts = self._starts.get(paragraph)
        if starts is None:
            starts = self._starts[paragraph] = sentence_starts(self.paragraphs[paragraph].text)
        return paragraph, bisect_right(starts, offset)


def resolve(
    paragraphs: Sequence[Paragraph], spans: Sequence[Span], items: Sequence[Attributed]
) -> tuple[list[Mention | None], list[NameInfo | None], list[Entity | None]]:
    """Each attributed quotation's mention, what it says, and the entity it is."""
    resolver = Resolver(paragraphs, spans)
    mentions: list[Mention | None] = []
    infos: list[NameInfo | None] = []
    for a in items:
        m = None
        if a.cue is not None and a.cue.mention is not None:
            s, e = a.cue.mention
            m = Mention(a.source_paragraph, s, e, paragraphs[a.source_paragraph].text[s:e])
        mentions.append(m)
        infos.append(parse(m.text) if m else None)
    entities: list[Entity | None] = [None] * len(items)
    for k, info in enumerate(infos):  # names first, so pronouns can find them
        if info is not None and info.kind == "name":
            entities[k] = resolver.named(info)
        elif info is not None and info.kind == "phrase" and info.name:
            m = mentions[k]
            org = resolver.organisation(info.name, m.text, m.paragraph, m.start)
            entities[k] = org or resolver.described(info.name)
    resolver.complete()
    last: tuple[Entity, int, int] | None = None  # the latest named speaker and where
    for k, info in enumerate(infos):
        m = mentions[k]
        near = last is not None and m is not None and m.paragraph - last[1] <= _SPEAKER_REACH
        if info is not None and m is not None and info.kind == "epithet":
            # "the New York businessman": the person a "he" there would be,
            # else the last speaker if the gender fits, else a description.
            e = resolver.pronoun(info.gender or ANY, m.paragraph, m.start)
            if e is None and near and (not info.gender or not last[0].gender or last[0].gender == info.gender):
                e = last[0]
            entities[k] = e or resolver.described(info.name)
        elif info is not None and m is not None and info.kind == "pronoun":
            e = None
            if near:
                e = resolver.same_speaker(last[0], last[1:], info.gender, m.paragraph, m.start)
            e = e or resolver.pronoun(info.gender, m.paragraph, m.start)
            if e is not None and not e.gender:
                e.gender = info.gender  # "Melanie ... she said": now we know
            entities[k] = e
        found = entities[k]
        if found is not None and found.phrase is None:
            last = (found, items[k].span.paragraph, items[k].span.start)
    return mentions, infos, entities
