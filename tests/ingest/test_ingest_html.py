"""HTML pages: main text from trafilatura, metadata from meta tags and JSON-LD."""

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from reader.ingest import load_path, parse_bytes

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def harbour():
    return load_path(FIXTURES / "harbour.html")


def test_metadata(harbour):
    assert harbour.title == "Harbour bridge reopens after repairs"
    assert harbour.site == "The Coastal Times"
    assert harbour.authors == ("Maria Lindqvist", "Tom Okafor")
    assert harbour.published == datetime(2024, 3, 5, 8, 30, tzinfo=timezone(timedelta(hours=1)))
    assert harbour.url == "https://coastal.example/news/harbour-bridge-reopens"


def test_structure(harbour):
    kinds = [(p.kind, p.text.split()[0]) for p in harbour.paragraphs]
    assert kinds == [
        ("text", "The"), ("text", '"We'), ("text", "Engineers"),
        ("heading", "Ferries"), ("text", "The"), ("blockquote", "The"), ("text", "Local"),
    ]


def test_no_navigation_or_footer(harbour):
    body = " ".join(p.text for p in harbour.paragraphs)
    for junk in ("Home", "Weather", "All rights reserved", "Privacy", "By Maria"):
        assert junk not in body
    assert harbour.paragraphs[0].text != harbour.title


def test_control_characters_and_markup_in_html():
    page = (
        "<html><head><title>[bold]Odd[/bold] title\x1b[2J</title></head><body><article>"
        + "<p>The council met on Monday \x1b[31mand agreed\x1b[0m the budget for the next "
        "year after a long debate that ran late into the evening, [red]members said[/red].</p>" * 3
        + "</article></body></html>"
    ).encode()
    article = parse_bytes(page, source="odd.html")
    assert article.title == "[bold]Odd[/bold] title"
    assert all("\x1b" not in p.text for p in article.paragraphs)
    assert "[red]members said[/red]" in article.paragraphs[0].text


def test_naive_date_is_utc_and_charset_is_honoured():
    page = (
        '<html><head><meta charset="iso-8859-1"><meta property="og:title" content="Caf\xe9 news">'
        '<meta property="article:published_time" content="2020-01-02T03:04:05"></head><body><article>'
        + "<p>Le caf\xe9 du coin a rouvert ses portes lundi apr\xe8s des mois de travaux, "
        "et les habitants du quartier sont venus nombreux pour le premier caf\xe9.</p>" * 3
        + "</article></body></html>"
    ).encode("latin-1")
    article = parse_bytes(page, source="cafe.html")
    assert article.title == "Café news"
    assert article.published == datetime(2020, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    assert "après" in article.paragraphs[0].text
