"""Showing one feed's articles: F picks a feed (or every article again).

The chosen feed narrows the list together with the all/unread/bookmarked
filter and with a search; it is remembered between runs like the filter.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.errors import BylineError
from reader.ui.jobs import NO_FEEDS
from reader.ui.screens import PickerList
from reader.ui.text import safe

EVERY_FEED = "*"  # the picker's answer for "all articles"
SETTING = "ui.feed"


@dataclass(frozen=True, slots=True)
class FeedRow:
    url: str
    name: str
    articles: int
    unread: int
    folder: str | None = None


class FeedActions:
    """Mixin for ReaderApp: ``show_feed`` is the URL of the feed shown, or None."""

    show_feed: str | None = None
    show_feed_name: str | None = None

    def feed_rows(self) -> list[FeedRow]:
        """Every subscribed feed with its article and unread counts, by name."""
        from reader.library.feeds import FeedStore

        feeds = FeedStore.of(self.library).list()
        counts = self.library.feed_counts()
        rows = [FeedRow(f.url, f.name, *counts.get(f.url, (0, 0)), f.folder) for f in feeds]
        return sorted(rows, key=lambda row: row.name.casefold())

    def restore_feed(self) -> None:
        """The feed shown at the last run, if it is still subscribed."""
        from reader.library.feeds import FeedStore

        url = self.library.setting(SETTING)
        if not isinstance(url, str):
            return
        try:
            feed = FeedStore.of(self.library).get(url)
        except BylineError:
            feed = None
        self.show_feed, self.show_feed_name = (url, feed.name) if feed else (None, None)

    def feed_rows_or_say(self) -> list[FeedRow] | None:
        """The feeds with their counts, or None after saying why there are none."""
        try:
            rows = self.feed_rows()
        except BylineError as error:
            self.notify(str(error), severity="error", markup=False)
            return None
        if not rows:
            self.notify(NO_FEEDS, markup=False, timeout=6)
            return None
        return rows

    def action_pick_feed(self) -> None:
        rows = self.feed_rows_or_say()
        if rows is None:
            return
        self.push_screen(FeedPicker(rows, self.show_feed), self.choose_feed)

    def choose_feed(self, url: str | None) -> None:
        """Show only ``url``'s articles (EVERY_FEED: all; None: no change)."""
        if url is None:
            return
        self.show_feed = None if url == EVERY_FEED else url
        names = {row.url: row.name for row in self.feed_rows()} if self.show_feed else {}
        self.show_feed_name = names.get(url)
        self.save(self.library.set_setting, SETTING, self.show_feed)
        self.reload_list(keep=self.open_id)

    def feed_filtered(self, entries: list) -> list:
        if self.show_feed is None:
            return entries
        return [e for e in entries if e.feed == self.show_feed]


class FeedPicker(ModalScreen[str | None]):
    """Pick the feed whose articles the list shows (EVERY_FEED: all)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, rows: list[FeedRow], current: str | None) -> None:
        super().__init__()
        self._rows = rows
        self._current = current

    def compose(self) -> ComposeResult:
        options = [Option(Content("All articles"), id=EVERY_FEED)]
        for row in self._rows:
            label = f"{safe(row.name)}  ({row.articles:,}, {row.unread:,} unread)"
            options.append(Option(Content(label), id=row.url))
        with Vertical(id="picker-box"):
            yield Static("Show which feed's articles?", id="picker-title", markup=False)
            yield PickerList(*options, markup=False, id="picker-list")

    def on_mount(self) -> None:
        picker = self.query_one(OptionList)
        ids = [EVERY_FEED, *(row.url for row in self._rows)]
        picker.highlighted = ids.index(self._current) if self._current in ids else 0

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_id)

    def action_cancel(self) -> None:
        self.dismiss(None)
