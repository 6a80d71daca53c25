"""``byline parse``: read files into clean stories without storing anything."""

from __future__ import annotations

import shutil
import sys

import click

from reader.cli import main
from reader.cli.common import echo_json, fail
from reader.errors import BylineError
from reader.model import Article

_MAX_WIDTH = 100


@main.command("parse")
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True,
              help="Print one JSON object per file, one per line (JSON Lines).")
def parse(paths: tuple[str, ...], as_json: bool) -> None:
    """Read saved pages (HTML or plain-text dumps) and print the clean story.

    Nothing is stored in the library. Each PATH is a file or a folder (read
    recursively, hidden files and folders skipped, as `byline import` does);
    each file is sniffed by its content, so its name does not matter. The story is printed for reading:
    headline, site, byline and date, the paragraphs wrapped to the terminal,
    subheadings set apart, every quotation marked with its speaker and a
    list of who is quoted at the end.

    With --json each file becomes one JSON object on its own line, with
    source, title, site, byline, published, url, paragraphs, quotes and
    speakers.

    A file that cannot be read is reported on stderr as
    "byline: FILE: REASON"; the other files are still parsed and the exit
    status is 1.

    \b
    Examples:
      byline parse saved-page.html
      byline parse dumps/ --json | jq .title
    """
    from reader.gather.importer import expand
    from reader.ingest import load_path

    files, urls, failures = expand(paths)
    for url in urls:
        failures.append((url, "parse reads files and folders; `byline import URL` fetches a page"))
    for source, reason in failures:
        fail(f"{source}: {reason}")
    failed = bool(failures)
    width = min(shutil.get_terminal_size((80, 24)).columns, _MAX_WIDTH)
    first = True
    for path in files:
        try:
            article = load_path(path)
        except BylineError as error:
            fail(str(error))
            failed = True
            continue
        except Exception as error:  # a bug, but one file must not stop the rest
            fail(f"{path}: could not parse ({type(error).__name__}: {error})")
            failed = True
            continue
        if as_json:
            echo_json(article.to_dict())
        else:
            if not first:
                click.echo()
                click.echo(click.style("─" * width, dim=True))
                click.echo()
            click.echo(render(article, width))
        first = False
    if failed:
        sys.exit(1)


def render(article: Article, width: int = 80) -> str:
    """The story as styled terminal text (click.echo strips styles off a tty)."""
    out = [click.style(article.title, bold=True)]
    details = [d for d in (article.site, article.byline, _date(article)) if d]
    if details:
        out.append(click.style(" · ".join(details), dim=True))
    by_paragraph: dict[int, list] = {}
    for quote in article.quotes:
        by_paragraph.setdefault(quote.paragraph, []).append(quote)
    for index, paragraph in enumerate(article.paragraphs):
        out.append("")
        if paragraph.kind == "heading":
            out.append(click.style(paragraph.text, bold=True, underline=True))
            continue
        indent = "  │ " if paragraph.kind == "blockquote" else ""
        runs = _runs(paragraph.text, by_paragraph.get(index, []))
        out.extend(indent + line for line in _wrap(runs, width - len(indent)))
    if article.truncated:  # the story is not whole: say so where it stops
        out += ["", click.style(f"(byline: {article.truncated}.)", dim=True)]
    if article.speakers:
        out.append("")
        out.append(click.style("Speakers", bold=True))
        for speaker in article.speakers:
            count = f"{speaker.quotes} quote{'s' if speaker.quotes != 1 else ''}"
            aliases = [a for a in speaker.aliases if a.casefold() != speaker.name.casefold()]
            aka = f" (also {', '.join(aliases)})" if aliases else ""
            out.append(f"  {click.style(speaker.name, fg='magenta')}{aka}: {count}")
    return "\n".join(out)


def _date(article: Article) -> str | None:
    if article.published is None:
        return None
    stamp = article.published
    day = f"{stamp.day} {stamp:%B %Y}"
    if stamp.hour == stamp.minute == 0:
        return day
    zone = stamp.strftime("%Z").replace("UTC+00:00", "UTC")
    return f"{day}, {stamp:%H:%M} {zone}".strip()


def _runs(text: str, quotes: list) -> list[tuple[str, dict]]:
    """Split a paragraph into (text, style) runs: quotes styled, speakers after."""
    runs: list[tuple[str, dict]] = []
    position = 0
    ordered = sorted(quotes, key=lambda q: q.start)
    # Name the speaker once per quotation: after its last fragment here.
    last_of_group = {q.group: q for q in ordered}
    for quote in ordered:
        if quote.start < position or quote.end > len(text):
            continue
        runs.append((text[position : quote.start], {}))
        runs.append((text[quote.start : quote.end], {"fg": "cyan"}))
        if quote.speaker and (not quote.group or last_of_group[quote.group] is quote):
            runs.append((f" [{quote.speaker}]", {"fg": "magenta", "dim": True}))
        position = quote.end
    runs.append((text[position:], {}))
    return [run for run in runs if run[0]]


def _wrap(runs: list[tuple[str, dict]], width: int) -> list[str]:
    """Greedy word wrap of styled runs; each styled stretch is styled once per line."""
    width = max(width, 20)
    words: list[list[tuple[str, dict]]] = [[]]
    for chunk, style in runs:
        for k, piece in enumerate(chunk.split(" ")):
            if k > 0:
                words.append([])
            if piece:
                words[-1].append((piece, style))
    lines: list[list[tuple[str, dict]]] = []
    line: list[tuple[str, dict]] = []
    length = 0
    for word in words:
        size = sum(len(piece) for piece, _ in word)
        if not size:
            continue
        if line and length + 1 + size > width:
            lines.append(line)
            line, length = [], 0
        if line:
            # the space takes the style of the words on both sides, if they share one
            line.append((" ", word[0][1] if line[-1][1] == word[0][1] else {}))
        line.extend(word)
        length += size + (1 if length else 0)
    if line:
        lines.append(line)
    return [_styled(segments) for segments in lines]


def _styled(segments: list[tuple[str, dict]]) -> str:
    merged: list[tuple[str, dict]] = []
    for text, style in segments:
        if merged and merged[-1][1] == style:
            merged[-1] = (merged[-1][0] + text, style)
        else:
            merged.append((text, style))
    return "".join(click.style(text, **style) if style else text for text, style in merged)
