"""`byline people`: everyone quoted across the library, one entry per person."""

from __future__ import annotations

import click

from reader.cli import main
from reader.cli.common import State, echo_json, fail, pass_state, reports_errors


def gender(given: str) -> str:
    """'m', 'f' or '' for a given name, from the name statistics the quotes room ships."""
    from reader.quotes.firstnames import first_name_gender

    return first_name_gender(given)


def given(word: str) -> bool:
    """Whether a word is a given name, by the same statistics."""
    from reader.quotes.firstnames import is_given_name

    return is_given_name(word)


@main.command("people")
@click.argument("name", required=False)
@click.option("--json", "as_json", is_flag=True,
              help="One JSON object per person: name, aliases, quotes, articles, first, last.")
@pass_state
@reports_errors
def people(state: State, name: str | None, as_json: bool) -> None:
    """List everyone quoted in the library, most quoted first.

    The same person named differently in different articles ("Ana M.
    Ruiz", "Ana Ruiz", "Ms Ruiz") is one entry; a surname alone ("Ruiz",
    "Ms Ruiz") or a given name alone ("Ana") joins a full name only when
    exactly one person in the library fits it (a fitting given name for
    Mr or Ms). Organisations and descriptions are listed as they are. With NAME, only people whose name or an alias
    contains it.

    Each line: quotations, articles, the dates of the first and last, the
    name, and the other names used for the person.
    """
    library = state.open_library()
    found = library.people(gender, given)
    if name:
        found = [p for p in found if p.matches(name)]
    for person in found:
        if as_json:
            echo_json(person.to_dict())
            continue
        data = person.to_dict()
        also = f"  (also {', '.join(data['aliases'])})" if data["aliases"] else ""
        click.echo(
            f"{person.quotes:>5} {len(person.articles):>4}  {data['first'] or '-':10} "
            f"{data['last'] or '-':10}  {person.name}{also}"
        )
    if not found:
        fail("nobody quoted matches" if name else "no quotations in the library yet")


def quotations_of(library, speaker: str, on_error):
    """(entry, quotations) by the person ``speaker`` names (any alias), or None if no one fits."""
    from reader.errors import StorageError
    from reader.library.people import find
    from reader.library.quotations import _quotes

    person = find(library.people(gender, given), speaker)
    if person is None:
        return None

    def walk():
        seen = []
        for quote in library.person_quotes(person):
            if quote.entry.id not in seen:
                seen.append(quote.entry.id)
        for article_id in seen:
            entry = library.entry(article_id)
            try:
                found = tuple(q for q in _quotes(library, article_id, None) if q.speaker in person.names)
            except StorageError as error:
                on_error(entry, error)
                continue
            if found:
                yield entry, found

    return walk()
