"""`byline search`: full-text search of the library."""

from __future__ import annotations

import sys

import click

from reader.cli import main
from reader.cli.common import State, echo_json, fail, pass_state, reports_errors
from reader.cli.listing import format_entries


@main.command("search")
@click.argument("words", nargs=-1, required=True)
@click.option("-n", "--limit", type=click.IntRange(min=0), default=100, show_default=True,
              help="Show at most this many articles (0: all of them).")
@click.option("--json", "as_json", is_flag=True,
              help="One JSON object per article: id, title, site, published, score, snippet.")
@pass_state
@reports_errors
def search(state: State, words: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Search titles, sites, authors, speakers, story text and quotations.

    Best matches first (BM25 relevance), newest first among equals. Every
    word must match; words are stemmed, so "talks" finds "talk" and
    "talking". The words of QUERY may be given unquoted.

    \b
    Query syntax:
      budget talks          both words, anywhere in the article
      "new plans"           the exact phrase (quote it for the shell: '"new plans"')
      minist*               words starting with "minist"
      -strike               leave out articles with the word
      speaker:NAME          someone quoted whose name contains NAME
      site:NAME  feed:NAME  the site's or feed's name contains NAME
      is:unread  is:read  is:bookmarked
      after:2024-05         from the start of May 2024 on (2024, 2024-05, 2024-05-17)
      before:2025           earlier than 2025

    The exit status is 1 when nothing matches, as with grep.

    \b
    Examples:
      byline search pension reform speaker:garcía
      byline search '"cost of living"' after:2024 --json | jq -r .title
    """
    from reader.library.query import parse

    query_text = " ".join(words)
    query = parse(query_text)
    library = state.open_library(must_exist=True)
    seen = len(library.notices)
    hits = library.find(query) if not query.empty else []
    for notice in library.notices[seen:]:  # an index rebuilt on the way
        fail(notice)
    shown = hits if limit == 0 else hits[:limit]
    if as_json:
        from reader.library.search import snippet

        for hit in shown:
            e = hit.entry
            echo_json({
                "id": e.id,
                "title": e.title,
                "site": e.site,
                "published": e.published.isoformat() if e.published else None,
                "score": round(hit.score, 4),
                "snippet": snippet(library, e.id, query),
            })
    else:
        for line in format_entries(h.entry for h in shown):
            click.echo(line)
    if not hits:
        fail(f"nothing matches {query_text!r}" if not query.empty else
             f"{query_text!r} holds no word to search for")
        sys.exit(1)
    if len(shown) < len(hits):
        fail(f"showing {len(shown)} of {len(hits):,} matches; --limit 0 shows all")
