"""Mark all read (A), remove an article (d), and undo either (U).

A mixin for ReaderApp (it uses ``self.sidebar``, ``self.story``,
``self.library``, ``reload_list``, ``open_id`` and ``report_unsaved``).
``A`` marks what the list shows now (the filter, search and feed applied)
and says how many; ``d`` asks first. Each is undone by ``U`` while the app
runs: the last one first, as many as were done.

``A`` shows its marks at once and writes them on one background thread (at
50,000 articles the write is hundreds of small durable files: seconds on a
slow disk). That thread runs the writes, and the undos queued behind them, in
order; if a write fails, the list goes back to what the library holds and the
error is shown. Quitting waits for it (``wait_for_writes``).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace

from textual.message import Message

from reader.errors import BylineError
from reader.library import Counts
from reader.library.order import filtered
from reader.ui.keys import BINDINGS, shown_key

_UNDO_BINDING = next(b for b in BINDINGS if b.id == "undo")


class WriteDone(Message):
    """A background write finished: ``callback(error)`` runs on the UI thread."""

    def __init__(self, callback: Callable[[BylineError | None], None], error: BylineError | None) -> None:
        super().__init__()
        self.callback = callback
        self.error = error


@dataclass(frozen=True)
class Undo:
    done: str  # "Marked 12 articles read"
    undo: Callable[[], None]
    keep: str | None = None  # the article to highlight afterwards


def _articles(n: int) -> str:
    return f"{n:,} article" if n == 1 else f"{n:,} articles"


class UndoActions:
    undo_stack: list[Undo]
    _writer: ThreadPoolExecutor | None = None
    _writes: list[Future]

    def undo_key(self) -> str:
        return shown_key(self._keymap, _UNDO_BINDING)

    # -- the background writer ---------------------------------------------

    def _in_background(self, write: Callable[[], None], done: Callable[[BylineError | None], None]) -> None:
        """Run ``write`` after every write queued before it; ``done`` gets its error, on the UI thread."""
        if self._writer is None:
            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="byline-write")
            self._writes = []

        def run() -> None:
            error = None
            try:
                write()
            except BylineError as failure:
                error = failure
            self.post_message(WriteDone(done, error))  # thread-safe; dropped once the app stops

        future = self._writer.submit(run)
        self._writes = [f for f in self._writes if not f.done()] + [future]

    def writes_pending(self) -> bool:
        return any(not f.done() for f in getattr(self, "_writes", ()))

    def wait_for_writes(self) -> None:
        """Block until every queued write is on disk (at quit)."""
        if self._writer is not None:
            self._writer.shutdown(wait=True)
            self._writer = None

    # -- A ---------------------------------------------------------------

    def action_mark_all_read(self) -> None:
        entries = self.sidebar.entries()
        if not entries:
            self.notify("No articles here to mark read.", markup=False, timeout=3)
            return
        unread = [e.id for e in entries if not e.read]
        if not unread:
            self.notify(f"All {_articles(len(entries))} here are read already.", markup=False, timeout=3)
            return
        # Shown at once: the rows (gone, if the filter wants unread ones) and the counts.
        marked = [e if e.read else replace(e, read=True) for e in entries]
        self.sidebar.set_entries(filtered(marked, self.show_filter.split()), keep=self.open_id)
        self.counts = Counts(self.counts.total, max(0, self.counts.unread - len(unread)), self.counts.bookmarked)
        self.update_header()
        done = f"Marked {_articles(len(unread))} read"
        step = Undo(done, lambda: self._set_unread_again(unread))
        self.undo_stack.append(step)

        def written(error: BylineError | None) -> None:
            if error is not None:
                if step in self.undo_stack:
                    self.undo_stack.remove(step)
                self.report_unsaved(error, "Not marked read")
                self.reload_list(keep=self.open_id)

        self._in_background(lambda: self.library.set_read_many(unread, True), written)
        self.notify(f"{done}. Press {self.undo_key()} to undo.", markup=False, timeout=8)

    def _set_unread_again(self, ids: list[str]) -> None:
        present = [i for i in ids if self._still_here(i)]  # removed meanwhile: skipped
        if present:
            self.library.set_read_many(present, False)

    def _still_here(self, id: str) -> bool:
        try:
            self.library.entry(id)
        except BylineError:
            return False
        return True

    def action_remove_article(self) -> None:
        from reader.ui.screens import ConfirmScreen

        entry = self.sidebar.entry_of(self.open_id) if self.open_id else None
        entry = entry or self.sidebar.highlighted_entry
        if entry is None:
            self.notify("No article here to remove.", markup=False, timeout=3)
            return
        title = " ".join(entry.title.split()) or "(untitled)"
        if len(title) > 60:
            title = title[:59] + "…"
        detail = (f"Its read and bookmark marks go with it. {self.undo_key()} puts it back "
                  "while byline runs; importing the page again brings it back unread.")

        def answered(yes: bool | None) -> None:
            if yes:
                self.remove_article(entry.id)

        self.push_screen(
            ConfirmScreen(f"Remove “{title}” from the library?", detail, "Remove it", "Keep it"),
            answered,
        )

    def remove_article(self, id: str) -> None:
        """Remove ``id`` now, keeping what undo needs to put it back."""
        index = self.sidebar.index_of(id)
        try:
            entry = self.library.entry(id)
        except BylineError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        try:
            article = self.library.get(id)
        except BylineError:
            article = None  # its stored copy is damaged: it can go, but not come back
        try:
            self.library.remove(id)
        except BylineError as error:
            self.report_unsaved(error, "Not removed")
            return
        title = " ".join(entry.title.split()) or "(untitled)"
        if article is not None:
            self.undo_stack.append(
                Undo(f"Removed “{title}”", lambda: self.library.restore(article, entry), keep=id)
            )
            how = f"Press {self.undo_key()} to put it back."
        else:
            how = "Its stored copy was damaged, so it cannot be put back."
        if self.open_id == id:
            self.open_id = None
            self.story.show(None)
            self.show_quotes()
        self.reload_list()
        if index is not None and self.sidebar.option_count:
            self.sidebar.highlighted = min(index, self.sidebar.option_count - 1)
        self.notify(f"Removed “{title}”. {how}", markup=False, timeout=8)

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify("Nothing to undo.", markup=False, timeout=3)
            return
        step = self.undo_stack.pop()

        def undone(error: BylineError | None) -> None:
            if error is not None:
                self.report_unsaved(error, "Not undone")
                self.undo_stack.append(step)
                return
            self.reload_list(keep=step.keep or self.open_id)
            self.notify(f"Undone: {step.done[:1].lower()}{step.done[1:]}.", markup=False, timeout=4)

        if self.writes_pending():  # after the write it undoes
            self._in_background(step.undo, undone)
            return
        try:
            step.undo()
        except BylineError as error:
            undone(error)
            return
        undone(None)
