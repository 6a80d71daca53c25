"""The app's way to the People screen: P, and from a story the current quotation's speaker."""

from __future__ import annotations


class PeopleActions:
    def action_people(self, name: str | None = None) -> None:
        from reader.quotes.firstnames import first_name_gender as gender
        from reader.quotes.firstnames import is_given_name
        from reader.errors import BylineError
        from reader.ui.people import PeopleScreen

        try:
            people = self.library.people(gender, is_given_name)
        except BylineError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if not any(p.quotes for p in people):
            self.notify("No quotations in the library yet.", markup=False)
            return
        self.push_screen(PeopleScreen(people, self.library.person_quotes, name), self._open_quotation)

    def action_speaker_page(self) -> None:
        story = self.story
        quote = story.quotes[story.current] if story.current is not None else None
        if quote is None or not quote.speaker:
            self.notify("Move to a quotation first (n), then w shows its speaker.", markup=False, timeout=3)
            return
        self.action_people(quote.speaker)

    def _open_quotation(self, where: tuple[str, int, int] | None) -> None:
        if where is None:
            return
        article_id, paragraph, start = where
        self.open_article(article_id)
        story = self.story
        if story.article is None or story.article.id != article_id:
            return
        for index, quote in enumerate(story.quotes):
            if quote.paragraph == paragraph and quote.start == start:
                self.call_after_refresh(story.set_current, index)
                break
