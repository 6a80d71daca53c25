"""The app's actions on quotes, and opening an article's original in the browser.

Mixins for ReaderApp, split from app.py to keep one idea per module. They
use ``self.story``, ``self.sidebar``, ``self.library`` and ``reload_list``.
Message handlers are wired with ``@on`` in app.py (Textual collects ``@on``
handlers only from classes built by its metaclass, which mixins are not).
"""

from __future__ import annotations

import webbrowser
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from textual import work

from reader.ui.quotes_panel import QuotesPanel

if TYPE_CHECKING:
    from reader.ui.story import StoryView


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
            self.clipped_indices(),
            "  No quotations found." if story.article else "  Open an article to see who said what.",
        )

    def say_nothing_to_visit(self, what: str) -> None:
        """Why n, N, s or S found nothing: no story open (or none at all), or none here."""
        if self.story.article is not None:
            message = f"No {what} in this story."
        elif self.library.counts().total == 0:
            message = "No articles yet. Press i to import a file, a folder, or a page's or feed's URL."
        else:
            message = f"No article open, so no {what}. Press enter (or j) to read the highlighted one."
        self.notify(message, markup=False, timeout=3)

    def action_next_quote(self) -> None:
        if self.story.step_quote(1) is None:
            self.say_nothing_to_visit("quotations")

    def action_previous_quote(self) -> None:
        if self.story.step_quote(-1) is None:
            self.say_nothing_to_visit("quotations")

    def follow(self, speaker: str | None) -> None:
        self.story.follow(speaker)
        self.show_quotes()

    def action_cycle_speaker(self) -> None:
        names = [name for name, _, count in self.story.speakers_by_count() if count]
        if not names:
            self.say_nothing_to_visit("quoted speakers")
            return
        followed = self.story.followed
        position = names.index(followed) + 1 if followed in names else 0
        self.follow(names[position] if position < len(names) else None)

    def action_pick_speaker(self) -> None:
        from reader.ui.screens import SpeakerPicker

        speakers = [s for s in self.story.speakers_by_count() if s[2]]
        if not speakers:
            self.say_nothing_to_visit("quoted speakers")
            return
        self.push_screen(SpeakerPicker(speakers), self.follow)

    def action_clear(self) -> None:
        if self.story.followed is not None:
            self.follow(None)
        elif self.search_query is not None:
            self.end_search()

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
    """Opening the original in the browser (search is in search.py)."""

    def action_open_url(self) -> None:
        article = self.story.article
        url = article.url if article else None
        if not url or urlparse(url).scheme not in ("http", "https"):
            self.notify("This article has no web address to open.", markup=False)
            return
        self._open_in_browser(url)

    @work(thread=True, exit_on_error=False, group="browser")
    def _open_in_browser(self, url: str) -> None:
        try:
            opened = webbrowser.open(url)
        except webbrowser.Error:
            opened = False
        if opened:
            self.notify(f"Opening {url}", markup=False, timeout=3)
        else:  # no browser here (a server, ssh): hand over the address instead
            self.call_from_thread(self.copy_to_clipboard, url)
            self.notify(
                f"No web browser found. The address, copied to the clipboard: {url}",
                markup=False,
                timeout=10,
            )
