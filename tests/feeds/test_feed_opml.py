"""OPML: reading the shapes found in the wild, writing 2.0 that reads back."""

import xml.etree.ElementTree as ET

import pytest

from reader.errors import SourceError
from reader.ingest.opml import Subscription, parse_opml, write_opml

NESTED = b"""<?xml version="1.0"?>
<opml version="1.0"><head><title>mine</title></head><body>
  <outline xmlUrl="http://a/top.xml" text="Top level"/>
  <outline text="News">
    <outline type="rss" text="A text" title="A &amp; title" xmlUrl="http://a/news.xml" htmlUrl="http://a/"/>
    <outline title="World">
      <outline text="Deep" xmlURL="http://a/world.xml"/>
    </outline>
  </outline>
  <outline text="Dup" xmlUrl="http://a/top.xml"/>
  <outline text="Empty folder"/>
</body></opml>"""


def test_reads_nested_folders_titles_and_attribute_case():
    subs = parse_opml(NESTED, "subs.opml")
    assert subs == [
        Subscription("http://a/top.xml", "Top level", None),
        Subscription("http://a/news.xml", "A & title", "News", "http://a/"),
        Subscription("http://a/world.xml", "Deep", "News/World"),
    ]


def test_round_trip_keeps_urls_titles_links_and_folders():
    subs = parse_opml(NESTED, "subs.opml")
    text = write_opml(subs)
    root = ET.fromstring(text.encode())
    assert root.get("version") == "2.0"
    news = [o for o in root.find("body") if o.get("text") == "News"][0]
    assert news.get("xmlUrl") is None  # a folder, with its feeds nested inside
    assert [o.get("title") for o in news] == ["A & title", "World"]
    assert parse_opml(text.encode(), "exported") == subs


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not xml at all <<", "not a readable OPML file"),
        (b"<rss version='2.0'><channel/></rss>", "not an OPML file (its root element is <rss>)"),
        (b"<opml version='2.0'><head/></opml>", "not an OPML file (it has no <body>)"),
    ],
)
def test_bad_opml_is_a_source_error(data, reason):
    with pytest.raises(SourceError) as info:
        parse_opml(data, "x.opml")
    assert str(info.value).startswith(f"x.opml: {reason}")
