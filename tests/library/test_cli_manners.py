"""CLI manners: --data-dir anywhere, no library made by reading, quiet pipes, one JSON style."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reader.cli import main
from reader.cli.common import hoist_data_dir
from reader.library import Library
from tests.library.articles import day, make_article

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "ingest" / "fixtures"
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([+-]\d\d:\d\d|Z)$")


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "data"
    with Library.open(path) as lib:
        lib.add(make_article(1, title="Quay wall repaired", published=day(2), speakers=("Ada Obi",)))
        lib.add(make_article(2, title="Ferry timetable changes", published=day(4)))
    return path


def invoke(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env)


@pytest.mark.parametrize("where", ["before", "after", "after="])
def test_data_dir_before_or_after_the_command(data_dir, where):
    args = {
        "before": ["--data-dir", str(data_dir), "list"],
        "after": ["list", "--data-dir", str(data_dir)],
        "after=": ["list", f"--data-dir={data_dir}"],
    }[where]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    assert "Quay wall repaired" in result.stdout


def test_data_dir_after_a_nested_command_and_its_arguments(data_dir):
    first = json.loads(invoke("--data-dir", str(data_dir), "list", "--json").stdout.splitlines()[0])
    result = invoke("read", first["id"][:6], "--data-dir", str(data_dir))
    assert result.exit_code == 0 and result.stdout.startswith("read ")
    assert invoke("feeds", "list", "--data-dir", str(data_dir)).exit_code == 0


def test_hoisting_keeps_order_and_stops_at_a_double_dash():
    assert hoist_data_dir(["list", "--data-dir", "a", "--json"]) == ["--data-dir", "a", "list", "--json"]
    assert hoist_data_dir(["--data-dir", "a", "list", "--data-dir", "b"]) == [
        "--data-dir", "a", "--data-dir", "b", "list"]  # the last one given wins, as before
    assert hoist_data_dir(["parse", "--", "--data-dir", "x"]) == ["parse", "--", "--data-dir", "x"]


@pytest.mark.parametrize(
    "args",
    [["list"], ["list", "--json"], ["show", "abcd"], ["quotes"], ["export", "--format", "json"],
     ["search", "ferry"], ["read", "abcd"], ["remove", "abcd"], ["feeds", "list"]],
)
def test_a_command_that_reads_a_folder_with_no_library_says_so_and_makes_none(tmp_path, args):
    nowhere = tmp_path / "nowhere"
    result = invoke("--data-dir", str(nowhere), *args)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"byline: no library in {nowhere} (nothing was imported there)")
    assert not nowhere.exists()


def test_an_empty_folder_is_no_library_either(tmp_path):
    (tmp_path / "empty").mkdir()
    result = invoke("--data-dir", str(tmp_path / "empty"), "quotes")
    assert result.exit_code == 1 and "no library in" in result.stderr
    assert list((tmp_path / "empty").iterdir()) == []


def test_import_still_makes_a_library(tmp_path):
    result = invoke("--data-dir", str(tmp_path / "new"), "import", str(FIXTURES / "valley_dump.txt"))
    assert result.exit_code == 0, result.output
    assert invoke("--data-dir", str(tmp_path / "new"), "list").exit_code == 0


@pytest.mark.parametrize("args", [["list"], ["list", "--json"], ["quotes"], ["export", "--format", "markdown"]])
def test_output_into_a_closed_pipe_exits_0_quietly(data_dir, args):
    """`byline list | head -1`: the reader went away, which is no error."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT,
    )
    process.stdout.close()  # before the child writes a byte: its first write fails
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0, stderr
    assert stderr == ""


def test_every_time_in_json_is_iso_8601_with_one_style_of_separators(data_dir):
    from reader.cli.common import json_line

    listed = invoke("--data-dir", str(data_dir), "list", "--json").stdout.splitlines()
    first = json.loads(listed[0])["id"]
    outputs = {
        "list": listed,
        "show": invoke("--data-dir", str(data_dir), "show", first, "--json").stdout.splitlines(),
        "export": invoke("--data-dir", str(data_dir), "export", "--format", "json").stdout.splitlines(),
        "quotes": invoke("--data-dir", str(data_dir), "quotes", "--json").stdout.splitlines(),
        "search": invoke("--data-dir", str(data_dir), "search", "ferry", "--json").stdout.splitlines(),
        "parse": invoke("parse", str(FIXTURES / "valley_dump.txt"), "--json").stdout.splitlines(),
    }
    for name, lines in outputs.items():
        assert lines, name
        for line in lines:
            data = json.loads(line)
            assert json_line(data) == line, name  # the same separators everywhere
            for key in ("imported", "published"):
                if data.get(key) is not None:
                    assert ISO.match(data[key]), (name, key, data[key])
    for name in ("list", "show", "export"):
        assert ISO.match(json.loads(outputs[name][0])["imported"]), name


def test_parse_takes_folders_as_import_does(tmp_path):
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "one.html").write_bytes((FIXTURES / "harbour.html").read_bytes())
    (folder / "two.txt").write_bytes((FIXTURES / "valley_dump.txt").read_bytes())
    (folder / ".hidden.txt").write_text("not a page")
    result = invoke("parse", str(folder), "--json")
    assert result.exit_code == 0, result.output
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert sorted(Path(s).name for s in sources) == ["one.html", "two.txt"]
    missing = invoke("parse", str(tmp_path / "absent"), str(folder / "two.txt"), "--json")
    assert missing.exit_code == 1
    assert "absent: no such file or folder" in missing.stderr
    assert len(missing.stdout.splitlines()) == 1
