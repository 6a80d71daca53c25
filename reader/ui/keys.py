"""Every key the reader answers to, in one place.

The app binds these; the help screen, the command palette and the footer
list them (with the user's keymap applied: see :func:`shown_key`). Each has
an id, so a keymap in the config file (``App.set_keymap``) can rebind it.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.keys import format_key

STOP_KEY = "x"  # stops a running import or refresh
UNDO_KEY = "U"  # undoes the last "mark all read" or removal

# (section, binding). Arrows, enter and the mouse also work in the lists.
KEYS: list[tuple[str, Binding]] = [
    ("Articles", Binding("j", "next_article", "Next article", id="article.next", show=False)),
    ("Articles", Binding("k", "previous_article", "Previous article", id="article.previous", show=False)),
    ("Articles", Binding("u", "next_unread", "Next unread", id="article.next_unread", show=False)),
    ("Articles", Binding("home", "first_article", "First article in the list", id="article.first", show=False)),
    ("Articles", Binding("end", "last_article", "Last article in the list", id="article.last", show=False)),
    ("Articles", Binding("b", "toggle_bookmark", "Bookmark", id="article.bookmark")),
    ("Articles", Binding("m", "toggle_read", "Read/unread", id="article.read", show=False, tooltip="opening an article marks it read")),
    ("Articles", Binding("A", "mark_all_read", "Mark all here read", id="article.mark_all_read", key_display="A", show=False, tooltip="every article the list shows now")),
    ("Articles", Binding("d", "remove_article", "Remove article", id="article.remove", show=False, tooltip="asks first")),
    ("Articles", Binding(UNDO_KEY, "undo", "Undo", id="undo", key_display=UNDO_KEY, show=False, tooltip="the last mark-all-read or removal")),
    ("Articles", Binding("o", "open_url", "Open original in browser", id="article.browser", show=False)),
    ("Story", Binding("space", "page_down", "Page down", id="story.page_down", show=False, tooltip="at the end, the next unread article")),
    # Most terminals send shift+space as a plain space, so "-" (as in mutt) pages up too.
    ("Story", Binding("shift+space,minus", "page_up", "Page up", id="story.page_up", key_display="shift+space -", show=False)),
    ("Story", Binding("ctrl+d", "half_page_down", "Half a page down", id="story.half_down", show=False)),
    ("Story", Binding("ctrl+u", "half_page_up", "Half a page up", id="story.half_up", show=False)),
    ("Story", Binding("g", "story_top", "Top of the story", id="story.top", show=False)),
    ("Story", Binding("G", "story_end", "End of the story", id="story.end", key_display="G", show=False)),
    ("Quotes", Binding("n", "next_quote", "Next quote", id="quote.next")),
    ("Quotes", Binding("N", "previous_quote", "Previous quote", id="quote.previous", key_display="N", show=False)),
    ("Quotes", Binding("s", "cycle_speaker", "Follow speaker", id="quote.follow", tooltip="each speaker in turn; n/N visit only theirs")),
    ("Quotes", Binding("S", "pick_speaker", "Pick speaker to follow", id="quote.pick", show=False, key_display="S")),
    ("Quotes", Binding("escape", "clear", "Stop following / clear search", id="clear", show=False)),
    ("Library", Binding("f", "cycle_filter", "Filter", id="library.filter", tooltip="all, unread, bookmarked, unread and bookmarked")),
    ("Library", Binding("O", "cycle_sort", "Sort order", id="library.sort", key_display="O", show=False, tooltip="date, import time, site, unread first")),
    ("Library", Binding("F", "pick_feed", "Show one feed", id="library.feed", key_display="F", show=False, tooltip="or all articles again")),
    ("Library", Binding("slash", "search", "Search", id="library.search", key_display="/", tooltip="titles, sites, speakers and story text; \"phrases\", -word, speaker:, site:, feed:, is:unread, after:, before:")),
    ("Library", Binding("P", "people", "People", id="library.people", key_display="P", show=False, tooltip="everyone quoted across the library, and what they said")),
    ("Quotes", Binding("c", "clip_quote", "Clip quotation", id="quote.clip", show=False, tooltip="keep the current quotation with its citation; c again removes it")),
    ("Library", Binding("C", "clippings", "Clippings", id="library.clippings", key_display="C", show=False, tooltip="the quotations kept with c, newest first; enter opens one, d removes it")),
    ("Quotes", Binding("w", "speaker_page", "Speaker's People page", id="quote.person", show=False, tooltip="who said the current quotation, across the library")),
    ("Library", Binding("right_square_bracket", "next_match", "Next search match", id="search.next", key_display="]", show=False)),
    ("Library", Binding("left_square_bracket", "previous_match", "Previous search match", id="search.previous", key_display="[", show=False)),
    ("Library", Binding("i", "import_path", "Import", id="library.import", show=False)),
    ("Library", Binding("r", "refresh_feeds", "Refresh feeds", id="library.refresh", show=False)),
    ("Library", Binding(STOP_KEY, "stop_job", "Stop", id="library.stop", tooltip="a running import or refresh; what was stored stays")),
    ("View", Binding("T", "toggle_feed_tree", "Feeds in the sidebar", id="view.feeds", key_display="T", show=False, tooltip="folders, unread counts; enter shows a feed, r refreshes it, d removes it")),
    ("View", Binding("t", "toggle_sidebar", "Toggle sidebar", id="view.sidebar", show=False)),
    ("View", Binding("less_than_sign", "narrower_sidebar", "Narrower sidebar", id="view.narrower", key_display="<", show=False)),
    ("View", Binding("greater_than_sign", "wider_sidebar", "Wider sidebar", id="view.wider", key_display=">", show=False, tooltip="the width is kept")),
    ("View", Binding("p", "toggle_quotes", "Toggle quotes panel", id="view.quotes", show=False)),
    ("View", Binding("question_mark", "help", "Help", id="help", key_display="?")),
    ("View", Binding("q", "quit", "Quit", id="quit")),
]

BINDINGS = [binding for _, binding in KEYS]

# binding id -> its default keys: what a keymap in the config is checked against
DEFAULT_KEYS = {binding.id: binding.key for binding in BINDINGS if binding.id}

# Keys a keymap may not take: the widgets and Textual use them before the app sees them.
RESERVED_KEYS = {
    "tab": "moving focus", "shift+tab": "moving focus", "enter": "opening the highlighted row",
    "up": "moving in lists and scrolling", "down": "moving in lists and scrolling",
    "pageup": "scrolling", "pagedown": "scrolling",
    "ctrl+p": "the command palette", "ctrl+n": "the next row while typing in a filter",
    "ctrl+c": "copying", "ctrl+q": "quitting",
}



def without_home_end(bindings) -> list[Binding]:
    """A widget's own bindings less home/end, which the app keeps for the article list.

    For widgets made with ``inherit_bindings=False``: Home and End then mean
    the first and last article wherever focus is.
    """
    return [b for b in bindings if isinstance(b, Binding) and b.key not in ("home", "end")]


# Names in the command palette, where the footer's short one would be vague.
PALETTE_NAMES = {"library.stop": "Stop the import or refresh"}

# Keys the lists and the story handle themselves; shown in help only.
OTHER_KEYS: list[tuple[str, str, str]] = [
    ("Articles", "↑ ↓ enter", "Move in the list, open (or click a row)"),
    ("Quotes", "quotes panel", "Enter or click: jump to a quote, follow a speaker"),
    ("View", "tab", "Move focus: list, story, quotes"),
    ("View", "pgup pgdn ↑ ↓", "Scroll what has focus (the list or the story)"),
    ("Library", "in Clippings", "enter: the article at the quotation (or, when it was removed, the clipping's own copy); c, d or delete: remove; U: put back"),
    ("View", "ctrl+p", "Command palette: find any command by name"),
    ("View", "j k ↑ ↓", "Move in a picker or dialog (speakers, feeds, People, clippings, yes/no); enter chooses"),
    ("View", "ctrl+n ctrl+p", "Move the list while typing in the palette or the People filter (↑ ↓ too; j and k stay letters there)"),
]


def shown_key(keymap: dict[str, str] | None, binding: Binding) -> str:
    """The key(s) for ``binding`` with ``keymap`` (the app's ``_keymap``) applied."""
    keys = (keymap or {}).get(binding.id or "")
    if not keys:
        return binding.key_display or key_display(binding.key)
    return " ".join(key_display(key) for key in keys.split(","))


def key_display(keys: str) -> str:
    """"question_mark" -> "?", "ctrl+d" stays: keys as people type them."""
    out = []
    for key in keys.split(","):
        modifiers, _, name = key.strip().rpartition("+")
        name = format_key(name)
        out.append(f"{modifiers}+{name}" if modifiers else name)
    return " ".join(out)
