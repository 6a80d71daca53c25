"""`byline config path` and `byline config show`: the user's config file.

byline never writes this file; `show` prints the settings in force as TOML,
so its output can start a config file of one's own.
"""

from __future__ import annotations

import json
import sys

import click

from reader.cli import main
from reader.cli.common import State, fail, pass_state, reports_errors
from reader.config import problem_line


def load_config():
    """The config in force, checked against the app's key table."""
    from textual.theme import BUILTIN_THEMES

    from reader.config import load
    from reader.ui.keys import DEFAULT_KEYS, RESERVED_KEYS
    from reader.ui.themes import check_theme

    config = load(bindings=DEFAULT_KEYS, reserved=RESERVED_KEYS)
    check_theme(config, BUILTIN_THEMES)
    config.problems.sort(key=problem_line)
    return config


@main.group("config")
def config() -> None:
    """The config file: theme, keymap, widths, refresh and sort settings.

    It is TOML, at the path `byline config path` prints ($BYLINE_CONFIG if
    set). byline reads it at start and never writes it.
    """


@config.command("path")
def config_path() -> None:
    """Print where the config file is read from (it may not exist yet)."""
    from reader.config import config_path as where

    click.echo(str(where()))


@config.command("show")
@pass_state
@reports_errors
def config_show(state: State) -> None:
    """Print the settings in force, as TOML, each marked where it comes from.

    Problems in the file (each naming its line) go to stderr, and the exit
    status is then 1; the settings shown are the ones used despite them.
    """
    from reader.config import typed_keys
    from reader.ui.keys import KEYS, key_display

    cfg = load_config()
    source = str(cfg.path) if cfg.exists else f"{cfg.path} (not there: defaults)"
    out = [f"# byline settings in force; config file: {source}"]

    def line(key: str, value, default_note: str = "default") -> None:
        text = f"{key.rpartition('.')[2]} = {_toml(value)}"
        note = "from the file" if key in cfg.given else default_note
        out.append(f"{text:<32}# {note}")

    theme, theme_note = _theme_in_force(state, cfg)
    out.append(f"{'theme = ' + _toml(theme or 'textual-dark'):<32}# {theme_note}")
    line("sort", cfg.sort)
    if cfg.sidebar_width is None:
        out.append(f"{'# sidebar_width = 40':<32}# default: follows the terminal's width")
    else:
        line("sidebar_width", cfg.sidebar_width)
    line("max_line_width", cfg.max_line_width)
    out += ["", "[refresh]"]
    line("refresh.at_start", cfg.refresh_at_start)
    line("refresh.interval", cfg.refresh_interval, "default (minutes; 0: never)")
    out += ["", "[keymap]"]
    for section, binding in KEYS:
        keys = typed_keys(cfg.keymap.get(binding.id) or binding.key)
        note = f"{section}: {binding.description}"
        if binding.id in cfg.keymap:
            note += f" (from the file; default {key_display(binding.key)})"
        out.append(f"{_toml(binding.id) + ' = ' + _toml(keys):<32}# {note}")
    click.echo("\n".join(out))
    for problem in cfg.problems:
        fail(problem)
    if cfg.problems:
        sys.exit(1)


def _theme_in_force(state: State, cfg) -> tuple[str | None, str]:
    """The theme the app would open with, and where it comes from."""
    from reader.library import library_exists
    from reader.ui.themes import SETTING

    note = "from the file" if cfg.theme else "default"
    if not library_exists(state.data_dir):
        return cfg.theme, note
    library = state.open_library()
    remembered = library.setting(SETTING)
    library.close()
    if isinstance(remembered, dict) and remembered.get("config") == cfg.theme:
        name = remembered.get("name")
        if isinstance(name, str):
            return name, "chosen in the app (kept in the library, not in this file)"
    return cfg.theme, note


def _toml(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)  # a TOML basic string
