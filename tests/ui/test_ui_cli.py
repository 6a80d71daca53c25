"""`byline` with no subcommand: first run imports the seeds; off a terminal it lists."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from reader.cli import main
from reader.library import Library

SEED_TITLE = "N Korea and US in diplomacy push"


def test_first_run_off_a_terminal_imports_seeds_and_prints_the_list(tmp_path):
    data = tmp_path / "data"
    result = CliRunner().invoke(main, ["--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    assert SEED_TITLE in result.stdout
    assert "sample articles" in result.stderr
    assert "not a terminal" in result.stderr
    library = Library.open(data)
    try:
        count = library.counts().total
    finally:
        library.close()
    assert count >= 1
    again = CliRunner().invoke(main, ["--data-dir", str(data)])
    assert "sample articles" not in again.stderr  # only an empty library gets them
    assert again.stdout == result.stdout


def test_a_library_emptied_on_purpose_is_not_refilled_with_samples(tmp_path):
    data = tmp_path / "data"
    CliRunner().invoke(main, ["--data-dir", str(data)])
    library = Library.open(data)
    try:
        for entry in library.list():
            library.remove(entry.id)
    finally:
        library.close()
    again = CliRunner().invoke(main, ["--data-dir", str(data)])
    assert again.exit_code == 0, again.output
    assert "sample articles" not in again.stderr
    assert SEED_TITLE not in again.stdout


def test_listing_path_does_not_import_textual(tmp_path):
    code = (
        "import sys; from reader.cli import main\n"
        f"try: main(['--data-dir', {str(tmp_path / 'd')!r}])\n"
        "except SystemExit: pass\n"
        "print('TEXTUAL' if any(m.split('.')[0] in ('textual', 'rich') for m in sys.modules) else 'CLEAN', file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=".")
    assert out.stderr.strip().endswith("CLEAN"), out.stderr


def test_byline_in_a_terminal_draws_the_list(tmp_path):
    """The real entry point under a pseudo-terminal, ended after its first frame."""
    import os
    import pty
    import select

    master, slave = pty.openpty()
    env = {**os.environ, "BYLINE_EXIT_AFTER_FIRST_FRAME": "1", "TERM": "xterm-256color"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path / "data")],
        stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
    )
    os.close(slave)
    output = b""
    while select.select([master], [], [], 30)[0]:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.close(master)
    assert proc.wait(timeout=30) == 0
    assert b"N Korea and US in" in output  # a seed's row in the list
    assert output.rstrip().endswith(b"\x1b[?1004l")  # the terminal was restored


def test_every_subcommand_is_found_without_importing_them_all_first():
    import subprocess
    import sys

    code = (
        "import sys; import reader.cli as c; from reader.cli.common import COMMAND_MODULES\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('reader.cli.') and m.endswith('_cmd'))\n"
        "print(loaded)\n"
        "import click; names = c.main.list_commands(click.Context(c.main))\n"
        "print(sorted(names) == sorted(COMMAND_MODULES))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["[]", "True"]  # none before; every one registered is in the map
