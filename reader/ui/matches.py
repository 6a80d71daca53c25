"""Search matches in the story: the words a search found, highlighted, and a key to step through them.

A mixin for StoryView. The offsets come from :mod:`reader.library.highlight`,
which tokenizes exactly as the index does, so a highlighted word is one the
search matched ("talking" for a search of "talks").
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Region, Spacing

MATCH = "story--match"
CURRENT_MATCH = "story--match-current"


class StoryMatches:
    """``show_matches(query)``, ``step_match(direction)``; uses StoryView's blocks and lines."""

    _matches: list[tuple[int, int, int]]  # (block, start, end) in reading order
    current_match: int | None

    def clear_matches(self) -> None:
        self._matches = []
        self.current_match = None

    def show_matches(self, query: str | None) -> int:
        """Highlight what ``query`` matches in the open story; scroll to the first. How many."""
        from reader.library.highlight import spans
        from reader.library.query import QueryError, parse

        self.clear_matches()
        if query:
            try:
                parsed = parse(query)
            except QueryError:
                parsed = None
            if parsed is not None and self.article is not None:
                found = spans([b.text for b in self._blocks], parsed)
                self._matches = [(i, s, e) for i, marks in enumerate(found) for s, e in marks]
        self._content.clear()
        self._strips.clear()
        self.refresh()
        if self._matches:
            self.current_match = 0
            # after the next refresh: a story just shown has no scrollable height yet
            self.call_after_refresh(self._scroll_to_match, 0)
        return len(self._matches)

    @property
    def match_count(self) -> int:
        return len(self._matches)

    def step_match(self, direction: int) -> int | None:
        """Go to the next (1) or previous (-1) match, wrapping; None if there is none."""
        if not self._matches:
            return None
        if self.current_match is None:
            target = 0 if direction > 0 else len(self._matches) - 1
        else:
            target = (self.current_match + direction) % len(self._matches)
        self.set_match(target)
        return target

    def set_match(self, index: int) -> None:
        old, self.current_match = self.current_match, index
        for i in (old, index):
            if i is not None:
                self._restyle_block(self._matches[i][0])
        self._scroll_to_match(index)

    def _scroll_to_match(self, index: int) -> None:
        if index != self.current_match or index >= len(self._matches):
            return  # another search or story meanwhile
        self.scroll_to_region(
            self.match_region(index), spacing=Spacing(2, 0, 2, 0), animate=False, immediate=True
        )

    def match_region(self, index: int) -> Region:
        block, start, _ = self._matches[index]
        y = self._block_first[block] if block < len(self._block_first) else 0
        while y + 1 < len(self._lines) and self._lines[y + 1][0] == block and self._lines[y][2] <= start:
            y += 1
        return Region(0, y, self.scrollable_content_region.width, 1)

    def _restyle_block(self, block: int) -> None:
        self._content.pop(block, None)
        y = self._block_first[block] if block < len(self._block_first) else 0
        while y < len(self._lines) and self._lines[y][0] == block:
            self._strips.pop(y, None)
            y += 1
        self.refresh()

    def _with_matches(self, block: int, content: Content) -> Content:
        if not self._matches:
            return content
        for n, (b, start, end) in enumerate(self._matches):
            if b == block:
                style = CURRENT_MATCH if n == self.current_match else MATCH
                content = content.stylize(f".{style}", start, end)
        return content
