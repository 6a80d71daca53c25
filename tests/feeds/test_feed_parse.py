"""Feeds into entries, entries into Articles, HTML fragments into paragraphs."""

from datetime import datetime, timezone

import pytest

from reader.errors import SourceError
from reader.ingest.feeds import (
    entry_article,
    html_paragraphs,
    page_article,
    parse_feed,
)
from reader.ingest.sniff import sniff
from reader.model import Article, Paragraph, article_id
from tests.feeds.samples import STORY, atom, rss

LONG = "".join(f"<p>{STORY} Part {i}.</p>" for i in range(4))


def test_rss2_with_full_content():
    data = rss(
        "Harbour <News>",
        [
            {
                "title": "Storm closes port",
                "link": "http://example.org/storm",
                "summary": "The port is shut.",
                "content": LONG,
                "date": "Tue, 28 Nov 2006 10:45:00 GMT",
            }
        ],
    ).encode()
    feed = parse_feed(data, "http://example.org/feed.xml")
    assert feed.title == "Harbour <News>" and feed.warning is None
    (entry,) = feed.entries
    assert entry.link == "http://example.org/storm"
    assert entry.published == datetime(2006, 11, 28, 10, 45, tzinfo=timezone.utc)
    assert not entry.needs_full_text
    article = entry_article(entry, feed_url="http://example.org/feed.xml", feed_title=feed.title)
    assert article.id == article_id("http://example.org/storm", "", ())
    assert article.site == "Harbour <News>" and article.feed == "http://example.org/feed.xml"
    assert [p.text for p in article.paragraphs] == [f"{STORY.strip()} Part {i}." for i in range(4)]
    assert article.summary == "The port is shut."


def test_atom_with_summaries_only_needs_full_text():
    data = atom(
        "Quay Times",
        [{"title": "Ferries wait", "link": "http://example.org/f", "summary": "<b>Short</b> one."}],
    ).encode()
    feed = parse_feed(data, "http://example.org/atom")
    assert feed.link is None  # not its id, "urn:test:Quay Times"
    (entry,) = feed.entries
    assert entry.needs_full_text
    assert entry.authors == ("Ann Writer",)
    article = entry_article(entry, feed_url="u", feed_title="Quay Times", note="No full story.")
    assert [p.text for p in article.paragraphs] == ["Short one.", "No full story."]


def test_a_long_description_is_taken_as_the_full_story():
    long_text = "".join(f"<p>{STORY * 3}</p>" for _ in range(4))
    data = rss("T", [{"title": "a", "link": "http://x/a", "summary": long_text}]).encode()
    assert not parse_feed(data, "http://x/f").entries[0].needs_full_text


def test_rss_1_0_and_0_91_are_read():
    rdf = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="http://x/"><title>RDF feed</title><link>http://x/</link></channel>
<item rdf:about="http://x/1"><title>One</title><link>http://x/1</link><description>d</description></item>
</rdf:RDF>"""
    old = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Old</title>
<item><title>Two</title><link>http://x/2</link></item></channel></rss>"""
    assert parse_feed(rdf, "http://x/rdf").entries[0].link == "http://x/1"
    assert parse_feed(old, "http://x/old").entries[0].title == "Two"
    assert sniff(rdf) == sniff(old) == "feed"


def test_a_malformed_feed_with_entries_is_still_read():
    data = b"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bad & Co</title>
<item><title>Fish & chips</title><link>http://x/fish</link></item></channel></rss>"""
    feed = parse_feed(data, "http://x/bad")
    assert feed.warning and [e.title for e in feed.entries] == ["Fish & chips"]


@pytest.mark.parametrize(
    "data", [b"\x00\xff\xfe garbage \x89PNG", b"<html><body><p>a page</p></body></html>", b""]
)
def test_unreadable_feeds_are_source_errors(data):
    with pytest.raises(SourceError) as info:
        parse_feed(data, "http://x/feed")
    assert str(info.value).startswith("http://x/feed: not a readable RSS or Atom feed")


def test_entry_identity_is_link_else_guid_and_titles_are_plain_text():
    data = rss(
        "T",
        [{"title": "No link [bold]", "guid": "tag:x,2024:1", "summary": "s"}],
    ).encode()
    entry = parse_feed(data, "http://x/f").entries[0]
    assert entry.link is None and entry.identity == "tag:x,2024:1"
    article = entry_article(entry, feed_url="http://x/f", feed_title="T")
    assert article.title == "No link [bold]"
    assert article.id == article_id("tag:x,2024:1", "", ())


def test_a_fetched_page_keeps_the_entry_identity_and_date_and_the_feed_as_site():
    data = atom("Feed", [{"title": "E", "link": "http://x/e", "summary": "s"}]).encode()
    entry = parse_feed(data, "http://x/f").entries[0]
    page = Article(
        id="whatever",
        title="Page title",
        paragraphs=(Paragraph("Body"),),
        site="The Page Site",
        url="http://x/e?utm=1",
    )
    article = page_article(entry, page, feed_url="http://x/f", feed_title="Feed")
    assert article.id == article_id("http://x/e", "", ())
    assert (article.title, article.site, article.url) == ("Page title", "Feed", "http://x/e")
    assert article.published == datetime(2024, 3, 1, 12, tzinfo=timezone.utc)
    assert article.authors == ("Ann Writer",)
    plain = page_article(entry, Article("i", "", (Paragraph("B"),)), feed_url="u", feed_title="Feed")
    assert plain.site == "Feed" and plain.title == "E"
    untitled = page_article(entry, page, feed_url="http://x/f", feed_title=None)
    assert untitled.site == "The Page Site"


def test_html_fragments_become_plain_paragraphs_without_control_characters():
    html = (
        "<p>One <b>two</b></p>three<br>four<br> <br>five<h2>Head</h2>"
        "<blockquote><p>q1</p></blockquote><script>alert(1)</script>"
        "<ul><li>a\x1b[31m</li><li>b</li></ul>"
    )
    assert html_paragraphs(html) == (
        Paragraph("One two"),
        Paragraph("three four"),
        Paragraph("five"),
        Paragraph("Head", "heading"),
        Paragraph("q1", "blockquote"),
        Paragraph("a"),
        Paragraph("b"),
    )
    assert html_paragraphs("fish &amp; chips") == (Paragraph("fish & chips"),)


def test_html_fragments_keep_text_after_comments_and_survive_bad_text():
    assert html_paragraphs("<p>before<!-- a note -->after</p>x<br><!--c--><br>y") == (
        Paragraph("beforeafter"),
        Paragraph("x"),
        Paragraph("y"),
    )
    assert html_paragraphs("<p>odd \ud800 char</p>") == (Paragraph("odd ? char"),)
    assert html_paragraphs('<?xml version="1.0" encoding="utf-8"?><p>caf&eacute;</p>') == (
        Paragraph("café"),
    )


@pytest.mark.parametrize("content_type", [None, "text/xml", "text/html; charset=utf-8"])
def test_the_xml_declaration_decides_the_encoding_without_a_warning(content_type):
    data = (
        '<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel>'
        "<title>Caf\xe9</title><item><title>Na\xefve</title><link>http://x/1</link></item>"
        "</channel></rss>"
    ).encode("latin-1")
    feed = parse_feed(data, "http://x/f", content_type)
    assert (feed.title, feed.entries[0].title, feed.warning) == ("Café", "Naïve", None)


def test_relative_entry_links_resolve_against_the_feed_url():
    data = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
        b'<entry><title>A</title><link href="a/2"/><id>x</id></entry></feed>'
    )
    (entry,) = parse_feed(data, "http://base.example/dir/feed.xml").entries
    assert entry.link == "http://base.example/dir/a/2"
