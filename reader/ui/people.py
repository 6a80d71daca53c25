"""The People screen: everyone quoted across the library, and what each said.

People are ranked by quotations, with their article count and the dates
of their first and last quotation, filtered as you type. Enter on a person
lists their quotations, newest first, with the article's title, site and
date; enter on a quotation opens the article at it. Escape goes back one
step (the quotations, then the people, then the reader).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content, Span
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.ui.rows import FixedRows
from reader.ui.screens import PickerList
from reader.ui.text import safe

MAX_ROWS = 2000  # people listed at once (the filter finds the rest)


def _date(stamp) -> str:
    from datetime import datetime, timezone

    return datetime.fromtimestamp(stamp, timezone.utc).strftime("%-d %b %Y") if stamp else "-"


def person_row(person) -> Content:
    name = safe(person.name)
    also = sorted(person.aliases)
    extra = f"  ({', '.join(safe(a) for a in also[:3])}{', …' if len(also) > 3 else ''})" if also else ""
    facts = (
        f"\n  {person.quotes} quotation{'s' * (person.quotes != 1)} · "
        f"{len(person.articles)} article{'s' * (len(person.articles) != 1)} · "
        f"{_date(person.first)} – {_date(person.last)}"
    )
    text = name + extra + facts
    return Content(text, [Span(0, len(name), ".people--name"), Span(len(name) + len(extra), len(text), ".people--facts")])


def quote_row(quote) -> Content:
    entry = quote.entry
    said = "“" + safe(" ".join(quote.text.split())) + "”"
    when = entry.published.strftime("%-d %b %Y") if entry.published else "undated"
    cite = f"\n  {safe(entry.title) or '(untitled)'} · {safe(entry.site or '')} · {when}"
    return Content(said + cite, [Span(len(said), len(said) + len(cite), ".people--facts")])


class PeopleList(FixedRows, PickerList):
    """People or quotations, two lines each (cut with an ellipsis, never wrapped, so
    nothing is measured: 676 people or quotations were a second of layout); j and k
    move as the arrows do."""

    row_height = 2

    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {"people--name", "people--facts"}


class PeopleScreen(ModalScreen[tuple[str, int, int] | None]):
    """Answers (article id, paragraph, start) of the quotation to open, or None.

    A modal screen, so the reader's keys (``b``, ``m``, ``d``, space ...) never act
    on the story hidden behind it; the screen keeps its own.
    """

    BINDINGS = [Binding("escape", "back", "Back", show=True)]

    def __init__(self, people: list, quotes_of, start: str | None = None) -> None:
        super().__init__()
        self.people = [p for p in people if p.quotes]
        self.quotes_of = quotes_of  # person -> their quotations
        self.start = start
        self.person = None
        self.shown: list = []
        self.quotes: list = []

    def compose(self) -> ComposeResult:
        with Vertical(id="people-box"):
            yield Static(self._title(), id="people-title", markup=False)
            yield Input(placeholder="Type to filter by name", id="people-filter")
            yield PeopleList(id="people-list", markup=False)
            yield PeopleList(id="person-quotes", markup=False)

    def _title(self) -> str:
        if self.person is not None:
            n = len(self.quotes)
            return f"{self.person.name}: {n} quotation{'s' * (n != 1)}, newest first · enter opens · escape back"
        return f"People: {len(self.people):,} quoted across the library, most quoted first"

    def on_mount(self) -> None:
        self.query_one("#person-quotes").display = False
        self._fill("")
        if self.start:
            from reader.library.people import find

            person = find(self.people, self.start)
            if person is not None:
                self.show_person(person)
                return
        self.query_one("#people-filter").focus()

    def _fill(self, text: str) -> None:
        needle = text.strip()
        self.shown = [p for p in self.people if not needle or p.matches(needle)][:MAX_ROWS]
        listing = self.query_one("#people-list", PeopleList)
        listing.clear_options()
        listing.add_options([Option(person_row(p), id=str(i)) for i, p in enumerate(self.shown)])
        if self.shown:
            listing.highlighted = 0

    @on(Input.Changed, "#people-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#people-filter")
    def _submitted(self) -> None:
        if self.shown:
            self.show_person(self.shown[self.query_one("#people-list", PeopleList).highlighted or 0])

    def on_key(self, event) -> None:
        filter_box = self.query_one("#people-filter", Input)
        listing = self.query_one("#people-list")
        if event.key in ("down", "up") and self.focused is filter_box:
            listing.focus()
        elif self.focused is listing and event.is_printable and event.character not in ("j", "k", " "):
            # Any other letter typed on the list goes on filtering (j and k move it).
            event.stop()
            event.prevent_default()
            filter_box.focus()
            filter_box.insert_text_at_cursor(event.character)

    def move_list(self, step: int) -> None:
        """ctrl+n / ctrl+p (see typing_lists.py): the list shown moves, wherever focus is."""
        shown = self.query_one("#person-quotes" if self.person is not None else "#people-list", PeopleList)
        shown.action_cursor_down() if step > 0 else shown.action_cursor_up()

    @on(OptionList.OptionSelected, "#people-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.show_person(self.shown[int(event.option_id)])

    def show_person(self, person) -> None:
        self.person = person
        self.quotes = self.quotes_of(person)
        quotes = self.query_one("#person-quotes", PeopleList)
        quotes.clear_options()
        quotes.add_options([Option(quote_row(q), id=str(i)) for i, q in enumerate(self.quotes)])
        if self.quotes:
            quotes.highlighted = 0
        self.query_one("#people-list").display = False
        self.query_one("#people-filter").display = False
        quotes.display = True
        quotes.focus()
        self.query_one("#people-title", Static).update(self._title())

    @on(OptionList.OptionSelected, "#person-quotes")
    def _open(self, event: OptionList.OptionSelected) -> None:
        quote = self.quotes[int(event.option_id)]
        self.dismiss((quote.entry.id, quote.paragraph, quote.start))

    def action_back(self) -> None:
        if self.person is None or self.start:
            self.dismiss(None)
            return
        self.person = None
        self.query_one("#person-quotes").display = False
        self.query_one("#people-list").display = True
        self.query_one("#people-filter").display = True
        self.query_one("#people-filter").focus()
        self.query_one("#people-title", Static).update(self._title())
