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


def quiet_library_warnings() -> None:
    """Keep the warnings of the libraries byline uses off stderr.

    An error is one line naming the input; a library's warning (BeautifulSoup
    guessing at a feed's markup, say) is many lines about its own internals.
    byline's own (RuntimeWarnings from ``reader``) still show; ``-W`` and
    ``PYTHONWARNINGS`` still rule. A library's warning is often attributed to
    byline's line that called it, so the category tells them apart.
    """
    import sys
    import warnings

    if sys.warnoptions:
        return
    warnings.simplefilter("ignore")
    warnings.filterwarnings("default", category=RuntimeWarning, module=r"reader(\.|$)")
