"""Read and bookmark marks: shown at once, written after, put back on failure.

A mixin for ReaderApp (it uses ``self.sidebar``, ``self.library``,
``self.counts`` and ``update_header``). Every change of a mark shows in the
sidebar row and the header counts first, then is written to the library. If
the write fails (a read-only data folder, a full disk), the row and the
counts go back to what the library holds, and the error is shown: the
screen never claims a mark that was not saved.
"""

from __future__ import annotations

import time
from dataclasses import replace

from reader.errors import BylineError
from reader.library import Counts, Entry

FLAGS = ("read", "bookmarked")
_REPEAT_SECONDS = 8.0  # the same failure is not shown again while its toast is up


class MarkActions:
    """Optimistic marks with write-through and revert; the `b` and `m` keys."""

    pending_marks: dict[tuple[str, str], object]  # (id, flag) -> the write that is due
    unsaved_shown: dict[str, float]  # failure message -> when it was last shown

    def change_mark(self, entry: Entry, flag: str, value: bool, *, later: bool = False) -> None:
        """Show ``flag`` = ``value`` on ``entry`` now; write it now or after the next frame."""
        if flag not in FLAGS:
            raise ValueError(f"unknown mark {flag!r}")
        self._show_mark(entry, flag, value)
        token = object()
        self.pending_marks[(entry.id, flag)] = token
        if later:
            self.call_after_refresh(self._write_mark, entry.id, flag, value, token)
        else:
            self._write_mark(entry.id, flag, value, token)

    def _write_mark(self, id: str, flag: str, value: bool, token: object) -> None:
        pending = self.pending_marks
        if pending.get((id, flag)) is not token:
            return  # a later change of this mark was written instead
        del pending[(id, flag)]
        write = self.library.set_read if flag == "read" else self.library.set_bookmarked
        try:
            write(id, value)
        except BylineError as error:
            self.report_unsaved(error, f"Not {_wording(flag, value)}")
            self._show_stored_mark(id, flag)

    def _show_stored_mark(self, id: str, flag: str) -> None:
        """Put the row and the counts back to what the library holds."""
        try:
            stored = getattr(self.library.entry(id), flag)
        except BylineError:
            return  # removed meanwhile: the next reload drops its row
        shown = self.sidebar.entry_of(id)
        if shown is not None:
            self._show_mark(shown, flag, stored)
        else:  # not in the list now (a filter, a search): count again
            self.counts = self.library.counts()
            self.update_header()

    def _show_mark(self, entry: Entry, flag: str, value: bool) -> None:
        """Change an entry's mark in its row and in the header counts (not on disk)."""
        new = replace(entry, **{flag: value})
        unread = self.counts.unread + (entry.read - new.read)
        bookmarked = self.counts.bookmarked + (new.bookmarked - entry.bookmarked)
        self.counts = Counts(self.counts.total, unread, bookmarked)
        self.sidebar.update_entry(new)
        self.update_header()

    def report_unsaved(self, error: BylineError, what: str = "Not saved") -> None:
        """Show a failed write; the same message is not repeated while it is still up."""
        message = f"{what}: {error}"
        shown = self.unsaved_shown
        now = time.monotonic()
        if now - shown.get(message, -_REPEAT_SECONDS) < _REPEAT_SECONDS:
            return
        shown[message] = now
        self.notify(message, severity="error", markup=False, timeout=_REPEAT_SECONDS)

    def save(self, write, *args) -> bool:
        """Write a setting to the library; a failure is shown, never fatal to the app.

        A library open read-only keeps nothing, quietly: the user was told once
        when it opened, and only their own changes (marks) say so again."""
        if self.library.read_only is not None:
            return False
        try:
            write(*args)
        except BylineError as error:
            self.report_unsaved(error)
            return False
        return True

    def action_toggle_bookmark(self) -> None:
        if (entry := self.sidebar.highlighted_entry) is not None:
            self.change_mark(entry, "bookmarked", not entry.bookmarked)

    def action_toggle_read(self) -> None:
        if (entry := self.sidebar.highlighted_entry) is not None:
            self.change_mark(entry, "read", not entry.read)


def _wording(flag: str, value: bool) -> str:
    if flag == "read":
        return "marked read" if value else "marked unread"
    return "bookmarked" if value else "unbookmarked"
