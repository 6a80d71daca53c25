"""The footer: the keys in force, with help and quit always in sight.

Textual's Footer lays the keys out in a row and cuts what does not fit at
the right; in a narrow terminal that was `? Help` and `q Quit`. Here those
two sit in a group docked at the right end, so the other keys are the ones cut.
"""

from __future__ import annotations

from textual.containers import HorizontalGroup
from textual.widgets import Footer

PINNED = ("help", "quit")  # actions whose keys are never cut


class ReaderFooter(Footer):
    DEFAULT_CSS = """
    ReaderFooter > #pinned-keys { dock: right; width: auto; height: 1; }
    """

    def compose(self):
        pinned = []
        for widget in super().compose():
            if getattr(widget, "action", None) in PINNED:  # a FooterKey
                pinned.append(widget)
            else:
                yield widget
        if pinned:
            pinned.sort(key=lambda key: PINNED.index(key.action))
            yield HorizontalGroup(*pinned, id="pinned-keys")
