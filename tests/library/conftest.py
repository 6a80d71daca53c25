from __future__ import annotations

import pytest

from reader.library import Library


@pytest.fixture
def library(tmp_path):
    lib = Library.open(tmp_path / "lib")
    yield lib
    lib.close()
