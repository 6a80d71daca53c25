"""What every command shares: the data directory, error reporting, output."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from reader.errors import BylineError, StorageError, printable

F = TypeVar("F", bound=Callable[..., Any])


class State:
    """The options given to the ``byline`` group, passed to subcommands."""

    def __init__(self, data_dir: Path | None) -> None:
        self.data_dir = data_dir

    def open_library(self, *, must_exist: bool = False):  # -> reader.library.Library
        """Open the library and tell the user (stderr) what was repaired on the way.

        ``must_exist``: for commands that only read (or change what is there),
        a folder holding no library is an error, not a new empty library.
        """
        from reader.library import Library, default_data_dir, library_exists

        if must_exist and not library_exists(self.data_dir):
            if self.data_dir is None:
                raise StorageError(
                    f"no library yet in {default_data_dir()}; add pages with `byline import PATH`, "
                    "or run `byline` to start with the sample articles"
                )
            raise StorageError(
                f"no library in {self.data_dir} (nothing was imported there); check --data-dir, "
                f"or add pages with `byline --data-dir {self.data_dir} import PATH`"
            )
        library = Library.open(self.data_dir)
        for notice in library.notices:
            fail(notice)
        return library


pass_state = click.make_pass_decorator(State, ensure=True)


def fail(message: str) -> None:
    """Print one line to stderr, prefixed like every byline error.

    Control characters (a file name's ESC sequences) are shown as escapes,
    never sent to the terminal."""
    click.echo(f"byline: {printable(message)}", err=True)


def reports_errors(func: F) -> F:
    """Turn a BylineError into one line on stderr and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BylineError as error:
            fail(str(error))
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def json_line(obj: Any) -> str:
    """One JSON object on one line (JSON Lines), non-ASCII kept readable.

    Every --json output is made here, so all have the same separators.
    """
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))


def echo_json(obj: Any) -> None:
    click.echo(json_line(obj))


def iso_time(stamp: float | None) -> str | None:
    """A unix time as ISO 8601 in local time with its UTC offset (None stays None)."""
    if stamp is None:
        return None
    from datetime import datetime

    return datetime.fromtimestamp(stamp).astimezone().isoformat(timespec="seconds")


def hoist_data_dir(args: list[str]) -> list[str]:
    """Move ``--data-dir X`` given after the subcommand to the front, where click reads it.

    Order is kept, so the last one given still wins; nothing after ``--`` moves.
    """
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        if arg.startswith("--data-dir="):
            front.append(arg)
        elif arg == "--data-dir" and i + 1 < len(args):
            front.extend(args[i : i + 2])
            i += 1
        else:
            rest.append(arg)
        i += 1
    return front + rest


# Each subcommand's module, imported when the command is asked for (opening
# the app, the commonest run, imports none of them: tens of ms at each start).
COMMAND_MODULES = {
    "import": "library_cmd", "list": "library_cmd", "show": "library_cmd", "quotes": "library_cmd",
    "export": "library_cmd", "parse": "parse_cmd", "people": "people_cmd", "search": "search_cmd",
    "read": "state_cmd", "unread": "state_cmd", "bookmark": "state_cmd", "remove": "state_cmd",
    "feeds": "feeds_cmd", "refresh": "feeds_cmd", "config": "config_cmd", "clippings": "clippings_cmd",
}


class BylineGroup(click.Group):
    """The top command: --data-dir anywhere; a closed pipe (``| head``) ends quietly.

    Subcommands register themselves on it when their module is imported
    (COMMAND_MODULES says which); help and completion import them all.
    """

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            import importlib

            importlib.import_module(f"reader.cli.{COMMAND_MODULES[cmd_name]}")
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        import importlib

        for module in sorted(set(COMMAND_MODULES.values())):
            importlib.import_module(f"reader.cli.{module}")
        return super().list_commands(ctx)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_data_dir(list(args)))

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()
            return result
        except BrokenPipeError:
            # The reader of our output has gone (`byline list | head -1`): that is
            # not an error. Point stdout at /dev/null so the final flush is quiet.
            import os

            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, sys.stdout.fileno())
            except (OSError, ValueError):
                pass
            ctx.exit(0)
