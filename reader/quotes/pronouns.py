"""Pronouns: the person a "he" or "she" (or "the senator") refers to.

Mixed into the ``Resolver``: the names written before the pronoun, within
reach, are weighed by ``salience`` (subject or object), by how far back
their paragraph starts (in sentences: see ``_run_sentence``), and by
whether their gender is known to fit.
Before that weighing, a quotation's pronoun goes to whoever reports in the
sentence just before it ("Ortiz warned that ... . '…,' he said"), read
with the same cue rules as any quotation's speaker. Searches are bounded
(``_PRONOUN_RUNS`` names, ``_PRONOUN_REACH`` paragraphs, one sentence for
the reporter), so resolution stays linear in the article. Nobody the
quotation itself names, nor the one its cue addresses ("he told Ortiz"),
is taken for its speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from reader.quotes.cues import last_sentence_cue
from reader.quotes.firstnames import first_name_gender, is_given_name
from reader.quotes.lexicon import PRONOUNS
from reader.quotes.names import NameInfo, Run, parse, looks_like_surname, looks_personal, without_role
from reader.quotes.salience import OPENER, Salience
from reader.quotes.sentences import sentence_start, sentence_starts

_PRONOUN_REACH = 4  # paragraphs a pronoun may look back
_PRONOUN_RUNS = 200  # and names: a bound that keeps long paragraphs linear
_KNOWN = 2.5  # weight of a gender known to fit, against a sentence's distance
ANY = "*"  # a person of either gender ("the senator said")
_CHAIN = 2  # pronouns followed back through sentences they open
_CHAIN_SENTENCES = 2
_OPENING_PRONOUN = re.compile(r"(?:(?:But|And|So|Then|Still|Now)\s+)?(He|She)\b")
_ADDRESSED = re.compile(r"\s+[a-z]+\s+")  # "he told Ortiz"
_ADDRESSEE = 16  # characters after the mention an addressee may start within
_ASKING = frozenset("ask asks asked asking question questions questioned questioning".split())
_BEST_SCORE = OPENER + 0.5 + _KNOWN  # a subject of known gender


def _person_like(tokens: tuple[str, ...]) -> bool:
    return looks_personal(tokens) or (len(tokens) == 1 and looks_like_surname(tokens[0]))


class PronounSearch:
    """The pronoun half of the ``Resolver`` (which holds the runs and entities)."""

    def _weigh(self) -> None:
        """Ready the search; done once, when a pronoun needs it."""
        self._keys = [(r.paragraph, r.start) for r in self.runs]
        self._salience = Salience(self.paragraphs, self.runs, self._by_token, _person_like)

    def pronoun(
        self, gender: str, paragraph: int, offset: int, since: tuple[int, int] = (-1, -1), depth: int = 0
    ) -> Entity | None:
        """The person a "he" or "she" at ``offset`` refers to.

        The names written before it (within reach) are weighed: a subject
        of its own or a recent sentence outweighs an object, a nearer
        paragraph a farther one, a known gender that fits an unknown one
        (a clash rules a name out); among equals the nearest wins. The
        distance is counted in sentences from the pronoun back to the start
        of the name's paragraph (``_run_sentence``), so the names of one
        paragraph are all at one distance and only the order among equals
        prefers the later of them. A
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
        here = self._sentence(paragraph, offset)[1]
        if depth < _CHAIN:
            for distance, p, at in self._openers(gender, paragraph, offset, since):
                e = self.pronoun(gender, p, at, since, depth + 1)
                if e is not None and e.surname not in self.talked_about:
                    best = (OPENER + _KNOWN - distance, -1, e, e.tokens)
                    break
        i = end
        # Sentences are counted only in the paragraphs in reach: ``gap`` is
        # the number from the start of paragraph ``gap_p`` to that of ``paragraph``.
        gap_p, gap = paragraph, 0
        while i > floor and self.runs[i].paragraph >= paragraph - _PRONOUN_REACH and self._keys[i] > since:
            while gap_p > self.runs[i].paragraph:
                gap_p -= 1
                gap += 1 + len(self._sentence_starts(gap_p))
            distance = here + gap - self._run_sentence(i)
            if best is not None and best[0] >= _BEST_SCORE - distance:
                break  # nothing farther can do better
            if self._speaking[i]:
                role = self._salience.role(i)
                found = self._candidate(self.runs[i], gender, role, self._salience.acts(i))
                if found is not None and found[1][-1] not in self.talked_about:
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

    def reporter(self, gender: str, paragraph: int, at: int) -> Entity | None:
        """The person who reports in the sentence just before ``at``, when that
        sentence has no quotation and names its speaker ("Ortiz argued that
        the vote was rigged. '…,' he said": Ortiz), unless the gender clashes
        or the pronoun's own sentence names someone first ("Lee started it
        when he said"). A question's asker is not the one who answers."""
        if gender not in ("m", "f"):
            return None
        found = self._sentence_before(paragraph, at)
        if found is None or self._names_between(found[3], paragraph, at):
            return None
        p, lo, hi, _, start = found
        if not self._names_between((p, start), p, hi, anyone=True):
            return None  # no name written there: no cue to read
        text = self.paragraphs[p].text
        cue = last_sentence_cue(text, lo, hi)
        if cue is None or cue.mention is None or cue.cue is None or cue.cue.split()[0].lower() in _ASKING:
            return None
        written = text[cue.mention[0] : cue.mention[1]].split(" (")[0]  # "Ray Pardo (R-Ohio)"
        info = parse(written)
        if info.kind != "name" or not _person_like(without_role(info.tokens)):
            return None
        e = self._find(info.tokens)
        if e is None:
            e = self.named(info)
            self.complete_one(e)
        if e.phrase is not None or not _person_like(e.tokens) or (e.gender and e.gender != gender):
            return None
        return None if e.surname in self.talked_about else e

    def _names_between(self, start: tuple[int, int], paragraph: int, at: int, anyone: bool = False) -> bool:
        """Whether someone is named, outside quotations, from ``start`` to ``at``
        (with ``anyone``, whether any name at all is written there)."""
        if self._keys is None:
            self._weigh()
        i = bisect_left(self._keys, start)
        end = bisect_left(self._keys, (paragraph, at))
        return any(
            self._speaking[k] and (anyone or _person_like(without_role(self.runs[k].tokens))) for k in range(i, end)
        )

    def _sentence_before(self, paragraph: int, at: int) -> tuple[int, int, int, tuple[int, int], int] | None:
        """Where to look for the sentence before the one holding ``at``: its
        paragraph, the stretch since the last quotation, where the sentence
        holding ``at`` starts and where the one before starts; None when the
        sentence before is a quotation's or its cue's."""
        text = self.paragraphs[paragraph].text
        lo = self._quote_end_before(paragraph, at)
        cur = sentence_start(text, lo, at)
        here = (paragraph, cur)
        if not text[lo:cur].strip():
            if lo > 0 or paragraph == 0 or self.paragraphs[paragraph - 1].kind == "heading":
                return None
            paragraph -= 1
            text = self.paragraphs[paragraph].text
            cur = len(text.rstrip())
            lo = self._quote_end_before(paragraph, cur + 1)
        start = sentence_start(text, lo, lo + len(text[lo:cur].rstrip().rstrip(".:!?\"”’'")))
        if start == lo and lo > 0 and text[max(0, lo - 8) : lo].rstrip("\"”’' ")[-1:] not in (".", "!", "?"):
            return None  # the tail of a quotation's sentence: '"…," Lee said.'
        return paragraph, lo, cur, here, start

    def _quote_end_before(self, paragraph: int, at: int) -> int:
        """Where the last quotation that ends by ``at`` in ``paragraph`` ends (else 0)."""
        spans = self._quoted.get(paragraph, ())
        k = bisect_right(self._quote_starts.get(paragraph, ()), at) - 1
        while k >= 0 and spans[k][1] > at:
            k -= 1
        return spans[k][1] if k >= 0 else 0

    def talk_of(self, paragraph: int, start: int, end: int, mention: tuple[int, int] | None) -> None:
        """Set who the quotation at ``start:end`` cannot be spoken by: the people
        it names ('"Ortiz will lose," he said') and the one its cue addresses
        ("he told Ortiz"), by surname; until the next call."""
        if self._keys is None:
            self._weigh()
        text = self.paragraphs[paragraph].text
        names = set()
        i = bisect_left(self._keys, (paragraph, start))
        stop = max(end, mention[1] + _ADDRESSEE) if mention else end
        while i < len(self.runs) and self._keys[i] < (paragraph, stop):
            r = self.runs[i]
            if r.start < end or (mention and r.start >= mention[1] and _ADDRESSED.fullmatch(text, mention[1], r.start)):
                names.add(r.tokens[-1])
            i += 1
        self.talked_about = names

    def same_speaker(
        self, e: Entity, since: tuple[int, int], gender: str, paragraph: int, offset: int
    ) -> Entity | None:
        """``e``, quoted at ``since``, if nobody else of that gender was named after."""
        if gender not in ("m", "f") or (e.gender and e.gender != gender) or e.surname in self.talked_about:
            return None
        if not e.gender and not _person_like(e.tokens):
            return None  # "the Tax Foundation estimates ...": no "he" or "she"
        nearest = self.pronoun(gender, paragraph, offset, since)
        return e if nearest is None or nearest is e else None

    def _candidate(
        self, run: Run, gender: str, role: float, acts: bool
    ) -> tuple[Entity | None, tuple[str, ...], bool] | None:
        """``run``'s person (if known yet), name and whether its gender is known
        to fit; None if it cannot be the "he" or "she" looked for."""
        tokens = without_role(run.tokens)  # "Campaigner Aled Hughes" is Aled Hughes
        e = self._find(tokens)
        sal = self._salience
        single = len(tokens) == 1 and looks_like_surname(tokens[0])
        if e is None and len(tokens) == 1 and not (single and sal.surname(tokens[0])):
            # A word alone is someone only as a subject: a surname known
            # from the article, one followed by "his" or "her" ("Pell
            # admitted that his ..."), or a given name ("Marisol said she").
            g = ""
            if single and acts:
                g = sal.hint(tokens[0]) or first_name_gender(tokens[0])
            return (None, tokens, True) if g and g == gender else None  # not for ANY
        g = e.gender if e is not None else ""
        g = g or run.gender or (first_name_gender(tokens[0]) if looks_personal(tokens) else "")
        if not g and _person_like(tokens):
            g = sal.hint(tokens[-1])
        if not g and single and sal.surname(tokens[0]) < 2:
            g = first_name_gender(tokens[0])  # "Kevin", seen only alone
        if g and gender != ANY:
            return (e, tokens, True) if g == gender else None
        if e is not None:
            return (e, tokens, False) if e.phrase is None and _person_like(e.tokens) else None
        if single or (looks_personal(tokens) and is_given_name(tokens[0])):
            # A name of unknown gender that opens with a given name ("Jordan
            # Hale"; "Minimum Wage" does not).
            return None, tokens, False
        return None

    def _openers(self, gender: str, paragraph: int, offset: int, since: tuple[int, int]):
        """Sentences just before ``offset`` that open with a pronoun of
        ``gender``: (sentence distance, paragraph, the pronoun's offset)."""
        # Sentence j of a paragraph starts at 0 (j == 0) or at starts[j - 1].
        p, starts = paragraph, self._sentence_starts(paragraph)
        j = bisect_right(starts, offset)
        for distance in range(_CHAIN_SENTENCES + 1):
            if j < 0:
                p -= 1
                if p < 0 or p < paragraph - 1:
                    return
                starts = self._sentence_starts(p)
                j = len(starts)
            m = _OPENING_PRONOUN.match(self.paragraphs[p].text, starts[j - 1] if j else 0)
            if m and (p, m.start(1)) > since and (p, m.start(1)) < (paragraph, offset):
                if PRONOUNS.get(m.group(1).lower()) == gender:
                    yield distance, p, m.start(1)
            j -= 1

    def _run_sentence(self, i: int) -> int:
        """The sentence number in its paragraph that run ``i`` is weighed at,
        read when first needed: 0, the paragraph's first sentence, for
        nearly every run. The run's own sentence number j is looked up again
        as if it were a character offset, which counts the sentences that
        start within the paragraph's first j characters: none unless its
        opening sentences are a few characters long. So pronoun distance is
        measured to the start of the name's paragraph. Weighing the run's
        own sentence instead (``self._sentence(r.paragraph, r.start)[1]``)
        was measured: train full names 0.909 -> 0.907 (a "he" after a
        question went to the object of the paragraph before, not to the
        speaker two paragraphs back), dev 0.938 unchanged, and no per-sentence
        or per-paragraph weighting tried did better than this; kept until a
        weighting that does is found."""
        found = self._sents.get(i)
        if found is None:
            r = self.runs[i]
            found = self._sents[i] = self._sentence(r.paragraph, self._sentence(r.paragraph, r.start)[1])[1]
        return found

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
