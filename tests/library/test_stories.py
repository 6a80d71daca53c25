"""One story, one article: the same story imported twice is one article."""

from dataclasses import replace
from pathlib import Path

import pytest

from reader.ingest import load_path
from reader.library import Library
from reader.library.stories import FILE, merge, similar, title_key, url_key
from reader.model import Article, Paragraph, article_id

FIXTURES = Path(__file__).parents[1] / "ingest" / "fixtures"
HTML, DUMP = FIXTURES / "harbour.html", FIXTURES / "harbour_dump.txt"


@pytest.fixture
def library(tmp_path):
    with Library.open(tmp_path / "lib", durable=False) as lib:
        yield lib


@pytest.mark.parametrize("first, second", [(HTML, DUMP), (DUMP, HTML)])
def test_a_page_and_its_text_dump_are_one_article_with_the_pages_url_and_metadata(
        library, first, second):
    assert library.add(load_path(first)) == "imported"
    (only,) = library.list()
    library.set_read(only.id)
    library.set_bookmarked(only.id)
    assert library.add(load_path(second)) in ("updated", "unchanged")
    (entry,) = library.list()
    assert entry.id == only.id and entry.read and entry.bookmarked
    stored = library.get(entry.id)
    page = load_path(HTML)
    assert stored.url == "https://coastal.example/news/harbour-bridge-reopens"
    assert (stored.site, stored.authors, stored.published) == (page.site, page.authors, page.published)
    assert stored.paragraphs == page.paragraphs
    # Importing either again changes nothing.
    assert library.add(load_path(HTML)) == "unchanged"
    assert library.add(load_path(DUMP)) == "unchanged"
    assert len(library.list()) == 1


def test_both_in_one_batch_are_one_article(library):
    counts = library.add_many([load_path(DUMP), load_path(HTML)])
    assert counts == {"imported": 1, "updated": 1, "unchanged": 0}
    (entry,) = library.list()
    assert entry.url == "https://coastal.example/news/harbour-bridge-reopens"


BODY = (
    "The island's only ferry will stop running in the winter months, the operator said on "
    "Friday, after a year in which fuel costs rose by a third and passenger numbers fell.",
    "Residents said they would petition the regional council to keep at least one crossing "
    "a day, and the harbour master warned that the island's shop could not stay open without it.",
)


def story(url: str | None, title: str = "Winter ferry cut for island", feed: str | None = None,
          body: tuple[str, ...] = BODY, source: str = "feed") -> Article:
    paragraphs = tuple(Paragraph(text) for text in body)
    return Article(id=article_id(url, title, paragraphs), title=title, paragraphs=paragraphs,
                   url=url, feed=feed, source=source + (url or title))


def test_the_same_story_in_two_feeds_is_one_article(library):
    one = story("https://news.example/island/ferry-cut?utm_source=rss&utm_medium=feed",
                feed="https://news.example/rss")
    two = story("http://www.news.example/island/ferry-cut/#comments", feed="https://agg.example/feed")
    assert library.add(one) == "imported"
    assert library.add(two) in ("updated", "unchanged")
    assert len(library.list()) == 1
    # Another copy under its own URL but with the same headline and text: still one.
    three = story("https://syndicate.example/world/winter-ferry-cut", feed="https://syn.example/rss")
    assert library.add(three) in ("updated", "unchanged")
    assert len(library.list()) == 1


# Invented, in a script written without spaces: \w+ finds one "word" per
# clause there, so keys made of words would be too few to find the story.
BODY_JA = (
    "島で唯一のフェリーは冬の間運休すると、運航会社が金曜日に発表した。燃料費が三割上がり、"
    "乗客も減ったためだという。",
    "住民たちは、少なくとも一日一便を残すよう議会に求める署名を集めると話し、港長は、船が"
    "なければ島の商店は続けられないと警告した。",
    "議会は来月、運航会社と話し合う予定だ。",
)


def test_a_page_and_its_dump_in_japanese_are_one_article(library):
    page = story("https://minato.example/news/ferry-winter", title="島のフェリー、冬は運休へ",
                 body=BODY_JA)
    # The dump's title line keeps the site; its reading lost the last paragraph.
    dump = story(None, title="島のフェリー、冬は運休へ | 港町新聞", body=BODY_JA[:2], source="dump")
    assert title_key(page.title) is not None
    assert library.add(page) == "imported"
    assert library.add(dump) in ("updated", "unchanged")
    (entry,) = library.list()
    assert entry.url == page.url
    # Another story on the same site is another article.
    other = story(None, title="港の新しい橋が開通 | 港町新聞", source="dump2", body=(
        "港に架かる新しい橋が日曜日に開通し、朝から多くの住民が歩いて渡った。市によると、"
        "工事には四年かかったという。",))
    assert library.add(other) == "imported"
    assert len(library.list()) == 2


def test_what_only_shares_a_title_or_a_text_is_another_article(library):
    library.add(story("https://news.example/island/ferry-cut"))
    other_text = ("The mainland ferry will add a late sailing on Saturdays from next month, "
                  "the operator said, after a summer of crowded evening boats.",)
    assert library.add(story("https://news.example/mainland/late-ferry", body=other_text)) == "imported"
    # The same text under its own URL and title (a page that copies another) stays apart.
    assert library.add(story("https://copy.example/a", title="Island loses winter boat")) == "imported"
    # A site's home page given as the canonical URL identifies no story.
    home = story("https://news.example/", title="Harbour fees rise", body=other_text)
    assert library.add(home) == "imported"
    assert library.add(replace(home, id="another", title="Council meets")) == "imported"
    assert len(library.list()) == 5


def test_the_richer_version_is_kept_and_filled_from_the_other():
    short = story(None, body=BODY[:1]).to_dict()
    full = dict(story("https://news.example/island/ferry-cut").to_dict(), site="Island News")
    short["authors"], short["byline"] = ["Ada Quill"], "Ada Quill"
    merged = merge(short, full)
    assert merged["id"] == short["id"] and merged["url"] == full["url"]
    assert merged["paragraphs"] == full["paragraphs"] and merged["authors"] == ["Ada Quill"]
    assert merge(full, short)["paragraphs"] == full["paragraphs"]
    assert merge(full, full) == full


def test_keys():
    assert url_key("https://www.News.example/a/b/?utm_campaign=x&id=7#top") == "news.example/a/b?id=7"
    assert url_key("http://news.example/a/b/amp") == url_key("https://news.example/a/b")
    assert url_key("https://news.example/") is None and url_key(None) is None
    assert title_key("Ferry cut: what it means!") == title_key("ferry cut — What it means")
    assert title_key("(untitled)") is None and title_key("News") is None
    a, b = story(None).to_dict(), story(None, body=BODY[:1]).to_dict()
    assert similar(a, b) and not similar(a, story(None, body=("Nothing alike here at all.",)).to_dict())


def test_the_index_is_rebuilt_when_lost_or_damaged(tmp_path):
    root = tmp_path / "lib"
    with Library.open(root, durable=False) as lib:
        lib.add(load_path(HTML))
    (root / FILE).unlink()
    with Library.open(root, durable=False) as lib:
        assert lib.add(story("https://coastal.example/news/harbour-bridge-reopens?utm_source=x",
                             title="Harbour bridge reopens after repairs")) != "imported"
        assert len(lib.list()) == 1
    (root / FILE).write_bytes(b"not a database" * 100)
    for suffix in ("-wal", "-shm"):
        Path(str(root / FILE) + suffix).unlink(missing_ok=True)
    with Library.open(root, durable=False) as lib:
        assert lib.add(story("https://coastal.example/news/harbour-bridge-reopens",
                             title="Harbour bridge reopens after repairs")) != "imported"
        assert len(lib.list()) == 1
