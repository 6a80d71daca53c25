"""Roles and ranks before a name are not part of it.

"Housing campaigner Nia Rowlands" is Nia Rowlands; "Captain Rhian Morgan" is
Rhian Morgan (the rank stays in the written form); but "Ray Bishop", "Tucker
Hale" and "General Motors" keep every word.
"""

from __future__ import annotations

import pytest

from reader.model import Paragraph
from reader.quotes import analyze
from reader.quotes.names import parse


def speakers_of(*texts: str):
    quotes, speakers = analyze([Paragraph(t) for t in texts])
    return [q.speaker for q in quotes], speakers


def test_role_phrase_before_a_distant_cue_keeps_the_name():
    # The subject opens the sentence; the verb comes after "and"/"but".
    names, _ = speakers_of(
        "Housing campaigner Nia Rowlands praised the plan but said the “hard part” would be paying for it."
    )
    assert names == ["Nia Rowlands"]


@pytest.mark.parametrize(
    "text",
    [
        "Local shopkeeper Bryn Tudor closed early and said the works were “a slow disaster” for trade.",
        "Former transport minister Bryn Tudor backed the plan but said it came “ten years late”.",
    ],
)
def test_role_phrase_before_and_cue(text):
    names, _ = speakers_of(text)
    assert names == ["Bryn Tudor"]


@pytest.mark.parametrize(
    "text",
    [
        "Campaigner Nia Rowlands said: “We will keep going until the council listens.”",
        "“We will keep going until the council listens,” Campaigner Nia Rowlands said.",
        "Economist Nia Rowlands said: “We will keep going until the council listens.”",
    ],
)
def test_capitalised_role_noun_is_not_a_first_name(text):
    names, _ = speakers_of(text)
    assert names == ["Nia Rowlands"]


def test_listed_role_noun_before_a_surname():
    assert parse("Economist Rowlands").name == "Rowlands"


@pytest.mark.parametrize(
    "phrase, name",
    [
        ("Tucker Hale", "Tucker Hale"),  # -er, but a two-word name
        ("Carter Voss", "Carter Voss"),
        ("Victor Hugo Lopez", "Victor Hugo Lopez"),  # a given name ending in -or
        ("Julian Ross", "Julian Ross"),
    ],
)
def test_given_names_that_look_like_roles_are_kept(phrase, name):
    assert parse(phrase).name == name


@pytest.mark.parametrize(
    "phrase, name",
    [
        ("Captain Rhian Morgan", "Rhian Morgan"),
        ("Lieutenant Colonel Ray Dunn", "Ray Dunn"),
        ("Bishop Anne Wells", "Anne Wells"),
        ("Archbishop Anne Wells", "Anne Wells"),
        ("Councillor Mo Patel", "Mo Patel"),
        ("Rabbi Levi Cohen", "Levi Cohen"),
        ("Det. Insp. Ray Dunn", "Ray Dunn"),
        ("Superintendent Ray Dunn", "Ray Dunn"),
        ("Major Ray Dunn", "Ray Dunn"),
    ],
)
def test_ranks_and_offices_are_titles(phrase, name):
    info = parse(phrase)
    assert info.kind == "name" and info.name == name


def test_rank_stays_in_the_written_form():
    names, speakers = speakers_of("“The channel is clear,” said Captain Rhian Morgan.")
    assert names == ["Rhian Morgan"]
    assert speakers[0].aliases == ("Captain Rhian Morgan",)


def test_rank_in_apposition_and_a_later_pronoun():
    names, _ = speakers_of(
        "The harbour pilot, Captain Rhian Morgan, closed the channel at noon.",
        "“The swell is too big for small boats today,” she said.",
    )
    assert names == ["Rhian Morgan"]


@pytest.mark.parametrize(
    "texts, name",
    [
        (["“It was a mistake,” Ray Bishop said."], "Ray Bishop"),
        (["“It was a mistake,” John Major said."], "John Major"),
        (["“It was a mistake,” David Duke said."], "David Duke"),
        (["Rep. Ray Bishop spoke first.", "“We will vote no,” Bishop said."], "Ray Bishop"),
        (["Sir John Major spoke first.", "“We will vote no,” Major said."], "John Major"),
    ],
)
def test_titles_that_are_also_surnames(texts, name):
    names, _ = speakers_of(*texts)
    assert names == [name]


def test_a_title_before_an_organisation_word_is_part_of_the_name():
    names, _ = speakers_of("“Sales rose sharply this year,” General Motors said.")
    assert names == ["General Motors"]


def test_pronoun_after_a_role_and_name_takes_the_name():
    names, _ = speakers_of(
        "Campaigner Nia Rowlands welcomed the vote on Friday.",
        "“It is a good day for the whole city,” she said.",
    )
    assert names == ["Nia Rowlands"]


@pytest.mark.parametrize(
    "phrase, form",
    [
        ("Sgt. Ray Dunn", "Sgt. Ray Dunn"),
        ("Lieutenant Colonel Ray Dunn", "Lieutenant Colonel Ray Dunn"),
        ("Father Tom Reilly", "Father Tom Reilly"),
        ("Mr Dunn", "Mr Dunn"),
        ("Professor Ray Dunn", "Professor Ray Dunn"),  # like "Prof." and "Dr"
        ("President Ray Dunn", "Ray Dunn"),  # an office, not a form of address
    ],
)
def test_written_form_keeps_ranks_and_forms_of_address(phrase, form):
    assert parse(phrase).form == form


def test_a_given_name_before_an_initial_is_not_a_role():
    # "Brewster" ends like a role noun, but roles are not followed by initials.
    assert parse("Brewster H. Dunn").name == "Brewster H. Dunn"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Local shop owners said the new tax was “not fair” to them.", "Local shop owners"),
        ("Shop owners in Munich said the tax was “not fair” to them.", "Shop owners in Munich"),
        ("Israeli officials said the talks were “going nowhere”.", "Israeli officials"),
        ("The Labour leader said the vote was “a disgrace”.", "Labour leader"),
        ("A Ferris spokesman said the report was “fake”.", "Ferris spokesman"),
        ("Chinese foreign ministry spokesperson said talks could resume “any time”.",
         "Chinese foreign ministry spokesperson"),
    ],
)
def test_a_name_that_qualifies_a_common_noun_is_a_description(text, speaker):
    # "Israeli" or "Labour" is not the person speaking: the noun after it is.
    names, _ = speakers_of(text)
    assert names == [speaker]


def test_a_role_before_a_name_still_gives_the_name():
    assert parse("Ferris campaign chairman Owen Marsh").name == "Owen Marsh"
    assert parse("Mr Kim").name == "Kim"
