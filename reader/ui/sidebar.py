"""The article list: an OptionList that stays fast at 50,000 rows.

Every row is two lines (marks and title; date and site). The rows are made
lazily and the line map is arithmetic (see rows.py), so only rows on screen
are ever built or rendered.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import OptionList

from reader.library import Entry
from reader.ui.keys import without_home_end
from reader.ui.rows import ROW_HEIGHT, EntryOption, FixedRows, IndexOfOption, OptionById, Rows
from reader.ui.storytext import wrap_offsets

class ArticleList(FixedRows, OptionList, inherit_bindings=False):
    """Entries, newest first, with unread (●) and bookmark (★) marks.

    The rows are a lazy sequence: an option object exists only once its row
    was drawn or asked for, so 50,000 entries cost one list and one dict.
    """

    BINDINGS = without_home_end(OptionList.BINDINGS)
    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {
        "articles--unread",
        "articles--bookmark",
        "articles--title-unread",
        "articles--meta",
    }

    row_height = ROW_HEIGHT

    empty_text = "Nothing here."

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)

    def render_line(self, y: int) -> Strip:
        if len(self._options):
            return super().render_line(y)
        # An empty list says why, and what to press.
        width = self.scrollable_content_region.width
        lines = wrap_offsets(self.empty_text, width - 1)
        text = self.empty_text[slice(*lines[y])] if y < len(lines) else ""
        style = self.get_visual_style("articles--meta")
        return Strip([Segment(" " + text.ljust(width - 1), style.rich_style)], width)

    def set_entries(self, entries: Sequence[Entry], keep: str | None = None) -> None:
        """Replace the rows; keep the highlight on ``keep`` (an id) if present."""
        rows = Rows(entries)
        # What set_options() does, with the lazy rows in place of a list.
        self._options = rows  # type: ignore[assignment]
        self._id_to_option = OptionById(rows)  # type: ignore[assignment]
        self._option_to_index = IndexOfOption()  # type: ignore[assignment]
        self._line_cache.clear()
        self._option_render_cache.clear()
        self._mouse_hovering_over = None
        self.highlighted = None
        self.scroll_y = 0
        if self.is_mounted:
            self.refresh()
            self._update_lines()
        index = rows.index_of(keep) if keep is not None else None
        if index is not None:
            self.highlighted = index
        elif len(rows):
            self.highlighted = 0

    def update_entry(self, entry: Entry) -> None:
        """Redraw one row (its marks changed)."""
        rows = self._options
        if isinstance(rows, Rows) and (index := rows.index_of(entry.id)) is not None:
            rows.replace(index, entry)
            cache = self._option_render_cache
            option = rows[index]
            for key in [key for key in cache.keys() if key[0] is option]:
                cache.discard(key)
            self.refresh()

    @property
    def highlighted_entry(self) -> Entry | None:
        option = self.highlighted_option
        return option.entry if isinstance(option, EntryOption) else None

    def entries(self) -> list[Entry]:
        rows = self._options
        return rows.entries() if isinstance(rows, Rows) else []

    def entry_of(self, id: str) -> Entry | None:
        """The entry shown for ``id``, if it is in the list."""
        rows = self._options
        index = rows.index_of(id) if isinstance(rows, Rows) else None
        return rows.entry(index) if index is not None else None

    def index_of(self, id: str) -> int | None:
        rows = self._options
        return rows.index_of(id) if isinstance(rows, Rows) else None
