"""Commands that change articles: read, unread, bookmark, remove."""

from __future__ import annotations

import sys
from collections.abc import Iterable

import click

from reader.cli import main
from reader.cli.common import State, fail, pass_state, reports_errors
from reader.library import Library


def resolve_some(library: Library, prefixes: Iterable[str]) -> tuple[dict[str, str], bool]:
    """Full id -> title for each prefix that names one article, in the order given.

    Each that names none, or several, is reported on stderr; the second value
    says whether any was. Commands act on the good ones and then exit 1.
    """
    from reader.errors import NotFoundError

    found: dict[str, str] = {}
    failed = False
    for prefix in prefixes:
        try:
            article_id = library.resolve(prefix)
        except NotFoundError as error:
            fail(str(error))
            failed = True
            continue
        found.setdefault(article_id, library.entry(article_id).title)
    return found, failed


def _change(state: State, ids: tuple[str, ...], change, verb: str) -> None:
    library = state.open_library(must_exist=True)
    found, failed = resolve_some(library, ids)
    if found:
        change(library, list(found))
        for article_id, title in found.items():
            click.echo(f"{verb} {article_id[:8]}  {title}")
    if failed:
        sys.exit(1)


def _mark_read(state: State, ids: tuple[str, ...], read: bool) -> None:
    _change(state, ids, lambda library, full: library.set_read_many(full, read),
            "read" if read else "unread")


@main.command("read")
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@pass_state
@reports_errors
def read(state: State, ids: tuple[str, ...]) -> None:
    """Mark articles as read.

    Each ID is an article id as `byline list` shows it, or any unique prefix
    of one. An ID that matches no article, or several, is reported and the
    others are still marked; the exit status is then 1.

    \b
    Example:
      byline read 1a2b 9f0e
    """
    _mark_read(state, ids, True)


@main.command("unread")
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@pass_state
@reports_errors
def unread(state: State, ids: tuple[str, ...]) -> None:
    """Mark articles as not read yet (they show ● in `byline list` again).

    Each ID is an article id as `byline list` shows it, or any unique prefix
    of one. An ID that matches no article, or several, is reported and the
    others are still marked; the exit status is then 1.
    """
    _mark_read(state, ids, False)


@main.command("bookmark")
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@click.option("--remove", is_flag=True, help="Take the bookmark off instead.")
@pass_state
@reports_errors
def bookmark(state: State, ids: tuple[str, ...], remove: bool) -> None:
    """Bookmark articles (or, with --remove, take their bookmark off).

    Bookmarked articles show ★ in `byline list`; `byline list --bookmarked`
    and `byline export --bookmarked` pick them out. Each ID may be any
    unique prefix of an article id; one that matches none, or several, is
    reported, the others are still changed, and the exit status is then 1.

    \b
    Examples:
      byline bookmark 1a2b
      byline bookmark --remove 1a2b
    """
    _change(state, ids, lambda library, full: library.set_bookmarked_many(full, not remove),
            "unbookmarked" if remove else "bookmarked")


@main.command("remove")
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@pass_state
@reports_errors
def remove(state: State, ids: tuple[str, ...]) -> None:
    """Remove articles from the library (their read and bookmark marks go too;
    their clippings stay, each with its own copy of the quotation and citation).

    Each ID is an article id as `byline list` shows it, or any unique prefix
    of one. An ID that matches no article, or several, is reported and the
    others are still removed; the exit status is then 1. Importing the same
    page again brings an article back, unread.

    \b
    Example:
      byline remove 1a2b 9f0e 77c1
    """
    kept: list[int] = []

    def change(library: Library, full: list[str]) -> None:
        kept.append(_clippings_of(library, set(full)))
        library.remove_many(full)

    _change(state, ids, change, "removed")
    if kept and kept[0]:
        fail(f"kept {kept[0]} clipping{'s' * (kept[0] != 1)} of what was removed "
             "(byline clippings lists them)")


def _clippings_of(library: Library, ids: set[str]) -> int:
    from reader.errors import BylineError

    try:
        return sum(c.article in ids for c in library.clippings.all())
    except BylineError:
        return 0  # an unreadable clippings file: nothing to say about it here
