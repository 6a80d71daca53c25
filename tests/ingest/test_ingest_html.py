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


def test_line_breaks_and_loose_text_are_kept_apart():
    page = (
        "<html><head><title>Tour dates</title></head><body><nav><a href='/'>Home</a></nav><article>"
        "<p>The band announced a long tour on Monday night, its first in many years, "
        "with thirty dates across the country next summer.</p>"
        "<p>The singer told the audience that the band had talked about going back on the road "
        "for a long time, and that the fans had waited long enough for the reunion.</p>"
        "<p>The tour opens in Florida in June and ends in Texas in October, the promoter said "
        "in a statement, with more dates to be added in the spring.</p>"
        "<p>The dates so far:<br>June 9 -- Coral Sky, West Palm Beach<br>June 10 -- Arena, Tampa</p>"
        "<h2>Tickets</h2>Tickets go on sale on Friday morning through the venues and the band's site, "
        "and fans who signed up early get a code on Wednesday."
        "</article></body></html>"
    ).encode()
    texts = [p.text for p in parse_bytes(page, source="tour.html").paragraphs]
    assert "June 9 -- Coral Sky, West Palm Beach" in texts  # not "...sofar:June 9"
    assert "June 10 -- Arena, Tampa" in texts


def test_trafilatura_body_to_paragraphs():
    from lxml import etree

    from reader.ingest.xmlbody import paragraphs as _paragraphs

    body = etree.fromstring(
        "<body>Lead text<head>Section</head>Loose text after it<p>one<lb/>two <hi>bold</hi></p>"
        "<list><item>outer<list><item>inner</item></list></item></list>"
        "<table><row><cell>a</cell><cell>b</cell></row></table><quote>Said so.</quote></body>"
    )
    assert [(p.kind, p.text) for p in _paragraphs(body)] == [
        ("text", "Lead text"), ("heading", "Section"), ("text", "Loose text after it"),
        ("text", "one"), ("text", "two bold"), ("text", "outer"), ("text", "inner"),
        ("text", "a | b"), ("blockquote", "Said so."),
    ]


def test_nested_blocks_keep_every_break_and_space():
    from lxml import etree

    from reader.ingest.xmlbody import paragraphs

    body = etree.fromstring(
        "<body><p>The ferry left at dawn.<p>Nobody was on board.</p>It came back empty.</p>"
        "<quote><p>We will sail again.</p><p>Soon, I hope.</p></quote>"
        "<list><item><head>Tides</head><p>Low at noon.</p></item>"
        "<item>Winds<lb/>light from the west</item></list>"
        "<p>A <hi>bold</hi> word and a <ref target='x'>link</ref>, then<lb/>a break.</p>"
        "<table><row><cell><p>left</p><p>cell</p></cell><cell>right</cell></row></table></body>"
    )
    assert [(p.kind, p.text) for p in paragraphs(body)] == [
        ("text", "The ferry left at dawn."), ("text", "Nobody was on board."),
        ("text", "It came back empty."),
        ("blockquote", "We will sail again."), ("blockquote", "Soon, I hope."),
        ("heading", "Tides"), ("text", "Low at noon."),
        ("text", "Winds"), ("text", "light from the west"),
        ("text", "A bold word and a link, then"), ("text", "a break."),
        ("text", "left cell | right"),
    ]


def test_the_pages_own_headline_wins_over_a_title_wrapped_in_a_section_name():
    body = (
        "<p>The committee met on Monday to discuss the budget for the coming year, and it "
        "agreed to raise spending on schools by a small amount after a long debate.</p>" * 3
    )
    page = (
        '<html><head><meta property="og:title" content="Opinion | Schools get more money">'
        "</head><body><article><h1>Schools get more money</h1>" + body + "</article></body></html>"
    ).encode()
    assert parse_bytes(page, source="op.html").title == "Schools get more money"
    # A heading that is not part of the title (a section banner) does not replace it.
    page = page.replace(b"<h1>Schools get more money</h1>", b"<h1>Opinion</h1>")
    assert parse_bytes(page, source="op.html").title == "Opinion | Schools get more money"


def test_a_page_whose_tree_nests_paragraphs_keeps_every_break_and_space():
    # trafilatura turns the <div> holding a <p> into a <p> holding a <p>, and
    # strips the <div>s inside the quotation and the list items, keeping their text.
    page = (
        "<html><head><title>River cleanup draws hundreds</title></head><body><article>"
        "<h1>River cleanup draws hundreds</h1>"
        "<p>Hundreds of volunteers turned out on Saturday to clear rubbish from the banks of the "
        "river, the largest cleanup the town has seen in a decade.</p>"
        "<div>The organisers said the work would go on through the summer.<p>Volunteers can sign "
        "up at the town hall before the end of the month.</p>The council will provide gloves.</div>"
        "<blockquote>We filled forty bags before lunch.<div>Next year we want twice as many "
        "people.</div><div><b>Bring</b> a friend.</div></blockquote>"
        "<ul><li>A school class held the first cleanup.<div>It was in the spring.</div></li>"
        "<li><div>Tyres and a bicycle</div><div>came out of the water.</div></li></ul>"
        "<p>The next cleanup is planned for August, when the water is low and the banks are "
        "easier to reach for the volunteers and their boats.</p>"
        "</article></body></html>"
    ).encode()
    article = parse_bytes(page, source="river.html")
    texts = [p.text for p in article.paragraphs]
    for expected in (
        "The organisers said the work would go on through the summer.",
        "Volunteers can sign up at the town hall before the end of the month.",
        "The council will provide gloves.",
        "We filled forty bags before lunch.", "Next year we want twice as many people.",
        "Bring a friend.", "A school class held the first cleanup.", "It was in the spring.",
        "Tyres and a bicycle", "came out of the water.",
    ):
        assert expected in texts
    body = " ".join(texts)
    assert "\ufdd0" not in body
    for glued in ("summer.Volunteers", "month.The", "lunch.Next", "people.Bring", "cleanup.It",
                  "bicyclecame"):
        assert glued not in body


CARD_PAGE = """<html><head><title>Council passes the harbour budget</title></head><body>
<article><h1>Council passes the harbour budget</h1>
<p>The budget was passed on Tuesday after a long debate, said Councillor
<span class="who"><a href="/people/ann-lee">Ann Lee</a><span class="card"><img src="/a.jpg" alt=""><a
href="/people/ann-lee">Ann Marie Lee</a><a href="/news/1">Harbour fees to rise from next spring</a>
<a href="/news/2">Ferry timetable changes for the winter months</a></span></span>, who chairs the
finance committee and has sat on the council for twelve years.</p>
<p>Timetables for <a href="/ferries">the ferries</a><span><a href="/summer">summer sailings</a>
<a href="/winter">winter sailings and the late boat on Saturdays</a></span> are on the harbour's
own site, the council said, and will be posted at the quay from Monday.</p>
<p>The finance committee will meet again in March to set the fees for the next year, and the
harbour master will report to it on the state of the pier and the slipway.</p>
</article></body></html>"""


def test_a_card_that_names_again_the_link_it_follows_is_not_in_the_sentence():
    import trafilatura

    assert "Ann LeeAnn Marie Lee" in (trafilatura.extract(CARD_PAGE, fast=True) or "")
    article = parse_bytes(CARD_PAGE.encode(), source="card.html")
    texts = [p.text for p in article.paragraphs]
    assert texts[0].startswith("The budget was passed on Tuesday after a long debate, said "
                               "Councillor Ann Lee, who chairs the finance committee")
    assert not any("Harbour fees to rise" in text for text in texts)
    # Links after a link that they do not name again are the sentence's own.
    assert "winter sailings and the late boat on Saturdays" in texts[1]
