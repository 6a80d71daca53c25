"""The user's config file: TOML, read once at start, never written by byline.

Where it is: ``$BYLINE_CONFIG`` if set, else ``config.toml`` in
``platformdirs.user_config_dir("byline")`` (``~/.config/byline`` on Linux).
A missing file means every default. What it holds::

    theme = "textual-dark"      # any Textual theme name
    sort = "date"               # date | imported | site | unread
    sidebar_width = 40          # columns; leave out to follow the terminal
    max_line_width = 88         # story lines stop here (columns)

    [refresh]
    at_start = false            # refresh every feed when the app opens
    interval = 0                # minutes between refreshes while it runs; 0: never

    [keymap]                    # binding id = key(s), as the help screen lists them
    "article.bookmark" = "z"
    "article.next" = "j,down"

The API (for the CLI and the app; stdlib and platformdirs only)::

    path = config_path()                  # Path, whether or not it exists
    config = load(path, bindings=..., reserved=...)
    config.theme                          # str | None
    config.sort                           # one of SORTS
    config.sidebar_width                  # int | None (None: the layout decides)
    config.max_line_width                 # int, default MAX_LINE_WIDTH
    config.refresh_at_start               # bool
    config.refresh_interval               # int minutes, 0: never
    config.keymap                         # {binding id: keys}, only the valid entries
    config.problems                       # ["config.toml line 4: ...; using ..."]
    config.line_of("theme")               # the line a setting is on, or None
    config.add_problem("theme", "...")    # for checks only the caller can make

``bindings`` (binding id -> its default keys) lets ``load`` check the
``[keymap]``: an unknown id, a key that is not a key, or a key bound to two
things is a problem, and that entry is left out (the default stays). Every
problem names the file and line, and says what is used instead; the rest of
the file still counts. A syntax error costs only its own line where the rest
still parses.
"""

from __future__ import annotations

import os
import re
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ENV = "BYLINE_CONFIG"
FILENAME = "config.toml"
MAX_BYTES = 256 * 1024  # a config file is a few lines; anything bigger is not one
MAX_LINE_WIDTH = 88
SORTS = ("date", "imported", "site", "unread")
SIDEBAR_WIDTHS = (16, 120)
LINE_WIDTHS = (30, 400)
MAX_INTERVAL = 7 * 24 * 60  # minutes: a week
_MAX_SALVAGE = 20  # syntax errors skipped line by line before giving up on the file

# Textual's short names for a few characters (textual.keys.KEY_NAME_REPLACEMENTS).
_REPLACED = {"solidus": "slash", "reverse_solidus": "backslash", "commercial_at": "at",
             "hyphen_minus": "minus", "plus_sign": "plus", "low_line": "underscore"}
_REPLACED_BACK = {short: long for long, short in _REPLACED.items()}
_MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
_NAMED_KEYS = {
    "escape", "enter", "return", "tab", "space", "backspace", "delete", "insert",
    "home", "end", "pageup", "pagedown", "up", "down", "left", "right",
    *(f"f{n}" for n in range(1, 25)),
}


def config_path() -> Path:
    """Where the config file is read from (it may not exist)."""
    override = os.environ.get(ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("byline", appauthor=False)) / FILENAME


@dataclass
class Config:
    """The settings in force: the file's where valid, defaults elsewhere."""

    path: Path
    exists: bool = False
    theme: str | None = None
    sort: str = "date"
    sidebar_width: int | None = None
    max_line_width: int = MAX_LINE_WIDTH
    refresh_at_start: bool = False
    refresh_interval: int = 0
    keymap: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)  # "refresh.interval" -> line
    given: set[str] = field(default_factory=set)  # settings the file set (validly)

    def line_of(self, key: str) -> int | None:
        return self.lines.get(key)

    def add_problem(self, key: str | None, message: str) -> None:
        line = self.lines.get(key) if key else None
        where = f"{self.path.name} line {line}" if line else str(self.path)
        self.problems.append(f"{where}: {message}")


def load(
    path: Path | None = None,
    *,
    bindings: Mapping[str, str] | None = None,
    reserved: Mapping[str, str] | None = None,
) -> Config:
    """Read the config at ``path`` (default :func:`config_path`); never raises.

    ``bindings``: binding id -> default keys (comma-separated) to check the
    keymap against; ``reserved``: key -> what it does, keys a keymap must
    not take (tab, enter...).
    """
    path = path if path is not None else config_path()
    config = Config(path=path)
    text = _read(config)
    if text is None:
        return config
    data = _parse(config, text)
    config.lines = _key_lines(text)
    _apply(config, data, bindings, reserved or {})
    config.problems.sort(key=problem_line)
    return config


def problem_line(problem: str) -> int:
    """The line a problem names (0 for the whole file), to keep problems in file order."""
    match = re.search(r" line (\d+): ", problem)
    return int(match.group(1)) if match else 0


def _read(config: Config) -> str | None:
    path = config.path
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        if os.environ.get(ENV):
            config.add_problem(None, f"no such file (named by {ENV}); using the defaults")
        return None
    except IsADirectoryError:
        config.add_problem(None, "is a folder, not a file; using the defaults")
        return None
    except OSError as error:
        config.add_problem(None, f"cannot be read ({error.strerror or error}); using the defaults")
        return None
    config.exists = True
    if len(raw) > MAX_BYTES:
        config.add_problem(None, f"is larger than {MAX_BYTES // 1024} KiB; using the defaults")
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        config.problems.append(
            f"{config.path.name} line {line}: not UTF-8 text; using the defaults"
        )
        return None


_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)|\(at end of document\)")


def _parse(config: Config, text: str) -> dict[str, Any]:
    """The parsed TOML; a line with a syntax error is reported and skipped."""
    lines = text.splitlines()
    for _ in range(_MAX_SALVAGE):
        try:
            return tomllib.loads("\n".join(lines))
        except tomllib.TOMLDecodeError as error:
            message = str(error)
            match = _AT_LINE.search(message)
            reason = _AT_LINE.sub("", message).strip().rstrip(".")
            if match and match.group(1) is None:  # at the end: the last line that holds anything
                number = max((i for i, line in enumerate(lines, 1) if line.strip()), default=0)
            else:
                number = int(match.group(1)) if match else 0
            if not 1 <= number <= len(lines):
                config.problems.append(f"{config.path}: {reason}; using the defaults")
                return {}
            config.problems.append(
                f"{config.path.name} line {number}: {reason[:1].lower()}{reason[1:]}"
                " (TOML syntax); that line is ignored"
            )
            lines[number - 1] = ""
    config.problems.append(f"{config.path}: too many syntax errors; using the defaults")
    return {}


_TABLE = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$")
_KEY = re.compile(r"""^\s*((?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*=""")
_PART = re.compile(r""""((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+)""")


def _key_lines(text: str) -> dict[str, int]:
    """Dotted setting name -> the line it is on (and each table -> its header)."""
    found: dict[str, int] = {}
    table: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        if match := _TABLE.match(line):
            table = _parts(match.group(1))
            found.setdefault(".".join(table), number)
        elif match := _KEY.match(line):
            found.setdefault(".".join(table + _parts(match.group(1))), number)
    return found


def _parts(dotted: str) -> list[str]:
    return [a or b or c for a, b, c in _PART.findall(dotted)]


# -- checking each setting ------------------------------------------------


def _apply(config: Config, data: dict[str, Any], bindings, reserved) -> None:
    known = {"theme", "sort", "sidebar_width", "max_line_width", "refresh", "keymap"}
    for key in data:
        if key not in known:
            config.add_problem(key, f"unknown setting {key!r} (known: {', '.join(sorted(known))}); ignored")
    if "theme" in data:
        if isinstance(data["theme"], str) and data["theme"].strip():
            config.theme = data["theme"].strip()
            config.given.add("theme")
        else:
            config.add_problem("theme", "theme must be a theme's name in quotes; using the default")
    if "sort" in data:
        if data["sort"] in SORTS:
            config.sort = data["sort"]
            config.given.add("sort")
        else:
            config.add_problem(
                "sort", f"sort must be one of {', '.join(SORTS)}, not {data['sort']!r}; using {config.sort!r}"
            )
    if (width := _number(config, data, "sidebar_width", *SIDEBAR_WIDTHS)) is not None:
        config.sidebar_width = width
    if (width := _number(config, data, "max_line_width", *LINE_WIDTHS)) is not None:
        config.max_line_width = width
    refresh = _table(config, data, "refresh")
    for key in refresh:
        if key not in ("at_start", "interval"):
            config.add_problem(f"refresh.{key}", f"unknown setting refresh.{key} (known: at_start, interval); ignored")
    if "at_start" in refresh:
        if isinstance(refresh["at_start"], bool):
            config.refresh_at_start = refresh["at_start"]
            config.given.add("refresh.at_start")
        else:
            config.add_problem("refresh.at_start", "refresh.at_start must be true or false; using false")
    if (minutes := _number(config, refresh, "interval", 0, MAX_INTERVAL, prefix="refresh.")) is not None:
        config.refresh_interval = minutes
    keymap = _table(config, data, "keymap")
    config.keymap = _check_keymap(config, keymap, bindings, reserved)


def _number(config: Config, data: dict, key: str, low: int, high: int, prefix: str = "") -> int | None:
    if key not in data:
        return None
    value = data[key]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        config.add_problem(
            prefix + key, f"{prefix}{key} must be a whole number from {low} to {high}, not {value!r}; using the default"
        )
        return None
    config.given.add(prefix + key)
    return value


def _table(config: Config, data: dict, key: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        config.add_problem(key, f"{key} must be a table ([{key}] with settings under it); ignored")
        return {}
    return value


def normalize_keys(keys: str) -> str | None:
    """Keys as Textual names them ("?" -> "question_mark"), or None if one is not a key."""
    out = []
    for part in keys.split(","):
        part = part.strip()
        if not part:
            return None
        *modifiers, name = part.split("+") if len(part) > 1 else [part]
        if any(m not in _MODIFIERS for m in modifiers) or not name:
            return None
        if len(name) == 1:
            if not name.isprintable():
                return None
            if not name.isalnum():
                name = unicodedata.name(name, name).lower().replace("-", "_").replace(" ", "_")
                name = _REPLACED.get(name, name)
        elif name not in _NAMED_KEYS and _char_of(name) is None:
            return None  # not a character's long name as Textual spells it ("question_mark")
        out.append("+".join([*modifiers, name]))
    return ",".join(out)


def _char_of(name: str) -> str | None:
    """The character Textual calls ``name`` ("less_than_sign" -> "<"), or None."""
    words = _REPLACED_BACK.get(name, name).split("_")
    if len(words) > 6:
        return None
    for joints in range(2 ** (len(words) - 1)):  # each "_" was a space or a hyphen
        spelled = words[0]
        for i, word in enumerate(words[1:]):
            spelled += ("-" if joints >> i & 1 else " ") + word
        try:
            return unicodedata.lookup(spelled)
        except KeyError:
            continue
    return None


def typed_keys(keys: str) -> str:
    """Keys as a person types them in the file: "question_mark" -> "?"."""
    out = []
    for part in keys.split(","):
        modifiers, plus, name = part.strip().rpartition("+")
        if len(name) > 1 and name not in _NAMED_KEYS:
            name = _char_of(name) or name
        out.append(f"{modifiers}{plus}{name}")
    return ",".join(out)


def _check_keymap(config: Config, keymap: dict, bindings, reserved) -> dict[str, str]:
    good: dict[str, str] = {}
    for binding_id, keys in keymap.items():
        where = f"keymap.{binding_id}"
        if bindings is not None and binding_id not in bindings:
            config.add_problem(where, f"no binding is called {binding_id!r} (the help screen, ?, lists them); ignored")
            continue
        normal = normalize_keys(keys) if isinstance(keys, str) else None
        if normal is None:
            config.add_problem(where, f"{keys!r} is not a key (e.g. \"z\", \"ctrl+d\", \"space\"); keeping the default")
            continue
        taken = [k for k in normal.split(",") if k in reserved]
        if taken:
            config.add_problem(where, f"{taken[0]!r} is kept for {reserved[taken[0]]}; keeping the default")
            continue
        good[binding_id] = normal
    if bindings is None:
        return good
    while clash := _first_clash(good, bindings):
        key, ids = clash
        user = [i for i in ids if i in good]
        others = ", ".join(i + ("" if i in good else " (its default key)") for i in ids)
        for binding_id in user:
            config.add_problem(
                f"keymap.{binding_id}", f"{key!r} is bound twice: to {others}; {binding_id} keeps its default key"
            )
            del good[binding_id]
    return good


def _first_clash(keymap: dict[str, str], bindings: Mapping[str, str]) -> tuple[str, list[str]] | None:
    owners: dict[str, list[str]] = {}
    for binding_id, default in bindings.items():
        keys = keymap.get(binding_id) or normalize_keys(default) or default
        for key in keys.split(","):
            owners.setdefault(key, []).append(binding_id)
    for key, ids in owners.items():
        if len(ids) > 1 and any(i in keymap for i in ids):
            return key, ids
    return None
