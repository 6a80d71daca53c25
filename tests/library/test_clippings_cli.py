"""`byline clippings` and `byline export --clippings`: every format against output
written out by hand (not copied from the code's own output)."""

from __future__ import annotations

import json
import time

import pytest
from click.testing import CliRunner

from reader.cli import main
from reader.cli.clip_export import csv_cell, md_text
from reader.library import Library
from reader.library.clippings import Clipping
from tests.library.articles import make_article

NOON = 1717243200.0  # 2024-06-01 12:00:00 UTC
HOSTILE = Clipping(
    id="00000000000000aa", article="1111111111111111",
    text='-2 says *never* [ok](javascript:x) <b>&amp; see www.example.com or http://x.test #1, "yes"',
    speaker="@Ana_Ruiz", title="=cmd|' /C calc'!A0", site="+Town Gazette", authors=("Sam Writer", "Jo Bee"),
    published="2024-03-05T09:30:00", url="https://example.org/a?b=1&c=2", clipped=NOON, paragraph=2, start=4,
)
PLAIN = Clipping(
    id="00000000000000bb", article="2222222222222222", text="We will find the money.",
    speaker=None, title="", site=None, authors=(), published=None, url="javascript:alert(1)",
    clipped=NOON + 3600, paragraph=0, start=0,
)


@pytest.fixture(autouse=True)
def utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "data"
    with Library.open(path, durable=False) as lib:
        article = make_article(1, title="Bridge vote", site="Gazette", speakers=("Ann Lee",))
        lib.add(article)
        lib.clippings.put([HOSTILE, PLAIN])
        kept, made = lib.clippings.toggle(article, article.quotes[0])
        assert kept
        lib.clippings.remove([made.id])  # made and unmade: only the two above stay
    return path


def run(data_dir, *args):
    return CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])


def test_clippings_lists_newest_first_and_says_when_the_article_is_gone(data_dir):
    result = run(data_dir, "clippings")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "00000000      -       (unattributed): “We will find the money.”  — (untitled) · article removed",
        '00000000  2024-03-05  @Ana_Ruiz: “-2 says *never* [ok](javascript:x) <b>&amp; see www.example.com '
        'or http://x.test #1, "yes"”  — =cmd|\' /C calc\'!A0 · +Town Gazette · article removed',
    ]


def test_clippings_json_is_one_object_per_clipping(data_dir):
    result = run(data_dir, "clippings", "--json")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows == [
        {"id": "00000000000000bb", "text": "We will find the money.", "speaker": None, "title": "",
         "site": None, "authors": [], "published": None, "url": "javascript:alert(1)",
         "clipped": "2024-06-01T13:00:00+00:00", "article": "2222222222222222", "in_library": False},
        {"id": "00000000000000aa", "text": HOSTILE.text, "speaker": "@Ana_Ruiz",
         "title": "=cmd|' /C calc'!A0", "site": "+Town Gazette", "authors": ["Sam Writer", "Jo Bee"],
         "published": "2024-03-05T09:30:00", "url": "https://example.org/a?b=1&c=2",
         "clipped": "2024-06-01T12:00:00+00:00", "article": "1111111111111111", "in_library": False},
    ]


def test_clippings_json_says_in_library_while_the_article_is_there(tmp_path):
    with Library.open(tmp_path / "d", durable=False) as lib:
        article = make_article(7, title="Kept", speakers=("Bo Chan",))
        lib.add(article)
        lib.clippings.toggle(article, article.quotes[0])
    [row] = [json.loads(line) for line in run(tmp_path / "d", "clippings", "--json").stdout.splitlines()]
    assert (row["in_library"], row["article"], row["speaker"], row["text"]) == (True, article.id, "Bo Chan", "Words 0")


def test_no_clippings_yet_is_said_on_stderr(tmp_path):
    with Library.open(tmp_path / "d", durable=False) as lib:
        lib.add(make_article(1))
    result = run(tmp_path / "d", "clippings")
    assert result.exit_code == 0 and result.stdout == ""
    assert "no clippings yet" in result.stderr and "press c" in result.stderr


def test_export_markdown_escapes_what_markdown_would_read_as_markup(data_dir):
    result = run(data_dir, "export", "--clippings", "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "# Clippings\n"
        "\n"
        "> “We will find the money.”\n"
        ">\n"
        "> — unattributed · (untitled) · javascript:alert(1) · clipped 2024-06-01\n"
        "\n"
        "---\n"
        "\n"
        r'> “-2 says \*never\* \[ok\](javascript:x) \<b\>\&amp; see www\.example.com or http:\/\/x.test \#1, "yes"”'
        "\n"
        ">\n"
        r"> — **@Ana\_Ruiz** · *=cmd\|' /C calc'\!A0* · +Town Gazette · by Sam Writer, Jo Bee · 2024-03-05 · "
        "<https://example.org/a?b=1&c=2> · clipped 2024-06-01\n"
        "\n"
        "---\n"
        "\n"
    )


def test_export_csv_defuses_formulas_and_quotes_as_rfc_4180_says(data_dir, tmp_path):
    out = tmp_path / "clips.csv"
    result = run(data_dir, "export", "--clippings", "--format", "csv", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "exported 2 clipping(s)" in result.stderr
    assert out.read_bytes().decode("utf-8") == (
        "quotation,speaker,title,site,author,published,url,clipped,article,id\r\n"
        "We will find the money.,,,,,,javascript:alert(1),2024-06-01T13:00:00+00:00,"
        "2222222222222222,00000000000000bb\r\n"
        '"\'-2 says *never* [ok](javascript:x) <b>&amp; see www.example.com or http://x.test #1, ""yes""",'
        "'@Ana_Ruiz,'=cmd|' /C calc'!A0,'+Town Gazette,Sam Writer; Jo Bee,2024-03-05T09:30:00,"
        "https://example.org/a?b=1&c=2,2024-06-01T12:00:00+00:00,1111111111111111,00000000000000aa\r\n"
    )


def test_export_json_matches_clippings_json(data_dir):
    exported = run(data_dir, "export", "--clippings", "--format", "json")
    listed = run(data_dir, "clippings", "--json")
    assert exported.exit_code == 0 and exported.stdout == listed.stdout
    assert [json.loads(line)["id"] for line in exported.stdout.splitlines()] == [
        "00000000000000bb", "00000000000000aa",
    ]


@pytest.mark.parametrize("args, says", [
    (["--format", "csv"], "--format csv is for --clippings"),
    (["--clippings", "--bookmarked", "--format", "json"], "do not go together"),
])
def test_export_options_that_do_not_fit_are_usage_errors(data_dir, args, says):
    result = run(data_dir, "export", *args)
    assert result.exit_code == 2 and says in result.stderr


@pytest.mark.parametrize("cell, safe", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@A1", "'@A1"), ("\tx", "'\tx"),
    ("a=1", "a=1"), ("", ""), (None, ""),
])
def test_csv_cells_a_spreadsheet_would_run_start_with_a_quote(cell, safe):
    assert csv_cell(cell) == safe


@pytest.mark.parametrize("text, escaped", [
    ("a_b", r"a\_b"), ("`code`", r"\`code\`"), ("x | y", r"x \| y"), ("~~gone~~", r"\~\~gone\~\~"),
    ("back\\slash", r"back\\slash"), ("two\n  lines", "two lines"), ("U.S. 3.5", "U.S. 3.5"),
])
def test_markdown_text_escapes(text, escaped):
    assert md_text(text) == escaped


def test_clippings_remove_takes_unique_prefixes_and_names_each_bad_one(data_dir):
    result = run(data_dir, "clippings", "--remove", "00000000000000b", "zz")
    assert result.exit_code == 1
    assert "no clipping id starts with 'zz'" in result.stderr and "removed 1 clipping(s)" in result.stderr
    assert [json.loads(line)["id"] for line in run(data_dir, "clippings", "--json").stdout.splitlines()] == [
        "00000000000000aa"]
    result = run(data_dir, "clippings", "--remove", "0000")  # one left: a unique prefix now
    assert result.exit_code == 0 and run(data_dir, "clippings", "--json").stdout == ""
    assert run(data_dir, "clippings", "00aa").exit_code == 2  # ids without --remove


def test_remove_says_the_removed_articles_clippings_are_kept(tmp_path):
    path = tmp_path / "data"
    clipped = make_article(1, title="Bridge vote", speakers=("Ann Lee", "Bo Chan"))
    plain = make_article(2, title="Ferry notes", speakers=("Cy Diaz",))
    with Library.open(path, durable=False) as lib:
        lib.add_many([clipped, plain])
        lib.clippings.toggle(clipped, clipped.quotes[0])
        lib.clippings.toggle(clipped, clipped.quotes[1])
    result = run(path, "remove", plain.id[:8])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"removed {plain.id[:8]}  Ferry notes\n" and result.stderr == ""
    result = run(path, "remove", clipped.id[:8])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"removed {clipped.id[:8]}  Bridge vote\n"
    assert result.stderr == "byline: kept 2 clippings of what was removed (byline clippings lists them)\n"
    with Library.open(path) as lib:
        assert sorted(c.text for c in lib.clippings.all()) == ["Words 0", "Words 1"]
