"""Hand-made articles with quotes, written for these tests."""

from __future__ import annotations

from datetime import datetime

from reader.model import Article, Mention, Paragraph, Quote, Speaker


def quoted_article(id: str = "a1", title: str = "Council backs the new bridge") -> Article:
    """Three paragraphs, three quotes by two speakers, one mention by pronoun."""
    p0 = 'Mayor Ana Ruiz said the bridge was "long overdue" for the town.'
    p1 = 'Engineer Tom Lee warned that "costs will rise", and he added "we need a plan".'
    p2 = 'Ruiz replied: "We will find the money."'
    paragraphs = (Paragraph(p0), Paragraph("Money", "heading"), Paragraph(p1), Paragraph(p2))

    def q(par: int, text: str, inner: str, speaker: str, mention: str, para_text: str, m_from: int = 0):
        start = para_text.index(f'"{inner}"')
        m_start = para_text.index(mention, m_from)
        return Quote(
            paragraph=par,
            start=start,
            end=start + len(inner) + 2,
            text=inner,
            speaker=speaker,
            mention=Mention(par, m_start, m_start + len(mention), mention),
        )

    quotes = (
        q(0, p0, "long overdue", "Ana Ruiz", "Ana Ruiz", p0),
        q(2, p1, "costs will rise", "Tom Lee", "Tom Lee", p1),
        q(2, p1, "we need a plan", "Tom Lee", "he", p1),
        q(3, p2, "We will find the money.", "Ana Ruiz", "Ruiz", p2),
    )
    return Article(
        id=id,
        title=title,
        paragraphs=paragraphs,
        site="Town Gazette",
        authors=("Sam Writer",),
        published=datetime(2024, 3, 5, 9, 30),
        url=f"https://example.org/{id}",
        quotes=quotes,
        speakers=(Speaker("Ana Ruiz", ("Ruiz",), 2), Speaker("Tom Lee", ("he",), 2)),
    )


def plain_article(id: str, title: str, body: str = "Nothing was said.", day: int = 1) -> Article:
    return Article(
        id=id,
        title=title,
        paragraphs=(Paragraph(body),),
        site="Example News",
        published=datetime(2024, 1, day),
    )
