"""Search queries: what a person types, parsed into terms and filters.

The syntax (``byline search --help`` and the app's ``/`` prompt describe it):

* ``word`` — every word must match (stemmed: "talks" finds "talk");
  ``word*`` matches any word that starts with it;
* ``"exact phrase"`` (straight or typographic quotes; an unclosed quote
  runs to the end);
* ``-word`` / ``-"a phrase"`` — articles with it are left out;
* ``speaker:NAME``, ``site:NAME``, ``feed:NAME`` — a part of the name, any
  case (``speaker:"Ana Díaz"`` for a name with a space);
* ``is:unread``, ``is:read``, ``is:bookmarked``;
* ``before:DATE`` (earlier than its start), ``after:DATE`` (from its start
  on), with DATE as ``2024``, ``2024-05`` or ``2024-05-17``.

User text never reaches FTS5 syntax raw: :meth:`Query.match` quotes every
term (doubling any ``"`` inside), and a term with no letter or digit is
dropped, so ``"``, ``AND(`` or ``NEAR`` are searched as the words they hold
(or nothing) rather than read as operators.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone

from reader.errors import BylineError

MAX_QUERY = 1000  # characters of a query that are read
MAX_TERMS = 32  # terms kept (FTS5 work grows with each)
FIELDS = ("speaker", "site", "feed", "is", "before", "after")
FLAGS = ("unread", "read", "bookmarked")
_OPEN = '"“”„«»'  # any of these opens or closes a phrase
_WORD = re.compile(r"\w")


class QueryError(BylineError):
    """A query that cannot mean anything (an unknown is:, a date that is not one)."""


@dataclass(frozen=True)
class Term:
    text: str  # the words, as typed
    phrase: bool = False
    prefix: bool = False

    def fts(self) -> str:
        quoted = '"' + self.text.replace('"', '""') + '"'
        return quoted + "*" if self.prefix else quoted


@dataclass(frozen=True)
class Query:
    terms: tuple[Term, ...] = ()
    excluded: tuple[Term, ...] = ()
    speakers: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    before: float | None = None  # unix time: dates earlier than this
    after: float | None = None  # unix time: dates from this on
    text: str = field(default="", compare=False)

    def match(self) -> str | None:
        """The FTS5 MATCH expression for the words to find (None: no words)."""
        if not self.terms:
            return None
        return " AND ".join(t.fts() for t in self.terms)

    def excluding(self) -> str | None:
        """The FTS5 expression for the words to leave out (None: none)."""
        if not self.excluded:
            return None
        return " OR ".join(t.fts() for t in self.excluded)

    def highlight(self) -> str | None:
        """An expression matching any of the words found (for highlighting)."""
        if not self.terms:
            return None
        return " OR ".join(t.fts() for t in self.terms)

    @property
    def empty(self) -> bool:
        return not (
            self.terms or self.excluded or self.speakers or self.sites or self.feeds
            or self.flags or self.before is not None or self.after is not None
        )


def parse(text: str) -> Query:
    """Parse a query; QueryError only for a filter that cannot mean anything."""
    text = text[:MAX_QUERY]
    terms: list[Term] = []
    excluded: list[Term] = []
    values: dict[str, list[str]] = {name: [] for name in FIELDS}
    for negated, name, value, quoted in _tokens(text):
        if name is not None:
            if value:
                values[name].append(value)
            continue
        term = _term(value, quoted)
        if term is None:
            continue
        (excluded if negated else terms).append(term)
    flags = []
    for flag in values["is"]:
        flag = flag.casefold()
        if flag not in FLAGS:
            raise QueryError(f"is:{flag} is not a filter; use is:unread, is:read or is:bookmarked")
        flags.append(flag)
    return Query(
        terms=tuple(terms[:MAX_TERMS]),
        excluded=tuple(excluded[:MAX_TERMS]),
        speakers=tuple(v.casefold() for v in values["speaker"]),
        sites=tuple(v.casefold() for v in values["site"]),
        feeds=tuple(v.casefold() for v in values["feed"]),
        flags=tuple(flags),
        before=_bound((_date("before", v) for v in values["before"]), min),
        after=_bound((_date("after", v) for v in values["after"]), max),
        text=text,
    )


def _tokens(text: str):
    """(negated, field or None, value, quoted) for each token of the query."""
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negated = text[i] == "-" and i + 1 < n and not text[i + 1].isspace()
        if negated:
            i += 1
        name = None
        m = re.match(r"(\w+):(?=\S)", text[i:])
        if m and m.group(1).casefold() in FIELDS:
            name = m.group(1).casefold()
            i += m.end()
        if i < n and text[i] in _OPEN:
            end = i + 1
            while end < n and text[end] not in _OPEN:
                end += 1
            value, quoted = text[i + 1 : end], True
            i = end + 1
        else:
            end = i
            while end < n and not text[end].isspace():
                end += 1
            value, quoted = text[i:end], False
            i = end
        yield (negated and name is None), name, value.strip(), quoted


def _term(value: str, quoted: bool) -> Term | None:
    if not _WORD.search(value):
        return None
    if quoted:
        return Term(" ".join(value.split()), phrase=True)
    prefix = value.endswith("*")
    return Term(value.rstrip("*"), prefix=prefix)


def _date(name: str, value: str) -> float:
    formats = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}
    fmt = formats.get(len(value))
    try:
        if fmt is None:
            raise ValueError
        day = datetime.strptime(value, fmt).replace(tzinfo=timezone.utc)
    except ValueError:
        raise QueryError(
            f"{name}:{value} is not a date; write it as 2024, 2024-05 or 2024-05-17"
        ) from None
    return day.timestamp()


def _bound(values, pick) -> float | None:
    """The tightest of several bounds (``min`` for before:, ``max`` for after:)."""
    found = list(values)
    return pick(found) if found else None
