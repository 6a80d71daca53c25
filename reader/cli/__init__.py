"""The ``byline`` command: with no subcommand it opens the reader app."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reader import __version__
from reader.errors import quiet_library_warnings
from reader.cli.common import BylineGroup, State, reports_errors


@click.group(
    cls=BylineGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="BYLINE_DATA_DIR",
    show_envvar=True,
    help="Where the library lives (default: your platform's user data directory). "
    "It may also come after the command: `byline list --data-dir DIR`.",
)
@click.version_option(__version__, prog_name="byline")
@click.pass_context
@reports_errors
def main(ctx: click.Context, data_dir: Path | None) -> None:
    """byline: a terminal news reader that knows who said what.

    Run with no command to open the reader. On a first run with an empty
    library it imports the bundled sample articles, so there is something
    to read at once. When standard output is not a terminal it prints the
    article list instead (as `byline list` does).
    """
    quiet_library_warnings()
    ctx.obj = State(data_dir)
    if ctx.invoked_subcommand is not None:
        return
    from reader.cli.app_cmd import open_app

    open_app(ctx.obj, interactive=sys.stdin.isatty() and sys.stdout.isatty())


# Subcommands register themselves on ``main`` when their module is imported,
# which BylineGroup does when one is asked for (common.COMMAND_MODULES).
