"""``byline parse``: text and JSON output, errors per file."""

import json
from pathlib import Path

from click.testing import CliRunner

from reader.cli import main

SEED = str(Path(__file__).parents[2] / "seeds" / "000_8c01498c710a7303.txt")
HARBOUR = str(Path(__file__).parent / "fixtures" / "harbour.html")


def run(*args):
    return CliRunner().invoke(main, ["parse", *args])


def test_text_output(tmp_path):
    result = run(SEED)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "N Korea and US in diplomacy push"
    assert lines[1] == "BBC News · 28 November 2006, 10:45 UTC"
    assert "Defensive measures" in lines
    assert "\x1b" not in result.output  # not a terminal: no styles
    assert max(len(line) for line in lines) <= 100


def test_json_lines_one_per_file():
    result = run("--json", SEED, HARBOUR)
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["title"] for r in rows] == [
        "N Korea and US in diplomacy push", "Harbour bridge reopens after repairs"]
    assert rows[0]["source"] == SEED
    assert rows[0]["published"] == "2006-11-28T10:45:00+00:00"
    assert rows[1]["byline"] == "Maria Lindqvist, Tom Okafor"
    for key in ("site", "url", "paragraphs", "quotes", "speakers"):
        assert key in rows[0]


def test_bad_file_reported_and_others_still_parsed(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("--json", str(empty), SEED)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"byline: {empty}: empty file"
    assert json.loads(result.stdout.strip())["title"] == "N Korea and US in diplomacy push"


def test_help():
    result = run("--help")
    assert result.exit_code == 0
    assert "--json" in result.output and "JSON Lines" in result.output


def test_render_marks_quotes_and_names_speakers():
    import click

    from reader.cli.parse_cmd import render
    from reader.model import Article, Paragraph, Quote, Speaker

    text = '"We are ready," said Ann Lee. Then she left. "Now," she added, "we wait."'
    article = Article(
        id="x", title="[bold]Ready[/bold]", paragraphs=(Paragraph("Talks", "heading"), Paragraph(text)),
        quotes=tuple(
            Quote(1, text.index(span), text.index(span) + len(span), span.strip('"'),
                  speaker="Ann Lee", group=group)
            for span, group in (('"We are ready,"', 1), ('"Now,"', 2), ('"we wait."', 2))
        ),
        speakers=(Speaker("Ann Lee", ("Ann Lee", "she"), 2),),
    )
    styled = render(article, width=40)
    plain = click.unstyle(styled)
    assert plain.splitlines()[0] == "[bold]Ready[/bold]"  # a title is text, not markup
    assert '"We are ready," [Ann Lee] said Ann Lee.' in " ".join(plain.split())
    # one name per quotation: after the last fragment of a split quote only
    assert '"Now," she added, "we wait." [Ann Lee]' in " ".join(plain.split())
    assert plain.count("[Ann Lee]") == 2
    assert "Ann Lee (also she): 2 quotes" in plain
    assert click.style('"We are ready,"', fg="cyan") in styled
    assert all(len(line) <= 40 for line in plain.splitlines())
