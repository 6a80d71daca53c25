"""Read marks queued for the background writer, shown until they are written.

``A`` (mark all read) and its undo change thousands of marks; the library
writes them on one background thread (undo.py) and the screen shows them at
once. Until a write is done the library still holds the old marks, so every
list made meanwhile (a filter, a search, a feed, a sort) reads the library
and lays these marks over it: the screen never shows a mark going back and
forth. Each queued write has a generation; when it is done (or failed) the
marks of that generation are dropped, and the library's own are shown again.

A mixin for ReaderApp: it owns ``read_overlay``.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.library import Counts, Entry
from reader.library.order import filtered, sorted_entries
from reader.library.records import with_state


class PendingMarks:
    read_overlay: dict[str, tuple[bool, int]]  # article id -> (read, generation)
    _overlay_generation: int = 0

    def overlay_read(self, ids: Iterable[str], read: bool) -> int:
        """Show ``ids`` as ``read`` until generation (returned) is written."""
        self._overlay_generation += 1
        generation = self._overlay_generation
        mark = (read, generation)
        self.read_overlay.update(dict.fromkeys(ids, mark))
        return generation

    def drop_overlay(self, generation: int) -> None:
        """Generation ``generation`` is written (or failed): the library speaks for it."""
        overlay = self.read_overlay
        if any(g == generation for _, g in overlay.values()):
            self.read_overlay = {i: m for i, m in overlay.items() if m[1] != generation}

    def overlaid(self, entries: list[Entry]) -> list[Entry]:
        """``entries`` with the queued marks in place of the stored ones."""
        overlay = self.read_overlay
        if not overlay:
            return entries
        get = overlay.get
        out = []
        append = out.append
        for entry in entries:
            mark = get(entry.id)
            if mark is not None and mark[0] is not entry.read:
                entry = with_state(entry, mark[0], entry.bookmarked)
            append(entry)
        return out

    def listed(self, shows: list[str], sort: str, undated: str) -> tuple[list[Entry], list[Entry] | None]:
        """(the entries the filter shows, every entry if that was at hand) with the queued marks."""
        library = self.library
        if not self.read_overlay:
            entries = library.list(show=shows, sort=sort, undated=undated)
            return entries, (entries if not filtered_out(shows) else None)
        # Lay the marks over the catalog's order, then sort ("unread first" must see them) and filter.
        whole = sorted_entries(self.overlaid(library.list(sort="date", undated="mixed")), sort, undated)
        return filtered(whole, shows), whole

    def counted(self, whole: list[Entry] | None) -> Counts:
        """The header's counts: from every entry when at hand, else the library's own."""
        if whole is None and self.read_overlay:
            whole = self.overlaid(self.library.list())
        if whole is None:
            return self.library.counts()
        unread = sum(1 for e in whole if not e.read)
        bookmarked = sum(1 for e in whole if e.bookmarked)
        return Counts(len(whole), unread, bookmarked)


def filtered_out(shows: list[str]) -> bool:
    return any(s != "all" for s in shows)
