"""The article list's rows, made lazily, and its arithmetic line map.

OptionList keeps a list of options, an id -> option dict, an option ->
index dict and a line map built by measuring each option. At 50,000
articles that is most of the start-up, so ArticleList swaps in the
sequences and mappings below: options are made on first access, and every
row is ROW_HEIGHT lines, so the line map is arithmetic.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.content import Content, Span
from textual.geometry import Size
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

    def __init__(self, entry: Entry, index: int) -> None:
        super().__init__("", id=entry.id)
        self.entry = entry
        self.index = index
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


class Rows(Sequence):
    """The list's options, made on first access from the entries."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self._entries = list(entries)
        self._made: list[EntryOption | None] = [None] * len(self._entries)
        self._by_id: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self._entries)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return RowsView(self, range(len(self._entries))[index])
        option = self._made[index]  # IndexError past the end, like a list
        if option is None:
            index %= len(self._entries)
            option = self._made[index] = EntryOption(self._entries[index], index)
        return option

    def index_of(self, id: str | None) -> int | None:
        if self._by_id is None:
            self._by_id = {entry.id: i for i, entry in enumerate(self._entries)}
        return self._by_id.get(id)  # type: ignore[arg-type]

    def replace(self, index: int, entry: Entry) -> None:
        self._entries[index] = entry
        if (option := self._made[index]) is not None:
            option.set_entry(entry)

    def entries(self) -> list[Entry]:
        return list(self._entries)

    def entry(self, index: int) -> Entry:
        return self._entries[index]

    def clear(self) -> None:
        self._entries.clear()
        self._made.clear()
        self._by_id = None


class RowsView(Sequence):
    """A slice of the rows that makes options only when they are read."""

    def __init__(self, rows: Rows, span: range) -> None:
        self._rows = rows
        self._span = span

    def __len__(self) -> int:
        return len(self._span)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return RowsView(self._rows, self._span[index])
        return self._rows[self._span[index]]


class OptionById(Mapping):
    """Option id -> option, for OptionList.get_option()."""

    def __init__(self, rows: Rows) -> None:
        self._rows = rows

    def __getitem__(self, id: str) -> EntryOption:
        index = self._rows.index_of(id)
        if index is None:
            raise KeyError(id)
        return self._rows[index]

    def __iter__(self):
        return (entry.id for entry in self._rows._entries)

    def __len__(self) -> int:
        return len(self._rows)


class IndexOfOption(Mapping):
    """Option -> its index, for OptionList's render and click code."""

    def __getitem__(self, option: EntryOption) -> int:
        return option.index

    def __iter__(self):
        return iter(())

    def __len__(self) -> int:
        return 0


class Lines(Sequence):
    """Line y of the list is line ``y % height`` of option ``y // height``."""

    def __init__(self, count: int, height: int) -> None:
        self._height = height
        self._size = count * height

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, y):  # type: ignore[override]
        if isinstance(y, slice):
            return [self[i] for i in range(*y.indices(self._size))]
        if y < 0:
            y += self._size
        if not 0 <= y < self._size:
            raise IndexError(y)
        return divmod(y, self._height)


class Heights:
    """Option index -> its height in lines (KeyError past the end, like a dict)."""

    def __init__(self, count: int, height: int) -> None:
        self._count = count
        self._height = height

    def _check(self, index: int) -> int:
        if not 0 <= index < self._count:
            raise KeyError(index)
        return index

    def __getitem__(self, index: int) -> int:
        self._check(index)
        return self._height


class IndexToLine(Heights):
    """Option index -> the line it starts on."""

    def __getitem__(self, index: int) -> int:
        return self._check(index) * self._height


class FixedRows:
    """For an OptionList whose options are all ``row_height`` lines high.

    OptionList measures every option to map lines to options; with one
    height for all, the map is arithmetic and nothing is measured. Options
    must not wrap (``text-wrap: nowrap``) and must have no separators.
    """

    row_height = 1

    @property
    def _lines(self) -> Lines:
        return Lines(len(self._options), self.row_height)

    @property
    def _heights(self) -> Heights:
        return Heights(len(self._options), self.row_height)

    @property
    def _index_to_line(self) -> IndexToLine:
        return IndexToLine(len(self._options), self.row_height)

    def _update_lines(self) -> None:
        if not self.scrollable_content_region:
            return
        width = self.scrollable_content_region.width
        virtual_size = Size(width, len(self._options) * self.row_height)
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._options) * self.row_height
