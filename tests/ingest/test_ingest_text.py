"""Plain-text dumps: the line classifier on a dump written for the purpose."""

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from reader.errors import SourceError
from reader.ingest import load_path, parse_bytes

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def valley():
    return load_path(FIXTURES / "valley_dump.txt")


def test_metadata_from_header(valley):
    assert valley.title == "Flood defences hold as river peaks"
    assert valley.site == "Valley Gazette"  # not "Home", the first item of the menu
    assert valley.authors == ("Priya Raman",)
    assert valley.published == datetime(2021, 6, 14, 8, 5, tzinfo=timezone.utc)


def test_body_and_subheading(valley):
    kinds = [p.kind for p in valley.paragraphs]
    assert kinds == ["text"] * 3 + ["heading"] + ["text"] * 2
    assert valley.paragraphs[3].text == "What happens next"
    assert valley.paragraphs[0].text.startswith("The river rose")


@pytest.mark.parametrize(
    "junk", ["Sandbags piled", "Share this story", "Facebook", "Related stories",
             "car park", "Heatwave", "All rights reserved", "By Priya"],
)
def test_boilerplate_dropped(valley, junk):
    assert not any(junk in p.text for p in valley.paragraphs)


PROSE = (
    "The committee met on Monday to discuss the budget for the coming year, and it "
    "agreed to raise spending on schools by a small amount."
)


def test_escape_sequences_are_stripped_and_markup_kept_as_text():
    data = (
        "Council budget agreed\n\n"
        f"\x1b]0;pwned\x07\x1b[31m{PROSE}\x1b[0m\n\n"
        f"[bold]Members[/bold] said the plan was fair to every district. {PROSE}\n"
    ).encode()
    article = parse_bytes(data, source="esc.txt")
    body = "\n".join(p.text for p in article.paragraphs)
    assert "\x1b" not in body and "pwned" not in body and "\x07" not in body
    assert body.startswith("The committee met")
    assert "[bold]Members[/bold] said" in body


def test_latin1_file(tmp_path):
    path = tmp_path / "latin1.txt"
    text = "Café owners protest\n\n" + PROSE.replace("committee", "comité") + "\n"
    path.write_bytes(text.encode("latin-1"))
    article = load_path(path)
    assert "comité" in article.paragraphs[0].text


def test_utf16_file(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(("Budget news\n\n" + PROSE + "\n").encode("utf-16"))
    assert load_path(path).paragraphs[0].text == PROSE


def test_utf16_without_bom(tmp_path):
    path = tmp_path / "utf16le.txt"
    path.write_bytes(("Budget news\n\n" + PROSE + "\n").encode("utf-16-le"))
    assert load_path(path).paragraphs[0].text == PROSE


def test_menu_only_text_has_no_article():
    with pytest.raises(SourceError, match="no article text found"):
        parse_bytes(b"Home\nNews\nSport\nContact us\n", source="menu.txt")


def test_dateline_with_us_zone():
    data = f"Budget agreed\nNov. 19, 2019 8:03 am ET\n\n{PROSE}\n".encode()
    published = parse_bytes(data, source="d.txt").published
    assert published == datetime(2019, 11, 19, 8, 3, tzinfo=timezone(timedelta(hours=-5)))


PARAGRAPHS = "\n\n".join(
    [
        PROSE,
        "Officials said the new plan would take effect in the spring, after a final vote.",
        "Parents welcomed the news, though some said the money would not go far enough.",
    ]
)


def test_page_title_without_site_is_the_headline():
    data = f"Schools get more money\n\nHome\nNews\nSport\n\nLatest\n{PARAGRAPHS}\n".encode()
    assert parse_bytes(data, source="t.txt").title == "Schools get more money"


def test_headline_as_shown_in_the_header_wins_over_a_wrapped_title():
    data = (
        "Opinion | Schools get more money - The Daily Ledger\n\nOpinion\n\n"
        f"Schools get more money\n\nBy Ann Lee and Bo Ng - 11/19/19 06:56 AM EST\n\n{PARAGRAPHS}\n"
    ).encode()
    article = parse_bytes(data, source="t.txt")
    assert article.title == "Schools get more money"
    assert article.site == "The Daily Ledger"
    assert article.authors == ("Ann Lee", "Bo Ng")
    assert article.published == datetime(2019, 11, 19, 6, 56, tzinfo=timezone(timedelta(hours=-5)))


def test_lists_inside_and_after_the_story_are_kept():
    data = (
        "Tour announced\n\n"
        f"{PROSE}\n\nThe band will play in three groups of cities:\n"
        "Path A: Leeds, York\nPath B: Hull, Bath\nPath C: Ely, Wells\n"
        "Tickets go on sale on Friday morning, the promoter said in a statement today.\n\n"
        "The band last toured the country four years ago, when most of the shows sold out.\n\n"
        "Tour dates\nJune 9 – Leeds @ Arena\nJune 10 – York @ Hall\nJune 12 – Hull @ Dome\n\n"
        "Home\nNews\nSport\nContact\n"
    ).encode()
    texts = [p.text for p in parse_bytes(data, source="t.txt").paragraphs]
    assert "Path B: Hull, Bath" in texts and "The band will play in three groups of cities:" in texts
    assert texts[-4:] == ["Tour dates", "June 9 – Leeds @ Arena", "June 10 – York @ Hall",
                          "June 12 – Hull @ Dome"]
    assert "Home" not in texts and "Contact" not in texts


def test_short_first_line_is_the_title():
    other = "Officials said the new plan would take effect in the spring, after a final vote."
    data = f"Budget\n\n{PROSE}\n\n{other}\n".encode()
    article = parse_bytes(data, source="t.txt")
    assert article.title == "Budget"
    assert article.paragraphs[0].text == PROSE


def test_a_link_on_the_first_line_of_a_browser_copy_is_not_the_headline():
    # Copied from a browser, the dump has no <title> line: it opens with a
    # skip link, and the headline sits near the story, sharing its words.
    data = (
        "Skip to main content\nThe Daily Ledger\nHome | News | Sport\n"
        f"Schools get more money for buildings\n{PARAGRAPHS}\n"
    ).encode()
    assert parse_bytes(data, source="t.txt").title == "Schools get more money for buildings"
