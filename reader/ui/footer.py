"""The footer: the keys in force, with help and quit always in sight.

Textual's Footer lays the keys out in a row and cuts what does not fit at
the right; in a narrow terminal that was `? Help` and `q Quit`. Here those
two sit in a group docked at the right end, so the other keys are the ones cut,
and a key is cut whole: one that would run under the pinned group is hidden
with every key after it (never "f Fil? Help").
"""

from __future__ import annotations

from textual import events
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
        self.call_after_refresh(self._cut)

    def on_resize(self, event: events.Resize) -> None:
        for widget in self.children:
            widget.display = True  # measured again at the new width
        self.call_after_refresh(self._cut)

    def _cut(self) -> None:
        """Hide the keys that do not fit whole beside the pinned ones."""
        pinned = [w for w in self.children if w.id == "pinned-keys"]
        edge = pinned[0].region.x if pinned else self.region.right
        cut = False
        for widget in self.children:
            if widget.id == "pinned-keys":
                continue
            cut = cut or not widget.display or widget.region.right > edge
            if cut:
                widget.display = False
