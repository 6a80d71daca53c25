"""`byline clippings`: the quotations kept with `c` in the app, newest first;
and the clippings half of `byline export` (see :mod:`reader.cli.clip_export`)."""

from __future__ import annotations

import click

from reader.cli import main
from reader.cli.common import State, echo_json, fail, pass_state, reports_errors

_NONE_YET = "no clippings yet: in the app, press c on a quotation to keep it"


@main.command("clippings")
@click.argument("ids", nargs=-1, metavar="[ID]...")
@click.option("--json", "as_json", is_flag=True,
              help="One JSON object per clipping (JSON Lines): id, text, speaker, title, site, "
                   "authors, published, url, clipped, article, in_library.")
@click.option("--remove", is_flag=True,
              help="Remove the clippings with these ids (any unique prefix, as listed).")
@pass_state
@reports_errors
def clippings(state: State, ids: tuple[str, ...], as_json: bool, remove: bool) -> None:
    """List the clippings, newest first; with --remove ID..., remove those.

    A clipping is a quotation kept with `c` in the app, with its citation.
    It keeps its own copy of the words and the citation, so it stays when
    its article is imported again or removed ("article removed" then
    follows its line).

    Each line: the clipping's short id, the article's date, the speaker,
    the words quoted, then the article's title and site. To write them
    out with full citations: `byline export --clippings --format
    markdown|json|csv`.
    """
    if ids and not remove:
        raise click.UsageError("give clipping ids only with --remove (to remove them)")
    if remove and not ids:
        raise click.UsageError("--remove needs the ids of the clippings to remove (see `byline clippings`)")
    library = state.open_library(must_exist=True)
    if remove:
        _remove(library, ids)
        return
    found = library.clippings.all()
    rows = library.catalog.rows
    if as_json:
        from reader.cli.clip_export import clipping_json

        for clipping in found:
            echo_json(clipping_json(clipping, clipping.article in rows))
    else:
        for clipping in found:
            click.echo(_line(clipping, clipping.article in rows))
    if not found:
        fail(_NONE_YET)


def _remove(library, ids: tuple[str, ...]) -> None:
    """Remove every clipping a good id names; name each bad one, then exit 1."""
    import sys

    known = [c.id for c in library.clippings.all()]
    wanted, bad = [], []
    for given in ids:
        prefix = given.strip().lower()
        matches = [i for i in known if prefix and i.startswith(prefix)]
        if len(matches) == 1:
            wanted.append(matches[0])
        elif matches:
            bad.append(f"'{given}' is ambiguous: it matches {len(matches)} clippings; give more characters")
        else:
            bad.append(f"no clipping id starts with '{given}' (see `byline clippings`)")
    gone = library.clippings.remove(wanted) if wanted else []
    for message in bad:
        fail(message)
    click.echo(f"removed {len(gone)} clipping(s)", err=True)
    if bad:
        sys.exit(1)


def _line(clipping, in_library: bool) -> str:
    published = clipping.published_at
    date = published.date().isoformat() if published else "-".center(10)
    speaker = " ".join((clipping.speaker or "(unattributed)").split())
    words = " ".join(clipping.text.split())
    title = " ".join(clipping.title.split()) or "(untitled)"
    cite = f"{title} · {' '.join(clipping.site.split())}" if clipping.site else title
    gone = " · article removed" if not in_library else ""
    return f"{clipping.id[:8]}  {date}  {speaker}: “{words}”  — {cite}{gone}"


def export_clippings(library, fmt: str, write) -> int:
    """Write every clipping, newest first, in ``fmt``, through ``write(text)``; how many."""
    from reader.cli import clip_export

    found = library.clippings.all()
    if fmt == "json":
        from reader.cli.common import json_line

        rows = library.catalog.rows
        for clipping in found:
            write(json_line(clip_export.clipping_json(clipping, clipping.article in rows)) + "\n")
    elif fmt == "csv":
        write(clip_export.csv_head())
        for clipping in found:
            write(clip_export.to_csv(clipping))
    else:
        write(clip_export.markdown_head() + "\n")
        for clipping in found:
            write(clip_export.to_markdown(clipping) + "\n")
    return len(found)

