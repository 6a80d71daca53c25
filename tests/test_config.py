"""The config file: every setting read, every mistake named by its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.config import config_path, load, normalize_keys, typed_keys

BINDINGS = {"article.next": "j", "article.bookmark": "b", "quote.next": "n", "help": "question_mark"}
RESERVED = {"tab": "moving focus"}


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_missing_file_is_every_default_without_a_problem(tmp_path, monkeypatch):
    monkeypatch.delenv("BYLINE_CONFIG", raising=False)
    config = load(tmp_path / "absent.toml")
    assert not config.exists and config.problems == []
    assert (config.theme, config.sort, config.sidebar_width) == (None, "date", None)
    assert (config.max_line_width, config.refresh_at_start, config.refresh_interval) == (88, False, 0)


def test_every_setting_is_read(tmp_path):
    path = write(tmp_path, """
theme = "nord"
sort = "unread"
sidebar_width = 36
max_line_width = 72

[refresh]
at_start = true
interval = 30

[keymap]
"article.bookmark" = "z"
"help" = "?"
""")
    config = load(path, bindings=BINDINGS, reserved=RESERVED)
    assert config.problems == []
    assert (config.theme, config.sort, config.sidebar_width, config.max_line_width) == ("nord", "unread", 36, 72)
    assert (config.refresh_at_start, config.refresh_interval) == (True, 30)
    assert config.keymap == {"article.bookmark": "z", "help": "question_mark"}
    assert config.given >= {"theme", "sort", "refresh.interval"}


def test_byline_config_names_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("BYLINE_CONFIG", str(tmp_path / "mine.toml"))
    assert config_path() == tmp_path / "mine.toml"
    config = load()
    assert config.problems and "no such file" in config.problems[0]
    monkeypatch.delenv("BYLINE_CONFIG")
    assert config_path().name == "config.toml" and config_path().parent.name == "byline"


def test_each_bad_value_is_named_by_its_line_and_the_rest_still_counts(tmp_path):
    path = write(tmp_path, """theme = "nord"
sort = "sideways"
sidebar_width = 3
colour = "red"
[refresh]
interval = "soon"
every = 5
""")
    config = load(path)
    assert config.theme == "nord"  # the good line counts
    assert (config.sort, config.sidebar_width, config.refresh_interval) == ("date", None, 0)
    lines = [p.split(":")[0] for p in config.problems]
    assert lines == ["config.toml line 2", "config.toml line 3", "config.toml line 4",
                     "config.toml line 6", "config.toml line 7"]
    assert "sort must be one of date, imported, site, unread" in config.problems[0]
    assert "unknown setting 'colour'" in config.problems[2]
    assert "unknown setting refresh.every" in config.problems[4]


def test_a_syntax_error_costs_only_its_line(tmp_path):
    path = write(tmp_path, 'theme = "nord"\nthis is not toml\nsort = "site"\n')
    config = load(path)
    assert (config.theme, config.sort) == ("nord", "site")
    assert len(config.problems) == 1
    assert config.problems[0].startswith("config.toml line 2: ")
    assert "TOML syntax" in config.problems[0]


def test_a_syntax_error_on_the_last_line_without_a_newline_is_named_too(tmp_path):
    path = write(tmp_path, 'theme = "nord"\n[keymap]\n"article.bookmark" = "z"\noops')
    config = load(path, bindings=BINDINGS)
    assert config.theme == "nord" and config.keymap == {"article.bookmark": "z"}
    assert len(config.problems) == 1 and config.problems[0].startswith("config.toml line 4: ")


def test_a_file_that_cannot_be_parsed_at_all_is_the_defaults(tmp_path):
    path = write(tmp_path, 'theme = """never closed\n' + "x\n" * 30)
    config = load(path)
    assert config.theme is None and config.problems


def test_keymap_mistakes_keep_the_default_keys(tmp_path):
    path = write(tmp_path, """[keymap]
"article.bookmark" = "n"
"article.nope" = "y"
"quote.next" = "ctrl+nope"
"help" = "tab"
"article.next" = "k"
""")
    config = load(path, bindings=BINDINGS, reserved=RESERVED)
    assert config.keymap == {"article.next": "k"}
    by_line = {p.split(":")[0]: p for p in config.problems}
    assert "bound twice" in by_line["config.toml line 2"] and "quote.next" in by_line["config.toml line 2"]
    assert "no binding is called 'article.nope'" in by_line["config.toml line 3"]
    assert "is not a key" in by_line["config.toml line 4"]
    assert "kept for moving focus" in by_line["config.toml line 5"]


def test_two_bindings_given_one_key_both_keep_their_defaults(tmp_path):
    path = write(tmp_path, '[keymap]\n"article.next" = "z"\n"article.bookmark" = "z"\n')
    config = load(path, bindings=BINDINGS)
    assert config.keymap == {}
    assert [p.split(":")[0] for p in config.problems] == ["config.toml line 2", "config.toml line 3"]


def test_swapping_two_keys_is_no_clash(tmp_path):
    path = write(tmp_path, '[keymap]\n"article.next" = "n"\n"quote.next" = "j"\n')
    config = load(path, bindings=BINDINGS)
    assert config.problems == [] and config.keymap == {"article.next": "n", "quote.next": "j"}


@pytest.mark.parametrize(
    "typed, textual",
    [("?", "question_mark"), ("/", "slash"), ("<", "less_than_sign"), ("ctrl+d", "ctrl+d"),
     ("space", "space"), ("Z", "Z"), ("j, down", "j,down"), ("less_than_sign", "less_than_sign")],
)
def test_keys_are_named_as_textual_names_them(typed, textual):
    assert normalize_keys(typed) == textual


@pytest.mark.parametrize("bad", ["", "ctrl+", "hyper+spacebar", "a,,b", "\x1b", "control+d"])
def test_what_is_not_a_key_is_refused(bad):
    assert normalize_keys(bad) is None


def test_keys_are_shown_as_typed():
    assert typed_keys("question_mark,ctrl+slash,less_than_sign,space") == "?,ctrl+/,<,space"
