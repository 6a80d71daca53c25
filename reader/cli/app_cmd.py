"""Opening the reader app (or, off a terminal, printing the list)."""

from __future__ import annotations

import click

from reader.cli.common import State


def open_app(state: State, *, interactive: bool) -> None:
    click.echo("byline: the reader app is not built yet; see `byline --help`.")
