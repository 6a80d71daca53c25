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


def test_a_short_phrase_far_from_its_verb_is_a_scare_quote():
    text = (
        "Ana Ruiz said on Monday that the party, which has lost two seats since May, "
        "could face a “contested convention” in the summer."
    )
    assert _quotes(text) == ()


def test_a_short_phrase_next_to_its_verb_is_quoted():
    quotes = _quotes("Ana Ruiz said the talks would resume “very soon” after the vote.")
    assert [(q.text, q.speaker) for q in quotes] == [("very soon", "Ana Ruiz")]


def test_a_title_after_a_title_noun_is_no_quotation_at_any_length():
    text = "Her book “Why We Lie to Ourselves and Others About Money and Love,” she said, took ten years."
    assert _quotes(text) == ()


def test_a_title_case_quotation_next_to_its_verb_is_speech():
    quotes = _quotes("“We Will Not Be Moved,” Ana Ruiz said at the rally.")
    assert [(q.text, q.speaker) for q in quotes] == [("We Will Not Be Moved,", "Ana Ruiz")]
