"""The app's actions on quotes, and on the library (search, import, refresh).

Mixins for ReaderApp, split from app.py to keep one idea per module. They
use ``self.story``, ``self.sidebar``, ``self.library`` and ``reload_list``.
Message handlers are wired with ``@on`` in app.py (Textual collects ``@on``
handlers only from classes built by its metaclass, which mixins are not).
"""

from __future__ import annotations

import time
import webbrowser
from pathlib import Path
from urllib.parse import urlparse

from textual import work

from reader.ui.jobs import JobFinished, JobProgress, Reporter, import_summary, refresh_summary
from reader.ui.quotes_panel import QuotesPanel


class QuoteActions:
    """n/N, following a speaker, and keeping the legend and panel in step."""

    def show_quotes(self, *, panel_later: bool = False) -> None:
        """Update the legend, and the quotes panel (after the next frame if
        ``panel_later``, so a newly opened story is drawn first)."""
        story = self.story
        unattributed = sum(1 for q in story.quotes if not q.speaker or q.speaker not in story.slots)
        legend = self.query_one("#legend")
        if story.article is None:
            legend.clear()
        else:
            legend.show(story.speakers_by_count(), unattributed, story.followed)
        if panel_later:
            self.query_one(QuotesPanel).clear_options()
            self.call_after_refresh(self._fill_quotes_panel, story.article)
        else:
            self._fill_quotes_panel(story.article)

    def _fill_quotes_panel(self, article) -> None:
        story = self.story
        if story.article is not article:
            return  # another story was opened meanwhile
        self.query_one(QuotesPanel).show_quotes(
            story.quotes,
            story.slots,
            story.followed,
            story.current,
            "  No quotations found." if story.article else "  Open an article to see who said what.",
        )

    def action_next_quote(self) -> None:
        if self.story.step_quote(1) is None:
            self.notify("No quotations in this story.", markup=False, timeout=2)

    def action_previous_quote(self) -> None:
        if self.story.step_quote(-1) is None:
            self.notify("No quotations in this story.", markup=False, timeout=2)

    def follow(self, speaker: str | None) -> None:
        self.story.follow(speaker)
        self.show_quotes()

    def action_cycle_speaker(self) -> None:
        names = [name for name, _, count in self.story.speakers_by_count() if count]
        if not names:
            self.notify("No quoted speakers in this story.", markup=False, timeout=2)
            return
        followed = self.story.followed
        position = names.index(followed) + 1 if followed in names else 0
        self.follow(names[position] if position < len(names) else None)

    def action_pick_speaker(self) -> None:
        from reader.ui.screens import SpeakerPicker

        speakers = [s for s in self.story.speakers_by_count() if s[2]]
        if speakers:
            self.push_screen(SpeakerPicker(speakers), self.follow)

    def action_clear(self) -> None:
        if self.story.followed is not None:
            self.follow(None)
        elif self.search_query is not None:
            self.search_query = None
            self.reload_list(keep=self.open_id)

    def quote_changed(self, event: StoryView.QuoteChanged) -> None:
        self.query_one(QuotesPanel).mark_current(event.index)

    def quote_row_selected(self, event: QuotesPanel.OptionSelected) -> None:
        option_id = event.option_id or ""
        if option_id.startswith("q:"):
            self.story.set_current(int(option_id[2:]))
        elif option_id.startswith("s:"):
            name = option_id[2:]
            self.follow(None if self.story.followed == name else name)


class LibraryActions:
    """Search, the browser, and the import and refresh workers."""

    def action_search(self) -> None:
        from reader.ui.screens import PromptScreen

        def done(query: str | None) -> None:
            if query is None:
                return
            self.search_query = query.strip() or None
            self.reload_list(keep=self.open_id)

        prompt = PromptScreen("Search titles, sites and speakers", "e.g. Kim or bbc")
        self.push_screen(prompt, done)

    def action_open_url(self) -> None:
        article = self.story.article
        url = article.url if article else None
        if not url or urlparse(url).scheme not in ("http", "https"):
            self.notify("This article has no web address to open.", markup=False)
            return
        self._open_in_browser(url)
        self.notify(f"Opening {url}", markup=False, timeout=3)

    @work(thread=True, exit_on_error=False, group="browser")
    def _open_in_browser(self, url: str) -> None:
        webbrowser.open(url)

    def action_import_path(self) -> None:
        from reader.ui.screens import PromptScreen

        def done(path: str | None) -> None:
            if path and path.strip():
                self.start_job("import")
                self._import_worker(Path(path.strip()).expanduser())

        self.push_screen(PromptScreen("Import a file or folder", "path to a saved page"), done)

    @work(thread=True, exclusive=True, exit_on_error=False, group="import")
    def _import_worker(self, path: Path) -> None:
        from reader.importer import import_paths

        reporter = Reporter("import", self.post_message)
        try:
            report = import_paths(self.library, [path], progress=reporter)
        except Exception as error:  # reported to the user, never crashes the app
            self.post_message(JobFinished("import", "", f"Import failed: {error}"))
            return
        self.post_message(JobFinished("import", import_summary(report)))

    def action_refresh_feeds(self) -> None:
        self.start_job("refresh")
        self._refresh_worker()

    @work(thread=True, exclusive=True, exit_on_error=False, group="refresh")
    def _refresh_worker(self) -> None:
        from reader.refresh import refresh

        reporter = Reporter("refresh", self.post_message)
        try:
            result = refresh(self.library, progress=reporter)
        except Exception as error:
            self.post_message(JobFinished("refresh", "", f"Refresh failed: {error}"))
            return
        self.post_message(JobFinished("refresh", refresh_summary(result)))

    def start_job(self, job: str) -> None:
        from textual.widgets import ProgressBar

        if not self.query("#progress"):
            self.mount(ProgressBar(id="progress", show_eta=False), before=self.query_one("Footer"))
        bar = self.query_one("#progress", ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True

    def job_progress(self, event: JobProgress) -> None:
        if self.query("#progress"):
            self.query_one("#progress").update(total=event.total, progress=event.done)
        # The list grows as articles arrive. Re-listing a big library takes a
        # while, so wait at least ten times as long as the last one took (and
        # half a second) before the next: the app stays responsive.
        now = time.monotonic()
        if now >= getattr(self, "_next_list_reload", 0.0):
            self.reload_list(keep=self.open_id)
            took = time.monotonic() - now
            self._next_list_reload = time.monotonic() + max(0.5, 10 * took)

    def job_finished(self, event: JobFinished) -> None:
        if self.query("#progress"):
            self.query_one("#progress").display = False
        self._next_list_reload = 0.0
        self.reload_list(keep=self.open_id)
        self.show_notices()
        if event.error:
            self.notify(event.error, severity="error", markup=False, timeout=8)
        else:
            self.notify(event.summary, markup=False)

