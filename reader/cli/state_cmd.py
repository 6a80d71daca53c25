"""Commands that change articles: read, unread, bookmark, remove."""

from __future__ import annotations

import sys
from collections.abc import Iterable

import click

from reader.cli import main
from reader.cli.common import State, fail, pass_state, reports_errors
from reader.library import Library


def resolve_all(library: Library, prefixes: Iterable[str]) -> list[str]:
    """Full ids for abbreviated ones; raises before anything is changed."""
    return [library.resolve(prefix) for prefix in prefixes]


def _report(library: Library, ids: list[str], verb: str) -> None:
    for article_id in ids:
        click.echo(f"{verb} {article_id[:8]}  {library.entry(article_id).title}")


def _mark_read(state: State, ids: tuple[str, ...], read: bool) -> None:
    library = state.open_library()
    full = resolve_all(library, ids)
    library.set_read_many(full, read)
    _report(library, full, "read" if read else "unread")


@main.command("read")
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@pass_state
@reports_errors
def read(state: State, ids: tuple[str, ...]) -> None:
    """Mark articles as read.

    Each ID is an article id as `byline list` shows it, or any unique prefix
    of one. If any ID matches no article, or several, nothing is changed.

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
    of one. If any ID matches no article, or several, nothing is changed.
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
    unique prefix of an article id.

    \b
    Examples:
      byline bookmark 1a2b
      byline bookmark --remove 1a2b
    """
    library = state.open_library()
    full = resolve_all(library, ids)
    library.set_bookmarked_many(full, not remove)
    _report(library, full, "unbookmarked" if remove else "bookmarked")


@main.command("remove")
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@pass_state
@reports_errors
def remove(state: State, ids: tuple[str, ...]) -> None:
    """Remove articles from the library (their read and bookmark marks go too).

    Each ID is an article id as `byline list` shows it, or any unique prefix
    of one. An ID that matches no article, or several, is reported and the
    others are still removed; the exit status is then 1. Importing the same
    page again brings an article back, unread.

    \b
    Example:
      byline remove 1a2b 9f0e 77c1
    """
    from reader.errors import NotFoundError

    library = state.open_library()
    found: dict[str, str] = {}  # full id -> title, in the order given
    failed = False
    for prefix in ids:
        try:
            article_id = library.resolve(prefix)
        except NotFoundError as error:
            fail(str(error))
            failed = True
            continue
        found.setdefault(article_id, library.entry(article_id).title)
    if found:
        library.remove_many(found)
        for article_id, title in found.items():
            click.echo(f"removed {article_id[:8]}  {title}")
    if failed:
        sys.exit(1)
