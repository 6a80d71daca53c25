"""What every command shares: the data directory, error reporting, output."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from reader.errors import BylineError

F = TypeVar("F", bound=Callable[..., Any])


class State:
    """The options given to the ``byline`` group, passed to subcommands."""

    def __init__(self, data_dir: Path | None) -> None:
        self.data_dir = data_dir

    def open_library(self):  # -> reader.library.Library
        """Open the library and tell the user (stderr) what was repaired on the way."""
        from reader.library import Library

        library = Library.open(self.data_dir)
        for notice in library.notices:
            fail(notice)
        return library


pass_state = click.make_pass_decorator(State, ensure=True)


def fail(message: str) -> None:
    """Print one line to stderr, prefixed like every byline error."""
    click.echo(f"byline: {message}", err=True)


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


def echo_json(obj: Any) -> None:
    """One JSON object on one line (JSON Lines), non-ASCII kept readable."""
    click.echo(json.dumps(obj, ensure_ascii=False))
