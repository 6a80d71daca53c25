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
import threading
from dataclasses import dataclass

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
    # Undone on the background writer instead: ``later`` puts the screen back
    # at once and returns (the write, what to do on the UI thread when it is done).
    later: Callable[[], tuple[Callable[[], None], Callable[[BylineError | None], None]]] | None = None


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
        """Run ``write`` after every write queued before it; ``done`` gets its error, on the UI thread.

        The write starts once the next frame is out (it holds the interpreter
        lock for much of its work, so starting at once would delay the frame
        that shows the change), or after half a second if no frame comes.
        """
        if self._writer is None:
            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="byline-write")
            self._writes = []
        drawn = threading.Event()
        self.call_after_refresh(drawn.set)

        def run() -> None:
            drawn.wait(0.5)
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
        done = f"Marked {_articles(len(unread))} read"
        generation = self._show_read(unread, True)
        step = Undo(done, lambda: None, later=lambda: self._show_unread_again(unread))
        self.undo_stack.append(step)

        def written(error: BylineError | None) -> None:
            self.drop_overlay(generation)
            if error is not None:
                if step in self.undo_stack:
                    self.undo_stack.remove(step)
                self.report_unsaved(error, "Not marked read")
                self.reload_list(keep=self.open_id)

        self._in_background(lambda: self.library.set_read_many(unread, True, missing_ok=True), written)
        self.notify(f"{done}. Press {self.undo_key()} to undo.", markup=False, timeout=8)

    def _show_read(self, ids: list[str], read: bool) -> int:
        """Show ``ids`` as ``read`` in the list and the counts at once; the overlay's generation."""
        generation = self.overlay_read(ids, read)
        sidebar = self.sidebar
        if all(sidebar.index_of(i) is not None for i in ids):
            # Every row is on the list: change them there (the filter may drop some).
            shown = sidebar.entries()
            rows = self.overlaid(shown)
            changed = sum(1 for old, new in zip(shown, rows) if old is not new)
            sidebar.set_entries(filtered(rows, self.show_filter.split()), keep=self.open_id)
            unread = self.counts.unread + (-changed if read else changed)
            self.counts = Counts(self.counts.total, max(0, unread), self.counts.bookmarked)
            self.update_header()
        else:
            self.reload_list(keep=self.open_id)  # rows a filter hid come back
        return generation

    def _show_unread_again(self, ids: list[str]):
        """Undo of A: the rows unread again now; (the write, its answer) for the writer."""
        generation = self._show_read(ids, False)

        def write() -> None:
            self.library.set_read_many(ids, False, missing_ok=True)  # removed meanwhile: skipped

        def written(error: BylineError | None) -> None:
            self.drop_overlay(generation)
            if error is not None:
                self.reload_list(keep=self.open_id)

        return write, written

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
        detail = (f"Its read and bookmark marks go with it{self._clippings_kept(entry.id)}. "
                  f"{self.undo_key()} puts it back while byline runs; importing the page again "
                  "brings it back unread.")

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
        kept = self._clippings_kept(id)
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
        self.notify(f"Removed “{title}”{kept}. {how}", markup=False, timeout=8)

    def _clippings_kept(self, article_id: str) -> str:
        """"; its 2 clippings are kept (C shows them)" when the article has any, else ""."""
        try:
            n = sum(c.article == article_id for c in self.library.clippings.all())
        except BylineError:
            return ""  # an unreadable clippings file: nothing to say about it here
        if not n:
            return ""
        its, them = ("its clipping is", "it") if n == 1 else (f"its {n} clippings are", "them")
        return f"; {its} kept ({self.key_for('library.clippings', 'C')} shows {them})"

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify("Nothing to undo.", markup=False, timeout=3)
            return
        step = self.undo_stack.pop()
        undone_text = f"Undone: {step.done[:1].lower()}{step.done[1:]}."
        if step.later is not None:
            # Shown now, written in the background like the step it undoes.
            write, written = step.later()

            def finished(error: BylineError | None) -> None:
                written(error)
                if error is not None:
                    self.report_unsaved(error, "Not undone")
                    self.undo_stack.append(step)

            self._in_background(write, finished)
            self.notify(undone_text, markup=False, timeout=4)
            return

        def undone(error: BylineError | None) -> None:
            if error is not None:
                self.report_unsaved(error, "Not undone")
                self.undo_stack.append(step)
                return
            self.reload_list(keep=step.keep or self.open_id)
            self.notify(undone_text, markup=False, timeout=4)

        if self.writes_pending():  # after the write it undoes
            self._in_background(step.undo, undone)
            return
        try:
            step.undo()
        except BylineError as error:
            undone(error)
            return
        undone(None)
