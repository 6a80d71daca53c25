"""The bundled seed (a BBC page saved as text, boilerplate and all) parses cleanly."""

from datetime import datetime, timezone
from pathlib import Path

import pytest

from reader.ingest import load_path

SEED = Path(__file__).parents[2] / "seeds" / "000_8c01498c710a7303.txt"


@pytest.fixture(scope="module")
def seed():
    return load_path(SEED)


def test_headline_site_and_dateline(seed):
    assert seed.title == "N Korea and US in diplomacy push"
    assert seed.site == "BBC News"
    assert seed.published == datetime(2006, 11, 28, 10, 45, tzinfo=timezone.utc)
    assert seed.source == str(SEED)


def test_body_runs_from_first_to_last_paragraph(seed):
    text = [p for p in seed.paragraphs if p.kind == "text"]
    assert len(text) == 15
    assert text[0].text.startswith("Senior North Korean and US negotiators are meeting")
    assert text[-1].text.startswith("While the resumption of talks has been welcomed")


def test_subheading_in_place_without_quote_marks(seed):
    kinds = [p.kind for p in seed.paragraphs]
    assert kinds.count("heading") == 1
    at = kinds.index("heading")
    assert seed.paragraphs[at].text == "Defensive measures"
    assert seed.paragraphs[at - 1].text.startswith("Beijing hopes")
    assert seed.paragraphs[at + 1].text.startswith("Mr Kim, upon arrival in Beijing")


@pytest.mark.parametrize(
    "boilerplate",
    [
        "error occurred",  # server error
        "One-Minute World News",  # menu
        "Beijing on 28 November 2006",  # caption
        "must narrow their differences",  # caption
        "not responsible for the content",  # footer
        "housing bubble",  # promo titles
        "clove tree",
        "Royal Ballet",
        "Middle East",  # region list
    ],
)
def test_no_boilerplate_in_body(seed, boilerplate):
    assert not any(boilerplate in p.text for p in seed.paragraphs)
