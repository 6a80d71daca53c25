import pytest

from tests.feeds.server import WebServer


@pytest.fixture
def web():
    """A real HTTP server on 127.0.0.1, routes set by the test."""
    with WebServer() as server:
        yield server
