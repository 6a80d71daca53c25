"""Small modal screens: the help screen, a one-line prompt, the speaker picker."""

from __future__ import annotations

import textwrap

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content, Span
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.ui.keys import KEYS, OTHER_KEYS, shown_key
from reader.ui.text import safe


HELP_TEXT_WIDTH = 45  # the help box is 72 wide: border, padding, keys column, scrollbar
KEYS_COLUMN = 19  # "  " + 16 for the keys + " "


def help_content(keymap: dict[str, str] | None = None, width: int = HELP_TEXT_WIDTH) -> Content:
    """Every key by section; ``keymap`` (binding id -> keys) shows rebindings.

    Descriptions wrap at ``width`` columns, each line hanging under its column.
    """
    keymap = keymap or {}
    rows: dict[str, list[tuple[str, str]]] = {}
    for section, binding in KEYS:
        shown = shown_key(keymap, binding)
        what = f"{binding.description}: {binding.tooltip}" if binding.tooltip else binding.description
        rows.setdefault(section, []).append((shown, what))
    for section, keys, what in OTHER_KEYS:
        rows.setdefault(section, []).append((keys, what))
    text = ""
    spans: list[Span] = []
    for section, items in rows.items():
        if text:
            text += "\n"
        spans.append(Span(len(text), len(text) + len(section), ".help--section"))
        text += section + "\n"
        for keys, what in items:
            # Wrapped by hand, so a long description hangs under its own column.
            lines = textwrap.wrap(what, max(width, 10)) or [""]
            spans.append(Span(len(text) + 2, len(text) + 2 + len(keys), ".help--key"))
            text += f"  {keys:<16} {lines[0]}\n"
            text += "".join(f"{'':19}{more}\n" for more in lines[1:])
    return Content(text.rstrip("\n"), spans)


class HelpText(Static):
    """The help text, wrapped again for the width it is given."""

    COMPONENT_CLASSES = {"help--section", "help--key"}

    def __init__(self, keymap: dict[str, str]) -> None:
        super().__init__(help_content(keymap), markup=False)
        self._keymap = keymap
        self._width = HELP_TEXT_WIDTH

    def on_resize(self) -> None:
        width = min(self.content_region.width - KEYS_COLUMN, HELP_TEXT_WIDTH)
        if width > 0 and width != self._width:
            self._width = width
            self.update(help_content(self._keymap, width))


class HelpScreen(ModalScreen[None]):
    """Every key, grouped; any of escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", show=False),
        Binding("j", "scroll(1)", "Down", show=False),
        Binding("k", "scroll(-1)", "Up", show=False),
        Binding("space", "scroll_page(1)", "Page down", show=False),
        Binding("g", "scroll_to_end(0)", "Top", show=False),
        Binding("G", "scroll_to_end(1)", "End", show=False),
    ]

    def action_scroll(self, lines: int) -> None:
        box = self.query_one("#help-box")
        box.scroll_to(y=box.scroll_y + lines, animate=False)

    def action_scroll_page(self, pages: int) -> None:
        box = self.query_one("#help-box")
        box.scroll_to(y=box.scroll_y + pages * box.scrollable_content_region.height, animate=False)

    def action_scroll_to_end(self, end: int) -> None:
        box = self.query_one("#help-box")
        box.scroll_to(y=box.max_scroll_y if end else 0, animate=False)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static("Keys", id="help-title", markup=False)
            yield HelpText(self._keymap())
            yield Static("escape closes this · ctrl+p finds any command", id="help-hint", markup=False)

    def _keymap(self) -> dict[str, str]:
        return dict(getattr(self.app, "_keymap", {}) or {})


class PromptScreen(ModalScreen[str | None]):
    """One line of input; enter answers it, escape cancels (None)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, title: str, placeholder: str = "", value: str = "") -> None:
        super().__init__()
        self._title = title
        self._placeholder = placeholder
        self._value = value

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box"):
            yield Static(self._title, id="prompt-title", markup=False)
            yield Input(value=self._value, placeholder=self._placeholder, id="prompt-input")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class SpeakerPicker(ModalScreen[str | None]):
    """Pick one speaker to follow (None: everyone)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, speakers: list[tuple[str, int, int]]) -> None:
        super().__init__()
        self._speakers = speakers

    def compose(self) -> ComposeResult:
        options = [Option(Content("Everyone"), id="*")]
        for name, slot, count in self._speakers:
            label = f"{safe(name)} ({count})"
            options.append(Option(Content(label, [Span(0, len(name), f".picker--name-{slot}")]), id=name))
        with Vertical(id="picker-box"):
            yield Static("Follow whose quotes?", id="picker-title", markup=False)
            yield SpeakerOptions(*options, markup=False, id="picker-list")

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(None if event.option_id == "*" else event.option_id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PickerList(OptionList):
    """An OptionList for pickers and dialogs: j and k move as the arrows do."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class ConfirmScreen(ModalScreen[bool]):
    """A yes-or-no question: enter on the highlighted answer, or y / n; escape is no."""

    BINDINGS = [
        Binding("escape,n", "answer(False)", "No", show=False),
        Binding("y", "answer(True)", "Yes", show=False),
    ]

    def __init__(self, question: str, detail: str, yes: str, no: str) -> None:
        super().__init__()
        self._question = question
        self._detail = detail
        self._answers = (yes, no)

    def compose(self) -> ComposeResult:
        yes, no = self._answers
        with Vertical(id="picker-box"):
            yield Static(self._question, id="picker-title", markup=False)
            yield Static(self._detail, id="confirm-detail", markup=False)
            yield PickerList(
                Option(Content(f"{yes}  (y)"), id="yes"),
                Option(Content(f"{no}  (n, escape)"), id="no"),
                markup=False,
                id="picker-list",
            )

    def on_mount(self) -> None:
        self.query_one(PickerList).highlighted = 0

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class SpeakerOptions(PickerList):
    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {f"picker--name-{n}" for n in range(1, 9)}
