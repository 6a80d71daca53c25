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


class ParseFailure(SourceError):
    """byline itself failed on a source (a bug in byline, not a bad page).

    Still a :class:`SourceError`, so one such page never stops an import of
    many; the original exception is kept as ``__cause__`` so tests (and a
    person reporting the bug) can see what went wrong.
    """


class FetchError(SourceError):
    """A URL could not be fetched (DNS, refused, timeout, HTTP error, too large)."""


class StorageError(BylineError):
    """The library on disk could not be read or written."""


class NotFoundError(BylineError):
    """An article id (or prefix) matched nothing, or more than one article."""
