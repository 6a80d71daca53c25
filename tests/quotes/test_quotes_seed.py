"""The seed article: the reference case for attribution."""

from __future__ import annotations

from pathlib import Path

from reader.quotes import analyze
from tests.quotes.seed_body import SEED_BODY

SEED_FILE = Path(__file__).resolve().parents[2] / "seeds" / "000_8c01498c710a7303.txt"


def test_fixture_matches_the_seed_file():
    text = SEED_FILE.read_text(encoding="utf-8")
    for p in SEED_BODY:
        line = p[0] if isinstance(p, tuple) else p
        assert line in text


def test_quotes_seed_yields_seven_quotations_with_their_speakers(seed_paragraphs):
    quotes, _ = analyze(seed_paragraphs)
    got = [(q.text, q.speaker) for q in quotes]
    assert [t[:25] for t, _ in got] == [
        "equal level",
        "very soon",
        "relevant parties can have",
        "any time",
        "We have taken defensive m",
        "As we have attained that ",
        "get going at some point v",
    ]
    assert [s for _, s in got] == [
        "Kim Kye-gwan",
        "Christopher Hill",
        "Chinese foreign ministry spokesperson",
        "Kim Kye-gwan",
        "Kim Kye-gwan",
        "Kim Kye-gwan",
        "Christopher Hill",
    ]


def test_quotes_seed_offsets_cover_the_marks(seed_paragraphs):
    quotes, _ = analyze(seed_paragraphs)
    for q in quotes:
        text = seed_paragraphs[q.paragraph].text
        assert text[q.start] == '"' and text[q.end - 1] == '"'
        assert text[q.start + 1 : q.end - 1].strip() == q.text


def test_quotes_seed_heading_in_quotes_is_not_speech(seed_paragraphs):
    quotes, _ = analyze(seed_paragraphs)
    assert all(seed_paragraphs[q.paragraph].kind != "heading" for q in quotes)


def test_quotes_seed_speakers_in_order_of_first_appearance(seed_paragraphs):
    _, speakers = analyze(seed_paragraphs)
    assert [s.name for s in speakers] == [
        "Kim Kye-gwan",
        "Christopher Hill",
        "Chinese foreign ministry spokesperson",
    ]
    assert [s.quotes for s in speakers] == [4, 2, 1]
    kim = speakers[0]
    assert "Mr Kim" in kim.aliases and "he" in kim.aliases


def test_quotes_seed_inherited_quote_keeps_the_speakers_mention(seed_paragraphs):
    quotes, _ = analyze(seed_paragraphs)
    inherited = quotes[5]
    assert inherited.mention is not None and inherited.mention.paragraph == 8
    assert inherited.mention.text == "he"
    assert quotes[4].mention.text == "he" and quotes[4].cue == "told"
