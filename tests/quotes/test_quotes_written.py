"""Written text after a noun cue is speech: signs, messages, emails."""

from __future__ import annotations

import pytest

from reader.model import Paragraph
from reader.quotes import analyze


def _quotes(*texts: str):
    return analyze([Paragraph(t) for t in texts])[0]


@pytest.mark.parametrize(
    ("text", "quote", "mention"),
    [
        ('A teenager hoisted a sign that read "Vote Tuesday!" at the gate.', "Vote Tuesday!", "a sign"),
        ('The page showed a message that said, "Sorry, this item is gone."', "Sorry, this item is gone.", "a message"),
        ('"We need every volunteer this weekend," the email said.', "We need every volunteer this weekend,", "the email"),
        ("“I am still here,” it read.", "I am still here,", "it"),
    ],
)
def test_written_text_is_quoted_with_what_carries_it(text, quote, mention):
    quotes = _quotes(text)
    assert [q.text for q in quotes] == [quote]
    assert quotes[0].mention is not None and quotes[0].mention.text == mention


def test_it_read_does_not_borrow_the_speaker_before():
    quotes = _quotes("“We won,” said Ana Ruiz.", "A banner went up at noon.", "“Thank you, voters,” it read.")
    assert [q.speaker for q in quotes] == ["Ana Ruiz", None]


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ('"Not a chance," blurted out Mara Quist.', "Mara Quist", "blurted out"),
        ('Mara Quist shot back, "Not a chance."', "Mara Quist", "shot back"),
        ('"Please stay," Mara Quist implored.', "Mara Quist", "implored"),
        ('"They will be back," Tove Lind surmised.', "Tove Lind", "surmised"),
    ],
)
def test_reporting_verbs_with_particles(text, speaker, cue):
    quotes = _quotes(text)
    assert [(q.speaker, q.cue) for q in quotes] == [(speaker, cue)]
