"""Resolution: mentions grouped into speakers with their fullest names.

Named mentions are grouped by surname ("Dora J. Quill", "Ms. Quill",
"Quill"), or by the family name written first ("Mr Kim" joins "Kim
Kye-gwan"). Each person is named by the fullest form the article uses
anywhere, titles removed. A pronoun goes to the person it most likely
means (see ``pronouns``). "The company" goes to the latest organisation of
its kind. Descriptions ("a Chinese foreign ministry spokesperson") stay as phrases.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.model import Paragraph
from reader.model import Mention
from reader.quotes.attribute import Attributed
from reader.quotes.lexicon import ORGANISATION_WORDS
from reader.quotes.firstnames import first_name_gender, is_given_name
from reader.quotes.names import NameInfo, Run, full_forms, looks_personal, name_runs, parse
from reader.quotes.pronouns import _PRONOUN_RUNS, ANY, PronounSearch
from reader.quotes.salience import Salience
from reader.quotes.spans import Span

_ORGANISATION = frozenset().union(*ORGANISATION_WORDS.values())
_ORGANISATION_REACH = 6  # paragraphs "the company" may look back
_SPEAKER_REACH = 2  # paragraphs within which "he said" keeps the last speaker


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


class Resolver(PronounSearch):
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
        self._quoted, self._quote_starts = inside, starts
        self.talked_about: set[str] = set()  # surnames the quotation being resolved names
        self._speaking = []
        for r in self.runs:
            here = starts.get(r.paragraph)
            k = -1 if here is None else bisect_right(here, r.start) - 1
            self._speaking.append(k < 0 or inside[r.paragraph][k][1] <= r.start)
        self._by_token: dict[str, list[Run]] = {}
        for run in self.runs:
            tokens = run.tokens
            for tok in tokens if len(tokens) == 1 else set(tokens):
                self._by_token.setdefault(tok, []).append(run)
        self._starts: dict[int, list[int]] = {}
        # Entities by surname, by first word and by phrase, as ranks into
        # ``entities`` (the first made wins, as a scan in order would find).
        self._index: dict[tuple[str, ...], list[int]] = {}
        self._rank: dict[int, int] = {}
        self._keys: list[tuple[int, int]] | None = None
        self._sents: dict[int, int] = {}  # run -> its sentence, as the pronoun search weighs it
        self._salience: Salience | None = None

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
            k = bisect_left(ranks, rank)
            if k == len(ranks) or ranks[k] != rank:
                ranks.insert(k, rank)

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

    def _after_preposition(self, run: Run) -> bool:
        """Whether ``run`` follows a preposition ("the envoy to Norway Liu Xiaming")."""
        before = self.paragraphs[run.paragraph].text[max(0, run.start - 6) : run.start].split()
        return bool(before) and before[-1] in ("to", "of", "for", "from", "at", "in")

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
                if e.surname in tokens[:-1]:  # a Title-Case headline: "Joan Ferris Takes On ..."
                    tokens = tokens[: len(tokens) - tokens[::-1].index(e.surname)]
                t = full_forms(tokens)
                # "the envoy to Norway Liu Xiaming": Norway is no part of the name
                grows = grow and t[-size:] == e.tokens and not self._after_preposition(run)
                if t[-1] != e.surname or (size > 1 and t[0] != e.tokens[0] and not grows):
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

def resolve(
    paragraphs: Sequence[Paragraph], spans: Sequence[Span], items: Sequence[Attributed]
) -> tuple[list[Mention | None], list[NameInfo | None], list[Entity | None]]:
    """Each attributed quotation's mention, what it says, and the entity it is."""
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
    if all(m is None for m in mentions):
        return mentions, infos, entities  # nobody named: the article's names are not needed
    resolver = Resolver(paragraphs, spans)
    for k, info in enumerate(infos):  # names first, so pronouns can find them
        if info is not None and info.kind == "name":
            entities[k] = resolver.named(info)
        elif info is not None and info.kind == "joint":
            entities[k] = resolver.described(info.name)
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
            span = items[k].span
            own = (m.start, m.end) if m.paragraph == span.paragraph else None
            if info.gender in ("m", "f"):
                resolver.talk_of(span.paragraph, span.start, span.end, own)
            if not items[k].borrowed and m.paragraph == items[k].span.paragraph:
                e = resolver.reporter(info.gender, m.paragraph, min(m.start, items[k].span.start))
            if e is None and near:
                e = resolver.same_speaker(last[0], last[1:], info.gender, m.paragraph, m.start)
            e = e or resolver.pronoun(info.gender, m.paragraph, m.start)
            if e is not None and not e.gender:
                e.gender = info.gender  # "Marisol ... she said": now we know
            entities[k] = e
            resolver.talked_about = set()
        found = entities[k]
        if found is not None and found.phrase is None:
            last = (found, items[k].span.paragraph, items[k].span.start)
    return mentions, infos, entities
