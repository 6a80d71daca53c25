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
        options = [EntryOption(e) for e in entries]
        # set_options() without its per-option checks: ids are unique already.
        self._options[:] = options
        self._id_to_option = {option._id: option for option in options}
        self._option_to_index = {option: index for index, option in enumerate(options)}
        self._line_cache.clear()
        self._option_render_cache.clear()
        self.highlighted = None
        self.scroll_y = 0
        if self.is_mounted:
            self.refresh(layout=self.styles.auto_dimensions)
            self._update_lines()
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

    # Every row has the same height, so the line map is arithmetic: no
    # per-option measuring and nothing to rebuild when the list changes.
    @property
    def _lines(self) -> _Lines:
        return _Lines(len(self._options))

    @property
    def _heights(self) -> _Heights:
        return _Heights(len(self._options))

    @property
    def _index_to_line(self) -> _IndexToLine:
        return _IndexToLine(len(self._options))

    def _update_lines(self) -> None:
        if not self.scrollable_content_region:
            return
        width = self.scrollable_content_region.width
        virtual_size = Size(width, len(self._options) * ROW_HEIGHT)
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._options) * ROW_HEIGHT


class _Lines(Sequence):
    """Line y of the list is line ``y % ROW_HEIGHT`` of option ``y // ROW_HEIGHT``."""

    def __init__(self, count: int) -> None:
        self._size = count * ROW_HEIGHT

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, y):  # type: ignore[override]
        if isinstance(y, slice):
            return [self[i] for i in range(*y.indices(self._size))]
        if y < 0:
            y += self._size
        if not 0 <= y < self._size:
            raise IndexError(y)
        return divmod(y, ROW_HEIGHT)


class _Heights:
    """Option index -> its height in lines (KeyError past the end, like a dict)."""

    def __init__(self, count: int) -> None:
        self._count = count

    def _check(self, index: int) -> int:
        if not 0 <= index < self._count:
            raise KeyError(index)
        return index

    def __getitem__(self, index: int) -> int:
        self._check(index)
        return ROW_HEIGHT


class _IndexToLine(_Heights):
    """Option index -> the line it starts on."""

    def __getitem__(self, index: int) -> int:
        return self._check(index) * ROW_HEIGHT
