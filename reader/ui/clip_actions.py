"""Clipping from the story (``c``) and the Clippings view (``C``): the app's side.

A mixin for ReaderApp (it uses ``self.story``, ``self.library``,
``show_quotes`` and ``open_article``). The clipping is written at once (one
small file); a write that fails (a read-only library) is shown and nothing
claims the quotation was kept.
"""

from __future__ import annotations

from reader.errors import BylineError, NotFoundError
from reader.library.clippings import Clipping, clipped_quotes, locate
from reader.ui.keys import KEYS, shown_key

_NOTICE_WORDS = 60  # characters of the quotation a notice repeats


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _NOTICE_WORDS else text[: _NOTICE_WORDS - 1].rstrip() + "…"


class ClipActions:
    def key_for(self, binding_id: str, default: str) -> str:
        """The key(s) in force for a binding, as the help screen shows them."""
        for _, binding in KEYS:
            if binding.id == binding_id:
                return shown_key(self._keymap, binding)
        return default

    def clipped_indices(self) -> set[int]:
        """Which of the open story's quotations are kept as clippings (for the quotes panel)."""
        story = self.story
        if story.article is None or not story.quotes:
            return set()
        try:
            ids = self.library.clippings.ids()
        except BylineError:
            return set()  # an unreadable clippings file: the marks are only a help
        return clipped_quotes(story.article, story.quotes, ids)

    def action_clip_quote(self) -> None:
        story = self.story
        clip = self.key_for("quote.clip", "c")
        if story.article is None or story.current is None:
            where = "Open an article, move" if story.article is None else "Move"
            nxt = self.key_for("quote.next", "n")
            self.notify(f"{where} to a quotation first ({nxt}), then {clip} keeps it as a clipping.",
                        markup=False, timeout=4)
            return
        quote = story.quotes[story.current]
        try:
            kept, clipping = self.library.clippings.toggle(story.article, quote)
        except BylineError as error:
            self.report_unsaved(error, "Not clipped")
            return
        said = f"“{_short(clipping.text)}”"
        if kept:
            who = f" ({clipping.speaker})" if clipping.speaker else ""
            view = self.key_for("library.clippings", "C")
            self.notify(f"Clipped {said}{who}. {clip} again removes it; {view} shows your clippings.",
                        markup=False, timeout=4)
        else:
            self.notify(f"Clipping removed: {said}", markup=False, timeout=4)
        self.show_quotes()

    def action_clippings(self) -> None:
        from reader.ui.clippings import ClippingsScreen

        library = self.library
        try:
            clippings = library.clippings.all()
        except BylineError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if not clippings:
            nxt, clip = self.key_for("quote.next", "n"), self.key_for("quote.clip", "c")
            self.notify(f"No clippings yet. In a story, {nxt} moves to a quotation and {clip} "
                        "keeps it.", markup=False, timeout=4)
            return
        screen = ClippingsScreen(
            library.clippings.all, self._article_present, library.clippings.remove,
            library.clippings.put, self.key_for,
        )
        self.push_screen(screen, self._open_clipping)

    def _article_present(self, article_id: str) -> bool:
        try:
            self.library.entry(article_id)
        except NotFoundError:
            return False
        return True

    def _open_clipping(self, clipping: Clipping | None) -> None:
        if clipping is None:
            self.show_quotes()  # a clipping removed there loses its mark here
            return
        self.open_article(clipping.article)
        story = self.story
        if story.article is None or story.article.id != clipping.article:
            return
        index = locate(story.article, story.quotes, clipping)
        if index is None:
            self.notify("This quotation is no longer found in the article (it was imported "
                        "again and reads differently now); the clipping keeps its words.",
                        markup=False, timeout=6)
            return
        self.call_after_refresh(story.set_current, index)
