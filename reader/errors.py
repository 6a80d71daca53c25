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


_INVISIBLE = {0x7F, 0x200E, 0x200F, 0x2028, 0x2029, 0xFEFF, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def printable(text: str) -> str:
    """``text`` safe for a terminal line: control characters as visible escapes.

    C0 and C1 controls (ESC above all: an OSC sequence retitles the terminal or
    writes the clipboard), DEL, line separators and bidirectional overrides
    become ``\\x1b``-style escapes; bytes of a file name that were not UTF-8
    (held as surrogates by Python) become ``\\xNN``. A backslash stays a
    backslash. Everything else, accents and all, is kept as it is.
    """
    if text.isprintable():
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif code < 0x20 or 0x80 <= code < 0xA0 or code in _INVISIBLE or 0xD800 <= code < 0xE000:
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)
