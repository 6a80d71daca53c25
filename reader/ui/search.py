"""Search in the app: `/` asks, the results fill the sidebar, the story shows the matches.

A mixin for ReaderApp. The search runs in a thread: the first one may have
to build the index (a library from before it, or one whose index was
damaged), and the app keeps drawing meanwhile. The list filter (f) and the
feed (F) still apply to what is found. ``]`` and ``[`` step through the
matches in the open story; escape ends the search.
"""

from __future__ import annotations

from textual import work

from reader.errors import BylineError
from reader.library import Entry

PROMPT = "Search: words, \"a phrase\", -word, speaker: site: feed: is:unread after:2024 before:…"
PLACEHOLDER = 'e.g. pension "cost of living" speaker:garcía after:2024-05'


class SearchActions:
    def action_search(self) -> None:
        from reader.ui.screens import PromptScreen

        def done(query: str | None) -> None:
            if query is None:
                return
            query = query.strip()
            if not query:
                self.end_search()
                return
            self.start_search(query)

        self.push_screen(PromptScreen(PROMPT, PLACEHOLDER, self.search_query or ""), done)

    def start_search(self, query: str) -> None:
        """Search now if the index is ready (a few ms), else in a thread that readies it."""
        from reader.library.query import parse

        try:
            parse(query)
        except BylineError as error:  # a filter that means nothing: say so, keep the list
            self.notify(str(error), severity="error", markup=False)
            return
        if self.library.search_index.needs_catch_up():
            self.notify("Bringing the search index up to date first…", markup=False, timeout=4)
            self._search_worker(query)
        else:
            self._searched(query)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def _search_worker(self, query: str) -> None:
        try:
            self.library.search(query)  # catches the index up; the list asks again, quickly
        except BylineError as error:
            self.call_from_thread(self.notify, str(error), severity="error", markup=False)
            return
        self.call_from_thread(self._searched, query)

    def _searched(self, query: str) -> None:
        self.search_query = query
        self.reload_list(keep=self.open_id)
        self.show_notices()
        if self.sidebar.option_count:
            self.sidebar.highlighted = self.sidebar.index_of(self.open_id) or 0
        if self.story.article is not None:
            self.story.show_matches(query)

    def searched_entries(self, query: str) -> list[Entry]:
        """What the search finds, best first (the app applies the list's filter)."""
        try:
            return self.library.search(query)
        except BylineError as error:
            self.notify(str(error), severity="error", markup=False)
            return []

    def end_search(self) -> None:
        self.search_query = None
        self.reload_list(keep=self.open_id)
        self.story.show_matches(None)

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def _step_match(self, direction: int) -> None:
        if self.story.step_match(direction) is None:
            what = "in this story" if self.search_query else "to show: press / to search"
            self.notify(f"No search matches {what}.", markup=False, timeout=2)
