"""Background jobs (import, feed refresh) and the messages they send.

Jobs run in thread workers and never touch widgets: they report with
``post_message``. Progress is coalesced: at most one message per interval,
plus the final one, however fast items arrive.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from textual.message import Message


class JobProgress(Message):
    """``done`` of ``total`` items (total may be None when unknown)."""

    def __init__(self, job: str, done: int, total: int | None, note: str = "") -> None:
        super().__init__()
        self.job = job
        self.done = done
        self.total = total
        self.note = note


class JobFinished(Message):
    """A job ended: ``summary`` for the user, ``error`` if it failed."""

    def __init__(self, job: str, summary: str, error: str | None = None) -> None:
        super().__init__()
        self.job = job
        self.summary = summary
        self.error = error


@dataclass
class Reporter:
    """Turns a library progress callback into coalesced JobProgress messages.

    Called from the worker thread; ``post`` is the app's ``post_message``,
    which is thread-safe.
    """

    job: str
    post: Any
    interval: float = 0.1
    done: int = 0
    total: int | None = None
    _last: float = field(default=0.0)

    def __call__(self, *args: Any, **kwargs: Any) -> None:
        done, total, note = _read_progress(args, kwargs)
        self.done = done if done is not None else self.done + 1
        if total is not None:
            self.total = total
        now = time.monotonic()
        last = self.total is not None and self.done >= self.total
        if last or now - self._last >= self.interval:
            self._last = now
            self.post(JobProgress(self.job, self.done, self.total, note))


def _read_progress(args: tuple, kwargs: dict) -> tuple[int | None, int | None, str]:
    """Accept ``(done, total[, note])``, keywords, or one event object."""
    done = kwargs.get("done")
    total = kwargs.get("total")
    note = kwargs.get("note") or kwargs.get("path") or ""
    if args and isinstance(args[0], int) and not isinstance(args[0], bool):
        done = args[0]
        if len(args) > 1 and isinstance(args[1], int):
            total = args[1]
        if len(args) > 2:
            note = args[2]
    elif args:
        event = args[0]
        done = getattr(event, "done", done)
        total = getattr(event, "total", total)
        note = getattr(event, "source", None) or getattr(event, "path", None) or note
    return done, total, str(note or "")


def import_summary(report: Any) -> str:
    """A one-line summary of an ImportReport."""
    summary = getattr(report, "summary", None)
    text = f"Import: {summary() if callable(summary) else 'finished'}."
    failures = getattr(report, "failures", None) or []
    if failures:
        source, reason = failures[0]
        more = f" (and {len(failures) - 1} more; `byline import` lists them all)" if len(failures) > 1 else ""
        text += f" {source}: {reason}{more}"
    return text
