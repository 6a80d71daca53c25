"""One hierarchy of errors, each with a message a person can act on.

The CLI prints ``str(error)`` without a traceback and exits non-zero.
"""


class BylineError(Exception):
    """Base of every error byline raises on purpose."""


class SourceError(BylineError):
    """A source (file, page, URL, feed) could not be turned into articles."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class FetchError(SourceError):
    """A URL could not be fetched (DNS, refused, timeout, HTTP error, too large)."""


class StorageError(BylineError):
    """The library on disk could not be read or written."""


class NotFoundError(BylineError):
    """An article id (or prefix) matched nothing, or more than one article."""
