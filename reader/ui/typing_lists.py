"""Moving in a list while typing in its filter: the command palette, the People filter.

There the text input has the focus, and j and k are letters someone types
("jobs", "Kim"), so they must stay letters. The arrows move the list, and so
do ctrl+n / ctrl+p: the keys readline, emacs, vim's insert-mode completion
menus and fzf use for "next/previous match while typing" (ctrl+k is no
choice: a text input uses it to delete to the end of the line). Where the
list itself can have the focus (People: down from the filter, or the
quotations), j and k move it as in every other picker.

ctrl+p also opens the palette; with a palette or a filtered list open it
means "previous" instead. A mixin for ReaderApp.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.command import CommandPalette

# priority: a modal screen (the palette) passes only priority bindings up to the app
LIST_DOWN = Binding("ctrl+n", "list_while_typing(1)", "Next row while typing", show=False, priority=True)


class TypingListActions:
    def _move_typing_list(self, step: int) -> bool:
        """Move the open palette's (or filter screen's) list; False if there is none."""
        screen = self.screen
        if isinstance(screen, CommandPalette):
            action = "cursor_down" if step > 0 else "command_list('cursor_up')"
            self.call_later(screen.run_action, action)
            return True
        move = getattr(screen, "move_list", None)
        if move is None:
            return False
        move(step)
        return True

    def action_list_while_typing(self, step: int) -> None:
        self._move_typing_list(step)

    def action_command_palette(self) -> None:
        if not self._move_typing_list(-1):
            super().action_command_palette()  # type: ignore[misc]
