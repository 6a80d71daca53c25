"""Cues and speaker mentions, on small sentences written for the purpose."""

from __future__ import annotations

import pytest

from reader.model import Paragraph
from reader.quotes import analyze


def run(*texts: str):
    quotes, speakers = analyze([Paragraph(t) for t in texts])
    return quotes, speakers


def one(*texts: str):
    quotes, _ = run(*texts)
    assert len(quotes) == 1, quotes
    return quotes[0]


@pytest.mark.parametrize(
    ("text", "cue", "mention"),
    [
        ('"We will win," Ann Lee said.', "said", "Ann Lee"),
        ('"We will win," she told reporters.', "told", "she"),
        ('"We will win," Tom Hart added.', "added", "Tom Hart"),
        ('"Prices will rise," the central bank warned.', "warned", "the central bank"),
        ('"It is over," said Mr Hill.', "said", "Mr Hill"),
        ('Ann Lee said: "We will win."', "said", "Ann Lee"),
        ('According to Tom Hart, "the plan is dead."', "According to", "Tom Hart"),
        (
            '"We are ready," Ann Lee said in a statement.',
            "said in a statement",
            "Ann Lee",
        ),
        ('Tom Hart was blunt: "The plan is dead and we all know it."', ":", "Tom Hart"),
    ],
)
def test_cue_and_mention(text, cue, mention):
    q = one(text)
    assert q.cue == cue
    assert q.mention is not None and q.mention.text == mention


def test_aside_between_speaker_and_verb():
    q = one('"She was a fair chair," Dame Ruth Orme, who followed her, said.')
    assert q.mention.text == "Dame Ruth Orme"
    assert q.speaker == "Ruth Orme"


def test_dash_before_the_attribution():
    q = one("“We are not done yet” — Ann Lee said on Monday.")
    assert q.mention.text == "Ann Lee"


def test_speaker_in_the_sentence_before():
    quotes, _ = run('Ann Lee was asked about the vote. She put it simply: "We lost, and we know why."')
    assert quotes[0].speaker == "Ann Lee"


def test_split_quotation_shares_speaker_and_group():
    quotes, _ = run('"We lost," Ann Lee said. "But we will be back next year."')
    assert [q.speaker for q in quotes] == ["Ann Lee", "Ann Lee"]
    assert quotes[0].group == quotes[1].group


def test_quote_paragraph_without_cue_inherits_previous_speaker():
    quotes, _ = run(
        '"We lost this time," Tom Hart said on Sunday.',
        '"We will learn from it and we will come back stronger than before."',
    )
    assert [q.speaker for q in quotes] == ["Tom Hart", "Tom Hart"]
    assert quotes[1].mention == quotes[0].mention


def test_multi_paragraph_quotation_gets_one_speaker_and_group():
    quotes, _ = run(
        "Ann Lee said: “We came here to work. We will stay.",
        "“And we will finish the job.”",
    )
    assert [q.speaker for q in quotes] == ["Ann Lee", "Ann Lee"]
    assert quotes[0].group == quotes[1].group


@pytest.mark.parametrize(
    "text",
    [
        'The so-called "reform" was passed on Tuesday.',
        'They watched "Gone With the Wind" again.',
        'Voters who feel "left behind" turned out in large numbers.',
    ],
)
def test_scare_quotes_and_titles_are_not_speech(text):
    quotes, _ = run(text)
    assert quotes == ()


def test_partial_quote_in_reported_speech_is_kept():
    q = one('Ann Lee said the plan would be "dead on arrival" in the Senate.')
    assert q.speaker == "Ann Lee" and q.cue == "said"


def test_noun_lookalikes_are_not_cues():
    q = one('Tom Hart said the talks would resume "very soon".')
    assert q.mention.text == "Tom Hart"


def test_dash_credit_after_a_quotation():
    q = one("“We need a leader who listens to all of us.” ― Ana Ruiz")
    assert q.cue == "―" and q.speaker == "Ana Ruiz"


def test_dash_credit_in_the_paragraph_after_a_quotation():
    quotes, _ = run(
        '"Rents have doubled and wages have not moved at all."',
        "- Ana Ruiz.",
        '"Great night for the city. Thank you all."',
        "—Councillor Ray Pardo, writing on his blog.",
    )
    assert [(q.speaker, q.mention.paragraph) for q in quotes] == [("Ana Ruiz", 1), ("Ray Pardo", 3)]


def test_a_dash_line_that_names_no_one_credits_nothing():
    quotes, _ = run('"Rents have doubled and wages have not moved at all."', "- The end.")
    assert [q.speaker for q in quotes] == [None]


def test_quoted_show_title_is_not_speech():
    quotes, _ = run('Speaking on "Meet the Press," Senator Ann Lee said she would run.')
    assert quotes == ()


def test_nickname_inside_a_name_is_not_speech():
    quotes, _ = run('State Sen. Robert "Bobby" Vane shouted to the crowd.')
    assert quotes == ()


def test_single_quoted_subheading_line_is_not_speech():
    quotes, _ = run(
        '"We lost this time," Tom Hart said on Sunday.',
        "'There is so much anger.'",
    )
    assert [q.text for q in quotes] == ["We lost this time,"]


def test_labelling_verb_attributes_the_label():
    q = one('Ann Lee calls them "lone wolves" and moves on.')
    assert q.speaker == "Ann Lee"


def test_colon_after_an_introductory_phrase():
    q = one('With prices rising, Mayor Tess Gallo is trying out a new slogan: "It is about rent."')
    assert q.cue == ":" and q.speaker == "Tess Gallo"


def test_new_sentence_after_a_quote_is_not_its_attribution():
    quotes, _ = run('"We will see." Ann Lee said the plan was dead and that nobody would vote for it.')
    assert all(q.speaker != "Ann Lee" for q in quotes)


def test_plural_noun_lookalike_after_possessive_is_not_a_cue():
    q = one("The article used one of the farmer’s quotes as its title: “Rain, at last, and plenty of it.”")
    assert q.cue == ":" and q.mention.text == "The article"


def test_uk_style_split_quotation():
    quotes, _ = run("'It is a fine morning,' said Home Secretary Alma Reyes. 'We will not turn back.'")
    assert [q.speaker for q in quotes] == ["Alma Reyes", "Alma Reyes"]
    assert quotes[0].group == quotes[1].group
    assert quotes[0].mention.text == "Home Secretary Alma Reyes"


def test_name_in_apposition_after_a_role():
    q = one("The union's chief negotiator, Pia Lund, told the radio station: 'We will oppose it.'")
    assert q.speaker == "Pia Lund" and q.cue == "told"


def test_party_and_state_after_a_name():
    q = one('"We are going all the way," Gov. Neil Harrow (R-Ohio) said.')
    assert q.mention.text == "Gov. Neil Harrow" and q.speaker == "Neil Harrow"


def test_lead_in_phrase_is_not_the_speaker():
    q = one('In a note to the council, her deputy, Owen Marsh, said: "Patience is essential."')
    assert q.speaker == "Owen Marsh"


def test_title_after_a_comma_and_its_kind_is_not_speech():
    quotes, _ = run("In her 2009 book, ''Grow Your Own Orchard,'' Ms. Pruitt suggested planting early.")
    assert quotes == ()


def test_inverted_verb_before_role_and_name():
    q = one('"He is special," said veteran activist Ben Ostrow, who backs nobody.')
    assert q.mention.text == "veteran activist Ben Ostrow" and q.speaker == "Ben Ostrow"


def test_role_in_apposition_after_the_quotation():
    q = one('"The north held firm," the mayor\'s campaign manager, Iris Vale, said in an interview.')
    assert q.speaker == "Iris Vale"


def test_role_words_before_a_first_name_are_dropped():
    q = one('"We will fight," Senate Minority Whip Dora Quill said.')
    assert q.speaker == "Dora Quill"


def test_an_unknown_word_before_a_given_name_stays_in_the_name():
    # "Marisol" and "Ondine" are given names; "Zebulah" is in no list: not a role.
    assert one('"We are ready," said Marisol Angela Price.').speaker == "Marisol Angela Price"
    assert one('"We are ready," said Zebulah Angela Price.').speaker == "Zebulah Angela Price"
    assert one('"We are ready," said Campaigner Ondine Price.').speaker == "Ondine Price"


def test_role_then_name_opening_a_sentence_before_a_colon():
    q = one("Independent mayoral candidate Rosa Delgado took to Twitter, writing: “We will win.”")
    assert q.speaker == "Rosa Delgado"


def test_cue_in_the_sentence_before_in_the_same_paragraph():
    q = one('Tom Hart, the party chairman, said in a statement. "There are no ballots left to count."')
    assert q.speaker == "Tom Hart" and q.cue == "said in a statement"


def test_cue_in_the_last_sentence_of_the_paragraph_before():
    quotes, _ = run(
        "Ann Lee said on Monday that she would not run again.",
        '"I have done my part and it is time for someone new to lead us."',
    )
    assert [q.speaker for q in quotes] == ["Ann Lee"]
    assert quotes[0].mention.paragraph == 0


def test_list_of_quoted_titles_is_not_speech():
    quotes, _ = run('The singer, who starred in “Harbour Lights” and “A Winter of Swans,” posted it.')
    assert quotes == ()


def test_label_after_a_conjunction_keeps_its_verb():
    q = one('Tom Hart mocks his rivals and calls them "cowards" at every rally.')
    assert q.cue == "calls" and q.speaker == "Tom Hart"


def test_every_paragraph_of_a_long_quotation_is_kept_short_or_not():
    quotes, _ = run(
        "Ann Lee said: “We came here to work.",
        "“We will stay.",
        "“And we will finish the job.”",
    )
    assert [(q.paragraph, q.text) for q in quotes] == [
        (0, "We came here to work."),
        (1, "We will stay."),
        (2, "And we will finish the job."),
    ]
    assert {q.speaker for q in quotes} == {"Ann Lee"} and len({q.group for q in quotes}) == 1


def test_a_split_quotation_running_on_over_paragraphs_is_one_group():
    quotes, _ = run(
        "“We came here to work,” Ann Lee said. “We will stay.",
        "“And more.",
        "“And we will finish the job.”",
    )
    assert [q.text for q in quotes] == [
        "We came here to work,",
        "We will stay.",
        "And more.",
        "And we will finish the job.",
    ]
    assert {q.speaker for q in quotes} == {"Ann Lee"} and len({q.group for q in quotes}) == 1


@pytest.mark.parametrize(
    "text",
    [
        '"Welcome, all," said master of ceremonies Ana Ruiz, a retired teacher.',
        '"We will stay," said former secretary of state Ana Ruiz, who spoke first.',
    ],
)
def test_inverted_role_with_an_of_tail_before_the_name(text):
    assert one(text).speaker == "Ana Ruiz"


def test_a_multiword_title_case_phrase_is_not_a_pronouns_person():
    names = [q.speaker for q in run(
        "The Minimum Wage Act passed. Dora Quill backed it.",
        '"It is a start," she said.',
    )[0]]
    assert names == ["Dora Quill"]


@pytest.mark.parametrize(
    "text",
    [
        '"We are ready for anything," the Herald quoted Dora Quill as saying.',
        'The Herald quoted Dora Quill as saying: "We are ready for anything."',
        'Ray Pardo recalls Dora Quill saying, "We are ready for anything."',
    ],
)
def test_relayed_speech_is_the_quoted_persons(text):
    assert one(text).speaker == "Dora Quill"
