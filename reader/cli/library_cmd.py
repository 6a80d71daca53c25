"""Library commands: import, list, show, read/unread, bookmark, remove, quotes, export."""

from __future__ import annotations

import json
import os
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from reader.cli import main
from reader.cli.common import State, echo_json, fail, pass_state, reports_errors
from reader.library import Entry, Library
from reader.model import Quote

UNREAD_MARK = "●"
BOOKMARK_MARK = "★"
_SITE_WIDTH = 22



def resolve_all(library: Library, prefixes: Iterable[str]) -> list[str]:
    """Full ids for abbreviated ones; raises before anything is changed."""
    return [library.resolve(prefix) for prefix in prefixes]


# -- list formatting (also used by `byline` when stdout is not a terminal) --


def entry_date(entry: Entry) -> str:
    """The publication date, or a blank column: an import date would pass for one."""
    if entry.published is not None:
        return entry.published.date().isoformat()
    return "-".center(10)


def _width(text: str) -> int:
    """Terminal columns: East Asian wide and fullwidth characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _clip(text: str, width: int) -> str:
    if _width(text) <= width:
        return text
    while _width(text) > width - 1:
        text = text[:-1]
    return text + "…"


def format_entries(entries: Iterable[Entry]) -> list[str]:
    """Aligned lines: short id, marks (● unread, ★ bookmarked), date, site, title."""
    entries = list(entries)
    sites = [_clip(" ".join((e.site or "").split()), _SITE_WIDTH) for e in entries]
    width = max((_width(s) for s in sites), default=0)
    lines = []
    for entry, site in zip(entries, sites):
        marks = (" " if entry.read else UNREAD_MARK) + (BOOKMARK_MARK if entry.bookmarked else " ")
        title = " ".join(entry.title.split()) or "(untitled)"
        pad = " " * (width - _width(site))
        lines.append(f"{entry.id[:8]} {marks} {entry_date(entry)}  {site}{pad}  {title}")
    return lines


def entry_json(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "title": entry.title,
        "site": entry.site,
        "published": entry.published.isoformat() if entry.published else None,
        "url": entry.url,
        "feed": entry.feed,
        "imported": entry.imported,
        "read": entry.read,
        "bookmarked": entry.bookmarked,
        "quotes": entry.quotes,
        "speakers": list(entry.speakers),
    }


# -- import -----------------------------------------------------------------


@main.command("import")
@click.argument("paths", nargs=-1, required=True)
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Parse this many files at once (default: the number of CPU cores).")
@pass_state
@reports_errors
def import_(state: State, paths: tuple[str, ...], jobs: int | None) -> None:
    """Import saved pages, whole folders, and article or feed URLs.

    Each PATH may be a file (an HTML page or a plain-text dump, recognised by
    content), a folder (imported recursively, hidden files and folders
    skipped) or an http(s) URL (an article is fetched and imported; a feed is
    subscribed to). Importing an article again updates it and keeps whether
    it was read or bookmarked.

    Each file that cannot be imported is reported as "byline: FILE: REASON";
    the rest are still imported, and the exit status is 1. A summary line
    ends the run: "imported 120, updated 2, unchanged 0, failed 1".

    \b
    Examples:
      byline import ~/saved-pages
      byline import story.html dump.txt --jobs 4
      byline import https://example.org/news/story
    """
    from reader.importer import import_paths

    library = state.open_library()
    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None and total > 1 and sys.stderr.isatty():
            bar = click.progressbar(length=total, label="importing", file=sys.stderr)
            bar.__enter__()
        if bar is not None:
            bar.update(done - bar.pos)

    try:
        report = import_paths(library, paths, jobs=jobs, progress=progress)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for source, reason in report.failures:
        fail(f"{source}: {reason}")
    click.echo(report.summary(), err=True)
    if report.failures:
        sys.exit(1)


# -- list, show ---------------------------------------------------------------


@main.command("list")
@click.option("--unread", "show", flag_value="unread", help="Only articles not yet read.")
@click.option("--read", "show", flag_value="read", help="Only articles already read.")
@click.option("--bookmarked", "show", flag_value="bookmarked", help="Only bookmarked articles.")
@click.option("--speaker", metavar="NAME",
              help="Only articles quoting someone whose name contains NAME (any case).")
@click.option("--feed", metavar="URL", help="Only articles from this feed.")
@click.option("--sort", type=click.Choice(["date", "imported"]), default="date", show_default=True,
              help="Order by publication date (import date if unknown) or import time.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article (JSON Lines).")
@pass_state
@reports_errors
def list_(state: State, show: str | None, speaker: str | None, feed: str | None,
          sort: str, as_json: bool) -> None:
    """List the articles in the library, newest first.

    Each line shows the short id (any unique prefix of it works wherever an
    ID is asked for), ● if unread, ★ if bookmarked, the date, site and title.

    With --json each article is one JSON object on its own line, with id,
    title, site, published, url, read, bookmarked, quotes (a count) and
    speakers (names).
    """
    library = state.open_library()
    entries = library.list(show=show or "all", speaker=speaker, feed=feed, sort=sort)
    if as_json:
        for entry in entries:
            echo_json(entry_json(entry))
    else:
        for line in format_entries(entries):
            click.echo(line)


@main.command("show")
@click.argument("article_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True,
              help="The whole article (paragraphs, quotes, speakers) as one JSON object.")
@pass_state
@reports_errors
def show(state: State, article_id: str, as_json: bool) -> None:
    """Print one article, its quotations marked with their speakers.

    ID is an article id from `byline list`, or any unique prefix of it.
    """
    library = state.open_library()
    full = library.resolve(article_id)
    article, entry = library.get(full), library.entry(full)
    if as_json:
        data = article.to_dict()
        data.update(read=entry.read, bookmarked=entry.bookmarked, imported=entry.imported)
        echo_json(data)
        return
    import shutil

    from reader.cli.parse_cmd import render

    width = min(shutil.get_terminal_size((80, 24)).columns, 100)
    click.echo(render(article, width))
    footer = [full]
    if article.url:
        footer.append(article.url)
    if entry.bookmarked:
        footer.append(f"{BOOKMARK_MARK} bookmarked")
    click.echo()
    click.echo(click.style(" · ".join(footer), dim=True))


# -- state ----------------------------------------------------------------------


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


# -- quotes, export -------------------------------------------------------------


@main.command("quotes")
@click.option("--speaker", metavar="NAME",
              help="Only quotations by someone whose name contains NAME (any case).")
@click.option("--json", "as_json", is_flag=True,
              help="One JSON object per quotation: article, speaker, text, cue.")
@pass_state
@reports_errors
def quotes(state: State, speaker: str | None, as_json: bool) -> None:
    """List the quotations across the library, newest article first.

    Each line shows the article's short id, the speaker and the words quoted.
    Lines are printed as each article is read, so the first come at once.
    An article whose stored copy cannot be read is reported on stderr and
    skipped; the exit status is then 1.
    """
    library = state.open_library()
    out = sys.stdout
    damaged = []

    def report(entry: Entry, error: Exception) -> None:
        fail(str(error))
        damaged.append(entry.id)

    first = True
    for entry, found in library.quotations(speaker, on_error=report):
        out.write("".join(quote_lines(entry.id, found, as_json)))
        if first:  # one article's worth at once, even into a pipe
            out.flush()
            first = False
    if damaged:
        sys.exit(1)


def quote_lines(article_id: str, found: Iterable[Quote], as_json: bool) -> list[str]:
    """One line (with its newline) per quotation: short id, speaker, text; or JSON."""
    if as_json:
        return [
            _json_line({"article": article_id, "speaker": q.speaker, "text": q.text, "cue": q.cue})
            + "\n"
            for q in found
        ]
    short = article_id[:8]
    return [
        f"{short}  {q.speaker or '(unattributed)'}: “{' '.join(q.text.split())}”\n" for q in found
    ]


_json_line = json.JSONEncoder(ensure_ascii=False).encode


@main.command("export")
@click.option("--bookmarked", is_flag=True, help="Only bookmarked articles.")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), required=True,
              help="markdown: one readable document; json: one object per article per line.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
@pass_state
@reports_errors
def export(state: State, bookmarked: bool, fmt: str, output: Path | None) -> None:
    """Export articles, whole, as Markdown or JSON Lines (newest first).

    \b
    Examples:
      byline export --bookmarked --format markdown -o reading.md
      byline export --format json | jq -r .title
    """
    from reader.cli.export import to_json_line, to_markdown

    library = state.open_library()
    entries = library.list(show="bookmarked" if bookmarked else "all")
    chunks = (
        (to_markdown(library.get(e.id), e) if fmt == "markdown"
         else to_json_line(library.get(e.id), e))
        for e in entries
    )
    if output is None:
        for chunk in chunks:
            click.echo(chunk)
        return
    try:
        with open(output, "w", encoding="utf-8") as handle:
            for chunk in chunks:
                handle.write(chunk + "\n")
    except OSError as error:
        fail(f"{output}: {error.strerror or error}")
        sys.exit(1)
    click.echo(f"exported {len(entries)} article(s) to {os.fspath(output)}", err=True)
