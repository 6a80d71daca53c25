"""Core never imports Textual or Rich (DESIGN.md, convention 1), and the rooms
import only the rooms before them in the flow source → ingest → quotes →
library → gather → ui."""

import ast
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent / "reader"


def test_core_modules_do_not_import_textual_or_rich():
    code = (
        "import sys, reader.model, reader.config, reader.ingest, reader.quotes, reader.library,"
        " reader.gather.importer;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'));"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


# What each room may import (DESIGN.md, "Rooms").
ALLOWED = {
    "ingest": {"model", "errors", "quotes", "ingest"},
    "quotes": {"model", "errors", "quotes"},
    "library": {"model", "errors", "library"},
    "gather": {"model", "errors", "ingest", "quotes", "library", "gather"},
}


def test_the_config_module_imports_no_other_room():
    assert _imported_rooms(ROOT / "config.py") <= {"errors"}


def _imported_rooms(path: pathlib.Path) -> set[str]:
    rooms = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "reader" and len(parts) > 1:
                rooms.add(parts[1])
    return rooms


@pytest.mark.parametrize("room", sorted(ALLOWED))
def test_rooms_import_only_what_comes_before_them(room):
    files = sorted((ROOT / room).rglob("*.py"))
    assert files, f"no modules in reader/{room}"
    bad = {
        str(f.relative_to(ROOT)): sorted(_imported_rooms(f) - ALLOWED[room])
        for f in files
        if _imported_rooms(f) - ALLOWED[room]
    }
    assert bad == {}
