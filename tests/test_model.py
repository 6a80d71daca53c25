from datetime import datetime, timezone

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
