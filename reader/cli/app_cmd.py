"""Opening the reader app (or, off a terminal, printing the list).

Textual is imported only on the interactive path, so ``byline list`` and
friends start fast.
"""

from __future__ import annotations

import click

from reader.cli.common import State


def open_app(state: State, *, interactive: bool) -> None:
    library = state.open_library()
    # Only a first run gets the samples: a library emptied on purpose stays empty.
    # A library open read-only is shown as it is (its first notice says why).
    if library.read_only is None and not library.setting("seeded"):
        if library.counts().total == 0:
            _import_seeds(library)
        library.set_setting("seeded", True)
    if interactive:
        from reader.cli.config_cmd import load_config
        from reader.ui.app import ReaderApp

        app = ReaderApp(library=library, config=load_config())
        app.run()
        app.wait_for_writes()  # a mark-all-read still being written
        if not app.wait_for_job(0.5):  # quit during an import or refresh: it stops between sources
            click.echo("byline: stopping the import or refresh; what was stored stays.", err=True)
            app.wait_for_job()
        library.close()
        return
    _print_list(library)
    click.echo("byline: not a terminal, so here is the list; run `byline` in a terminal to read.", err=True)


def _import_seeds(library) -> None:
    from reader.gather.importer import import_paths
    from reader.resources import seeds_dir

    click.echo("byline: your library is empty, so the sample articles are being imported.", err=True)
    report = import_paths(library, [seeds_dir()])
    for source, reason in report.failures:
        click.echo(f"byline: could not import {source}: {reason}", err=True)


def _print_list(library) -> None:
    from reader.cli.library_cmd import format_entries

    for line in format_entries(library.list()):
        click.echo(line)
