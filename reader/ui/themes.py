"""Which theme the app opens with, and remembering one chosen in the palette.

The config file's ``theme`` is the user's default. A theme picked while the
app runs (ctrl+p, "Change theme") is remembered in the library's settings,
never written into the config file, together with the config's theme at
that moment: if the user later edits ``theme`` in the file, the file wins
again. An unknown theme name in the file is a problem naming its line.
"""

from __future__ import annotations

from reader.config import Config

SETTING = "ui.theme"


def check_theme(config: Config, themes) -> None:
    """An unknown theme in the file is a problem naming its line; the default is used."""
    if config.theme is not None and config.theme not in themes:
        known = ", ".join(sorted(themes))
        config.add_problem(
            "theme", f"no theme is called {config.theme!r} (known: {known}); using the default"
        )
        config.theme = None


def starting_theme(app, config: Config) -> str | None:
    """The theme to open with, or None for Textual's default."""
    themes = app.available_themes
    check_theme(config, themes)
    wanted = config.theme
    remembered = app.library.setting(SETTING)
    if isinstance(remembered, dict) and remembered.get("config") == config.theme:
        name = remembered.get("name")
        if isinstance(name, str) and name in themes:
            return name
    return wanted


def remember_theme(app, config: Config) -> None:
    """From now on, save each theme the user switches to."""

    def changed(theme) -> None:
        app.save(app.library.set_setting, SETTING, {"name": theme.name, "config": config.theme})

    app.theme_changed_signal.subscribe(app, changed)
