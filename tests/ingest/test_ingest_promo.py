"""Promotion, sign-up and copyright lines around and inside a story (HTML)."""

from pathlib import Path

import trafilatura

from reader.ingest import load_path
from reader.ingest.promo import looks_like_navigation, trim
from reader.model import Paragraph

FIXTURES = Path(__file__).parent / "fixtures"
PROMOS = (
    "READ MORE: Roof repairs could cost the town more than expected",
    "Leggi anche: La biblioteca resta aperta",
    "MAYOR SAYS SHE WILL NOT STAND AGAIN NEXT YEAR",
    "Subscribe to the Valley Herald newsletter to get the day's stories in your inbox.",
    "© 2019 Valley Herald Media. All Rights Reserved.",
)
STORY = (
    "Residents of Millbrook voted on Tuesday to keep the town's old stone library open",
    "The vote, which drew more people",
    '"This building is the heart of the town," said Edith Marlow',
    "The council will now ask for bids",
    "Supporters of the move said",
)


def test_a_page_of_promos_around_a_story_keeps_only_the_story():
    page = (FIXTURES / "promo_page.html").read_text(encoding="utf-8")
    plain = trafilatura.extract(page, fast=True) or ""
    assert all(promo in plain for promo in PROMOS)  # trafilatura keeps them all
    article = load_path(FIXTURES / "promo_page.html")
    texts = [p.text for p in article.paragraphs]
    assert len(texts) == len(STORY)
    assert all(text.startswith(start) for text, start in zip(texts, STORY))


def _p(text: str, kind: str = "text") -> Paragraph:
    return Paragraph(text, kind)


PROSE = [
    _p("The ferry service between the two islands will resume next week after a winter "
       "of repairs to the pier, the harbour board said on Monday."),
    _p("Captain Ines Duarte, who has sailed the route for eleven years, said the crew "
       "was ready and the boat had passed its last inspection."),
]


def _links(*texts: str):
    known = {t.casefold() for t in texts}
    return lambda text: text.casefold() in known


def test_a_list_of_teasers_after_a_marker_goes_with_the_marker():
    story = PROSE + [_p("More from the coast", "heading"), _p("Lighthouse keeper retires"),
                     _p("The keeper spent forty years on the rock"), _p("Storm closes the road")]
    assert trim(story, _links("Lighthouse keeper retires", "Storm closes the road")) == PROSE


def test_linked_headlines_and_their_lines_after_the_story_go():
    story = PROSE + [_p("Harbour fees to rise", "heading"), _p("The board wants more for berths"),
                     _p("Fishing fleet shrinks", "heading"), _p("Only nine boats are left")]
    assert trim(story, _links("Harbour fees to rise", "Fishing fleet shrinks")) == PROSE


def test_sign_up_follow_and_contact_lines_at_the_end_go():
    story = PROSE + [
        _p("Want more? Sign up for our free morning newsletter and get every story first."),
        _p("Follow the Island Courier on Facebook and Instagram."),
        _p("Reach the reporter at ines.reporter@courier.example."),
        _p("Tags: ferries, islands"),
    ]
    assert trim(story, _links()) == PROSE


def test_what_only_looks_like_furniture_stays():
    story = [
        _p("Follow the coast road north and the pier is the first thing you see, the "
           "locals say, long before the village comes into view."),
        _p("Copyright law, the board said, does not cover the old ferry timetables."),
        PROSE[0],
        _p("Mainland Pier Cafe"),  # a link to a place the story names, inside it
        PROSE[1],
        _p('"Get out of here," she said.'),  # the story's last line, a quotation
    ]
    assert trim(story, _links("Mainland Pier Cafe", '"Get out of here," she said.')) == story


def test_labels_in_other_languages_and_copyright_lines_go_anywhere():
    story = [PROSE[0], _p("Lire aussi : Le port rouvre ses portes"), PROSE[1],
             _p("Lesen Sie auch: Die Fähre fährt wieder"), _p("Copyright 2021 Island Courier")]
    assert trim(story, _links()) == PROSE


def test_nothing_is_dropped_when_no_story_would_be_left():
    story = [_p("Click here to read the full story on the ferry.")]
    assert trim(story, _links()) == story


def test_navigation_is_a_run_of_short_links_with_little_prose():
    menu = [_p(name) for name in ("Home", "News", "Sport", "Weather", "Travel", "Culture",
                                  "Business", "Opinion")]
    assert looks_like_navigation(menu + PROSE[:1], _links(*(p.text for p in menu)))
    assert not looks_like_navigation(PROSE + menu[:2], _links("Home", "News"))
    assert not looks_like_navigation(menu, _links())  # short lines that are no links: a list


def _fake_passes(monkeypatch, fast_body: str, full_body: str) -> list[bool]:
    """trafilatura's two passes replaced by fixed trees; returns the passes asked for."""
    from types import SimpleNamespace

    from lxml import etree

    import reader.ingest.html as html

    asked: list[bool] = []

    def bare_extraction(tree, *, fast, **options):
        asked.append(fast)
        return SimpleNamespace(body=etree.fromstring(fast_body if fast else full_body))

    monkeypatch.setattr(html.trafilatura, "bare_extraction", bare_extraction)
    return asked


MENU = ["Home", "News", "Sport", "Weather", "Travel", "Culture", "Business", "Opinion"]
PAGE = (
    "<html><head><title>Ferry returns</title></head><body><nav>"
    + "".join(f"<a href='/{name.lower()}'>{name}</a>" for name in MENU)
    + "</nav><article><p>The ferry is back.</p></article></body></html>"
).encode()
STORY_BODY = "<body>" + "".join(f"<p>{p.text}</p>" for p in PROSE) + "</body>"


def test_a_fast_pass_that_keeps_a_menu_gives_way_to_the_full_pass(monkeypatch):
    from reader.ingest import parse_bytes

    menu_body = ("<body>" + "".join(f"<p>{name}</p>" for name in MENU)
                 + f"<p>{PROSE[0].text}</p></body>")
    asked = _fake_passes(monkeypatch, menu_body, STORY_BODY)
    article = parse_bytes(PAGE, source="ferry.html")
    assert asked == [True, False]
    assert [p.text for p in article.paragraphs] == [p.text for p in PROSE]


def test_a_story_from_the_fast_pass_is_kept_without_a_second_pass(monkeypatch):
    from reader.ingest import parse_bytes

    asked = _fake_passes(monkeypatch, STORY_BODY, "<body><p>Home</p></body>")
    article = parse_bytes(PAGE, source="ferry.html")
    assert asked == [True]
    assert [p.text for p in article.paragraphs] == [p.text for p in PROSE]


MENU_PAGE_STORY = (
    "The town council of Eastmoor voted on Wednesday night",
    "About sixty residents filled the public gallery.",
    '"We learned to swim there, and so did our children,"',
    "The council said it would look for a site",
)
MENU_LABELS = ("Light rain", "Politics", "Cricket", "What's on", "Our sites", "Announcements")


def test_a_page_whose_fast_pass_keeps_the_menu_opens_on_its_story():
    """An invented page whose story sits in plain divs under a mega-menu of
    labelled link groups: trafilatura's fast pass keeps the menus (their
    labels are no links, so they are no edge furniture either); its full
    pass finds the story, and byline keeps that."""
    page = (FIXTURES / "menu_page.html").read_text(encoding="utf-8")
    fast = (trafilatura.extract(page, fast=True) or "").splitlines()
    assert all(label in fast for label in MENU_LABELS)  # the fast pass keeps the menu
    article = load_path(FIXTURES / "menu_page.html")
    texts = [p.text for p in article.paragraphs]
    assert not set(MENU_LABELS) & set(texts)
    story = [t for t in texts if t.startswith(MENU_PAGE_STORY)]
    assert len(story) == len(MENU_PAGE_STORY)
    assert all(t.startswith(start) for t, start in zip(story, MENU_PAGE_STORY))
    assert texts[-1] == story[-1]  # nothing after the story: no tags, no "Most read"
    # Above it, neither the breadcrumb trail nor the headline again.
    assert "Home › Local" not in texts and article.title not in texts
    assert (article.title, article.site) == ("Eastmoor votes to close Mill Lane baths",
                                             "Eastmoor Gazette")


def test_headings_after_the_last_paragraph_head_nothing_of_the_story():
    """A sign-up box and teasers set as headings after the story go; a
    subheading with the story's own lines after it stays."""
    box = [_p(text, "heading") for text in (
        "Island Weekly Newsletter", "Thanks for signing up!", "Sorry!",
        "Ferry vs. bridge: the long argument", "Harbour master retires after 30 years")]
    assert trim(PROSE + box, _links()) == PROSE
    listed = PROSE + [_p("What the new timetable changes", "heading"),
                      _p("Two extra crossings on Saturdays"), _p("No late boat on Sundays")]
    assert trim(listed, _links()) == listed


def test_a_breadcrumb_trail_above_the_story_goes():
    trail = _p("Home › Coast › Ferries")
    assert trim([trail] + PROSE, _links("Home", "Coast")) == PROSE
    # Not a trail unless its steps are links: a line of the story's own.
    line = _p("Ferries › a note on the timetable")
    assert trim([line] + PROSE, _links("Home")) == [line] + PROSE
