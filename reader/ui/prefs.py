"""The user's settings the app reads, through one door.

``pref(app, name)`` is the config file's value (``app.config``, see
reader/config.py) where the app has one, else the default below. The app
reads its layout, sort and refresh settings only through here, so where they
come from can change in one place.
"""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    "sidebar_width": None,  # None: the layout decides from the terminal's width
    "max_line_width": 88,  # story lines stop here (columns)
    "sort": "date",  # date | imported | site | unread
    "undated": "last",  # where undated articles go in date order: last | first | mixed
    "refresh_at_start": False,
    "refresh_interval": 0,  # minutes; 0: never
}


def pref(app: Any, name: str) -> Any:
    config = getattr(app, "config", None)
    value = getattr(config, name, None) if config is not None else None
    return DEFAULTS[name] if value is None else value
