"""Plain-text dumps, by the kind of trouble a page gives (issue 11).

Every dump here is invented for the test (no corpus text): a page title line,
menus, the story, and what pages put after a story.
(A) the wrong block: the story is one short paragraph, teasers and tags around;
(B) list-like stories: results, a calendar, a recipe;
(C) one or two non-prose lines (code, a numbered step) between paragraphs;
(D) a company's blurb, a newsletter sign-up and teasers after the story;
and the header: site and headline, slogans, brackets, datelines, quotations.
"""

from datetime import datetime, timedelta, timezone

import pytest

from reader.errors import SourceError
from reader.ingest import parse_bytes

MENU = "Home\nNews\nSport\nWeather\nContact us\n"
FOOT = "© 2021 The Northfield Courier. All rights reserved.\n"
EST = timezone(timedelta(hours=-5))

LEAD = (
    "The harbour ferry ran again on Friday morning after three days tied up "
    "by the storm, the operator said."
)
TEASERS = """You may also like

Bakery on Mill Lane wins regional prize
The judges praised its rye loaf and said the queue outside was the longest they had seen.

New cycle lane opens on the ring road
Riders will have a protected lane from the station to the hospital by the end of the month.
"""
TAGS = (
    "harbour ferry storm weather travel transport boats council operator timetable "
    "winter coast rescue lifeboat tides wind rain flooding roads bridges trains buses "
    "schools closures power cuts forecast warnings police fire ambulance volunteers"
)


def parse(text: str):
    return parse_bytes(text.encode(), source="dump.txt")


def texts(article) -> list[str]:
    return [p.text for p in article.paragraphs]


# (A) the wrong block ---------------------------------------------------------


def test_a_lone_paragraph_after_the_headline_is_the_story_not_the_teasers_after_it():
    article = parse(
        f"Ferry service resumes after storm | The Northfield Courier\n\n{MENU}\n"
        f"Ferry service resumes after storm\n\nBy Ola Brandt\n12 March 2021\n\n{LEAD}\n\n"
        f"{TEASERS}\n{FOOT}"
    )
    assert texts(article) == [LEAD]
    assert article.title == "Ferry service resumes after storm"


@pytest.mark.parametrize("title", ["Ferry service resumes after storm", "Ferry news"])
def test_a_tag_cloud_is_not_prose(title):
    # With and without the headline shown again above the story.
    article = parse(
        f"{title}\n\n{MENU}\nFerry service resumes after storm\n\n12 March 2021\n\n{LEAD}\n\n"
        f"Share\nFacebook\nTwitter\n\nTopics\n{TAGS}\n\n{FOOT}"
    )
    assert texts(article) == [LEAD]


def test_a_related_box_inside_the_story_does_not_end_it():
    # The story goes on after the box: paragraphs on the same topic, one after another.
    more = [
        "Passengers queued from early morning, and the first crossing left the quay "
        "on time with every seat taken, the harbour master said.",
        "The operator said the storm had damaged a mooring at the north quay, but "
        "that repairs would not stop the ferry from running to its timetable.",
        "The ferry carries about two thousand people a day in winter, most of them "
        "commuters crossing to the offices and the hospital on the far side of the harbour.",
        "A second ferry, kept in reserve at the boatyard, will run at the busiest hours "
        "until the mooring at the north quay has been repaired.",
    ]
    article = parse(
        f"Ferry service resumes after storm | The Northfield Courier\n\n{MENU}\n"
        f"Ferry service resumes after storm\n\n{LEAD}\n\n{more[0]}\n\nRelated\n"
        f"Storm closes the harbour for three days\n\n" + "\n\n".join(more[1:]) + f"\n\n{FOOT}"
    )
    assert texts(article) == [LEAD, *more]


# (B) list-like stories -----------------------------------------------------------

SCORES = [
    "1. Harbour Rovers 3, Mill End 0",
    "2. Northfield Town 1, Quarry United 1",
    "3. Castle Park 2, Riverside 4",
    "4. Old Boys 0, St Anne's 2",
]


def test_score_lines_after_the_headline_are_the_story_even_under_a_furniture_word():
    article = parse(
        f"Saturday's results in the county league | The Northfield Courier\n\n{MENU}\n"
        "Saturday's results in the county league\n\n14 March 2021\n\n"
        "Harbour Rovers stayed top after another win at home.\n\n"
        "Don't Miss:\n" + "\n".join(SCORES) + "\n\nShare\nFacebook\nTwitter\n\n"
        f"Most read\nBakery on Mill Lane wins regional prize\n\n{FOOT}"
    )
    body = texts(article)
    assert body[0] == "Harbour Rovers stayed top after another win at home."
    assert body[-len(SCORES):] == SCORES  # one row a paragraph, in order
    assert not any("Bakery" in text or text in ("Share", "Facebook") for text in body)


CALENDAR = [
    "March 21 – Harbour 10K, 9am, Quay Street",
    "April 4 – Castle Park Fun Run, 10am, Castle Park",
    "April 18 – Riverside Half Marathon, 8am, Riverside Green",
    "May 2 – Hill Climb Challenge, 11am, Beacon Hill",
]


def test_a_calendar_with_no_prose_at_all_is_a_story_not_an_error():
    article = parse(
        f"Race calendar for the season | The Northfield Courier\n\n{MENU}\n"
        "Race calendar for the season\n\n" + "\n".join(CALENDAR) + "\n\n"
        f"Related stories\nNew cycle lane opens on the ring road\n\n{FOOT}"
    )
    assert texts(article) == CALENDAR


def test_a_recipe_keeps_its_ingredients_and_steps():
    steps = [
        "1. Soak the beans overnight in cold water.",
        "2. Fry the onions and garlic in the oil until soft.",
        "3. Add the beans and the stock, then simmer for two hours.",
    ]
    ingredients = ["400g dried white beans", "2 onions, chopped", "3 cloves of garlic"]
    article = parse(
        f"Slow-cooked bean stew | The Northfield Courier\n\n{MENU}\nSlow-cooked bean stew\n\n"
        "Serves four. Ready in three hours.\n\nIngredients:\n" + "\n".join(ingredients)
        + "\n\nMethod:\n" + "\n".join(steps)
        + f"\n\nMore from Food\nBakery on Mill Lane wins regional prize\n\n{FOOT}"
    )
    assert texts(article) == [
        "Serves four. Ready in three hours.", "Ingredients:", *ingredients, "Method:", *steps
    ]


PLAN_INTRO = [
    "Six weeks is long enough to get from the sofa to a steady half-hour run, "
    "the club's coach says, if the plan is kept and the rest days are rest.",
    "Each week has three runs. Print the plan and tick off each session as you go.",
]
WEEK = [
    "Monday", "Rest day",
    "Tuesday", "Warm up: 5 minutes brisk walk",
    "Run 1 minute, walk 90 seconds, 8 times (20 minutes in all)",
    "Wednesday", "Rest day",
    "Thursday", "Warm up: 5 minutes brisk walk",
    "Run 90 seconds, walk 2 minutes, 6 times (21 minutes in all)",
    "Friday", "Rest day",
    "Saturday", "Warm up: 5 minutes brisk walk",
    "Run 2 minutes, walk 2 minutes, 5 times, then 5 minutes easy walk (25 minutes in all)",
]


def test_a_list_story_keeps_its_list_up_to_the_box_after_it():
    """A plan (short lines of details, the same lines again from week to
    week) after a little prose is the story, up to "Related stories"."""
    weeks = []
    for n in (1, 2, 3):
        weeks += [f"Week {n}", *WEEK]
    article = parse(
        f"A six-week plan to start running | The Northfield Courier\n\n{MENU}\n"
        "A six-week plan to start running\n\nBy Ola Brandt\n12 March 2021\n\n"
        + "\n\n".join(PLAN_INTRO) + "\n\n" + "\n".join(weeks)
        + f"\n\nRelated stories\nNew cycle lane opens on the ring road\n\n{FOOT}"
    )
    assert texts(article) == [*PLAN_INTRO, *weeks]


def test_numbered_teasers_after_a_story_are_not_its_list():
    story = [LEAD, "Passengers queued from seven, and the first boat left full at eight, "
             "with a second sailing added at nine to clear the quay.",
             "The operator said the timetable would be back to normal by Monday, "
             "weather allowing, and that tickets bought for the cancelled days would be honoured."]
    teasers = ["Rovers beat Harbour 3-1 to stay top", "10 walks for the spring holidays",
               "Council to spend £2m on roads", "Bakery wins prize for the 2nd year",
               "Lifeboat called out 4 times in a week", "Quiz night raises £900 for the school"]
    article = parse(
        f"Ferry service resumes after storm | The Northfield Courier\n\n{MENU}\n"
        "Ferry service resumes after storm\n\n12 March 2021\n\n" + "\n\n".join(story)
        + "\n\nPrevious Next\nSponsored\n" + "\n".join(teasers) + f"\nAbout Us\n\n{FOOT}"
    )
    assert texts(article) == story


def test_a_page_of_menus_only_still_has_no_article():
    with pytest.raises(SourceError, match="no article text found"):
        parse(f"The Northfield Courier\n\n{MENU}\n{MENU}\n{FOOT}")


# (C) non-prose lines between paragraphs ------------------------------------------

FIRST = (
    "The simplest way to count the words in a text file is to split it on spaces "
    "and count the pieces, which works well enough for most prose."
)
SECOND = (
    "That one line reads the whole file into memory, so for very large files it is "
    "better to go through the file one line at a time and add up the counts."
)
THIRD = (
    "Once every line has been counted, the total is the number of words in the "
    "file, and it can be printed or saved for later use."
)


@pytest.mark.parametrize(
    "between",
    [
        ["words = len(open(path).read().split())"],
        ["total = 0", "for line in handle: total += len(line.split())"],
        ["2. add up the counts"],
    ],
)
def test_one_or_two_non_prose_lines_between_paragraphs_bridge_them(between):
    article = parse(
        f"How to count words in a file | The Northfield Courier\n\n{MENU}\n"
        f"How to count words in a file\n\n{FIRST}\n\n" + "\n".join(between)
        + f"\n\n{SECOND}\n\n{THIRD}\n\n{FOOT}"
    )
    assert texts(article) == [FIRST, *between, SECOND, THIRD]


# (D) boilerplate after the story ---------------------------------------------------

STORY = [
    "The new solar farm on the old airfield began sending power to the grid on "
    "Monday, the company said in a statement.",
    "It has forty thousand panels and will supply about ten thousand homes, "
    "according to figures from the company and the council.",
    "The farm took two years to build and employed more than a hundred local "
    "workers during the busiest months of construction.",
]


@pytest.mark.parametrize(
    "after",
    [
        "About Northfield Energy\nNorthfield Energy is a regional supplier of renewable "
        "power founded in 2009 and based in the town, with offices in three counties.",
        "Sign up for our newsletter\nGet the week's top stories in your inbox every "
        "Friday morning, with the best of our photographs and the weekend's events.",
        "Related stories\nBakery on Mill Lane wins regional prize\nThe judges praised "
        "its rye loaf and said the queue outside was the longest they had seen in years.",
    ],
)
def test_a_blurb_a_sign_up_or_teasers_after_the_story_end_it(after):
    article = parse(
        f"Northfield Energy opens solar farm | The Northfield Courier\n\n{MENU}\n"
        "Northfield Energy opens solar farm\n\n" + "\n\n".join(STORY) + f"\n\n{after}\n\n{FOOT}"
    )
    assert texts(article) == STORY


# The header ------------------------------------------------------------------------

BRIDGE = [
    "The council voted on Monday night to close the old stone bridge over the river "
    "for at least six months while engineers repair its cracked arches.",
    "Drivers will be sent along the ring road, which adds about ten minutes to a trip "
    "from the north side of town to the market square.",
    "Engineers found the damage to the bridge during a routine inspection, and a "
    "report to the council said its arches could not carry lorries safely.",
]
HEADLINE = "Council votes to close the old bridge for repairs"


@pytest.mark.parametrize("again", [True, False])
def test_a_dump_whose_first_line_is_the_site_and_second_the_headline(again):
    shown = f"{HEADLINE}\n\n" if again else ""
    article = parse(
        f"The Northfield Courier\n{HEADLINE}\n\n{MENU}\n{shown}By Mara Quist\n"
        "Published Monday, November 18, 2019 8:22AM EST\n\n" + "\n\n".join(BRIDGE)
        + f"\n\nRelated stories\nMarket square to get new lights\n\n{FOOT}"
    )
    assert article.title == HEADLINE
    assert article.site == "The Northfield Courier"
    assert article.authors == ("Mara Quist",)
    assert article.published == datetime(2019, 11, 18, 8, 22, tzinfo=EST)
    assert texts(article) == BRIDGE


def test_the_site_name_alone_on_the_first_line_and_repeated_is_never_the_headline():
    article = parse(
        f"The Northfield Courier\n\n{MENU}\nThe Northfield Courier\n\n{HEADLINE}\n\n"
        + "\n\n".join(BRIDGE) + f"\n\n{FOOT}"
    )
    assert article.title == HEADLINE
    assert article.site == "The Northfield Courier"
    assert texts(article) == BRIDGE  # the headline is not the first paragraph


@pytest.mark.parametrize(
    "first",
    [
        "Council votes to close the old bridge - Northfield Courier - News you can trust since 1901",
        "Council votes to close the old bridge | Northfield Bridge Week 2019 | Northfield Courier",
    ],
)
def test_a_slogan_or_an_event_in_the_title_is_not_the_site(first):
    article = parse(
        f"{first}\n\n{MENU}\nCouncil votes to close the old bridge\n\n" + "\n\n".join(BRIDGE)
        + "\n\n© 2019 Northfield Courier. All rights reserved.\n"
    )
    assert article.site == "Northfield Courier"
    assert article.title == "Council votes to close the old bridge"


@pytest.mark.parametrize(
    "first",
    ["[Video] Council votes to close the old bridge | The Northfield Courier", "Skip to content"],
)
def test_a_headline_with_brackets_is_kept_as_written(first):
    article = parse(
        f"{first}\n{MENU}\n[Video] Council votes to close the old bridge\n\n"
        + "\n\n".join(BRIDGE) + f"\n\n{FOOT}"
    )
    assert article.title == "[Video] Council votes to close the old bridge"


@pytest.mark.parametrize(
    "dateline, expected",
    [
        ("Published Monday, November 18, 2019 8:22AM EST", datetime(2019, 11, 18, 8, 22, tzinfo=EST)),
        ("Updated Tuesday, November 19, 2019 10:05PM EST", datetime(2019, 11, 19, 22, 5, tzinfo=EST)),
        (
            "Published Monday, November 18, 2019 8:22AM EST Last Updated Tuesday, "
            "November 19, 2019 10:05PM EST",
            datetime(2019, 11, 18, 8, 22, tzinfo=EST),
        ),
        (
            "PUBLISHED: November 18, 2019 at 8:22 am | UPDATED: November 19, 2019 at 10:05 pm",
            datetime(2019, 11, 18, 8, 22, tzinfo=timezone.utc),
        ),
    ],
)
def test_published_and_updated_datelines(dateline, expected):
    article = parse(f"{HEADLINE}\n\n{MENU}\n{dateline}\n\n" + "\n\n".join(BRIDGE) + "\n")
    assert article.published == expected


def test_a_published_line_wins_over_a_last_updated_line_above_it():
    article = parse(
        f"{HEADLINE}\n\n{MENU}\nLast updated November 19, 2019 10:05 PM EST\n"
        "Published November 18, 2019 8:22 AM EST\n\n" + "\n\n".join(BRIDGE) + "\n"
    )
    assert article.published == datetime(2019, 11, 18, 8, 22, tzinfo=EST)


@pytest.mark.parametrize("quote", ['Mara White said: "We will reopen it"', "White said: “…”"])
def test_a_line_quoting_someone_is_not_a_heading(quote):
    article = parse(
        f"{HEADLINE}\n\n{MENU}\n{BRIDGE[0]}\n\n{quote}\n\n{BRIDGE[1]}\n\n{BRIDGE[2]}\n\n{FOOT}"
    )
    kinds = {p.text: p.kind for p in article.paragraphs}
    assert kinds[quote] == "text"


@pytest.mark.parametrize("last", ["The bridge will reopen next autumn.", BRIDGE[2]])
def test_the_last_paragraph_is_kept(last):
    story = [*BRIDGE[:2], last]
    article = parse(
        f"{HEADLINE}\n\n{MENU}\n" + "\n\n".join(story[:2])
        + "\n\nThe old bridge in 1950\nAdvertisement\n\n"
        + f"{last}\n\nShare this\nFacebook\nTwitter\n\n{FOOT}"
    )
    assert texts(article) == story


def test_a_list_of_products_each_with_its_paragraph_keeps_every_paragraph():
    # Each paragraph stands alone between a product's name and a shop link:
    # when most of the story is such paragraphs, that is its rhythm, not teasers.
    items = {
        "Harbour kettle for $40": "The kettle boils a full litre in under three minutes "
        "and switches itself off, which makes it the quietest one we tried this year.",
        "Mill Lane toaster for $55": "Its wide slots take thick slices of bread from the "
        "bakery, and the crumb tray slides out from the front for easy cleaning.",
        "Quay lamp for $25": "A small lamp with a warm light that runs for a week on one "
        "charge, so it can sit on a shelf far from any socket in the house.",
        "Beacon radio for $60": "The radio picks up every local station clearly and has a "
        "dial that is easy to turn, even for people who find small buttons hard to use.",
    }
    more = (
        " We used it every day for a month, in a small flat and in a family kitchen, and "
        "it still worked as well at the end of the month as it did on the first morning."
    )
    items = {name: text + more for name, text in items.items()}
    body = "\n\n".join(
        f"{name.split()[0]}\n\n{name}\n\nSee it now: {name.split()[0]} Shop\n\n"
        f"Rated {stars} of 5\n\n{text}"
        for stars, (name, text) in enumerate(items.items(), 2)
    )
    intro = (
        "Every year our writers try out dozens of small things for the kitchen and the "
        "home, and every year a few of them earn a place on this list of gifts."
    )
    outro = (
        "Prices were checked on the morning this guide was published and may have "
        "changed since then, so look again before you buy any of these gifts."
    )
    article = parse(
        f"Our gift guide for the kitchen and home | The Northfield Courier\n\n{MENU}\n"
        f"Our gift guide for the kitchen and home\n\n{intro}\n\n{body}\n\n{outro}\n\n{FOOT}"
    )
    kept = texts(article)
    assert kept[0] == intro and kept[-1] == outro
    assert all(text in kept for text in items.values())
    assert "Home" not in kept and "Contact us" not in kept


def test_a_caption_above_the_byline_is_not_the_story():
    article = parse(
        f"{HEADLINE} - The Northfield Courier\n\n{MENU}\n{HEADLINE}\n\n"
        "Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM\n\n"
        "The old stone bridge, pictured from the east bank in the spring, when the "
        "first cracks were found by engineers.\n\n"
        "By Mara Quist | Northfield Courier Media for Courier.com\n\n"
        + "\n\n".join(BRIDGE) + f"\n\n{FOOT}"
    )
    assert texts(article) == BRIDGE
    assert article.authors == ("Mara Quist",)
