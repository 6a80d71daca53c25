"""Fixtures for the app's tests: a real library holding the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_8c01498c710a7303.txt"


@pytest.fixture
def seed_library(tmp_path):
    """A library in tmp_path/library with the BBC seed imported (and nothing else)."""
    from reader.gather.importer import import_paths
    from reader.library import Library

    library = Library.open(tmp_path / "library")
    report = import_paths(library, [SEED], jobs=1)
    assert report.imported == 1, report
    yield library
    library.close()
