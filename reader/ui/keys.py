"""Every key the reader answers to, in one place.

The app binds these; the help screen and the command palette list them. Each
has an id, so a user keymap (``App.set_keymap``) can rebind it.
"""

from __future__ import annotations

from textual.binding import Binding

STOP_KEY = "x"  # stops a running import or refresh

# (section, binding). Arrows, enter and the mouse also work in the lists.
KEYS: list[tuple[str, Binding]] = [
    ("Articles", Binding("j", "next_article", "Next article", id="article.next", show=False)),
    ("Articles", Binding("k", "previous_article", "Previous article", id="article.previous", show=False)),
    ("Articles", Binding("u", "next_unread", "Next unread", id="article.next_unread", show=False)),
    ("Articles", Binding("b", "toggle_bookmark", "Bookmark", id="article.bookmark")),
    ("Articles", Binding("m", "toggle_read", "Read/unread", id="article.read", show=False, tooltip="opening an article marks it read")),
    ("Articles", Binding("o", "open_url", "Open original in browser", id="article.browser", show=False)),
    ("Quotes", Binding("n", "next_quote", "Next quote", id="quote.next")),
    ("Quotes", Binding("N", "previous_quote", "Previous quote", id="quote.previous", key_display="N", show=False)),
    ("Quotes", Binding("s", "cycle_speaker", "Follow speaker", id="quote.follow", tooltip="each speaker in turn; n/N visit only theirs")),
    ("Quotes", Binding("S", "pick_speaker", "Pick speaker to follow", id="quote.pick", show=False, key_display="S")),
    ("Quotes", Binding("escape", "clear", "Stop following / clear search", id="clear", show=False)),
    ("Library", Binding("f", "cycle_filter", "Filter", id="library.filter", tooltip="all, unread, bookmarked")),
    ("Library", Binding("F", "pick_feed", "Show one feed", id="library.feed", key_display="F", show=False, tooltip="or all articles again")),
    ("Library", Binding("slash", "search", "Search", id="library.search", key_display="/", tooltip="titles, sites and speakers")),
    ("Library", Binding("i", "import_path", "Import", id="library.import", show=False)),
    ("Library", Binding("r", "refresh_feeds", "Refresh feeds", id="library.refresh", show=False)),
    ("Library", Binding(STOP_KEY, "stop_job", "Stop", id="library.stop", tooltip="a running import or refresh; what was stored stays")),
    ("View", Binding("t", "toggle_sidebar", "Toggle sidebar", id="view.sidebar", show=False)),
    ("View", Binding("less_than_sign", "narrower_sidebar", "Narrower sidebar", id="view.narrower", key_display="<", show=False)),
    ("View", Binding("greater_than_sign", "wider_sidebar", "Wider sidebar", id="view.wider", key_display=">", show=False, tooltip="the width is kept")),
    ("View", Binding("p", "toggle_quotes", "Toggle quotes panel", id="view.quotes", show=False)),
    ("View", Binding("question_mark", "help", "Help", id="help", key_display="?")),
    ("View", Binding("q", "quit", "Quit", id="quit")),
]

BINDINGS = [binding for _, binding in KEYS]

# Names in the command palette, where the footer's short one would be vague.
PALETTE_NAMES = {"library.stop": "Stop the import or refresh"}

# Keys the lists and the story handle themselves; shown in help only.
OTHER_KEYS: list[tuple[str, str, str]] = [
    ("Articles", "↑ ↓ enter", "Move in the list, open (or click a row)"),
    ("Quotes", "quotes panel", "Enter or click: jump to a quote, follow a speaker"),
    ("View", "tab", "Move focus: list, story, quotes"),
    ("View", "space pgup pgdn", "Scroll the story"),
    ("View", "ctrl+p", "Command palette: find any command by name"),
]
