"""The quotes panel: the story's quotations grouped by speaker.

A speaker's row follows that speaker (n/N then visit only their quotes); a
quote's row makes it the current quote in the story. A quotation kept as a
clipping (c) has a ✂ before it.
"""

from __future__ import annotations

from textual.content import Content, Span
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from reader.model import Quote
from reader.ui.colours import SLOTS
from reader.ui.keys import without_home_end
from reader.ui.rows import FixedRows
from reader.ui.text import safe

UNATTRIBUTED = "Unattributed"


def speaker_row(name: str, slot: int, count: int, followed: bool) -> Content:
    mark = "▸ " if followed else "  "
    label = f"{mark}{safe(name)} ({count})"
    style = f".quotes--name-{slot}" if slot else ".quotes--name-0"
    return Content(label, [Span(2, len(label), style)])


CLIPPED = "✂"  # before a quotation kept as a clipping


def quote_row(quote: Quote, clipped: bool = False) -> Content:
    words = " ".join(safe(quote.text).split())
    text = f"  {CLIPPED} “{words}”" if clipped else f"    “{words}”"
    return Content(text, [Span(4, len(text), ".quotes--text")])


class QuotesPanel(FixedRows, OptionList, inherit_bindings=False):
    """Speakers, each followed by their quotes, in reading order."""

    BINDINGS = without_home_end(OptionList.BINDINGS)
    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {
        "quotes--text",
        *(f"quotes--name-{n}" for n in range(SLOTS + 1)),
    }

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self._syncing = False

    def show_quotes(
        self,
        quotes: list[Quote],
        slots: dict[str, int],
        followed: str | None,
        current: int | None,
        clipped: set[int] = frozenset(),
        placeholder: str = "  No quotations found.",
    ) -> None:
        groups: dict[str, list[int]] = {name: [] for name in slots}
        for index, quote in enumerate(quotes):
            groups.setdefault(quote.speaker or UNATTRIBUTED, []).append(index)
        options: list[Option] = []
        for name, indices in groups.items():
            if not indices:
                continue
            slot = slots.get(name, 0)
            options.append(
                Option(speaker_row(name, slot, len(indices), name == followed), id=f"s:{name}")
            )
            options.extend(Option(quote_row(quotes[i], i in clipped), id=f"q:{i}") for i in indices)
        if not options:
            options.append(Option(Content(placeholder), disabled=True))
        self._syncing = True
        self.set_options(options)
        self.highlighted = None
        self._syncing = False
        self.mark_current(current)

    def mark_current(self, current: int | None) -> None:
        """Highlight the current quote's row without echoing a selection."""
        if current is None:
            return
        try:
            index = self.get_option_index(f"q:{current}")
        except OptionDoesNotExist:  # the quote has no row (another story's index)
            return
        self._syncing = True
        self.highlighted = index
        self._syncing = False
