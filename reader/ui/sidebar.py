"""The article list: an OptionList that stays fast at 50,000 rows.

Every row is two lines (marks and title; site and date), so the line map is
computed from the row count alone, without measuring each option; a row's
Content is built only when it is first drawn. Only rows on screen are ever
rendered.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content, Span
from textual.geometry import Size
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.library import Entry
from reader.ui.text import safe

ROW_HEIGHT = 2
UNREAD_MARK = "●"
BOOKMARK_MARK = "★"


def row_content(entry: Entry) -> Content:
    """Two lines: marks and title, then site and date. Text is data."""
    unread = UNREAD_MARK if not entry.read else " "
    bookmark = BOOKMARK_MARK if entry.bookmarked else " "
    title = " ".join(safe(entry.title).split()) or "(untitled)"
    when = entry.published.strftime("%-d %b %Y") if entry.published else ""
    meta = " · ".join(p for p in (when, safe(entry.site)) if p)
    text = f"{unread}{bookmark} {title}\n   {meta}"
    spans = [Span(0, 1, ".articles--unread"), Span(1, 2, ".articles--bookmark")]
    if not entry.read:
        spans.append(Span(3, 3 + len(title), ".articles--title-unread"))
    meta_start = len(text) - len(meta)
    spans.append(Span(meta_start, len(text), ".articles--meta"))
    return Content(text, spans)


class EntryOption(Option):
    """An option whose prompt is built from its Entry when first needed."""

    def __init__(self, entry: Entry) -> None:
        super().__init__("", id=entry.id)
        self.entry = entry
        self._content: Content | None = None

    @property
    def prompt(self) -> Content:
        if self._content is None:
            self._content = row_content(self.entry)
        return self._content

    def set_entry(self, entry: Entry) -> None:
        self.entry = entry
        self._content = None
        self._visual = None


class ArticleList(OptionList):
    """Entries, newest first, with unread (●) and bookmark (★) marks."""

    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {
        "articles--unread",
        "articles--bookmark",
        "articles--title-unread",
        "articles--meta",
    }

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)

    def set_entries(self, entries: Sequence[Entry], keep: str | None = None) -> None:
        """Replace the rows; keep the highlight on ``keep`` (an id) if present."""
        self.set_options(EntryOption(e) for e in entries)
        if keep is not None and keep in self._id_to_option:
            self.highlighted = self.get_option_index(keep)
        elif entries:
            self.highlighted = 0

    def add_entries(self, entries: Sequence[Entry]) -> None:
        known = self._id_to_option
        new = [EntryOption(e) for e in entries if e.id not in known]
        for entry in entries:
            if entry.id in known:
                self.update_entry(entry)
        if new:
            self.add_options(new)
            if self.highlighted is None:
                self.highlighted = 0

    def update_entry(self, entry: Entry) -> None:
        """Redraw one row (its marks changed)."""
        option = self._id_to_option.get(entry.id)
        if isinstance(option, EntryOption):
            option.set_entry(entry)
            self._option_render_cache.clear()
            self.refresh()

    @property
    def highlighted_entry(self) -> Entry | None:
        option = self.highlighted_option
        return option.entry if isinstance(option, EntryOption) else None

    def entries(self) -> list[Entry]:
        return [o.entry for o in self._options if isinstance(o, EntryOption)]

    def index_of(self, id: str) -> int | None:
        option = self._id_to_option.get(id)
        return None if option is None else self._option_to_index[option]

    # Every row has the same height: map lines without measuring options.
    def _update_lines(self) -> None:
        if not self.scrollable_content_region:
            return
        cache = self._line_cache
        count = len(self._options)
        done = len(cache.heights)
        if done < count:
            lines = cache.lines
            for index in range(done, count):
                cache.index_to_line[index] = len(lines)
                cache.heights[index] = ROW_HEIGHT
                lines.extend((index, offset) for offset in range(ROW_HEIGHT))
        width = self.scrollable_content_region.width
        virtual_size = Size(width, len(cache.lines))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._options) * ROW_HEIGHT
