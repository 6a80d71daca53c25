"""The library commands, driven through click as a user would."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from reader.cli import main
from reader.cli.listing import format_entries
from reader.library import Entry, Library
from tests.library.articles import day, make_article


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "data"
    with Library.open(path) as lib:
        lib.add(make_article(1, title="Old floods", published=day(1), speakers=("Ann Lee",)))
        lib.add(make_article(2, title="New [bold]budget", published=day(5), site="Gazette",
                             speakers=("Bo Chan", "Ann Lee")))
        lib.add(make_article(3, title="Middle story", published=day(3)))
    return path


def run(data_dir, *args):
    return CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])


def ids(data_dir) -> list[str]:
    return [json.loads(line)["id"] for line in run(data_dir, "list", "--json").stdout.splitlines()]


def test_list_prints_aligned_rows_newest_first(data_dir):
    result = run(data_dir, "list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    titles = ["New [bold]budget", "Middle story", "Old floods"]
    assert [line.endswith(title) for line, title in zip(lines, titles)] == [True] * 3
    assert len({line.index(title) for line, title in zip(lines, titles)}) == 1  # one column
    assert lines[0].split()[2] == "2024-01-05" and "Gazette" in lines[0]


def test_format_entries_marks_unread_and_bookmarked():
    base = dict(site="S", published=day(2), url=None, imported=0.0, quotes=0, speakers=())
    lines = format_entries([
        Entry("aaaaaaaaaaaaaaaa", "Unread", **base),
        Entry("bbbbbbbbbbbbbbbb", "Read and kept", **base, read=True, bookmarked=True),
    ])
    assert lines == [
        "aaaaaaaa ●  2024-01-02  S  Unread",
        "bbbbbbbb  ★ 2024-01-02  S  Read and kept",
    ]


def test_list_json_lines_and_filters(data_dir):
    result = run(data_dir, "list", "--json", "--speaker", "bo chan")
    [row] = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["title"] == "New [bold]budget" and row["speakers"] == ["Bo Chan", "Ann Lee"]
    assert row["quotes"] == 2 and row["read"] is False and row["published"].startswith("2024-01-05")
    assert set(row) >= {"id", "title", "site", "published", "url", "read", "bookmarked",
                        "quotes", "speakers"}


def test_state_commands_accept_prefixes_and_show_in_list(data_dir):
    new, middle, old = ids(data_dir)
    assert run(data_dir, "read", new[:6], old).exit_code == 0
    assert run(data_dir, "bookmark", middle[:7]).exit_code == 0
    listed = lambda *flags: [  # noqa: E731
        json.loads(line)["id"] for line in run(data_dir, "list", "--json", *flags).stdout.splitlines()
    ]
    assert listed("--read") == [new, old]
    assert listed("--unread") == [middle]
    assert listed("--bookmarked") == [middle]
    run(data_dir, "unread", old)
    run(data_dir, "bookmark", "--remove", middle)
    assert listed("--unread") == [middle, old]
    assert listed("--bookmarked") == []


@pytest.mark.parametrize("command", ["read", "unread", "bookmark", "remove"])
def test_bad_ids_are_named_the_good_ones_changed_and_the_exit_status_is_1(data_dir, command):
    new, middle, old = ids(data_dir)
    run(data_dir, "read", old)  # so that unread has something to change
    result = run(data_dir, command, "zzzz", new[:8], "", old)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "byline: no article id starts with 'zzzz' (see `byline list`)",
        "byline: an article id is needed (see `byline list`)",
    ]
    verb = "removed" if command == "remove" else command + "ed" if command == "bookmark" else command
    assert result.stdout.splitlines() == [
        f"{verb} {new[:8]}  New [bold]budget", f"{verb} {old[:8]}  Old floods",
    ]
    rows = {json.loads(line)["id"]: json.loads(line) for line in run(data_dir, "list", "--json").stdout.splitlines()}
    if command == "remove":
        assert list(rows) == [middle]
    else:
        flag, value = ("bookmarked", True) if command == "bookmark" else ("read", command == "read")
        assert (rows[new][flag], rows[old][flag], rows[middle][flag]) == (value, value, False)


def test_show_prints_the_story_and_json(data_dir):
    new = ids(data_dir)[0]
    text = run(data_dir, "show", new[:8]).stdout
    assert "New [bold]budget" in text and "Body text." in text and new in text
    data = json.loads(run(data_dir, "show", new, "--json").stdout)
    assert data["id"] == new and len(data["quotes"]) == 2 and data["bookmarked"] is False


def test_remove(data_dir):
    new, middle, old = ids(data_dir)
    result = run(data_dir, "remove", middle)
    assert result.exit_code == 0 and "Middle story" in result.stdout
    assert ids(data_dir) == [new, old]


def test_remove_several_reports_unknown_and_ambiguous_ids_and_removes_the_rest(data_dir):
    with Library.open(data_dir) as lib:
        lib.add_many([make_article(n) for n in range(10, 27)])
    rows = [json.loads(line) for line in run(data_dir, "list", "--json").stdout.splitlines()]
    by_title = {r["title"]: r["id"] for r in rows}
    new, old = by_title["New [bold]budget"], by_title["Old floods"]
    others = [r["id"] for r in rows if r["id"] not in (new, old)]
    digits = [i[0] for i in others]  # 18 ids, 16 digits: two share one
    shared = next(d for d in digits if digits.count(d) > 1)
    result = run(data_dir, "remove", new[:6], "zzzz", shared, old, new)
    assert result.exit_code == 1
    assert "byline: no article id starts with 'zzzz'" in result.stderr
    assert f"byline: '{shared}' is ambiguous" in result.stderr
    assert result.stdout.splitlines() == [
        f"removed {new[:8]}  New [bold]budget", f"removed {old[:8]}  Old floods"]
    assert set(ids(data_dir)) == set(others)


def test_remove_with_only_unknown_ids_fails_and_changes_nothing(data_dir):
    before = ids(data_dir)
    result = run(data_dir, "remove", "zzzz")
    assert result.exit_code == 1 and result.stdout == ""
    assert ids(data_dir) == before


def test_quotes_across_the_library(data_dir):
    rows = [json.loads(line) for line in run(data_dir, "quotes", "--json").stdout.splitlines()]
    assert [(r["speaker"], r["text"]) for r in rows] == [
        ("Bo Chan", "Words 0"), ("Ann Lee", "Words 1"), ("Ann Lee", "Words 0")]
    assert set(rows[0]) == {"article", "speaker", "text", "cue"}
    only = run(data_dir, "quotes", "--speaker", "ann").stdout.splitlines()
    assert len(only) == 2 and all("Ann Lee: “Words" in line for line in only)


def test_quotes_reports_a_damaged_article_and_lists_the_others(data_dir):
    new, _, old = ids(data_dir)
    with Library.open(data_dir) as lib:
        lib.documents.path(new).write_bytes(b"\x00 not json")
    result = run(data_dir, "quotes")
    assert result.exit_code == 1
    assert f"byline: the stored copy of article {new} was damaged" in result.stderr
    assert result.stdout == f"{old[:8]}  Ann Lee: “Words 0”\n"


def test_export_markdown_and_json(data_dir, tmp_path):
    middle = ids(data_dir)[1]
    run(data_dir, "bookmark", middle)
    out = tmp_path / "out.md"
    result = run(data_dir, "export", "--bookmarked", "--format", "markdown", "-o", str(out))
    assert result.exit_code == 0
    text = out.read_text()
    assert text.startswith("# Middle story\n") and "Body text." in text and "Old floods" not in text
    lines = run(data_dir, "export", "--format", "json").stdout.splitlines()
    assert [json.loads(line)["title"] for line in lines] == ["New [bold]budget", "Middle story",
                                                            "Old floods"]


def test_import_command_reports_failures_and_summary(tmp_path):
    (tmp_path / "empty.html").write_bytes(b"")
    result = CliRunner().invoke(
        main, ["--data-dir", str(tmp_path / "d"), "import", str(tmp_path / "empty.html")]
    )
    assert result.exit_code == 1
    assert f"byline: {tmp_path / 'empty.html'}: empty file" in result.stderr
    assert "imported 0, updated 0, unchanged 0, failed 1" in result.stderr


def test_repair_notices_are_printed_on_stderr(data_dir):
    (data_dir / "catalog.json").write_bytes(b"\x00garbage")
    result = run(data_dir, "list")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 3
    assert "byline: The catalog" in result.stderr and "rebuilt" in result.stderr


def test_feed_commands_print_repair_notices_too(data_dir):
    (data_dir / "catalog.json").write_bytes(b"\x00garbage")
    result = run(data_dir, "feeds", "list")
    assert result.exit_code == 0
    assert "byline: The catalog" in result.stderr and "rebuilt" in result.stderr


def test_every_command_has_help():
    for name in ("import", "list", "show", "read", "unread", "bookmark", "remove", "quotes",
                 "export"):
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0 and len(result.stdout) > 200, name


def test_data_dir_comes_from_the_environment(tmp_path, data_dir):
    result = CliRunner().invoke(main, ["list"], env={"BYLINE_DATA_DIR": str(data_dir)})
    assert result.exit_code == 0 and "Old floods" in result.stdout
    result = CliRunner().invoke(main, ["list"], env={"BYLINE_DATA_DIR": str(tmp_path / "env")})
    assert result.exit_code == 1 and f"no library in {tmp_path / 'env'}" in result.stderr


def test_format_entries_aligns_wide_site_names_and_clips_long_ones():
    base = dict(published=day(2), url=None, imported=0.0, quotes=0, speakers=())
    lines = format_entries([
        Entry("aaaaaaaaaaaaaaaa", "One", site="朝日新聞", **base),
        Entry("bbbbbbbbbbbbbbbb", "Two", site="BBC", **base),
        Entry("cccccccccccccccc", "Three", site="A very long site name that goes on", **base),
    ])
    assert lines[0].endswith("朝日新聞" + " " * 14 + "  One")  # 8 columns, padded to 22
    assert lines[1].endswith("BBC" + " " * 19 + "  Two")
    assert "A very long site name…  Three" in lines[2]


def test_an_undated_article_shows_no_date_rather_than_its_import_day():
    base = dict(site="S", url=None, quotes=0, speakers=())
    lines = format_entries([
        Entry("aaaaaaaaaaaaaaaa", "Dated", published=day(2), imported=1.7e9, **base),
        Entry("bbbbbbbbbbbbbbbb", "Undated", published=None, imported=1.7e9, **base),
    ])
    assert lines[0].split()[2] == "2024-01-02"
    assert lines[1] == "bbbbbbbb ●      -       S  Undated"
    assert lines[0].index("S  Dated") == lines[1].index("S  Undated")


def test_list_filters_combine_and_contradictions_are_refused(data_dir):
    with Library.open(data_dir) as lib:
        ids_by_title = {e.title: e.id for e in lib.list()}
        lib.set_bookmarked_many([ids_by_title["Old floods"], ids_by_title["Middle story"]])
        lib.set_read(ids_by_title["Middle story"])
    result = run(data_dir, "list", "--bookmarked", "--unread", "--json")
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["title"] for line in result.stdout.splitlines()] == ["Old floods"]
    both = run(data_dir, "list", "--read", "--unread")
    assert both.exit_code == 2 and both.stdout == ""
    assert "--unread and --read together match nothing" in both.stderr


def test_list_sorts_by_site_and_unread_first(data_dir):
    titles = lambda *args: [json.loads(l)["title"] for l in run(data_dir, "list", "--json", *args).stdout.splitlines()]  # noqa: E731,E741
    assert titles() == ["New [bold]budget", "Middle story", "Old floods"]
    with Library.open(data_dir) as lib:
        lib.set_read(next(e.id for e in lib.list() if e.title == "New [bold]budget"))
    assert titles("--sort", "unread") == ["Middle story", "Old floods", "New [bold]budget"]
    sites = [json.loads(l)["site"] for l in run(data_dir, "list", "--json", "--sort", "site").stdout.splitlines()]  # noqa: E741
    assert sites == sorted(sites, key=lambda s: (not s, (s or "").casefold()))
    assert run(data_dir, "list", "--sort", "nonsense").exit_code == 2


def test_list_of_an_empty_library_says_how_to_fill_it(tmp_path, data_dir):
    Library.open(tmp_path / "empty").close()
    empty = run(tmp_path / "empty", "list")
    assert empty.exit_code == 0 and empty.stdout == ""
    assert "the library is empty; add pages with `byline import PATH`" in empty.stderr
    assert run(tmp_path / "empty", "list", "--json").stderr == ""  # scripts get clean output
    assert run(data_dir, "list", "--speaker", "nobody at all").stderr == ""  # empty, not the library
