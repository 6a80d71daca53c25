"""People across the library: one person under several forms, namesakes kept apart."""

from __future__ import annotations

from reader.library.people import build, find, split_name
from reader.quotes.firstnames import first_name_gender, is_given_name

from tests.library.articles import day, make_article


def test_one_person_quoted_in_three_articles_under_three_forms_is_one_person(library):
    library.add_many([
        make_article(1, speakers=("Marisol K. Ibarra",), published=day(2)),
        make_article(2, speakers=("Marisol Ibarra",), published=day(6)),
        make_article(3, speakers=("Ms. Ibarra",), published=day(4)),
        make_article(4, speakers=("harbour authority",), published=day(5)),
    ])
    people = library.people(first_name_gender)
    ibarra = find(people, "ibarra")
    assert ibarra is not None
    assert ibarra.to_dict() == {
        "name": "Marisol K. Ibarra",
        "aliases": ["Marisol Ibarra", "Ms. Ibarra"],
        "quotes": 3, "articles": 3, "first": "2024-01-02", "last": "2024-01-06",
    }
    assert [p.name for p in people if p.kind == "other"] == ["harbour authority"]
    quotes = library.person_quotes(ibarra)
    assert [q.entry.published.day for q in quotes] == [6, 4, 2]  # newest first


def test_a_second_person_with_the_same_surname_stays_apart(library):
    library.add_many([
        make_article(1, speakers=("Marisol Ibarra",)),
        make_article(2, speakers=("Marisol Ibarra",)),
        make_article(3, speakers=("Tomás Ibarra",)),
        make_article(4, speakers=("Ibarra",)),  # which one? the library cannot tell
    ])
    people = library.people(first_name_gender)
    names = sorted(p.name for p in people)
    assert names == ["Ibarra", "Marisol Ibarra", "Tomás Ibarra"]
    assert find(people, "marisol ibarra").quotes == 2


def test_a_title_that_contradicts_the_only_candidate_keeps_the_surname_apart():
    rows = [
        ("a", "Marisol Ibarra", [], 1, 1.0),
        ("b", "Mr. Ibarra", [], 1, 2.0),  # Marisol is a woman's name: someone else
        ("c", "Ms. Ibarra", [], 1, 3.0),
    ]
    people = build(rows, first_name_gender)
    assert sorted((p.name, p.quotes) for p in people) == [("Marisol Ibarra", 2), ("Mr. Ibarra", 1)]


def test_a_given_name_alone_joins_the_one_person_who_has_it():
    rows = [
        ("a", "Odalys Ferreira", [], 2, 1.0),
        ("b", "Odalys", [], 1, 2.0),  # an article that only ever says her given name
        ("c", "Bruno Ferreira", [], 1, 3.0),
    ]
    people = build(rows, first_name_gender, is_given_name)
    assert sorted((p.name, p.quotes, len(p.articles)) for p in people) == [
        ("Bruno Ferreira", 1, 1), ("Odalys Ferreira", 3, 2),
    ]


def test_a_lone_name_that_is_one_persons_given_name_and_anothers_surname_stays_apart():
    rows = [
        ("a", "Jordan Ferreira", [], 1, 1.0),
        ("b", "Ana Jordan", [], 1, 2.0),
        ("c", "Jordan", [], 1, 3.0),  # either of them: the library cannot tell
    ]
    people = build(rows, first_name_gender)
    assert sorted((p.name, p.quotes) for p in people) == [
        ("Ana Jordan", 1), ("Jordan", 1), ("Jordan Ferreira", 1),
    ]


def test_a_lone_word_that_is_no_given_name_does_not_join_a_name_it_starts():
    rows = [
        ("a", "Harbourside Ferry Company", [], 1, 1.0),
        ("b", "Harbourside", [], 1, 2.0),  # a place, or the company: not a given name
    ]
    assert len(build(rows, first_name_gender, is_given_name)) == 2
    assert len(build(rows, first_name_gender)) == 1  # without name statistics any first word may be one


def test_a_given_name_shared_by_two_people_stays_apart():
    rows = [
        ("a", "Odalys Ferreira", [], 1, 1.0),
        ("b", "Odalys Brandt", [], 1, 2.0),
        ("c", "Odalys", [], 1, 3.0),
    ]
    assert sorted(p.name for p in build(rows, first_name_gender)) == [
        "Odalys", "Odalys Brandt", "Odalys Ferreira",
    ]


def test_a_title_joins_the_one_namesake_of_its_gender():
    rows = [
        ("a", "Marisol Ibarra", [], 1, 1.0),
        ("b", "Tomás Ibarra", [], 1, 2.0),
        ("c", "Mr. Ibarra", [], 1, 3.0),  # Marisol is a woman's name: Tomás is the one who fits
        ("d", "Ibarra", [], 1, 4.0),  # no title: either
    ]
    people = build(rows, first_name_gender)
    assert sorted((p.name, p.quotes) for p in people) == [
        ("Ibarra", 1), ("Marisol Ibarra", 1), ("Tomás Ibarra", 2),
    ]


def test_names_are_split_without_titles_initials_and_suffixes():
    assert split_name("Dr. Ana M. Ruiz Jr.") == ("full", "Ana", "ruiz", "")
    assert split_name("Mrs. Ruiz") == ("titled", None, "ruiz", "f")
    assert split_name("Ruiz") == ("single", None, "ruiz", "")
    assert split_name("a spokeswoman for the port")[0] == "other"


def test_quotes_speaker_matches_any_alias(library, tmp_path):
    from click.testing import CliRunner

    from reader.cli import main

    library.add_many([
        make_article(1, speakers=("Marisol Ibarra",)),
        make_article(2, speakers=("Ms. Ibarra",)),
        make_article(3, speakers=("Tomas Brandt",)),
    ])
    library.close()
    runner = CliRunner()
    out = runner.invoke(main, ["--data-dir", str(library.path), "quotes", "--speaker", "Marisol Ibarra"])
    assert out.exit_code == 0, out.output
    lines = out.output.strip().splitlines()
    assert len(lines) == 2 and all("Ibarra" in line for line in lines)
    out = runner.invoke(main, ["--data-dir", str(library.path), "people", "--json"])
    assert out.exit_code == 0, out.output
    import json

    people = [json.loads(line) for line in out.output.splitlines()]
    assert people[0] == {
        "name": "Marisol Ibarra", "aliases": ["Ms. Ibarra"], "quotes": 2, "articles": 2,
        "first": people[0]["first"], "last": people[0]["last"],
    }
    assert [p["name"] for p in people] == ["Marisol Ibarra", "Tomas Brandt"]


def test_in_a_library_a_lone_given_name_joins_only_when_its_article_names_the_surname(library):
    library.add_many([
        make_article(1, speakers=("Odalys Ferreira",)),
        # cut short by the analysis: the article says her full name too
        make_article(2, speakers=("Odalys",), body="Odalys Ferreira, the port's director, spoke."),
        # another Bruno altogether: his surname is never the library's Bruno's
        make_article(3, speakers=("Bruno Lindqvist",)),
        make_article(4, speakers=("Bruno",), body="Bruno Okonjo runs the bakery on the corner."),
    ])
    people = library.people(first_name_gender, is_given_name)
    assert sorted((p.name, len(p.articles)) for p in people) == [
        ("Bruno", 1), ("Bruno Lindqvist", 1), ("Odalys Ferreira", 2),
    ]


def test_the_people_list_follows_the_library_after_an_import(library):
    library.add_many([make_article(1, speakers=("Odalys Ferreira",))])
    assert [p.quotes for p in library.people(first_name_gender, is_given_name)] == [1]
    library.add_many([make_article(2, speakers=("Odalys Ferreira",))])
    assert [p.quotes for p in library.people(first_name_gender, is_given_name)] == [2]
    library.remove(make_article(1, speakers=("Odalys Ferreira",)).id)
    assert [len(p.articles) for p in library.people(first_name_gender, is_given_name)] == [1]


def test_pronouns_the_articles_used_are_not_listed_as_names():
    rows = [("a", "Odalys Ferreira", ["He", "She’s", "Ms. Ferreira", "the director"], 1, 1.0)]
    assert build(rows, first_name_gender).pop().to_dict()["aliases"] == ["Ms. Ferreira"]


def test_the_title_of_a_bare_surname_is_read_from_its_aliases():
    """The analysis stores "Mr. Ibarra said" as speaker "Ibarra" with "Mr. Ibarra" among its aliases."""
    rows = [
        ("a", "Marisol Ibarra", [], 2, 1.0),
        ("b", "Ibarra", ["Mr. Ibarra", "he"], 1, 2.0),  # a man: not Marisol
    ]
    assert sorted((p.name, p.quotes) for p in build(rows, first_name_gender)) == [
        ("Ibarra", 1), ("Marisol Ibarra", 2),
    ]
    rows += [("c", "Tomas Ibarra", [], 1, 3.0)]  # now the one Ibarra a Mr fits
    assert sorted((p.name, p.quotes) for p in build(rows, first_name_gender)) == [
        ("Marisol Ibarra", 2), ("Tomas Ibarra", 2),
    ]


def test_a_bare_surname_used_with_two_titles_fits_no_one():
    rows = [
        ("a", "Marisol Ibarra", [], 2, 1.0),
        ("b", "Ibarra", ["Mr. Ibarra"], 1, 2.0),
        ("c", "Ibarra", ["Ms. Ibarra"], 1, 3.0),  # one name, two people: which is which?
    ]
    assert sorted((p.name, p.quotes) for p in build(rows, first_name_gender)) == [
        ("Ibarra", 2), ("Marisol Ibarra", 2),
    ]
