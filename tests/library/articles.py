"""Small articles written for the library tests."""

from __future__ import annotations

from datetime import datetime, timezone

from reader.model import Article, Paragraph, Quote, Speaker, article_id


def make_article(
    n: int,
    *,
    title: str | None = None,
    site: str | None = "Example News",
    published: datetime | None = None,
    speakers: tuple[str, ...] = (),
    feed: str | None = None,
    body: str = "Body text.",
    url: str | None = "auto",
) -> Article:
    """A small article; ``n`` makes its URL (and so its id) unique."""
    if url == "auto":
        url = f"https://example.org/story/{n}"
    title = title if title is not None else f"Story number {n}"
    paragraphs = [Paragraph(body)]
    quotes = []
    for i, name in enumerate(speakers):
        text = f'"Words {i}," {name} said.'
        paragraphs.append(Paragraph(text))
        quotes.append(Quote(len(paragraphs) - 1, 0, text.index(",") + 2, f"Words {i}", name))
    paras = tuple(paragraphs)
    return Article(
        id=article_id(url, title, paras),
        title=title,
        paragraphs=paras,
        site=site,
        published=published,
        url=url,
        feed=feed,
        quotes=tuple(quotes),
        speakers=tuple(Speaker(s, (), 1) for s in speakers),
    )


def day(d: int) -> datetime:
    return datetime(2024, 1, d, 12, 0, tzinfo=timezone.utc)
