from datetime import datetime, timezone

from hypothesis import given
from hypothesis import strategies as st

from reader.model import Article, Mention, Paragraph, Quote, Speaker, article_id


def test_article_round_trips_through_dict():
    article = Article(
        id="abc",
        title="[bold]Title",
        paragraphs=(Paragraph("Heading", "heading"), Paragraph('He said "hi".')),
        site="Site",
        authors=("A One", "B Two"),
        published=datetime(2006, 11, 28, 10, 45, tzinfo=timezone.utc),
        url="https://example.org/a",
        quotes=(Quote(1, 8, 12, "hi", "He", Mention(1, 0, 2, "He"), "said", 0),),
        speakers=(Speaker("He", ("He",), 1),),
    )
    data = article.to_dict()
    assert data["byline"] == "A One, B Two"
    assert data["published"] == "2006-11-28T10:45:00+00:00"
    assert Article.from_dict(data) == article


def test_article_id_prefers_url_and_ignores_whitespace_and_case_of_body():
    paras = (Paragraph("One  two"),)
    assert article_id("https://x.org/a", "T", paras) == article_id("https://x.org/a", "U", ())
    assert article_id(None, "T", paras) == article_id(None, "t", (Paragraph("one two"),))
    assert article_id(None, "T", paras) != article_id(None, "T", (Paragraph("one three"),))
    assert len(article_id(None, "T", paras)) == 16


def _whole_text_id(title, paragraphs):
    """The id as first defined, from the whole text at once (ids must never change)."""
    import hashlib
    import unicodedata

    body = "\n".join(p.text for p in paragraphs)
    norm = unicodedata.normalize("NFC", f"{title}\n{body}").casefold()
    return hashlib.sha1(("text:" + " ".join(norm.split())).encode("utf-8")).hexdigest()[:16]


_PIECE = st.lists(st.sampled_from(list("aAeΣσς ß\u0301\u0327\u00e9\n\t\u2002İ.") + ["e\u0301", "\u212b"]),
                  max_size=12).map("".join)


@given(st.lists(_PIECE, max_size=6), _PIECE)
def test_article_id_from_the_text_is_the_id_the_whole_text_gave(texts, title):
    paragraphs = tuple(Paragraph(t) for t in texts)
    assert article_id(None, title, paragraphs) == _whole_text_id(title, paragraphs)


def test_article_id_of_a_known_text_is_unchanged():
    # Worked out by hand: sha1("text:café au lait second line")[:16].
    import hashlib

    expected = hashlib.sha1("text:café au lait second line".encode()).hexdigest()[:16]
    assert article_id(None, "Cafe\u0301  AU", (Paragraph(" lait\n"), Paragraph(""), Paragraph("Second LINE"))) == expected
