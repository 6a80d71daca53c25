"""Reading keys that work wherever focus is: paging the story, jumping in the list.

A mixin for ReaderApp (it uses ``self.story``, ``self.sidebar``,
``open_article`` and ``action_next_unread``). Space pages down and, at the
end of a story, opens the next unread one, as newsboat and mutt do.
"""

from __future__ import annotations


class ReadingActions:
    def _scroll_story(self, y: float) -> None:
        story = self.story
        story.scroll_to(y=max(0, min(y, story.max_scroll_y)), animate=False, immediate=True)

    def _page(self) -> int:
        return max(1, self.story.scrollable_content_region.height)

    def action_page_down(self) -> None:
        story = self.story
        if story.article is None:
            self.action_next_article()  # nothing open: space opens the highlighted row
        elif story.scroll_y >= story.max_scroll_y:
            self.action_next_unread()
        else:
            self._scroll_story(story.scroll_y + self._page())

    def action_page_up(self) -> None:
        self._scroll_story(self.story.scroll_y - self._page())

    def action_half_page_down(self) -> None:
        self._scroll_story(self.story.scroll_y + max(1, self._page() // 2))

    def action_half_page_up(self) -> None:
        self._scroll_story(self.story.scroll_y - max(1, self._page() // 2))

    def action_story_top(self) -> None:
        self._scroll_story(0)

    def action_story_end(self) -> None:
        self._scroll_story(self.story.max_scroll_y)

    def _open_at(self, index: int) -> None:
        sidebar = self.sidebar
        if not sidebar.option_count:
            self.notify(sidebar.empty_text, markup=False, timeout=3)
            return
        option = sidebar.get_option_at_index(index % sidebar.option_count)
        if option.id:
            self.open_article(option.id)

    def action_first_article(self) -> None:
        self._open_at(0)

    def action_last_article(self) -> None:
        self._open_at(-1)
