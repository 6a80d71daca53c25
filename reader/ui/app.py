"""The reader app: wires the library to the sidebar, story and quotes panel.

``ReaderApp(library=...)`` takes an open Library (a factory, so tests pass a
``tmp_path`` library). The first frame shows the list; the last open article
is opened just after it. Reading and bookmarking update the row and the
header at once, then write through to the library (see marks.py).
"""

from __future__ import annotations

import os
from pathlib import Path

from textual import on
from textual.app import App, ComposeResult
from textual.containers import Vertical

from reader.config import FILENAME, Config
from reader.errors import BylineError
from reader.library import Counts, Library, default_data_dir
from reader.library.order import filtered
from reader.resources import styles_dir
from reader.ui.actions import LibraryActions, QuoteActions
from reader.ui.background import JobActions
from reader.ui.clip_actions import ClipActions
from reader.ui.colours import VERSION as COLOURS_VERSION
from reader.ui.colours import color_depth, muted_text, speaker_variables
from reader.ui.commands import ReaderCommands
from reader.ui.feedfilter import FeedActions
from reader.ui.feedtree import FeedTree, FeedTreeActions
from reader.ui.footer import ReaderFooter
from reader.ui.header import LibraryHeader
from reader.ui.jobs import JobFinished, JobProgress
from reader.ui.keys import BINDINGS
from reader.ui.layout import Body, LayoutActions
from reader.ui.legend import Legend
from reader.ui.marks import MarkActions
from reader.ui.prefs import pref
from reader.ui.sorting import SORT_NAMES, SortActions
from reader.ui.quotes_panel import QuotesPanel
from reader.ui.reading import ReadingActions
from reader.ui.pending import PendingMarks
from reader.ui.people_actions import PeopleActions
from reader.ui.search import SearchActions
from reader.ui.sidebar import ArticleList
from reader.ui.story import StoryView
from reader.ui.themes import remember_theme, starting_theme
from reader.ui.typing_lists import LIST_DOWN, TypingListActions
from reader.ui.undo import Undo, UndoActions, WriteDone

# f cycles these; "unread bookmarked" is both at once. Each narrows a search
# and a feed's articles too.
FILTERS = ("all", "unread", "bookmarked", "unread bookmarked")
EXIT_AFTER_FIRST_FRAME = "BYLINE_EXIT_AFTER_FIRST_FRAME"  # see firstframe.py


class ReaderApp(
    ClipActions, PeopleActions, SearchActions, UndoActions, PendingMarks, ReadingActions, SortActions,
    FeedTreeActions,
    LayoutActions, FeedActions, MarkActions, QuoteActions, LibraryActions, JobActions, TypingListActions,
    App[None],
):
    """byline's reader: articles on the left, the story, its quotes."""

    TITLE = "byline"
    CSS_PATH = [
        str(styles_dir() / "app.tcss"),
        str(styles_dir() / "speakers.tcss"),
        str(styles_dir() / "search.tcss"),
    ]
    BINDINGS = [*BINDINGS, LIST_DOWN]
    COMMANDS = App.COMMANDS | {ReaderCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-medium"), (160, "-wide")]

    def __init__(
        self, library: Library, *, theme: str | None = None, config: Config | None = None,
        depth: str | None = None,
    ) -> None:
        # The terminal's colours (truecolor, 256, 16) unless given (snapshots: truecolor).
        self.depth = depth
        super().__init__()
        self.library = library
        # No config given (tests): every default, and the user's own file is not read.
        self.config = config if config is not None else Config(path=Path(FILENAME))
        self.show_filter: str = "all"
        self.search_query: str | None = None
        self.open_id: str | None = None
        self.counts = Counts(0, 0, 0)
        self.pending_marks = {}
        self.unsaved_shown = {}
        self.notices_shown = 0  # how many of library.notices the user has seen
        self.undo_stack: list[Undo] = []
        self.read_overlay = {}  # marks still being written (pending.py)
        self._folder_name: str | None = None
        theme = theme or starting_theme(self, self.config)
        if theme:
            self.theme = theme

    def get_css_variables(self) -> dict[str, str]:
        variables = super().get_css_variables()
        depth = getattr(self, "depth", None) or color_depth(self.console.color_system)
        # The theme's own speaker-N (if any) wins over our palette.
        ours = self._speaker_colours(
            self.current_theme.dark, variables.get("surface"), variables.get("foreground"), depth
        )
        combined = {**ours, **variables}
        # Dim text that reads on every background it is drawn on (colours.muted_text).
        foreground = variables.get("foreground", "")
        grounds = [variables.get(name, "") for name in ("background", "surface")]
        combined["muted"] = muted_text(foreground, [*grounds, ours.get("story-surface", "")], depth)
        combined["muted-panel"] = muted_text(foreground, [variables.get("panel", "")], depth)
        self.theme_variables = combined
        return combined

    def _speaker_colours(self, dark: bool, surface, foreground, depth: str) -> dict[str, str]:
        """speaker_variables, kept in the library's settings once worked out."""
        library = getattr(self, "library", None)  # None while App.__init__ runs
        if library is None:
            return speaker_variables(dark, surface, foreground, depth)
        key = f"{COLOURS_VERSION}|{dark}|{surface}|{foreground}|{depth}"
        kept = library.setting("ui.colours")
        kept = kept if isinstance(kept, dict) else {}
        if isinstance(found := kept.get(key), dict):
            return found
        ours = speaker_variables(dark, surface, foreground, depth)
        recent = {k: v for k, v in list(kept.items())[-3:] if k.startswith(f"{COLOURS_VERSION}|")}
        try:
            library.set_setting("ui.colours", {**recent, key: ours})
        except BylineError:
            pass  # a library that cannot be written works them out each time
        return ours

    def compose(self) -> ComposeResult:
        yield LibraryHeader(id="header")
        with Body(id="body"):
            yield FeedTree(id="feedtree")
            yield ArticleList(id="sidebar")
            with Vertical(id="main"):
                yield Legend(id="legend")
                yield StoryView(id="story")
            yield QuotesPanel(id="quotes")
        yield ReaderFooter(compact=True, show_command_palette=False)

    @property
    def sidebar(self) -> ArticleList:
        return self.query_one("#sidebar", ArticleList)

    @property
    def story(self) -> StoryView:
        return self.query_one("#story", StoryView)

    def apply_config(self) -> None:
        """The keymap and theme from the config file; what is wrong in it is shown."""
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        remember_theme(self, self.config)
        if self.config.problems:
            text = "\n".join(self.config.problems[:6])
            if len(self.config.problems) > 6:
                text += f"\n... and {len(self.config.problems) - 6} more (see `byline config show`)"
            self.notify(text, title="Config file", severity="warning", markup=False, timeout=20)

    def on_mount(self) -> None:
        self.apply_config()
        # Textual sets breakpoint classes on the first resize, after the first
        # layout; setting them now saves laying out (and drawing) twice.
        width = self.size.width
        chosen = [name for at, name in self.HORIZONTAL_BREAKPOINTS if width >= at][-1]
        self.screen.update_classes(
            {name: name == chosen for _, name in self.HORIZONTAL_BREAKPOINTS}, animate=False
        )
        self.sort_order = self.restore_sort()
        saved = self.library.setting("ui.filter", "all")
        self.show_filter = saved if saved in FILTERS else "all"
        self.restore_feed()
        self.story.max_text_width = pref(self, "max_line_width")
        self.fit_panes()
        last = self.library.setting("ui.last_article")
        self.reload_list(keep=last)
        self.show_quotes()
        self.sidebar.focus()
        if os.environ.get(EXIT_AFTER_FIRST_FRAME):
            from reader.ui.firstframe import exit_after_first_frame

            exit_after_first_frame(self)
            return
        if last and self.sidebar.index_of(last) is not None:
            self.call_after_refresh(self.open_article, last, mark_read=False)
        self.call_after_refresh(self.show_notices)
        self.set_interval(5, self.pick_up_changes)
        self.schedule_refreshes()

    def pick_up_changes(self) -> None:
        """Show what another running byline (an import, a refresh) changed."""
        if self.job is not None or self.writes_pending():
            return
        if self.library.reload():
            self.reload_list(keep=self.open_id)
        self.show_notices()

    def show_notices(self) -> None:
        """Tell what the library repaired (a damaged file set aside), each once."""
        notices = self.library.notices
        for notice in notices[self.notices_shown :]:
            self.notify(notice, title="Library repaired", severity="warning", markup=False, timeout=20)
        self.notices_shown = len(notices)

    # -- the list and the header ----------------------------------------

    def reload_list(self, keep: str | None = None) -> None:
        """Fill the sidebar from the library for the filter, search, feed and sort."""
        keep = keep or self._highlighted_id()
        shows = self.show_filter.split()
        if self.search_query is not None:
            # best first; the marks A is still writing laid over them
            entries = filtered(self.overlaid(self.searched_entries(self.search_query)), shows)
            whole = None
        else:
            entries, whole = self.listed(shows, self.sort_order, pref(self, "undated"))
        entries = self.feed_filtered(entries)
        self.sidebar.empty_text = self._empty_text()
        self.sidebar.set_entries(entries, keep=keep)
        # The whole catalog in hand is counted here rather than again on disk.
        self.counts = self.counted(whole)
        self.update_header()

    def _empty_text(self) -> str:
        if self.search_query is not None:
            return "No matches. Escape shows the list again."
        if self.show_feed is not None:
            shown = "" if self.show_filter == "all" else f"{self.show_filter} "
            return f"No {shown}articles from this feed. Press F to pick another, f to filter."
        if self.show_filter != "all":
            return f"No {self.show_filter} articles. Press f to see all."
        return "No articles yet. Press i to import a file or folder."

    def update_header(self) -> None:
        if self.search_query is not None:
            showing = f'search “{self.search_query}”: {self.sidebar.option_count:,} found'
        else:
            showing = f"showing {self.show_filter}"
            if self.sort_order != "date":
                showing += f" · by {SORT_NAMES[self.sort_order]}"
        if self.show_feed is not None:
            showing += f" · feed: {self.show_feed_name or self.show_feed}"
        self.query_one(LibraryHeader).show(self.folder_name(), self.counts, showing)

    def folder_name(self) -> str:
        """The data folder's name for the header; nothing when it is the default one."""
        if self._folder_name is None:
            name = self.library.setting("name")
            if not name:
                path = self.library.path
                try:
                    default = path.resolve() == default_data_dir().resolve()
                except OSError:
                    default = False
                name = "" if default else path.name
            self._folder_name = str(name)
        return self._folder_name

    def _highlighted_id(self) -> str | None:
        entry = self.sidebar.highlighted_entry
        return entry.id if entry else None

    # -- articles -------------------------------------------------------

    @on(ArticleList.OptionSelected, "#sidebar")
    def _selected(self, event: ArticleList.OptionSelected) -> None:
        if event.option_id:
            self.open_article(event.option_id)

    def open_article(self, id: str, *, mark_read: bool = True) -> None:
        """Show an article in the story pane; opening it marks it read."""
        try:
            article = self.library.get(id)
        except BylineError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.open_id = id
        index = self.sidebar.index_of(id)
        if index is not None and self.sidebar.highlighted != index:
            self.sidebar.highlighted = index
        self.story.show(article)
        if self.search_query is not None:
            self.story.show_matches(self.search_query)
        self.show_quotes(panel_later=True)
        entry = self.sidebar.highlighted_entry
        if mark_read and entry is not None and entry.id == id and not entry.read:
            self.change_mark(entry, "read", True, later=True)
        self.call_after_refresh(self.save, self.library.set_setting, "ui.last_article", id)

    def _step_article(self, direction: int) -> None:
        sidebar = self.sidebar
        if not sidebar.option_count:
            return
        current = sidebar.highlighted
        if current is None:
            target = 0
        elif self.open_id is None or sidebar.highlighted_entry.id != self.open_id:
            target = current  # the first j opens the highlighted row
        else:
            target = max(0, min(sidebar.option_count - 1, current + direction))
        option = sidebar.get_option_at_index(target)
        if option.id and (option.id != self.open_id or target != current):
            self.open_article(option.id)

    def action_next_article(self) -> None:
        self._step_article(1)

    def action_previous_article(self) -> None:
        self._step_article(-1)

    def action_next_unread(self) -> None:
        entries = self.sidebar.entries()
        start = (self.sidebar.highlighted or 0) + 1
        count = len(entries)
        for step in range(count):
            entry = entries[(start + step) % count]
            if not entry.read:
                self.open_article(entry.id)
                return
        self.notify("No unread articles here.", markup=False)

    def action_cycle_filter(self) -> None:
        self.show_filter = FILTERS[(FILTERS.index(self.show_filter) + 1) % len(FILTERS)]
        self.search_query = None
        self.save(self.library.set_setting, "ui.filter", self.show_filter)
        self.reload_list(keep=self.open_id)

    def action_toggle_quotes(self) -> None:
        self.show_quotes_panel(not self.query_one(QuotesPanel).display)

    def show_quotes_panel(self, shown: bool = True) -> None:
        panel = self.query_one(QuotesPanel)
        panel.set_class(not shown, "-hidden")
        panel.set_class(shown, "-shown")
        self.fit_panes()

    # -- messages (handlers live in the mixins) --------------------------

    @on(StoryView.QuoteChanged)
    def _on_quote_changed(self, event: StoryView.QuoteChanged) -> None:
        self.quote_changed(event)

    @on(QuotesPanel.OptionSelected, "#quotes")
    def _on_quote_row(self, event: QuotesPanel.OptionSelected) -> None:
        self.quote_row_selected(event)

    @on(FeedTree.Chosen)
    def _on_feed_chosen(self, event: FeedTree.Chosen) -> None:
        self.feed_chosen(event)

    @on(JobProgress)
    def _on_job_progress(self, event: JobProgress) -> None:
        self.job_progress(event)

    def on_app_focus(self) -> None:
        self.pick_up_changes()

    @on(WriteDone)
    def _on_write_done(self, event: WriteDone) -> None:
        event.callback(event.error)

    @on(JobFinished)
    def _on_job_finished(self, event: JobFinished) -> None:
        self.job_finished(event)

    def action_help(self) -> None:
        from reader.ui.screens import HelpScreen

        self.push_screen(HelpScreen())
