"""The config file in the app: a keymap, a bad file, a theme that is kept."""

from __future__ import annotations

from click.testing import CliRunner

from reader.cli import main
from reader.config import load
from reader.library import Library
from reader.ui.app import ReaderApp
from reader.ui.keys import DEFAULT_KEYS, RESERVED_KEYS
from reader.ui.screens import HelpScreen
from tests.ui.articles import plain_article
from tests.ui.libraries import library_with


def config_from(tmp_path, text: str):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load(path, bindings=DEFAULT_KEYS, reserved=RESERVED_KEYS)


async def test_a_keymap_from_the_config_file_rebinds_a_key(tmp_path):
    config = config_from(tmp_path, '[keymap]\n"article.bookmark" = "z"\n')
    library = library_with([plain_article("a", "A story")])
    app = ReaderApp(library=library, config=config)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("b")  # no longer bookmarks
        await pilot.pause()
        assert not library.entry("a").bookmarked
        await pilot.press("z")
        await pilot.pause()
        assert library.entry("a").bookmarked
        from reader.ui.commands import ReaderCommands

        palette = {name: help for name, help, *_ in ReaderCommands(app.screen)._commands()}
        assert palette["Bookmark"] == "Articles · key: z"
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_text = str(app.screen.query_one("HelpText").render())
        assert any(line.split()[:2] == ["z", "Bookmark"] for line in help_text.splitlines())
        assert not any(line.split()[:2] == ["b", "Bookmark"] for line in help_text.splitlines())


async def test_a_bad_config_file_is_named_in_a_notice_and_the_defaults_work(tmp_path):
    config = config_from(tmp_path, 'theme = "no-such-theme"\nsort = 3\n[keymap]\n"article.bookmark" = "n"\n')
    library = library_with([plain_article("a", "A story")])
    app = ReaderApp(library=library, config=config)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notices = [n.message for n in app._notifications if n.title == "Config file"]
        assert len(notices) == 1
        text = notices[0]
        assert "config.toml line 1: no theme is called 'no-such-theme'" in text
        assert "config.toml line 2: sort must be one of" in text
        assert "config.toml line 4: 'n' is bound twice" in text
        assert app.theme == "textual-dark"
        await pilot.press("b")  # the default key still bookmarks
        await pilot.pause()
        assert library.entry("a").bookmarked


async def test_a_theme_chosen_in_the_app_is_kept_across_runs(tmp_path):
    config = config_from(tmp_path, 'theme = "nord"\n')
    library = library_with([plain_article("a", "A story")])
    app = ReaderApp(library=library, config=config)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.theme == "nord"  # the file's theme
        app.theme = "gruvbox"  # what the palette's "Change theme" does
        await pilot.pause()
    again = ReaderApp(library=Library.open(library.path, durable=False), config=config)
    async with again.run_test(size=(100, 30)):
        assert again.theme == "gruvbox"
    # The file was not touched; editing its theme makes the file win again.
    assert (tmp_path / "config.toml").read_text() == 'theme = "nord"\n'
    edited = config_from(tmp_path, 'theme = "dracula"\n')
    third = ReaderApp(library=Library.open(library.path, durable=False), config=edited)
    async with third.run_test(size=(100, 30)):
        assert third.theme == "dracula"


async def test_the_app_without_a_config_does_not_remember_its_startup_theme(tmp_path):
    library = library_with([plain_article("a", "A story")])
    app = ReaderApp(library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    assert library.setting("ui.theme") is None


def test_config_path_and_show(tmp_path, monkeypatch):
    path = tmp_path / "config.toml"
    monkeypatch.setenv("BYLINE_CONFIG", str(path))
    runner = CliRunner()
    result = runner.invoke(main, ["config", "path"])
    assert result.exit_code == 0 and result.stdout.strip() == str(path)
    path.write_text('max_line_width = 70\n[keymap]\n"article.bookmark" = "z"\n"help" = "?"\n')
    result = runner.invoke(main, ["--data-dir", str(tmp_path / "none"), "config", "show"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any(line.startswith("max_line_width = 70 ") and "from the file" in line for line in lines)
    assert any(line.startswith('"article.bookmark" = "z" ') for line in lines)
    assert any(line.startswith('"help" = "?" ') for line in lines)
    assert any(line.startswith('"article.next" = "j" ') for line in lines)
    assert not (tmp_path / "none").exists()  # showing settings makes no library
    # What it prints is a config file that reads back to the same settings.
    again = tmp_path / "again.toml"
    again.write_text(result.stdout)
    reread = load(again, bindings=DEFAULT_KEYS, reserved=RESERVED_KEYS)
    assert reread.problems == [] and reread.max_line_width == 70
    assert reread.keymap["article.bookmark"] == "z"


def test_config_show_names_each_problem_and_exits_1(tmp_path, monkeypatch):
    path = tmp_path / "config.toml"
    monkeypatch.setenv("BYLINE_CONFIG", str(path))
    path.write_text('sidebar_width = "wide"\ntheme = "no-such-theme"\n')
    result = CliRunner().invoke(main, ["--data-dir", str(tmp_path / "none"), "config", "show"])
    assert result.exit_code == 1
    problems = result.stderr.splitlines()
    assert problems[0].startswith("byline: config.toml line 1: sidebar_width must be a whole number")
    assert problems[1].startswith("byline: config.toml line 2: no theme is called 'no-such-theme'")
    assert len(problems) == 2
    assert "# sidebar_width" in result.stdout  # the default shown instead
