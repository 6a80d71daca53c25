"""Grouping mentions into speakers and naming them."""

from __future__ import annotations

from reader.model import Paragraph
from reader.quotes import analyze


def speakers_of(*texts: str):
    quotes, speakers = analyze([Paragraph(t) for t in texts])
    return [q.speaker for q in quotes], speakers


def test_aliases_group_under_the_fullest_name():
    names, speakers = speakers_of(
        'Donald J. Trump spoke first. "We will win," Trump said.',
        '"We will win big," Mr. Trump added.',
    )
    assert names == ["Donald J. Trump", "Donald J. Trump"]
    assert len(speakers) == 1 and speakers[0].quotes == 2
    assert set(speakers[0].aliases) >= {"Trump", "Mr. Trump"}


def test_family_name_first():
    names, _ = speakers_of(
        "Envoy Kim Kye-gwan arrived on Monday.",
        '"We are ready," Mr Kim said.',
    )
    assert names == ["Kim Kye-gwan"]


def test_role_phrase_is_stripped_from_the_name():
    names, _ = speakers_of(
        '"Talks will resume," US envoy Christopher Hill said.',
        '"We hope so," North Korea\'s envoy Kim Kye-gwan said.',
    )
    assert names == ["Christopher Hill", "Kim Kye-gwan"]


def test_pronoun_takes_the_latest_person_of_its_gender():
    names, _ = speakers_of(
        '"We will vote no," Mary Stone said.',
        "Mr Brown met Ms Stone later.",
        '"It was a good talk," he said.',
        '"I agree," she said.',
    )
    assert names == ["Mary Stone", "Brown", "Mary Stone"]


def test_unnamed_speaker_is_a_descriptive_phrase():
    names, speakers = speakers_of('"Talks will resume," a Chinese foreign ministry spokesperson said.')
    assert names == ["Chinese foreign ministry spokesperson"]
    assert speakers[0].aliases == ("a Chinese foreign ministry spokesperson",)


def test_no_speaker_gives_none():
    quotes, speakers = analyze(
        [Paragraph('"This long quotation stands alone in its own paragraph without any cue at all."')]
    )
    assert [q.speaker for q in quotes] == [None] and speakers == ()


def test_names_inside_quotations_are_not_antecedents():
    names, _ = speakers_of(
        "Mr. Obama read the reports every morning.",
        '"My adviser, John Holdren, brings me charts," he said.',
    )
    assert names == ["Obama"]


def test_pronouns_follow_the_last_speaker_until_someone_else_is_named():
    names, _ = speakers_of(
        '"It was wonderful," Melanie said.',
        '"I will go again," she said.',
        "Her husband Bo Zell stayed home.",
        '"I was tired," he said.',
    )
    assert names == ["Melanie", "Melanie", "Bo Zell"]


def test_epithet_refers_to_the_person_of_its_gender():
    names, _ = speakers_of(
        '"He is not fit," Hillary Clinton said.',
        'Donald Trump answered at a rally. "She has no stamina," the New York businessman said.',
    )
    assert names == ["Hillary Clinton", "Donald Trump"]


def test_full_name_from_a_title_case_headline():
    quotes, _ = analyze(
        [
            Paragraph("Hillary Clinton Goes After Donald Trump", "heading"),
            Paragraph('"He is a fraud," Clinton said.'),
        ]
    )
    assert [q.speaker for q in quotes] == ["Hillary Clinton"]


def test_plural_pronoun_has_no_single_speaker():
    names, _ = speakers_of("Ann Lee and Tom Hart met.", '"We agree," they said.')
    assert names == [None]


def test_places_are_not_taken_for_people():
    names, _ = speakers_of("The rally was held in New York on Monday.", '"We are back," he said.')
    assert names == [None]


def test_an_alias_differing_only_in_case_is_listed_once():
    paragraphs = [
        Paragraph("Ellen Marsh closed the pier. “Stay back,” she said."),
        Paragraph("She said: “The sea is rough.”"),
    ]
    _, speakers = analyze(paragraphs)
    assert [s.name for s in speakers] == ["Ellen Marsh"]
    assert [a.casefold() for a in speakers[0].aliases] == ["she"]
