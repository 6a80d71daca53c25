"""Grouping mentions into speakers and naming them."""

from __future__ import annotations

from reader.model import Paragraph
from reader.quotes import analyze


def speakers_of(*texts: str):
    quotes, speakers = analyze([Paragraph(t) for t in texts])
    return [q.speaker for q in quotes], speakers


def test_aliases_group_under_the_fullest_name():
    names, speakers = speakers_of(
        'Dora J. Quill spoke first. "We will win," Quill said.',
        '"We will win big," Ms. Quill added.',
    )
    assert names == ["Dora J. Quill", "Dora J. Quill"]
    assert len(speakers) == 1 and speakers[0].quotes == 2
    assert set(speakers[0].aliases) >= {"Quill", "Ms. Quill"}


def test_family_name_first():
    names, _ = speakers_of(
        "Envoy Park Sun-hee arrived on Monday.",
        '"We are ready," Ms Park said.',
    )
    assert names == ["Park Sun-hee"]


def test_role_phrase_is_stripped_from_the_name():
    names, _ = speakers_of(
        '"Talks will resume," US envoy Colin Hale said.',
        '"We hope so," South Korea\'s envoy Park Sun-hee said.',
    )
    assert names == ["Colin Hale", "Park Sun-hee"]


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
        "Mr. Ferris read the reports every morning.",
        '"My adviser, Carl Ode, brings me charts," he said.',
    )
    assert names == ["Ferris"]


def test_pronouns_follow_the_last_speaker_until_someone_else_is_named():
    names, _ = speakers_of(
        '"It was wonderful," Marisol said.',
        '"I will go again," she said.',
        "Her husband Bo Zell stayed home.",
        '"I was tired," he said.',
    )
    assert names == ["Marisol", "Marisol", "Bo Zell"]


def test_epithet_refers_to_the_person_of_its_gender():
    names, _ = speakers_of(
        '"He is not fit," Joan Ferris said.',
        'Hal Brandt answered at a rally. "She has no stamina," the Ohio businessman said.',
    )
    assert names == ["Joan Ferris", "Hal Brandt"]


def test_full_name_from_a_title_case_headline():
    quotes, _ = analyze(
        [
            Paragraph("Joan Ferris Takes On Hal Brandt", "heading"),
            Paragraph('"He is a fraud," Ferris said.'),
        ]
    )
    assert [q.speaker for q in quotes] == ["Joan Ferris"]


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


# -- pronouns weigh the names before them --------------------------------


def test_a_surname_alone_takes_the_gender_of_its_fuller_form():
    names, _ = speakers_of(
        '"We are ready," Marisol Ortiz said.',
        "Ortiz, the ranking member, spoke after Tom Webb left the room.",
        '"We will win the vote," she said.',
    )
    assert names == ["Marisol Ortiz", "Marisol Ortiz"]


def test_the_subject_outweighs_a_later_object():
    names, _ = speakers_of(
        "Martha Quill praised her neighbour Ruth Dale at the dinner.",
        '"She works harder than anyone I know," she said.',
    )
    assert names == ["Martha Quill"]


def test_a_surname_followed_by_his_or_her_has_that_gender():
    names, _ = speakers_of(
        "Tom Webb chose the other team.",
        'Pell openly admitted that his pick was a gamble. "It was a hunch," he said.',
    )
    assert names == ["Pell"]


def test_a_sentence_opened_by_the_pronoun_carries_its_person_on():
    names, _ = speakers_of(
        "Lance Odom, 49, a retired nurse, said the mayor should resign. He attended"
        " the rally, though he might still vote for Senator Bob Hale.",
        '"I ask my wife what she thinks," he said.',
    )
    assert names == ["Lance Odom"]


def test_a_name_after_a_reporting_verb_is_its_object_unless_a_quotation_precedes():
    names, _ = speakers_of(
        'Rhys Hale asked Tom Webb how tall the wall would be. "Very tall," he said.',
    )
    assert names == ["Rhys Hale"]


def test_an_epithet_goes_to_the_person_a_pronoun_would_be():
    names, _ = speakers_of(
        '"We expect a deal," Ms Dora Quill said.',
        "Senator Ray Pardo also called for talks on Wednesday.",
        '"The other side is worried too," the Vermont senator said.',
    )
    assert names == ["Dora Quill", "Ray Pardo"]


def test_the_company_is_the_latest_organisation_named():
    names, _ = speakers_of(
        "A notice from Royal Widget Group said the plant would close in May.",
        '"We regret the loss of these jobs," the company said.',
    )
    assert names == ["Royal Widget Group"]


def test_a_short_name_takes_the_organisation_it_stands_for():
    names, _ = speakers_of(
        "Hollin Energy gave its rival a third of its mines.",
        '"It was a fair split," Hollin said.',
    )
    assert names == ["Hollin Energy"]


def test_a_name_that_opens_without_a_given_name_grows_to_its_full_form():
    names, _ = speakers_of(
        "Bhekisisa Zanele Mvula won the vote on Sunday.",
        '"We did it together," Zanele Mvula said.',
    )
    assert names == ["Bhekisisa Zanele Mvula"]


def test_two_full_names_joined_by_and_are_one_joint_speaker():
    names, speakers = speakers_of(
        '"We are worried," Dora Quill and Ray Pardo said.',
        'Rosa and Tom Hale said: "We agree with the plan."',
    )
    assert names == ["Dora Quill and Ray Pardo", "Tom Hale"]


def test_a_pronoun_goes_to_who_reports_in_the_sentence_before():
    # The one who warned just before goes on speaking, though the last
    # quoted speaker is named again in that sentence, as an object.
    names, _ = speakers_of(
        '"We did nothing wrong," Mayor Tom Barker said.',
        "Barker called the audit unfair. Jude Okafor, a city auditor, warned on Friday"
        " that the council's move against Barker could damage trust.",
        '"The stakes are higher than one budget," he wrote.',
    )
    assert names == ["Tom Barker", "Jude Okafor"]


def test_the_reporter_at_the_end_of_the_sentence_before_outweighs_its_opener():
    names, _ = speakers_of(
        "Mayor Tom Barker is running again, and his old ally Jude Okafor is back at his side.",
        "Barker is not only right on the issues, he is also the strongest candidate Okafor argues.",
        '"Barker is our best debater," he says.',
    )
    assert names == ["Jude Okafor"]


def test_a_name_in_the_pronouns_own_sentence_comes_before_the_reporter_before_it():
    names, _ = speakers_of(
        "Mayor Tom Barker said the budget was balanced.",
        'Councillor Ray Voss started the row when he stood up and said, "This is a disgrace."',
    )
    assert names == ["Ray Voss"]


def test_a_person_the_quotation_talks_about_is_not_its_speaker():
    # Barker opens the sentence before (as a possessive), but the quotation
    # names him: the pronoun is the other man's.
    names, _ = speakers_of(
        '"The audit was fair," Mayor Tom Barker said on Monday.',
        "Barker's budget was backed on Friday by Councillor Jude Okafor, who said the audit had been rushed.",
        '"Mayor Barker cannot be blamed for a rushed audit," he said.',
    )
    assert names == ["Tom Barker", "Jude Okafor"]


def test_the_one_a_cue_addresses_is_not_the_speaker():
    names, _ = speakers_of(
        '"We will build it," Mayor Tom Barker said on Sunday.',
        "Host Dan Creel wanted to know the cost of the new wall.",
        '"It will pay for itself," he told Creel.',
    )
    assert names == ["Tom Barker", "Tom Barker"]


def test_an_organisation_quoted_last_is_no_he_or_she():
    names, _ = speakers_of(
        "Senator Ray Pardo was asked about his tax plan, which the Budget Institute estimates"
        ' would cost "more than any new program in a decade."',
        '"Families come first, and the most important job any of us will ever have is raising a child," he said.',
    )
    assert names == ["Budget Institute", "Ray Pardo"]
