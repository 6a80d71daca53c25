"""Reading what widgets show, for Pilot tests."""

from __future__ import annotations


def widget_lines(widget) -> list[str]:
    """The text of each line the widget draws now (Line API widgets)."""
    return [widget.render_line(y).text for y in range(widget.scrollable_content_region.height)]


def region_on_screen(story, index: int) -> bool:
    region = story.quote_region(index)
    top = story.scroll_offset.y
    return top <= region.y and region.bottom <= top + story.scrollable_content_region.height
