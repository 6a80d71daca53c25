"""Library commands that read: import, list, show, quotes, export.

The commands that change articles (read, unread, bookmark, remove) are in
:mod:`reader.cli.state_cmd`; how entries and quotations print, in
:mod:`reader.cli.listing`.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from pathlib import Path

import click

from reader.cli import main
from reader.cli.common import State, echo_json, fail, iso_time, pass_state, reports_errors
from reader.cli.listing import BOOKMARK_MARK, entry_json, format_entries, quote_lines
from reader.library import Entry
from reader.library.order import SORTS, UNDATED

__all__ = ["format_entries"]  # `byline` prints the list with it when not on a terminal


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
    from reader.gather.importer import import_paths

    library = state.open_library()
    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None and total > 1 and sys.stderr.isatty():
            bar = click.progressbar(length=total, label="importing", file=sys.stderr)
            bar.__enter__()
        if bar is not None:
            bar.update(done - bar.pos)

    stopped = False

    def stop(signum: int, frame: object) -> None:  # Ctrl-C: keep what was parsed
        nonlocal stopped
        if stopped:
            raise KeyboardInterrupt  # a second Ctrl-C: at once
        stopped = True

    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, stop) if main_thread else None
    try:
        report = import_paths(library, paths, jobs=jobs, progress=progress, cancelled=lambda: stopped)
    finally:
        if main_thread:
            signal.signal(signal.SIGINT, previous)
        if bar is not None:
            bar.__exit__(None, None, None)
    for source, reason in report.failures:
        fail(f"{source}: {reason}")
    for source, note in report.notes:
        click.echo(f"byline: {source}: imported, but {note}", err=True)
    click.echo(report.summary(), err=True)
    if stopped:
        fail("stopped: what was parsed before Ctrl-C is stored; import again for the rest")
        sys.exit(130)
    if report.failures:
        sys.exit(1)


# -- list, show ---------------------------------------------------------------


@main.command("list")
@click.option("--unread", is_flag=True, help="Only articles not yet read.")
@click.option("--read", is_flag=True, help="Only articles already read.")
@click.option("--bookmarked", is_flag=True, help="Only bookmarked articles.")
@click.option("--speaker", metavar="NAME",
              help="Only articles quoting someone whose name contains NAME (any case).")
@click.option("--feed", metavar="URL", help="Only articles from this feed.")
@click.option("--sort", type=click.Choice(SORTS), default="date", show_default=True,
              help="date: publication date, newest first; imported: import time; "
                   "site: by site, A to Z; unread: unread ones first.")
@click.option("--undated", type=click.Choice(UNDATED), default="last", show_default=True,
              help="Where articles with no publication date go: after the dated ones, "
                   "before them, or mixed in by their import time.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article (JSON Lines).")
@pass_state
@reports_errors
def list_(state: State, unread: bool, read: bool, bookmarked: bool, speaker: str | None,
          feed: str | None, sort: str, undated: str, as_json: bool) -> None:
    """List the articles in the library, newest first.

    Each line shows the short id (any unique prefix of it works wherever an
    ID is asked for), ● if unread, ★ if bookmarked, the date, site and title.
    Filters combine: --unread --bookmarked lists the bookmarked articles not
    yet read.

    With --json each article is one JSON object on its own line, with id,
    title, site, published, url, read, bookmarked, quotes (a count) and
    speakers (names).
    """
    if unread and read:
        raise click.UsageError("--unread and --read together match nothing; give one of them")
    chosen = [name for name, on in (("unread", unread), ("read", read), ("bookmarked", bookmarked)) if on]
    library = state.open_library(must_exist=True)
    entries = library.list(show=chosen, speaker=speaker, feed=feed, sort=sort, undated=undated)
    if as_json:
        for entry in entries:
            echo_json(entry_json(entry))
    else:
        for line in format_entries(entries):
            click.echo(line)
        if not entries and library.counts().total == 0:
            fail("the library is empty; add pages with `byline import PATH`")


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
    library = state.open_library(must_exist=True)
    full = library.resolve(article_id)
    article, entry = library.get(full), library.entry(full)
    if as_json:
        data = article.to_dict()
        data.update(read=entry.read, bookmarked=entry.bookmarked, imported=iso_time(entry.imported))
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


# -- quotes, export -------------------------------------------------------------


@main.command("quotes")
@click.option("--speaker", metavar="NAME",
              help="Only quotations by this person, by any name the library knows them by "
                   "(see `byline people`); else by anyone whose name contains NAME.")
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
    library = state.open_library(must_exist=True)
    out = sys.stdout
    damaged = []

    def report(entry: Entry, error: Exception) -> None:
        fail(str(error))
        damaged.append(entry.id)

    source = None
    if speaker:  # the person, by any of their names across the library
        from reader.cli.people_cmd import quotations_of

        source = quotations_of(library, speaker, report)
    if source is None:
        source = library.quotations(speaker, on_error=report)
    first = True
    for entry, found in source:
        out.write("".join(quote_lines(entry.id, found, as_json)))
        if first:  # one article's worth at once, even into a pipe
            out.flush()
            first = False
    if damaged:
        sys.exit(1)


@main.command("export")
@click.option("--bookmarked", is_flag=True, help="Only bookmarked articles.")
@click.option("--clippings", is_flag=True,
              help="The clippings (quotations kept with c in the app), each with its citation, "
                   "instead of articles.")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json", "csv"]), required=True,
              help="markdown: one readable document; json: one object per line; "
                   "csv (clippings only): one row per clipping, with a header row.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
@pass_state
@reports_errors
def export(state: State, bookmarked: bool, clippings: bool, fmt: str, output: Path | None) -> None:
    """Export articles, whole, as Markdown or JSON Lines (newest first);
    or, with --clippings, the clippings as Markdown, JSON Lines or CSV.

    A clipping's citation: the quotation, the speaker, the article's title,
    site, authors, published date and URL, and when it was clipped. Text
    from articles is never markup: Markdown escapes it, and a CSV cell that
    a spreadsheet would run as a formula (= + - @) starts with '.

    \b
    Examples:
      byline export --bookmarked --format markdown -o reading.md
      byline export --format json | jq -r .title
      byline export --clippings --format csv -o clippings.csv
    """
    if clippings and bookmarked:
        raise click.UsageError("--clippings and --bookmarked do not go together")
    if fmt == "csv" and not clippings:
        raise click.UsageError("--format csv is for --clippings; articles export as markdown or json")
    library = state.open_library(must_exist=True)
    if clippings:
        from reader.cli.clippings_cmd import export_clippings

        _write_out(output, lambda write: export_clippings(library, fmt, write), "clipping(s)",
                   newline="" if fmt == "csv" else None)
        return
    from reader.cli.export import to_json_line, to_markdown

    entries = library.list(show="bookmarked" if bookmarked else "all")
    chunks = (
        (to_markdown(library.get(e.id), e) if fmt == "markdown"
         else to_json_line(library.get(e.id), e))
        for e in entries
    )

    def articles(write) -> int:
        for chunk in chunks:
            write(chunk + "\n")
        return len(entries)

    _write_out(output, articles, "article(s)")


def _write_out(output: Path | None, produce, what: str, newline: str | None = None) -> None:
    """``produce(write)`` to standard output or ``output``; on a file, say how many."""
    if output is None:
        produce(lambda text: click.echo(text, nl=False))
        return
    try:
        with open(output, "w", encoding="utf-8", newline=newline) as handle:
            count = produce(handle.write)
    except OSError as error:
        fail(f"{output}: {error.strerror or error}")
        sys.exit(1)
    click.echo(f"exported {count} {what} to {os.fspath(output)}", err=True)
