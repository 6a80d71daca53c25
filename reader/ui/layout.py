"""Fitting the panes to the terminal, at any size.

The sidebar and the quotes panel take their widths from the terminal's
(narrower terminals, narrower panes); the story keeps at least STORY_MIN
columns: the sidebar gives way first, narrowing down to SIDEBAR_MIN and then
hiding (``t`` still shows it). ``<`` and ``>`` change the sidebar's width;
the width chosen is kept in the library's settings, for as long as the
config file's ``sidebar_width`` stays what it was when it was chosen.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.containers import Horizontal

from reader.ui.prefs import pref

STORY_MIN = 40  # the story never gets fewer columns while the sidebar is hidden by itself
SIDEBAR_MIN = 24  # narrower than this, a title shows too little: hide instead
SIDEBAR_MAX = 120
STEP = 4
SETTING = "ui.sidebar_width"


def sidebar_auto(total: int) -> int:
    """The sidebar's width when the user chose none (titles need ~28 columns)."""
    return 28 if total < 120 else 32 if total < 160 else 48


def quotes_auto(total: int) -> int:
    return 30 if total < 120 else 28 if total < 160 else 44


@dataclass(frozen=True, slots=True)
class Fit:
    sidebar: int  # columns, 0 when hidden
    quotes: int  # columns, 0 when hidden
    story: int


def fit(total: int, preferred: int | None, quotes_shown: bool, sidebar_wanted: bool | None) -> Fit:
    """The panes' widths in a ``total``-column terminal.

    ``preferred``: the user's sidebar width (None: automatic);
    ``sidebar_wanted``: what ``t`` asked for (None: show it if there is room).
    """
    quotes = min(quotes_auto(total), max(total - STORY_MIN, 0)) if quotes_shown else 0
    want = preferred if preferred is not None else sidebar_auto(total)
    room = total - quotes - STORY_MIN
    sidebar = min(want, room)
    if sidebar_wanted is False or (sidebar_wanted is None and sidebar < SIDEBAR_MIN):
        sidebar = 0
    elif sidebar_wanted and sidebar < SIDEBAR_MIN:  # asked for: it shows, the story gives way
        sidebar = min(max(want, SIDEBAR_MIN), max(total - quotes - 10, 1))
    return Fit(sidebar, quotes, total - sidebar - quotes)


class Body(Horizontal):
    """The panes' row; fits them again whenever its width changes."""

    def on_resize(self) -> None:
        self.app.fit_panes()


class LayoutActions:
    """Mixin for ReaderApp: ``t``, ``<`` and ``>``, and fitting on resize."""

    sidebar_wanted: bool | None = None  # set by t, for the rest of the run
    feed_tree_open = False  # the sidebar shows the feeds (T) instead of the articles
    sidebar_choice: dict | None = None  # set by < and >; also saved
    _fit: Fit | None = None

    def preferred_sidebar(self) -> int | None:
        saved = self.sidebar_choice or self.library.setting(SETTING)
        configured = pref(self, "sidebar_width")
        if isinstance(saved, dict) and saved.get("config") == configured:
            width = saved.get("width")
            if isinstance(width, int) and SIDEBAR_MIN <= width <= SIDEBAR_MAX:
                return width
        return configured

    def quotes_shown(self) -> bool:
        panel = self.query_one("#quotes")
        if panel.has_class("-hidden"):
            return False
        return panel.has_class("-shown") or self.size.width >= 120

    def fit_panes(self, force: bool = False) -> None:
        total = self.size.width
        result = fit(total, self.preferred_sidebar(), self.quotes_shown(), self.sidebar_wanted)
        if result == self._fit and not force:
            return
        self._fit = result
        tree, panel = self.query_one("#feedtree"), self.query_one("#quotes")
        sidebar = tree if self.feed_tree_open else self.sidebar
        (self.sidebar if self.feed_tree_open else tree).display = False
        if result.sidebar:
            sidebar.styles.width = result.sidebar
        sidebar.display = bool(result.sidebar)
        if result.quotes:
            panel.styles.width = result.quotes
        if not sidebar.display and sidebar.has_focus:
            self.story.focus()

    def action_toggle_sidebar(self) -> None:
        side = self.query_one("#feedtree") if self.feed_tree_open else self.sidebar
        self.sidebar_wanted = not side.display
        self.fit_panes()

    def action_wider_sidebar(self) -> None:
        self._resize_sidebar(STEP)

    def action_narrower_sidebar(self) -> None:
        self._resize_sidebar(-STEP)

    def _resize_sidebar(self, step: int) -> None:
        side = self.query_one("#feedtree") if self.feed_tree_open else self.sidebar
        if not side.display:
            self.notify("The sidebar is hidden: t shows it.", markup=False, timeout=3)
            return
        current = self._fit.sidebar if self._fit else sidebar_auto(self.size.width)
        room = self.size.width - (self._fit.quotes if self._fit else 0) - STORY_MIN
        width = max(SIDEBAR_MIN, min(current + step, room, SIDEBAR_MAX))
        if width == current:
            edge = "narrowest" if step < 0 else "widest the story's 40 columns allow"
            self.notify(f"The sidebar is at its {edge}.", markup=False, timeout=3)
            return
        value = self.sidebar_choice = {"width": width, "config": pref(self, "sidebar_width")}
        self.save(self.library.set_setting, SETTING, value)
        self.fit_panes()
