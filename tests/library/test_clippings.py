"""Clippings in the library: toggling, their own copy, surviving removal and re-import."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from reader.errors import StorageError
from reader.library import Library
from reader.library.clippings import clipped_quotes, locate
from reader.model import Article, Paragraph, Quote, Speaker

P0 = 'The harbour master, Ines Okafor, spoke first.'
P1 = '"The pier is sound," Okafor said, "but the crane is not."'
P2 = 'Her deputy added: "We open on Monday."'


def harbour(first: str | None = None) -> Article:
    """A split quotation (two parts, one group) and a whole one; ``first`` adds a paragraph
    at the top, as a re-import of an improved extraction might."""
    paragraphs = [Paragraph(P0), Paragraph(P1), Paragraph(P2)]
    if first is not None:
        paragraphs.insert(0, Paragraph(first))
    shift = 1 if first is not None else 0

    def quote(par: int, inner: str, speaker: str | None, group: int) -> Quote:
        text = paragraphs[par + shift].text
        start = text.index(inner) - 1
        return Quote(par + shift, start, start + len(inner) + 2, inner, speaker, group=group)

    quotes = (
        quote(1, "The pier is sound,", "Ines Okafor", 1),
        quote(1, "but the crane is not.", "Ines Okafor", 1),
        quote(2, "We open on Monday.", None, 2),
    )
    return Article(
        id="0123456789abcdef", title="Harbour [b]reopens", paragraphs=tuple(paragraphs),
        site="Coast Post", authors=("Lu Park", "Ada Venn"), published=datetime(2024, 5, 2, 7, 15),
        url="https://coast.example/harbour", quotes=quotes,
        speakers=(Speaker("Ines Okafor", ("Okafor",), 2),),
    )


@pytest.fixture
def library(tmp_path):
    with Library.open(tmp_path / "lib", durable=False) as lib:
        lib.add(harbour())
        yield lib


def test_c_on_either_part_of_a_split_quotation_keeps_the_whole_of_it_and_again_removes_it(library):
    article = harbour()
    kept, clipping = library.clippings.toggle(article, article.quotes[1])
    assert kept
    assert clipping.text == "The pier is sound, … but the crane is not."
    assert (clipping.speaker, clipping.title, clipping.site) == ("Ines Okafor", "Harbour [b]reopens", "Coast Post")
    assert clipping.authors == ("Lu Park", "Ada Venn")
    assert clipping.published == "2024-05-02T07:15:00" and clipping.url == "https://coast.example/harbour"
    assert (clipping.paragraph, clipping.start) == (1, 0)
    # Both parts show as clipped; the other quotation does not.
    assert clipped_quotes(article, list(article.quotes), library.clippings.ids()) == {0, 1}
    kept, again = library.clippings.toggle(article, article.quotes[0])  # the other part
    assert not kept and again.id == clipping.id
    assert library.clippings.all() == []


def test_newest_first_and_seen_by_a_second_copy_of_the_library(library, tmp_path):
    article = harbour()
    library.clippings.toggle(article, article.quotes[2])
    library.clippings.toggle(article, article.quotes[0])
    with Library.open(tmp_path / "lib", durable=False) as other:
        texts = [c.text for c in other.clippings.all()]
    assert texts == ["The pier is sound, … but the crane is not.", "We open on Monday."]
    assert library.clippings.all()[1].speaker is None


def test_a_clipping_survives_removal_of_its_article_and_its_reimport(library):
    article = harbour()
    _, clipping = library.clippings.toggle(article, article.quotes[2])
    library.remove(article.id)
    assert library.counts().total == 0
    assert library.clippings.all() == [clipping]  # its own copy: text and citation
    # Imported again, with a paragraph more at the top: offsets moved, the words did not.
    moved = harbour(first="Updated at noon.")
    library.add(moved)
    assert library.clippings.all() == [clipping]
    quotes = sorted(moved.quotes, key=lambda q: (q.paragraph, q.start))
    assert clipped_quotes(moved, quotes, library.clippings.ids()) == {2}
    assert locate(moved, quotes, clipping) == 2
    # c on it now finds the same clipping: it is removed, not kept twice.
    kept, _ = library.clippings.toggle(moved, quotes[2])
    assert not kept and library.clippings.all() == []


def test_a_reimport_that_changes_the_words_leaves_the_clipping_as_it_was(library):
    article = harbour()
    _, clipping = library.clippings.toggle(article, article.quotes[2])
    reworded = replace(article, quotes=article.quotes[:2])  # the analysis no longer finds it
    library.add(reworded)
    assert library.clippings.all() == [clipping]
    assert locate(reworded, list(reworded.quotes), clipping) is None


def test_removing_and_putting_back_for_an_undo(library):
    article = harbour()
    _, clipping = library.clippings.toggle(article, article.quotes[0])
    gone = library.clippings.remove([clipping.id, "ffffffffffffffff"])
    assert gone == [clipping] and library.clippings.all() == []
    library.clippings.put(gone)
    assert library.clippings.all() == [clipping]


def test_a_read_only_library_keeps_no_clipping_and_says_why(library):
    article = harbour()
    library.read_only = "a test said so"
    with pytest.raises(StorageError, match="read-only"):
        library.clippings.toggle(article, article.quotes[0])
    library.read_only = None
    assert library.clippings.all() == []


def test_a_damaged_clippings_file_is_set_aside_with_a_notice(tmp_path):
    path = tmp_path / "lib"
    with Library.open(path, durable=False) as lib:
        article = harbour()
        lib.add(article)
        lib.clippings.toggle(article, article.quotes[0])
    (path / "state" / "clippings.json").write_text('{"clippings": {"1": ', encoding="utf-8")
    with Library.open(path, durable=False) as lib:
        assert lib.clippings.all() == []
        assert any("clippings file" in n and "damaged" in n for n in lib.notices)
        aside = list((path / "state").glob("clippings.json.damaged-*"))
        assert len(aside) == 1 and aside[0].read_text(encoding="utf-8").startswith('{"clippings"')
        lib.clippings.toggle(article, article.quotes[2])  # a new file, the old one kept aside
        assert [c.text for c in lib.clippings.all()] == ["We open on Monday."]


def test_a_record_that_is_not_a_clipping_is_skipped_and_kept(tmp_path):
    path = tmp_path / "lib"
    with Library.open(path, durable=False) as lib:
        article = harbour()
        lib.add(article)
        lib.clippings.toggle(article, article.quotes[0])
        raw = (path / "state" / "clippings.json").read_text(encoding="utf-8")
        (path / "state" / "clippings.json").write_text(
            raw.replace('"clippings":{', '"clippings":{"7":{"note":"hand-edited"},', 1), encoding="utf-8"
        )
        assert len(lib.clippings.all()) == 1
        lib.clippings.toggle(article, article.quotes[2])
        assert len(lib.clippings.all()) == 2
        assert '"note":"hand-edited"' in (path / "state" / "clippings.json").read_text(encoding="utf-8")
