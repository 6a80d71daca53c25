"""Feeds in the sidebar: a tree of folders and feeds with unread counts.

T shows it in place of the article list (T again, or escape, goes back).
Enter on a feed shows its articles; on a folder it folds or unfolds it
(← and → too); "All articles" shows every article again. r refreshes the
highlighted feed (every feed of a folder), d removes it after asking (its
articles stay in the library). The tree is an OptionList like the article
list, so 500 feeds open at once. The settings' refresh at start and every N
minutes run here too, with the progress line of any refresh.
"""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.content import Content, Span
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.errors import BylineError
from reader.ui.feedfilter import EVERY_FEED, FeedRow
from reader.ui.prefs import pref
from reader.ui.text import safe

FOLDER = "folder:"  # option ids: FOLDER + name, a feed's URL, or EVERY_FEED


def tree_options(rows: list[FeedRow], collapsed: set[str], total: int, unread: int) -> list[Option]:
    """"All articles", then folders (A to Z) with their feeds, then feeds in no folder."""
    options = [Option(_row("All articles", total, unread, 0), id=EVERY_FEED)]
    folders: dict[str, list[FeedRow]] = {}
    loose: list[FeedRow] = []
    for row in rows:
        if row.folder:
            folders.setdefault(row.folder, []).append(row)
        else:
            loose.append(row)
    for name in sorted(folders, key=str.casefold):
        feeds = folders[name]
        shut = name in collapsed
        label = f"{'▸' if shut else '▾'} {safe(name)}"
        articles = sum(r.articles for r in feeds)
        options.append(Option(_row(label, articles, sum(r.unread for r in feeds), 0, folder=True), id=FOLDER + name))
        if not shut:
            options.extend(Option(_row(safe(r.name), r.articles, r.unread, 4), id=r.url) for r in feeds)
    options.extend(Option(_row(safe(r.name), r.articles, r.unread, 2), id=r.url) for r in loose)
    return options


def _row(label: str, articles: int, unread: int, indent: int, *, folder: bool = False) -> Content:
    counts = f"{unread:,} unread" if unread else f"{articles:,}"
    text = f"{' ' * indent}{label}  {counts}"
    spans = [Span(len(text) - len(counts), len(text), ".feeds--unread" if unread else ".feeds--count")]
    if folder:
        spans.append(Span(indent, indent + len(label), ".feeds--folder"))
    return Content(text, spans)


class FeedTree(OptionList):
    """The feeds, by folder. Posts FeedTree.Chosen with a URL (or EVERY_FEED)."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("left", "fold(True)", "Fold", show=False),
        Binding("right", "fold(False)", "Unfold", show=False),
        Binding("r", "refresh_feed", "Refresh this feed"),
        Binding("d,delete", "remove_feed", "Remove feed"),
        Binding("escape", "close", "Back to articles"),
    ]
    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {"feeds--unread", "feeds--count", "feeds--folder"}

    class Chosen(Message):
        def __init__(self, url: str) -> None:
            super().__init__()
            self.url = url

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.collapsed: set[str] = set()
        self.rows: list[FeedRow] = []
        self._totals = (0, 0)

    def show_rows(self, rows: list[FeedRow], total: int, unread: int, current: str | None) -> None:
        self.rows, self._totals = rows, (total, unread)
        self._fill(current)

    def _fill(self, keep: str | None) -> None:
        self.set_options(tree_options(self.rows, self.collapsed, *self._totals))
        ids = [self.get_option_at_index(i).id for i in range(self.option_count)]
        self.highlighted = ids.index(keep) if keep in ids else 0

    @property
    def highlighted_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option else None

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = event.option_id or ""
        if chosen.startswith(FOLDER):
            self.action_fold(chosen[len(FOLDER):] not in self.collapsed)
        else:
            self.post_message(self.Chosen(chosen))

    def action_fold(self, fold: bool) -> None:
        chosen = self.highlighted_id or ""
        if not chosen.startswith(FOLDER):
            return
        name = chosen[len(FOLDER):]
        (self.collapsed.add if fold else self.collapsed.discard)(name)
        self._fill(chosen)

    def feeds_under(self, option_id: str | None) -> list[FeedRow]:
        """The feeds a row stands for: one feed, or a folder's feeds."""
        if not option_id or option_id == EVERY_FEED:
            return []
        if option_id.startswith(FOLDER):
            return [r for r in self.rows if r.folder == option_id[len(FOLDER):]]
        return [r for r in self.rows if r.url == option_id]

    def action_refresh_feed(self) -> None:
        feeds = self.feeds_under(self.highlighted_id)
        if feeds:
            self.app.refresh_some([r.url for r in feeds], feeds[0].name if len(feeds) == 1 else None)
        else:
            self.app.action_refresh_feeds()

    def action_remove_feed(self) -> None:
        option_id = self.highlighted_id
        if option_id and not option_id.startswith(FOLDER) and option_id != EVERY_FEED:
            self.app.ask_remove_feed(option_id)
        else:
            self.app.notify("Highlight a feed to remove it.", markup=False, timeout=3)

    def action_close(self) -> None:
        self.app.show_feed_tree(False)


class FeedTreeActions:
    """Mixin for ReaderApp: T, and what the tree asks of the app."""

    def action_toggle_feed_tree(self) -> None:
        self.show_feed_tree(not self.feed_tree_open)

    def show_feed_tree(self, shown: bool) -> None:
        tree = self.query_one(FeedTree)
        if shown:
            rows = self.feed_rows_or_say()
            if rows is None:
                return
            counts = self.library.counts()
            tree.show_rows(rows, counts.total, counts.unread, self.show_feed or EVERY_FEED)
        self.feed_tree_open = shown
        if shown and self.sidebar_wanted is None and not self.sidebar.display:
            self.sidebar_wanted = True  # T in a narrow terminal: show it anyway
        self.fit_panes(force=True)
        side = tree if shown else self.sidebar
        (side if side.display else self.story).focus()

    def feed_chosen(self, event: FeedTree.Chosen) -> None:
        self.choose_feed(event.url)
        self.show_feed_tree(False)

    def schedule_refreshes(self) -> None:
        """The settings' refresh at start and every N minutes (only with feeds)."""
        from reader.library.feeds import FeedStore

        at_start, minutes = pref(self, "refresh_at_start"), pref(self, "refresh_interval")
        if not (at_start or minutes):
            return
        try:
            if not FeedStore.of(self.library).list():
                return
        except BylineError:
            return
        if at_start:
            self.call_after_refresh(self.scheduled_refresh)
        if isinstance(minutes, int) and minutes > 0:
            self.set_interval(minutes * 60, self.scheduled_refresh)

    def scheduled_refresh(self) -> None:
        """A refresh the settings asked for: skipped quietly while a job runs."""
        if self.job is None:
            self._refresh_worker(self._start_job("refresh"))

    def refresh_some(self, urls: list[str], name: str | None) -> None:
        if not self._job_running():
            self._refresh_worker(self._start_job("refresh"), urls)

    def ask_remove_feed(self, url: str) -> None:
        from reader.ui.screens import ConfirmScreen

        row = next((r for r in self.query_one(FeedTree).rows if r.url == url), None)
        if row is None:
            return
        detail = f"Its {row.articles:,} articles stay in the library; `byline feeds add` subscribes again."

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            from reader.library.feeds import FeedStore

            try:
                FeedStore.of(self.library).remove(url)
            except BylineError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.notify(f"Unsubscribed from {row.name}.", markup=False, timeout=4)
            if self.show_feed == url:
                self.choose_feed(EVERY_FEED)
            self.show_feed_tree(True)

        self.push_screen(ConfirmScreen(f"Remove the feed “{row.name}”?", detail, "Remove it", "Keep it"), answered)
