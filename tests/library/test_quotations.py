"""Quotations across the library: order, speaker filter, what is read, damage."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import StorageError
from reader.library.documents import Documents
from tests.library.articles import day, make_article


@pytest.fixture
def filled(library):
    library.add_many([
        make_article(1, title="Oldest", published=day(1), speakers=("Ann Lee",)),
        make_article(2, title="Newest", published=day(9), speakers=("Bo Chan", "Ann Lee")),
        make_article(3, title="No quotes", published=day(5)),
        make_article(4, title="Middle", published=day(4), speakers=("Cy Moss",)),
    ])
    return library


def test_quotations_come_newest_article_first_with_their_speakers(filled):
    got = [(e.title, [(q.speaker, q.text) for q in quotes]) for e, quotes in filled.quotations()]
    assert got == [
        ("Newest", [("Bo Chan", "Words 0"), ("Ann Lee", "Words 1")]),
        ("Middle", [("Cy Moss", "Words 0")]),
        ("Oldest", [("Ann Lee", "Words 0")]),
    ]


def test_speaker_filter_reads_only_documents_that_can_match(filled, monkeypatch):
    read: list[str] = []
    real = Documents.read_quotes

    def spy(self, article_id):
        read.append(article_id)
        return real(self, article_id)

    monkeypatch.setattr(Documents, "read_quotes", spy)
    got = [(e.title, [q.speaker for q in quotes]) for e, quotes in filled.quotations("ANN")]
    assert got == [("Newest", ["Ann Lee"]), ("Oldest", ["Ann Lee"])]  # not Bo Chan's
    assert sorted(read) == sorted(e.id for e in filled.list(speaker="ann"))
    read.clear()
    list(filled.quotations())
    assert "No quotes" not in {filled.entry(i).title for i in read}  # its count is 0


def test_a_damaged_document_is_reported_and_skipped_or_raised(filled):
    middle = next(e for e in filled.list() if e.title == "Middle")
    filled.documents.path(middle.id).write_bytes(b'{"id": "trunc')
    errors = []
    got = [e.title for e, _ in filled.quotations(on_error=lambda e, err: errors.append((e, err)))]
    assert got == ["Newest", "Oldest"]
    [(entry, error)] = errors
    assert entry.id == middle.id and "damaged" in str(error)
    filled.documents.path(middle.id).unlink(missing_ok=True)  # now missing altogether
    with pytest.raises(StorageError, match="missing"):
        list(filled.quotations())


text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=60, deadline=None)
@given(body=st.lists(text, min_size=1, max_size=3).map(' "quotes":['.join),
       speaker=text.filter(str.strip))
def test_read_quotes_agrees_with_reading_the_whole_document(tmp_path_factory, body, speaker):
    docs = Documents(tmp_path_factory.mktemp("docs"), durable=False)
    article = make_article(1, title='"quotes":[', body=body, speakers=(speaker,))
    docs.write_many([dict(article.to_dict(), _imported=1.0)])
    assert docs.read_quotes(article.id) == docs.read(article.id)["quotes"]
    assert docs.read_quotes("0123456789abcdef") is None
