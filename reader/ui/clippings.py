"""The Clippings view: the quotations kept with ``c``, newest first.

Each row shows the speaker, the quotation, and the article's title, site
and date. Enter opens the article at the quotation while the article is in
the library; once it was removed, the clipping's own copy of the text and
its citation are shown instead. ``c`` (the clip key, whatever the keymap
makes it), ``d`` or delete removes a clipping, ``U`` puts the last one
removed back. Escape (or q) goes back.

A modal screen, so the reader's keys (``b``, ``j``, ``d`` ...) never act on
the story hidden behind it.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content, Span
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.errors import BylineError
from reader.library.clippings import Clipping
from reader.ui.text import safe

GONE = "article removed"


def _date(clipping: Clipping) -> str:
    published = clipping.published_at
    return published.strftime("%-d %b %Y") if published else "undated"


def _one_line(text: str | None) -> str:
    return " ".join(safe(text).split())


def citation(clipping: Clipping, present: bool = True) -> str:
    parts = [_one_line(clipping.title) or "(untitled)", _one_line(clipping.site), _date(clipping)]
    if not present:
        parts.append(GONE)
    return " · ".join(p for p in parts if p)


def clipping_row(clipping: Clipping, present: bool) -> Content:
    """Speaker, then the quotation, then the citation: three styled parts of plain text."""
    speaker = _one_line(clipping.speaker) or "Unattributed"
    said = f"\n“{_one_line(clipping.text)}”"
    cite = f"\n{citation(clipping, present)}"
    text = speaker + said + cite
    return Content(text, [
        Span(0, len(speaker), ".clippings--speaker"),
        Span(len(speaker) + len(said), len(text), ".clippings--facts"),
    ])


def clipping_detail(clipping: Clipping) -> Content:
    """A clipping whose article is gone: its words and its whole citation."""
    said = f"“{_one_line(clipping.text)}”"
    parts = [
        f"— {_one_line(clipping.speaker) or 'unattributed'}",
        _one_line(clipping.title) or "(untitled)",
        _one_line(clipping.site),
        f"by {_one_line(', '.join(clipping.authors))}" if clipping.authors else "",
        _date(clipping),
        _one_line(clipping.url),
    ]
    note = "The article is no longer in the library; this is the clipping's own copy."
    cite = "\n\n" + "\n".join(p for p in parts if p) + "\n\n" + note
    return Content(said + cite, [Span(len(said), len(said) + len(cite), ".clippings--facts")])


class ClippingList(OptionList):
    """The clippings; j and k move as the arrows do."""

    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {"clippings--speaker", "clippings--facts"}
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class ClippingDetail(Static):
    COMPONENT_CLASSES = {"clippings--facts"}


class ClippingsScreen(ModalScreen[Clipping | None]):
    """Answers the clipping whose article to open, or None."""

    BINDINGS = [
        Binding("escape,q", "back", "Back", show=False),
        # The clip key's own id: a keymap that moves c moves it here too.
        Binding("c", "remove", "Remove clipping", id="quote.clip", show=False),
        Binding("d,delete", "remove", "Remove clipping", show=False),
        Binding("U", "put_back", "Put back the last removed", id="undo", show=False),
    ]

    def __init__(
        self,
        load: Callable[[], list[Clipping]],
        present: Callable[[str], bool],
        remove: Callable[[list[str]], list[Clipping]],
        put_back: Callable[[list[Clipping]], None],
        keys: Callable[[str, str], str] = lambda binding_id, default: default,
    ) -> None:
        super().__init__()
        self.load = load  # every clipping, newest first
        self.present = present  # whether an article is in the library
        self.remove_clipping = remove
        self.put_clipping_back = put_back
        self.keys = keys  # (binding id, default) -> the key in force
        self.clippings: list[Clipping] = []
        self.removed: list[list[Clipping]] = []
        self.detail: Clipping | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="clippings-box"):
            yield Static(self._title(), id="clippings-title", markup=False)
            yield ClippingList(id="clippings-list", markup=False)
            with VerticalScroll(id="clipping-detail-box"):
                yield ClippingDetail(id="clipping-detail", markup=False)

    def _title(self) -> str:
        if self.detail is not None:
            return "Clipping (its article was removed) · escape back"
        n = len(self.clippings)
        clip = self.keys("quote.clip", "c")
        undo = f" · {self.keys('undo', 'U')} puts back" if self.removed else ""
        return (f"Clippings: {n}, newest first · enter opens · {clip} or d removes{undo} · "
                "escape back")

    def on_mount(self) -> None:
        self.query_one("#clipping-detail-box").display = False
        self.fill()
        self.query_one(ClippingList).focus()

    def fill(self, keep: int | None = None) -> None:
        listing = self.query_one(ClippingList)
        old = listing.highlighted if keep is None else keep
        self.clippings = self.load()
        listing.clear_options()
        if self.clippings:
            rows: list[Option | None] = []
            for i, clipping in enumerate(self.clippings):
                rows += [None] if i else []  # a rule between two clippings
                rows.append(Option(clipping_row(clipping, self.present(clipping.article)), id=str(i)))
            listing.add_options(rows)
            listing.highlighted = min(old or 0, len(self.clippings) - 1)
        else:
            listing.add_option(Option(Content("  No clippings. In a story, n moves to a quotation "
                                              f"and {self.keys('quote.clip', 'c')} keeps it."),
                                      disabled=True))
        self.query_one("#clippings-title", Static).update(self._title())

    def _highlighted(self) -> Clipping | None:
        index = self.query_one(ClippingList).highlighted
        if self.detail is not None or index is None or index >= len(self.clippings):
            return None
        return self.clippings[index]

    @on(OptionList.OptionSelected, "#clippings-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        clipping = self.clippings[int(event.option_id)]
        if self.present(clipping.article):
            self.dismiss(clipping)
        else:
            self.show_detail(clipping)

    def show_detail(self, clipping: Clipping) -> None:
        self.detail = clipping
        self.query_one(ClippingDetail).update(clipping_detail(clipping))
        self.query_one(ClippingList).display = False
        box = self.query_one("#clipping-detail-box")
        box.display = True
        box.focus()
        self.query_one("#clippings-title", Static).update(self._title())

    def action_back(self) -> None:
        if self.detail is None:
            self.dismiss(None)
            return
        self.detail = None
        self.query_one("#clipping-detail-box").display = False
        listing = self.query_one(ClippingList)
        listing.display = True
        listing.focus()
        self.query_one("#clippings-title", Static).update(self._title())

    def action_remove(self) -> None:
        clipping = self._highlighted()
        if clipping is None:
            return
        try:
            gone = self.remove_clipping([clipping.id])
        except BylineError as error:
            self.notify(f"Not removed: {error}", severity="error", markup=False)
            return
        if gone:  # else another copy of byline removed it first
            self.removed.append(gone)
        self.fill()
        if gone:
            self.notify(f"Clipping removed. {self.keys('undo', 'U')} puts it back.", markup=False,
                        timeout=4)

    def action_put_back(self) -> None:
        if self.detail is not None:
            return
        if not self.removed:
            self.notify("No clipping was removed here to put back (in the reader, "
                        f"{self.keys('undo', 'U')} undoes a removed article).", markup=False, timeout=4)
            return
        clippings = self.removed.pop()
        try:
            self.put_clipping_back(clippings)
        except BylineError as error:
            self.removed.append(clippings)
            self.notify(f"Not put back: {error}", severity="error", markup=False)
            return
        self.fill()
        ids = [c.id for c in self.clippings]
        if clippings[0].id in ids:
            self.query_one(ClippingList).highlighted = ids.index(clippings[0].id)
        self.notify("Clipping put back.", markup=False, timeout=3)
