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
