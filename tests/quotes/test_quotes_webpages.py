"""Invented web pages: words that look like speakers never become speakers."""

from __future__ import annotations

import pytest

from reader.model import Paragraph
from reader.quotes import analyze
from reader.quotes.language import english
from tests.quotes.webpages import FOREIGN, PAGES


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_web_page_names_no_non_speaker(page):
    quotes, speakers = analyze(page.paragraphs)
    names = {s.name for s in speakers}
    assert not names & page.not_speakers
    assert names <= page.speakers, names - page.speakers
    assert len(quotes) == page.quotes


@pytest.mark.parametrize("page", FOREIGN, ids=lambda p: p.name)
def test_an_article_in_another_language_gets_no_invented_speaker(page):
    quotes, speakers = analyze(page.paragraphs)
    assert speakers == ()
    assert all(q.speaker is None and q.mention is None for q in quotes)


def test_english_is_told_from_other_languages():
    assert all(english([p.text for p in page.paragraphs]) for page in PAGES)
    assert not any(english([p.text for p in page.paragraphs]) for page in FOREIGN)
    assert english(["Too short to tell."])  # a few words: taken as English


def test_the_same_words_in_english_keep_their_speaker():
    # The Portuguese page's pattern in English: the speaker is found.
    quotes, _ = analyze([Paragraph("“The pupils love it,” said Marta Souza, the head teacher.")])
    assert [q.speaker for q in quotes] == ["Marta Souza"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Dana Ortiz allegedly told investigators, “I never saw the money.”", "Dana Ortiz"),
        ("“We regret the delay,” a statement from Norrland Rail said.", "Norrland Rail"),
        ("“No comment,” Jane Roe’s lawyer said.", "Jane Roe’s lawyer"),
        ("“We are ready,” said the envoy to Chile Kurt Volkmann.", "Kurt Volkmann"),
        ("“The pad is secured,” the White House said.", "White House"),
        ("In a radio interview Pavel Ostrow said, “We are short of staff.”", "Pavel Ostrow"),
        ("That was when Tove Lind first learned who had written it: “We were stunned.”", "Tove Lind"),
    ],
)
def test_the_speaker_is_the_whole_name(text, speaker):
    # Each a trap's pattern with the speaker it hides.
    quotes, _ = analyze([Paragraph(text)])
    assert [q.speaker for q in quotes] == [speaker]
