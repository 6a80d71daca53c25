"""Full-text search: the query syntax, ranking, and the index kept in step."""

from __future__ import annotations

import pytest

from reader.library import Library
from reader.library.query import QueryError, parse

from tests.library.articles import day, make_article

HARBOUR = make_article(
    1, title="Council meets on Tuesday", site="Northgate Gazette", published=day(3),
    body="The ferry operators were pressing for months over the cost of the new pontoon.",
    speakers=("Ines Varga",),
)
TRAM = make_article(
    2, title="Tram extension approved", site="Riverside Courier", published=day(5),
    body="Talks between the council and traders ended late. New plans follow in spring.",
    speakers=("Tomas Brandt",), feed="https://riverside.example/rss",
)
SCHOOL = make_article(
    3, title="School roof repairs delayed", site="Northgate Gazette", published=day(9),
    body="Parents said the new roof plans were shelved after talking to the contractor.",
)


@pytest.fixture
def lib(library):
    library.add_many([HARBOUR, TRAM, SCHOOL])
    return library


def ids(library, query):
    return [e.id for e in library.search(query)]


def test_a_word_found_only_in_a_story_body(lib):
    assert ids(lib, "pontoon") == [HARBOUR.id]
    assert ids(lib, "PONTOON") == [HARBOUR.id]


def test_every_word_must_match_and_words_are_stemmed(lib):
    assert ids(lib, "talks") == [SCHOOL.id, TRAM.id]  # "talking" and "Talks"; newest first on ties
    assert ids(lib, "talk traders") == [TRAM.id]
    assert ids(lib, "talk pontoon") == []


def test_a_phrase_matches_only_the_words_in_that_order(lib):
    assert set(ids(lib, "new plans")) == {TRAM.id, SCHOOL.id}
    assert ids(lib, '"new plans"') == [TRAM.id]
    assert ids(lib, "“new plans”") == [TRAM.id]  # typographic quotes too


def test_prefix(lib):
    assert ids(lib, "pont*") == [HARBOUR.id]
    assert ids(lib, "pont") == []


def test_a_title_match_ranks_above_a_body_match(library):
    body = make_article(10, title="Weekly round-up", body="A note about the glacier.", published=day(9))
    title = make_article(11, title="Glacier retreats", body="Ice loss continues.", published=day(1))
    library.add_many([body, title])
    hits = library.find("glacier")
    assert [h.entry.id for h in hits] == [title.id, body.id]
    assert hits[0].score > hits[1].score > 0


def test_excluded_words(lib):
    assert ids(lib, "council -traders") == [HARBOUR.id]
    assert ids(lib, '-"new plans"') == [SCHOOL.id, HARBOUR.id]


def test_speaker_site_and_feed(lib):
    assert ids(lib, "speaker:varga") == [HARBOUR.id]
    assert ids(lib, 'speaker:"ines varga"') == [HARBOUR.id]
    assert ids(lib, "site:northgate") == [SCHOOL.id, HARBOUR.id]
    assert ids(lib, "site:northgate roof") == [SCHOOL.id]
    assert ids(lib, "feed:riverside") == [TRAM.id]


def test_read_and_bookmarked(lib):
    lib.set_read(TRAM.id)
    lib.set_bookmarked(HARBOUR.id)
    assert ids(lib, "is:unread") == [SCHOOL.id, HARBOUR.id]
    assert ids(lib, "is:read") == [TRAM.id]
    assert ids(lib, "is:bookmarked council") == [HARBOUR.id]


def test_before_and_after(lib):
    assert ids(lib, "after:2024-01-05") == [SCHOOL.id, TRAM.id]
    assert ids(lib, "before:2024-01-05") == [HARBOUR.id]
    assert ids(lib, "after:2024-01-04 before:2024-01-06") == [TRAM.id]
    assert ids(lib, "after:2025") == []
    with pytest.raises(QueryError, match="not a date"):
        lib.search("before:yesterday")


@pytest.mark.parametrize("raw", ['"', "AND(", "NEAR(", "a OR", '"unclosed', "*", "-", "col:x", "^x", "(((("])
def test_fts_syntax_in_user_input_is_never_an_error(lib, raw):
    lib.search(raw)  # no exception; what is found is what the words hold


def test_fts_operators_are_searched_as_words(library):
    both = make_article(20, body="Salt and pepper.")
    one = make_article(21, body="Salt alone.")
    library.add_many([both, one])
    assert ids(library, "salt OR pepper") == []  # "or" is a word to find, not an operator
    assert ids(library, "salt AND pepper") == [both.id]


def test_unknown_is_filter_is_a_clear_error():
    with pytest.raises(QueryError, match="is:unread"):
        parse("is:starred")


def test_removal_and_update_reach_the_index(lib):
    lib.remove(HARBOUR.id)
    assert ids(lib, "pontoon") == []
    changed = make_article(
        2, title=TRAM.title, site=TRAM.site, published=TRAM.published, body="Now about a viaduct.",
        speakers=("Tomas Brandt",), feed=TRAM.feed,
    )
    assert lib.add(changed) == "updated"
    assert ids(lib, "viaduct") == [TRAM.id]
    assert ids(lib, "traders") == []


def test_index_deleted_is_rebuilt_with_a_notice(tmp_path):
    with Library.open(tmp_path) as lib:
        lib.add_many([HARBOUR, TRAM, SCHOOL])
        assert ids(lib, "pontoon") == [HARBOUR.id]
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"search.db{suffix}").unlink(missing_ok=True)
    with Library.open(tmp_path) as lib:
        assert ids(lib, "pontoon") == [HARBOUR.id]
        assert any("search index" in n and "missing" in n for n in lib.notices)
    with Library.open(tmp_path) as lib:  # and it is kept: no notice the next time
        assert ids(lib, "pontoon") == [HARBOUR.id]
        assert lib.notices == []


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_index_damaged_is_set_aside_and_rebuilt(tmp_path, damage):
    with Library.open(tmp_path) as lib:
        lib.add_many([make_article(i, body=f"filler {i} " * 200) for i in range(100, 140)])
        lib.add_many([HARBOUR, TRAM, SCHOOL])
    path = tmp_path / "search.db"
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"search.db{suffix}").unlink(missing_ok=True)
    raw = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"this is not a database" * 100)
    else:
        path.write_bytes(raw[: len(raw) // 2])
    with Library.open(tmp_path) as lib:
        assert ids(lib, "pontoon") == [HARBOUR.id]
        assert ids(lib, "filler") and len(ids(lib, "filler")) == 40
        assert any("search index" in n and "damaged" in n for n in lib.notices)
    assert list(tmp_path.glob("search.db.damaged-*"))


def test_an_index_behind_the_catalog_is_caught_up(tmp_path):
    """A write the index missed (another program, an older byline) is found by the stamp."""
    with Library.open(tmp_path) as lib:
        lib.add_many([HARBOUR, TRAM])
        assert ids(lib, "pontoon") == [HARBOUR.id]
        lib.catalog.observers.clear()  # as if written by something that keeps no index
        lib.add(SCHOOL)
        lib.remove(HARBOUR.id)
    with Library.open(tmp_path) as lib:
        assert ids(lib, "roof") == [SCHOOL.id]
        assert ids(lib, "pontoon") == []


def test_a_document_changed_behind_the_index_leaves_no_false_match(library):
    library.add(HARBOUR)
    doc = dict(HARBOUR.to_dict(), _imported=0.0)
    doc["paragraphs"] = [{"kind": "text", "text": "Something else entirely."}]
    library.documents.write_many([doc])  # not through the library: the index cannot know
    changed = make_article(
        1, title=HARBOUR.title, site=HARBOUR.site, published=HARBOUR.published,
        body="A viaduct instead.", speakers=("Ines Varga",),
    )
    assert library.add(changed) == "updated"
    assert ids(library, "pontoon") == []  # the old words lead nowhere
    assert ids(library, "viaduct") == [HARBOUR.id]


def test_a_snippet_is_a_short_piece_around_the_words_found(library):
    filler = " ".join(f"word{i}" for i in range(200))
    article = make_article(20, body=f"{filler} the harbour pontoons were repaired at dawn. {filler}")
    library.add_many([article])
    piece = library.snippet(article.id, "pontoon")
    assert "pontoons" in piece and len(piece) < 240
    assert piece.startswith("…") and piece.endswith("…")
    start = library.snippet(article.id, "is:unread")  # no words: the start of the story
    assert start.startswith("word0 word1") and start.endswith("…") and len(start) < 240


def test_a_word_in_most_articles_still_has_to_match_but_does_not_rank(library, monkeypatch):
    from reader.library import search_index

    monkeypatch.setattr(search_index, "COMMON", 1)  # as if the library were large
    old = make_article(30, title="Glacier survey", body="The glacier melts.", published=day(1))
    mid = make_article(31, title="Harbour news", body="The glacier is far away.", published=day(2))
    new = make_article(32, title="Market day", body="The stalls open early.", published=day(3))
    newest = make_article(33, title="Rain", body="Rain all day.", published=day(4))
    library.add_many([old, mid, new, newest])
    # "the" is in three of four: matched, not scored; a query of it alone is newest first
    assert [h.score for h in library.find("the")] == [0.0, 0.0, 0.0]
    assert ids(library, "the") == [new.id, mid.id, old.id]
    # "glacier" is in two of four, not more than half: it ranks, the title match first
    hits = library.find("the glacier")
    assert [h.entry.id for h in hits] == [old.id, mid.id]
    assert hits[0].score > hits[1].score > 0
    assert ids(library, "the -glacier") == [new.id]


def test_search_json_gives_one_object_per_article_with_a_snippet_around_the_match(tmp_path):
    import json

    from click.testing import CliRunner

    from reader.cli import main

    before = " ".join(f"early{n}" for n in range(60))
    after = " ".join(f"late{n}" for n in range(60))
    keeper = make_article(30, title="Coast notes", site="Shore Post", published=day(7),
                          body=f"{before} the lighthouse keeper retired {after}")
    with Library.open(tmp_path) as lib:
        lib.add_many([keeper, HARBOUR, TRAM, SCHOOL])
    runner = CliRunner()
    result = runner.invoke(main, ["--data-dir", str(tmp_path), "search", "lighthouse", "--json"])
    assert result.exit_code == 0, result.output
    [row] = [json.loads(line) for line in result.stdout.splitlines()]
    assert list(row) == ["id", "title", "site", "published", "score", "snippet"]
    assert (row["id"], row["title"], row["site"]) == (keeper.id, "Coast notes", "Shore Post")
    assert row["published"] == "2024-01-07T12:00:00+00:00"
    assert row["score"] > 0
    snip = row["snippet"]
    assert "the lighthouse keeper retired" in snip  # around the match, far from the story's start
    assert snip.startswith("…") and snip.endswith("…") and "early0 " not in snip and len(snip) < 200
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"search.db{suffix}").unlink(missing_ok=True)
    result = runner.invoke(main, ["--data-dir", str(tmp_path), "search", "pontoon"])
    assert result.exit_code == 0
    assert result.stdout.split()[0] == HARBOUR.id[:8]
    assert "search index" in result.stderr and "missing" in result.stderr  # said, in one line
    assert len(result.stderr.splitlines()) == 1


def test_authors_and_the_words_of_quotations_are_searched(library):
    from dataclasses import replace

    signed = replace(make_article(40, body="Nothing of note."), authors=("Wilhelmina Quaife",))
    quoted = make_article(41, body="The minister spoke.", speakers=("Odo Brenn",))
    library.add_many([signed, quoted, make_article(42, body="Other words.")])
    assert ids(library, "quaife") == [signed.id]
    assert ids(library, '"words 0"') == [quoted.id]  # the quotation's own words
    assert ids(library, "brenn") == [quoted.id]  # a speaker's name, without speaker:
