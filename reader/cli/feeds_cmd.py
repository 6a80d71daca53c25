"""Feed commands: feeds add/list/remove/import/export, refresh."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from reader.cli import main
from reader.cli.common import echo_json, fail, iso_time, pass_state, reports_errors
from reader.errors import SourceError


def _feed_store(library):
    """The library's feed store, telling the user (stderr) what was repaired or skipped."""
    from reader.library.feeds import FeedStore

    store = FeedStore.of(library)
    for notice in store.notices:
        fail(notice)
    return store


@main.group("feeds")
def feeds() -> None:
    """Subscribe to RSS/Atom feeds, list them, move them in and out as OPML."""


@feeds.command("add")
@click.argument("source")
@click.option("--folder", help="File the feed(s) under this folder ('News/World' nests).")
@pass_state
@reports_errors
def feeds_add(state, source: str, folder: str | None) -> None:
    """Subscribe to a feed URL (or the feed a page names).

    SOURCE may also be a file: an OPML subscription list, or a list of feed
    URLs one a line. Run `byline refresh` to fetch the stories.
    """
    from reader.gather.subscribe import subscribe, subscribe_file

    library = state.open_library()
    path = Path(source)
    if "://" not in source and path.exists():
        _subscribed(*subscribe_file(library, path, folder=folder), source)
        return
    if "://" not in source:
        raise SourceError(source, "no such file, and not an http(s) URL")
    feed, new = subscribe(library, source, folder=folder)
    what = "subscribed to" if new else "already subscribed to"
    click.echo(f"{what} {feed.name} <{feed.url}>; run `byline refresh` to fetch its stories")


@feeds.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--folder", help="Put the file's feeds (and folders) under this folder.")
@pass_state
@reports_errors
def feeds_import(state, file: Path, folder: str | None) -> None:
    """Subscribe to every feed in an OPML file, keeping its folders."""
    from reader.gather.subscribe import subscribe_file

    _subscribed(*subscribe_file(state.open_library(), file, folder=folder, opml_only=True), file)


def _subscribed(new: int, total: int, skipped: list[str], source: object) -> None:
    """Say what a file of feeds added; name each feed skipped (stderr)."""
    for reason in skipped:
        fail(f"skipped {reason}")
    also = f", {len(skipped)} skipped" if skipped else ""
    click.echo(f"subscribed to {new} new feed{'s' * (new != 1)} ({total} in {source}{also})")


@feeds.command("export")
@pass_state
@reports_errors
def feeds_export(state) -> None:
    """Print your subscriptions as OPML 2.0 (folders as nested outlines)."""
    from reader.ingest.opml import Subscription, write_opml
    store = _feed_store(state.open_library(must_exist=True))
    subs = [Subscription(f.url, f.title, f.folder, f.link) for f in store.list()]
    click.echo(write_opml(subs), nl=False)


@feeds.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a line.")
@pass_state
@reports_errors
def feeds_list(state, as_json: bool) -> None:
    """Your feeds: title, URL, articles, unread, last update and last error."""
    library = state.open_library(must_exist=True)
    store = _feed_store(library)
    counts: dict[str, list[int]] = {}
    for entry in library.list():
        if entry.feed:
            c = counts.setdefault(entry.feed, [0, 0])
            c[0] += 1
            c[1] += not entry.read
    subs = store.list()
    if not subs and not as_json:
        click.echo("no feeds yet; add one with `byline feeds add URL`")
        return
    for f in subs:
        total, unread = counts.get(f.url, (0, 0))
        if as_json:
            echo_json(
                {"url": f.url, "title": f.title, "folder": f.folder, "link": f.link,
                 "articles": total, "unread": unread, "updated": _iso(f.updated),
                 "error": f.error}
            )  # fmt: skip
            continue
        folder = f"{f.folder}/ " if f.folder else ""
        click.echo(f"{folder}{f.name}  <{f.url}>")
        when = _local(f.updated) if f.updated else "never"
        click.echo(f"    {total} articles, {unread} unread; updated {when}")
        if f.error:
            click.echo(f"    last error: {f.error}")


@feeds.command("remove")
@click.argument("url")
@click.option("--delete-articles", is_flag=True, help="Also delete the feed's stored articles.")
@pass_state
@reports_errors
def feeds_remove(state, url: str, delete_articles: bool) -> None:
    """Unsubscribe from a feed (its articles stay unless --delete-articles)."""
    library = state.open_library(must_exist=True)
    feed = _feed_store(library).remove(url)
    gone = 0
    if delete_articles:
        for entry in library.list(feed=feed.url):
            library.remove(entry.id)
            gone += 1
    kept = "" if delete_articles else "; its articles stay in the library"
    deleted = f" and deleted its {gone} articles" if delete_articles else ""
    click.echo(f"unsubscribed from {feed.name}{deleted}{kept}")


@main.command("refresh")
@click.argument("urls", nargs=-1)
@click.option(
    "--fetch-full/--no-fetch-full",
    default=True,
    show_default=True,
    help="Fetch the full story of entries that carry only a summary.",
)
@pass_state
@reports_errors
def refresh_cmd(state, urls: tuple[str, ...], fetch_full: bool) -> None:
    """Fetch new stories from all your feeds (or the URLs given).

    Feeds are fetched concurrently, with conditional requests so an unchanged
    feed costs little. Exits 1 if any feed could not be refreshed.
    """
    from reader.gather.refresh import refresh

    library = state.open_library()
    store = _feed_store(library)  # says what was repaired, whichever feeds are named
    if not urls and not store.list():
        click.echo("no feeds yet; add one with `byline feeds add URL`")
        return
    if sys.stderr.isatty():
        with click.progressbar(length=1, label="refreshing feeds", file=sys.stderr) as bar:

            def progress(done: int, total: int) -> None:
                bar.length = max(total, 1)
                bar.update(done - bar.pos)

            report = refresh(library, urls or None, fetch_full=fetch_full, progress=progress)
    else:
        report = refresh(library, urls or None, fetch_full=fetch_full)
    for result in report.feeds:
        if result.moved_to:
            moved = f"moved for good to <{result.moved_to}>; subscription updated"
            click.echo(f"{result.name}: {moved}")
        if result.error:
            fail(result.error)
        elif result.new or result.summaries or result.warning or result.completed:
            line = f"{result.name}: {result.new} new"
            if result.completed:
                line += f", {result.completed} fetched in full now"
            if result.summaries:
                line += f" ({len(result.summaries)} kept as summaries: full story unavailable)"
            if result.warning:
                line += f" (malformed feed, read anyway: {result.warning})"
            click.echo(line)
            for reason in result.summaries[:3]:
                click.echo(f"    summary only: {reason}")
            if len(result.summaries) > 3:
                click.echo(f"    ... and {len(result.summaries) - 3} more")
    click.echo(f"{report.summary()} in {report.seconds:.1f} s")
    if report.failed:
        sys.exit(1)


def _iso(stamp: float | None) -> str | None:
    return iso_time(stamp) if stamp else None


def _local(stamp: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(stamp))

