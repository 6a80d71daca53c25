import pytest

from reader.ingest.fetch import Fetcher
from reader.library import Library
from tests.feeds.server import WebServer


@pytest.fixture
def web():
    """A real HTTP server on 127.0.0.1, routes set by the test."""
    with WebServer() as server:
        yield server


@pytest.fixture
def library(tmp_path):
    """A library on disk, in the test's own folder."""
    with Library.open(tmp_path / "lib") as lib:
        yield lib


@pytest.fixture
def fetcher():
    """A Fetcher with a short timeout (the slow-server tests wait for it)."""
    with Fetcher(timeout=2) as f:
        yield f
