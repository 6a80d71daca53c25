"""Background jobs (import, feed refresh) and the messages they send.

Jobs run in thread workers and never touch widgets: they report with
``post_message``. Progress is coalesced: at most one message per interval,
plus the final one, however fast items arrive. The reports are the ones
``reader.gather.importer`` and ``reader.gather.refresh`` return, read by their fields.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # imported by the workers, not at start-up
    from reader.gather.importer import ImportReport
    from reader.gather.refresh import RefreshReport

NO_FEEDS = (
    "No feeds yet. Press i and give a feed's URL to subscribe to it "
    "(or run `byline feeds add URL`, which also takes an OPML file)."
)


class JobProgress(Message):
    """``done`` of ``total`` items."""

    def __init__(self, job: str, done: int, total: int) -> None:
        super().__init__()
        self.job = job
        self.done = done
        self.total = total


class JobFinished(Message):
    """A job ended: ``summary`` for the user (a warning if some sources
    failed), ``error`` if it failed as a whole."""

    def __init__(
        self, job: str, summary: str, error: str | None = None, *, warning: bool = False
    ) -> None:
        super().__init__()
        self.job = job
        self.summary = summary
        self.error = error
        self.warning = warning
        self.select: str | None = None  # an article to highlight (the one an import added)


@dataclass
class Reporter:
    """The ``progress(done, total)`` callback of ``import_paths`` and ``refresh``
    (their ``Progress`` type), turned into coalesced JobProgress messages.

    Called from the worker thread; ``post`` is the app's ``post_message``,
    which is thread-safe.
    """

    job: str
    post: Callable[[Message], object]
    interval: float = 0.1
    done: int = 0
    total: int = 0
    _last: float = field(default=0.0)

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        now = time.monotonic()
        if done >= total or now - self._last >= self.interval:
            self._last = now
            self.post(JobProgress(self.job, done, total))


Stopped = tuple[int, int] | None  # (done, total) when a job was stopped early


def import_failed(report: ImportReport) -> str | None:
    """The error to show when nothing at all could be imported, else None."""
    if report.imported or report.updated or report.unchanged or report.subscribed:
        return None
    if not report.failures:
        return "Import: no files found there (hidden files and folders are skipped)."
    source, reason = report.failures[0]
    more = f" (and {len(report.failures) - 1} more failed)" if len(report.failures) > 1 else ""
    return f"Nothing imported. {source}: {reason}{more}"


def import_summary(report: ImportReport, stopped: Stopped = None) -> str:
    """A one-line summary of an import, with the first failure's reason."""
    if stopped:
        text = f"Import stopped after {stopped[0]:,} of {stopped[1]:,}: {report.summary()}."
    else:
        text = f"Import: {report.summary()}."
    failures = report.failures
    if failures:
        source, reason = failures[0]
        more = f" (and {len(failures) - 1} more; `byline import` lists them all)" if len(failures) > 1 else ""
        text += f" {source}: {reason}{more}"
    return text


def refresh_summary(report: RefreshReport, stopped: Stopped = None) -> str:
    """A one-line summary of a refresh (or how to subscribe, if there are no
    feeds), with the first failed feed's reason."""
    if stopped:
        text = f"Refresh stopped after {stopped[0]:,} of {stopped[1]:,} feeds: {report.summary()}"
    elif not report.feeds:
        return NO_FEEDS
    else:
        text = report.summary()
    failed = report.failed
    if failed:
        more = f" (and {len(failed) - 1} more; `byline feeds list` shows each)" if len(failed) > 1 else ""
        text += f". {failed[0].error}{more}"
    return text
