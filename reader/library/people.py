"""People: one entry per person quoted across the library.

Each article's analysis already joined its own mentions ("Mr. Kim", "he")
to the fullest name it uses. Across articles, names are joined here:

* a full name is keyed by its given name and surname, without titles,
  initials, middle names or suffixes: "Ana M. Ruiz", "Dr. Ana Ruiz" and
  "Ana Ruiz" are one person;
* one name alone is a surname ("Ruiz", "Mrs. Ruiz") or, without a
  title, maybe a given name ("Ana"). It joins a full name only when
  exactly one person in the library fits it: that surname, or (untitled)
  that given name, with a given name whose gender does not contradict
  the title (Mr/Mrs/Ms...). When two fit ("Ruiz" with Ana and Tomás
  Ruiz; "Jordan" with Jordan Ruiz and Ana Jordan) it stays apart, so two
  people who share a surname are never merged;
* organisations and descriptions ("city council", "a spokeswoman for the
  port") stay themselves, keyed by their words.

The speakers and quotations come from the search index's tables (one read
of a small table, not of every document). ``gender(given_name)`` ('m',
'f' or '') and ``given(word)`` (whether a word is a given name at all)
are given by the caller: the library knows no name statistics.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone

TITLES = {
    "mr": "m", "mr.": "m", "mister": "m", "sir": "m", "lord": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "madam": "f", "dame": "f", "lady": "f",
}
NEUTRAL_TITLES = frozenset(
    """dr dr. prof prof. professor sen sen. senator rep rep. representative gov gov. governor
    president vice secretary minister prime chancellor mayor judge justice gen gen. general
    col col. capt capt. lt lt. sgt sgt. rev rev. father sheikh speaker chairman chairwoman
    ambassador attorney chief commissioner""".split()
)
SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
# Pronouns are how an article refers to someone, not another name for them.
PRONOUNS = frozenset(
    """he she i we they it you he's she's he'd she'd he'll she'll i'm i'd we're they're
    him her them""".split()
)
_WORD = re.compile(r"[^\s,]+")

Gender = Callable[[str], str]


@dataclass
class Person:
    name: str  # the fullest, most quoted form
    kind: str  # "person" or "other" (an organisation, a description)
    key: str
    aliases: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)  # speaker names as stored in articles
    quotes: int = 0
    articles: set[str] = field(default_factory=set)
    first: float | None = None
    last: float | None = None
    _forms: dict[str, int] = field(default_factory=dict)

    def add(self, speaker: str, aliases: Iterable[str], articles: dict[str, tuple[float, int]]) -> None:
        """One speaker name's quotations: ``articles`` is article id -> (date, quotations)."""
        self.names.add(speaker)
        self.aliases.add(speaker)
        self.aliases.update(
            a for a in aliases if a and a[:1].isupper() and a.casefold().replace("’", "'") not in PRONOUNS
        )
        quotes = sum(q for _, q in articles.values())
        self.quotes += quotes
        self.articles.update(articles)
        self._forms[speaker] = self._forms.get(speaker, 0) + quotes
        dates = [d for d, _ in articles.values()]
        if dates:
            first, last = min(dates), max(dates)
            self.first = first if self.first is None else min(self.first, first)
            self.last = last if self.last is None else max(self.last, last)

    def settle(self) -> None:
        """Choose the name shown: the longest full form among the most quoted."""
        self.name = max(self._forms, key=lambda n: (len(n.split()) >= 2, self._forms[n], len(n)))
        self.aliases.discard(self.name)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "aliases": sorted(self.aliases),
            "quotes": self.quotes,
            "articles": len(self.articles),
            "first": _iso(self.first),
            "last": _iso(self.last),
        }

    def matches(self, text: str) -> bool:
        needle = text.casefold().strip()
        return any(needle in n.casefold() for n in (self.name, *self.aliases))


def _iso(stamp: float | None) -> str | None:
    if stamp is None:
        return None
    return datetime.fromtimestamp(stamp, timezone.utc).date().isoformat()


def split_name(name: str) -> tuple[str, str | None, str | None, str]:
    """(kind, given, surname, title gender) of a speaker name.

    kind: "full" (given and surname), "single" (one name word, maybe after
    a title: a surname, or a given name; the word, casefolded, is in the
    surname place), "titled" (the same after a title: a surname), or
    "other" (lower-case words: a description, or not a name).
    """
    words = _WORD.findall(name)
    gender = ""
    titled = False
    while words and words[0].casefold() in TITLES | dict.fromkeys(NEUTRAL_TITLES, ""):
        gender = TITLES.get(words[0].casefold(), gender)
        words = words[1:]
        titled = True
    while words and words[-1].casefold() in SUFFIXES:
        words = words[:-1]
    if not words or not all(w[:1].isupper() for w in words) or len(words) > 5:
        return "other", None, None, gender
    if len(words) == 1:
        return "titled" if titled else "single", None, words[0].casefold(), gender
    given = words[0]
    if len(given.rstrip(".")) == 1 and len(words) > 2:  # "J. Edgar Hoover": the middle name leads
        given = words[1]
    return "full", given, words[-1].casefold(), gender


Group = tuple[set[str], dict[str, tuple[float, int]]]  # aliases; article id -> (date, quotations)


def build(
    speakers: Iterable[tuple[str, str, list[str], int, float]],
    gender: Gender | None = None,
    given: Callable[[str], bool] | None = None,
    named: Callable[[str, str], bool] | None = None,
) -> list[Person]:
    """People from (article id, speaker name, aliases, quotes, date) rows, most quoted first.

    ``given(word)`` says whether a word is a given name at all: a lone
    "Florida" is then not taken for the given name of "Florida Education
    Association". Without it, any first word of a full name may be one.

    ``named(article id, surname)`` says whether an article has that word
    anywhere. A given name alone is weak evidence: most are someone else
    of that name ("Jessica" of one article is not the Jessica Ruiz of
    another) or a name the analysis cut short ("Robby" in an article that
    also says "Robby Mook"). With ``named``, a lone given name joins the
    one person who has it only if its article names that person's surname.
    """
    groups: dict[str, Group] = {}
    for article, name, aliases, quotes, date in speakers:
        group = groups.get(name)
        if group is None:
            group = groups[name] = (set(), {})
        group[0].update(aliases)
        old = group[1].get(article)
        group[1][article] = (date, quotes + (old[1] if old else 0))
    return build_groups(groups, gender, given, named)


def build_groups(
    groups: dict[str, Group],
    gender: Gender | None = None,
    given: Callable[[str], bool] | None = None,
    named: Callable[[str, str], bool] | None = None,
) -> list[Person]:
    """People from each speaker name's aliases and articles (see :func:`build`)."""
    gender = gender or (lambda given: "")
    is_given = given or (lambda word: True)
    people: dict[str, Person] = {}
    surnames: dict[str, set[str]] = {}  # surname -> keys of full-name people
    givens: dict[str, set[str]] = {}  # given name -> keys of full-name people
    loose: list[tuple[str, Group, str, str, bool]] = []
    for name, group in groups.items():
        kind, given_name, surname, title_gender = split_name(name)
        if kind == "full":
            key = f"{given_name.casefold()} {surname}"
            person = people.get(key)
            if person is None:
                person = people[key] = Person(name, "person", key)
                surnames.setdefault(surname, set()).add(key)
                givens.setdefault(given_name.casefold(), set()).add(key)
            person.add(name, *group)
        elif kind in ("single", "titled"):
            if kind == "single":
                # The analysis names a speaker "Ibarra" and keeps "Mr. Ibarra" among the
                # aliases: the title is there. Titles that disagree fit no one.
                forms = (split_name(alias) for alias in group[0])
                titles = {form[3] for form in forms if form[:3] == ("titled", None, surname)}
                if titles:
                    kind, title_gender = "titled", (titles.pop() if len(titles) == 1 else "?")
            loose.append((name, group, surname, title_gender, kind == "titled"))
        else:
            key = "other:" + " ".join(name.casefold().split())
            person = people.get(key)
            if person is None:
                person = people[key] = Person(name, "other", key)
            person.add(name, *group)
    for name, (aliases, articles), word, title_gender, titled in loose:
        lone_given = not titled and is_given(_WORD.findall(name)[0])
        key = _only_fit(word, title_gender, lone_given, surnames, givens, people, gender)
        parts = {key: articles}
        if named is not None and not key.startswith("single:") and key not in surnames.get(word, ()):
            surname = key.rsplit(" ", 1)[1]  # joined by its given name alone: each article must say it
            parts = {key: {}, f"single:{word}": {}}
            for article, value in articles.items():
                parts[key if named(article, surname) else f"single:{word}"][article] = value
        for key, part in parts.items():
            if not part:
                continue
            person = people.get(key)
            if person is None:
                person = people[key] = Person(name, "person", key)
            person.add(name, aliases, part)
    for person in people.values():
        person.settle()
    return sorted(people.values(), key=lambda p: (-p.quotes, -len(p.articles), p.name.casefold()))


def _only_fit(
    word: str, title_gender: str, maybe_given: bool, surnames: dict[str, set[str]],
    givens: dict[str, set[str]], people: dict[str, Person], gender: Gender,
) -> str:
    """The key of the one full-name person a lone name fits, else the lone name's own key.

    A titled word ("Ms. Ruiz") can only be a surname; an untitled one
    ("Ruiz", "Ana") a surname or, if it is one, a given name. Everyone it could name
    counts, whatever their gender: the title's gender then rules out the
    ones it contradicts, and exactly one must be left.
    """
    candidates = set(surnames.get(word, ()))
    if maybe_given:
        candidates |= givens.get(word, set())
    fits = [
        k for k in candidates
        if not title_gender or gender(people[k].key.split()[0].title()) in ("", title_gender)
    ]
    return fits[0] if len(fits) == 1 else f"single:{word}"


def find(people: list[Person], name: str) -> Person | None:
    """The person called ``name`` (by any alias, any case); a part of a name if only one has it."""
    wanted = " ".join(name.casefold().split())
    for person in people:
        if wanted == person.name.casefold() or wanted in (a.casefold() for a in person.aliases):
            return person
    partial = [p for p in people if p.matches(wanted)]
    return partial[0] if len(partial) == 1 else None


@dataclass(frozen=True, slots=True)
class PersonQuote:
    entry: object  # reader.library.Entry
    text: str
    paragraph: int
    start: int
    speaker: str


def library_people(
    library, gender: Gender | None = None, given: Callable[[str], bool] | None = None
) -> list[Person]:
    """Every person quoted in ``library`` (see :meth:`reader.library.Library.people`)."""
    from reader.library.catalog import bulk

    # Kept until the index or the catalog changes: P a second time is instant.
    key = (library.search_index.version(), library.catalog.storage.signature(), gender, given)
    cached = getattr(library, "_people_cache", None)
    if cached is not None and cached[0] == key:
        return list(cached[1])
    with bulk():  # a hundred thousand small objects, no cycles: no collector passes
        people = _library_people(library, gender, given)
    library._people_cache = (key, people)
    return list(people)


def _library_people(library, gender: Gender | None, given: Callable[[str], bool] | None) -> list[Person]:
    import json

    from reader.library import records

    rows = library.catalog.rows
    groups: dict[str, Group] = {}
    for name, aliases, ids, quotes in library.search_index.speaker_groups():
        articles = {}
        for article_id, n in zip(ids, quotes):
            row = rows.get(article_id) if article_id is not None else None
            if row is not None:
                old = articles.get(article_id)
                articles[article_id] = (row[records.DATE], n + (old[1] if old else 0))
        if not articles:
            continue
        names: set[str] = set()
        for text in aliases:
            try:
                names.update(str(a) for a in json.loads(text))
            except (ValueError, TypeError):
                pass
        groups[name] = (names, articles)
    return build_groups(groups, gender, given, library.search_index.names_word)


def person_quotes(library, person: Person) -> list[PersonQuote]:
    """The person's quotations across the library, newest article first, in reading order.

    One row per quotation as the analysis counts them (a quotation split by
    its cue is two), so the rows add up to the person's count.
    """
    from reader.library import records

    rows = library.catalog.rows
    flags = library.state.flags_by_id.get
    entries: dict[str, object] = {}
    out = []
    for article_id, paragraph, start, _, speaker, text in library.search_index.quote_rows(person.names):
        row = rows.get(article_id)
        if row is None:
            continue
        entry = entries.get(article_id)
        if entry is None:
            entry = entries[article_id] = records.entry(row, flags(article_id, (False, False)))
        out.append(PersonQuote(entry, text, paragraph, start, speaker))
    out.sort(key=lambda q: (-rows[q.entry.id][records.DATE], q.entry.id, q.paragraph, q.start))
    return out
