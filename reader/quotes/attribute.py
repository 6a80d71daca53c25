"""Attribution: which quotations are reported speech, and whose.

Each span gets its own cue first (see ``cues``). Then the quotations with
no cue of their own borrow one: the fragments of a multi-paragraph quotation
share theirs, a second quotation in a paragraph takes the first one's
(""A," he said. "B.""), a first one takes a close second one's ('"A" and
"B," she said'), and a paragraph that opens with a quotation takes the
speaker of the paragraph before. Quoted words with no speaker in reach
(scare quotes, titles, slogans) are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.model import Paragraph
from reader.quotes.cues import Cue, credit_line, find_cue, last_sentence_cue
from reader.quotes.firstnames import is_given_name
from reader.quotes.lexicon import BEFORE_VERB, STRONG_CUES, WEAK_CUES
from reader.quotes.mentions import Vocabulary
from reader.quotes.spans import Span

_WORDS = re.compile(r"[\w’'-]+")
_TITLE_SMALL = frozenset("a an the of and or in on at to for with from by vs is".split())
# Words before a quoted title: 'on "Meet the Press"', 'CNN's "New Day"', 'told "Fox and Friends"'.
_TITLE_WORDS = frozenset(
    """on in of to at from with called titled entitled named dubbed show program
    programme book film movie podcast song album told magazine newspaper column
    anthem hymn poem novel memoir series episode play documentary headline
    slogan""".split()
)
_LAST_WORD = re.compile(r"\w+$")
# Nouns that announce a work by its title, right before the quotation marks.
_TITLE_NOUN = re.compile(
    r"\b(?:book|film|movie|show|program|programme|series|episode|song|album|novel|memoir|"
    r"play|documentary|podcast|poem|column|essay|report|headline|titled|entitled)\s*,?\s*$",
    re.I,
)
_BORROWED_WORDS = 4
_FORWARD_WORDS = 12
_NICKNAME = re.compile(r"\s[A-Z][a-z]+\b")
_NAME_END = re.compile(r"\b([A-Z][a-z]+)\s$")
_GIVEN_NAME_CHARS = 30
_STANDALONE_WORDS = 8
_LOOK_BACK = 60  # characters before a quotation searched for title words or a name


@dataclass(slots=True)
class Attributed:
    span: Span
    text: str
    cue: Cue | None
    source_paragraph: int  # paragraph of the mention (it may be borrowed)
    group: int
    borrowed: bool = False  # the cue belongs to a neighbouring quotation
    chained: bool = False  # a later paragraph of a quotation whose cue it took

    def lend(self, other: Attributed, *, same_group: bool = False) -> None:
        self.cue, self.source_paragraph, self.borrowed = other.cue, other.source_paragraph, True
        if same_group:
            self.group = other.group


def _looks_like_title(words: list[str]) -> bool:
    """Every word but the small ones capitalised (or a number), and one at least."""
    seen = False
    for w in words:  # speech shows itself at its first lower-case word
        if w.lower() in _TITLE_SMALL:
            continue
        if not (w[:1].isupper() or w[:1].isdigit()):
            return False
        seen = True
    return seen


def attribute(paragraphs: tuple[Paragraph, ...] | list[Paragraph], spans: list[Span]) -> list[Attributed]:
    by_par: dict[int, list[Span]] = {}
    for s in spans:
        by_par.setdefault(s.paragraph, []).append(s)
    items: list[Attributed] = []
    for p, group in by_par.items():
        text = paragraphs[p].text
        for k, s in enumerate(group):
            lo = group[k - 1].end if k else 0
            hi = group[k + 1].start if k + 1 < len(group) else len(text)
            inner = s.inner(text)
            cue = find_cue(text, lo, s.start, s.end, hi, inner) if inner else None
            items.append(Attributed(s, inner, cue, p, s.chain))
    _drop_openers(paragraphs, items)
    _share_chains(items)
    _credit(paragraphs, items)
    _borrow(paragraphs, items)
    _share_chains(items)  # a chain whose first part borrowed a cue lends it on
    edges = {k: _edges(paragraphs[k].text) for k in {a.span.paragraph for a in items}}  # paragraphs with quotations
    return [a for a in items if _keep(paragraphs, edges, a)]


def _edges(text: str) -> tuple[int, int]:
    """Where ``text``'s first non-space character is, and where its last one ends."""
    return len(text) - len(text.lstrip()), len(text.rstrip())


def _drop_openers(paragraphs, items: list[Attributed]) -> None:
    """A sentence-opening ordinary word before a colon is no speaker ("Quick
    tip: '...'"); next to a reporting verb it may be ("Police said"). One a
    participle reaches back to is no speaker when it qualifies what follows
    it: the noun phrase it opens is the mention ("One campaign video ...
    declaring '...'"), or there is none ("Geysers like these keep sending")."""
    words = Vocabulary(paragraphs)
    for a in items:
        if a.cue is None or a.cue.mention is None:
            continue
        text = paragraphs[a.source_paragraph].text
        if a.cue.how == "colon":
            if words.opener(text, a.cue.mention):
                a.cue.mention = None
        elif (a.cue.cue or "").endswith("ing"):
            end = _noun_phrase_end(text, a.cue.mention[1])
            if end is not None and words.opener(text, a.cue.mention):
                a.cue.mention = (a.cue.mention[0], end) if end > a.cue.mention[1] else None


_NEXT_WORD = re.compile(r" ([a-z][\w’'-]*)(?![\w’'-])")
_NP_WORDS = 5


def _noun_phrase_end(text: str, end: int) -> int | None:
    """Where the noun phrase opened by the word ending at ``end`` ends, when
    that word qualifies the lower-case words after it ("One campaign video",
    "Hundreds of demonstrators"; ``end`` itself for "Geysers like these"); None when the
    word is a subject ("Ortiz responded", "Villagers are", "Ortiz, the mayor")."""
    out = end
    for k in range(_NP_WORDS):
        m = _NEXT_WORD.match(text, out)
        if m is None:
            return out if k else None
        w = m.group(1)
        if w.endswith("ed") or w in STRONG_CUES or w in WEAK_CUES or w in BEFORE_VERB or w in _VERBS:
            return out if k else None
        if w in _NOT_NOUNS:
            return out
        out = m.end()
    return out


# Common verbs of a subject that a participle's quotation may follow.
_VERBS = frozenset(
    """is are was were has have had will would can could may might must shall
    should do does did went goes took takes came comes made makes got gets
    gave gives left leaves ran runs sat stood spoke wrote broke""".split()
)
# Words that end a noun phrase (or stand where none starts): "Geysers like
# these", "Outside the arena".
_NOT_NOUNS = frozenset(
    """like in on at for with from to by about near that who which whose
    and or but as than the a an this these those his her their its""".split()
)


def _share_chains(items: list[Attributed]) -> None:
    chains: dict[int, list[Attributed]] = {}
    for a in items:
        chains.setdefault(a.span.chain, []).append(a)
    for members in chains.values():
        if len(members) < 2:
            continue
        best = next((m for m in members if m.cue and m.cue.how in ("after", "before")), None)
        best = best or next((m for m in members if m.cue), None)
        if best is None:
            continue
        for m in members:
            if m is not best and (m.cue is None or m.borrowed or m.cue.how not in ("after", "before")):
                m.lend(best)
                m.chained = True
        for m in members[1:]:  # one quotation, one group (its first part may share a split one's)
            m.group = members[0].group


def _credit(paragraphs, items: list[Attributed]) -> None:
    """A quotation that ends its paragraph, with no cue, credited by the next
    paragraph ('"…" ¶ - Jane Roe.')."""
    for k, a in enumerate(items):
        p = a.span.paragraph
        if a.cue is not None or p + 1 >= len(paragraphs):
            continue
        if paragraphs[p].text[a.span.end :].strip(" .,") or (k + 1 < len(items) and items[k + 1].span.paragraph == p):
            continue
        cue = credit_line(paragraphs[p + 1].text)
        if cue is not None:
            a.cue, a.source_paragraph = cue, p + 1


def _borrow(paragraphs, items: list[Attributed]) -> None:
    cued: dict[int, list[Attributed]] = {}
    for b in items:
        if b.cue is not None:
            cued.setdefault(b.span.paragraph, []).append(b)
    prev: Attributed | None = None
    from_before: dict[int, Attributed | Cue | None] = {}  # one look per paragraph, however many ask
    for k, a in enumerate(items):
        if a.cue is not None:
            prev = a
            continue
        p, text = a.span.paragraph, paragraphs[a.span.paragraph].text
        if prev is not None and prev.span.paragraph == p:
            a.lend(prev, same_group=True)
            prev = a
            continue
        nxt = items[k + 1] if k + 1 < len(items) else None
        if (
            nxt is not None
            and nxt.span.paragraph == p
            and nxt.cue is not None
            and len(text[a.span.end : nxt.span.start].split()) <= _FORWARD_WORDS
        ):
            a.lend(nxt, same_group=True)  # '"A" and "B," she said.'
            prev = a
            continue
        lo = items[k - 1].span.end if k and items[k - 1].span.paragraph == p else 0
        before = text[lo : a.span.start].rstrip()
        if before.endswith((".", "!", "?")):
            # 'A spokesman said in a statement. "There are no ballots."'
            cue = last_sentence_cue(text, lo, lo + len(before))
            if cue is not None and cue.mention is not None:
                a.cue, a.borrowed = Cue("previous", cue.cue, cue.mention), True
                prev = a
                continue
        if before.strip():
            continue
        q = p - 1
        if q < 0 or paragraphs[q].kind == "heading":
            continue
        if q not in from_before:
            from_before[q] = _previous_paragraph(paragraphs[q].text, cued.get(q, []))
        found = from_before[q]
        if isinstance(found, Attributed):
            a.lend(found)
            prev = a
        elif found is not None:
            a.cue, a.source_paragraph, a.borrowed = found, q, True
            prev = a


def _previous_paragraph(ptext: str, last: list[Attributed]) -> Attributed | Cue | None:
    """What a paragraph opening with a quotation borrows from the one before:
    its last cued quotation if little follows it, else a cue in its last sentence."""
    tail_start = last[-1].span.end if last else 0
    if last and len(ptext[tail_start:].split()) <= 20:
        return last[-1]
    cue = last_sentence_cue(ptext, tail_start, len(ptext))
    return Cue("previous", cue.cue, cue.mention) if cue is not None else None


def _title_words_before(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` ends with a word that announces a title, a
    possessive ("CNN's"), or another quoted title and a comma or "and"."""
    seg = text[lo:hi].rstrip()
    comma = seg.endswith(",")
    if comma:
        seg = seg[:-1].rstrip()
        if seg.endswith(("”", '"')):
            return True  # '"Fargo", "Heat"'
    if seg.endswith(("’s", "'s", "’S", "'S")):
        return True
    last = _LAST_WORD.search(seg, max(0, len(seg) - 16))
    if last is None:
        return False
    word = last.group().lower()
    if word in ("and", "or"):
        rest = seg[: last.start()].rstrip()
        return last.start() > len(rest) and rest.rstrip(",").endswith(("”", '"'))
    return word in _TITLE_WORDS and (last.start() == 0 or not seg[last.start() - 1].isalnum() and seg[last.start() - 1] != "_")


_SCARE_WORDS = 3  # a quoted phrase this short, far from its verb, is a scare quote
_FAR_WORDS = 9
_CLAUSE_EDGE = re.compile(r"[,;—–]|\b(?:that|which|who|and|but|while|because)\b")


def _scare_quote(text: str, a: Attributed, words: int) -> bool:
    """A short phrase in quotation marks inside a clause whose only reporting
    verb is far back, past a clause edge: 'Trump, who [...] said it, would
    trigger a "contested convention"' marks a phrase, not speech."""
    verb_end = a.cue.verb_end if a.cue else None
    if verb_end is None or words > _SCARE_WORDS:
        return False
    between = text[verb_end : a.span.start]
    return len(between.split()) >= _FAR_WORDS and _CLAUSE_EDGE.search(between) is not None


def _keep(paragraphs, edges: dict[int, tuple[int, int]], a: Attributed) -> bool:
    text = paragraphs[a.span.paragraph].text
    first, last = edges[a.span.paragraph]
    back = max(0, a.span.start - _LOOK_BACK)
    words = _WORDS.findall(a.text)
    if not words:
        return False
    if a.span.start and text[a.span.start - 1] == "=":
        return False  # a markup attribute, not speech
    how = a.cue.how if a.cue else None
    own = a.cue is not None and not a.borrowed
    if _looks_like_title(words):
        if _TITLE_NOUN.search(text, back, a.span.start):
            return False  # 'the book "Why We Lie to Ourselves About Money"': a title at any length
        if len(words) <= 8 and (
            not own or how not in ("after", "before") or _title_words_before(text, back, a.span.start)
        ):
            return False
    if len(words) == 1 and _NICKNAME.match(text, a.span.end):
        given = _NAME_END.search(text, max(back, a.span.start - _GIVEN_NAME_CHARS), a.span.start)
        if given and is_given_name(given.group(1)):
            return False  # a nickname between a given name and a surname: Robert "Bobby" Vane
    if own and how == "mixed" and _scare_quote(text, a, len(words)):
        return False
    if own:
        return True
    if a.cue is not None:  # borrowed from a neighbour
        whole = a.span.start <= first and a.span.end >= last
        if whole and text[a.span.start] in "'‘":
            return False  # a paragraph that is one single-quoted line: a subheading
        if a.chained:
            return True  # its quotation opened in an earlier paragraph, with a speaker
        if a.span.paragraph == a.source_paragraph:  # the rest of a split quotation
            return len(words) >= 2 or a.text.rstrip().endswith((".", "!", "?"))
        return len(words) >= _BORROWED_WORDS
    return len(words) >= _STANDALONE_WORDS and a.text[:1].isupper() and a.span.start <= first
