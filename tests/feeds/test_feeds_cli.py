"""byline feeds/refresh and URL import, end to end against the local server."""

import json
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from reader.cli import main
from reader.gather.subscribe import import_url
from reader.errors import FetchError, SourceError
from reader.ingest.opml import parse_opml
from reader.library import Library
from reader.model import article_id
from tests.feeds.samples import atom, rss, story_html


@pytest.fixture
def run(tmp_path):
    data = tmp_path / "lib"

    def invoke(*args):
        return CliRunner().invoke(main, ["--data-dir", str(data), *args], catch_exceptions=False)

    invoke.data = data
    return invoke


def test_import_url_uses_the_url_after_redirects_as_identity(web, tmp_path):
    final = web.add("/2024/storm", story_html("Storm closes port"))
    start = web.redirect("/short", "/2024/storm")
    with Library.open(tmp_path / "lib") as library:
        assert import_url(library, start) == "imported"
        assert import_url(library, final) == "unchanged"
        (entry,) = library.list()
        assert entry.url == final and entry.id == article_id(final, "", ())
        assert entry.title == "Storm closes port"


def test_import_url_subscribes_to_a_feed(web, tmp_path):
    url = web.add("/feed", atom("Quay Times", []), content_type="application/atom+xml")
    with Library.open(tmp_path / "lib") as library:
        assert import_url(library, url) == "subscribed"
        assert library.list() == []
    from reader.library.feeds import FeedStore

    with Library.open(tmp_path / "lib") as library:
        assert FeedStore.of(library).get(url).title == "Quay Times"


def test_a_feed_served_under_an_x_type_is_a_feed(web, tmp_path):
    # Python's http.server (and many others) serve .rss as application/x-rss+xml
    rss_url = web.add("/a.rss", rss("Quay RSS", []), content_type="application/x-rss+xml")
    atom_url = web.add("/b.atom", atom("Quay Atom", []), content_type="application/x-atom+xml")
    with Library.open(tmp_path / "lib") as library:
        assert import_url(library, rss_url) == "subscribed"
        assert import_url(library, atom_url) == "subscribed"


def test_import_url_refuses_what_is_not_a_page(web, tmp_path):
    png = web.add("/pic", b"\x89PNG\r\n\x1a\n" + bytes(200), content_type="image/png")
    with Library.open(tmp_path / "lib") as library:
        with pytest.raises(FetchError) as info:
            import_url(library, png)
        assert str(info.value) == f"{png}: not a web page or feed (image/png)"
        with pytest.raises(FetchError, match="HTTP 404 Not Found"):
            import_url(library, web.url("/nothing"))


def test_feeds_add_list_refresh_remove(web, run):
    items = [{"title": "One", "link": web.url("/1"), "content": "<p>" + "word " * 60 + "</p>"}]
    feed = web.add("/rss", rss("Harbour News", items), etag='"a"')
    page = web.add(
        "/home",
        '<html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head>'
        "<body><p>home</p></body></html>",
    )
    added = run("feeds", "add", page, "--folder", "News")
    assert added.exit_code == 0 and f"subscribed to Harbour News <{feed}>" in added.output
    refreshed = run("refresh")
    assert refreshed.exit_code == 0, refreshed.output
    assert "1 new story from 1 feed" in refreshed.output
    listed = run("feeds", "list")
    assert "News/ Harbour News" in listed.output and "1 articles, 1 unread" in listed.output
    assert run("refresh").output.startswith("0 new stories from 1 feed (1 unchanged)")
    removed = run("feeds", "remove", feed)
    assert removed.exit_code == 0 and "its articles stay" in removed.output
    assert "no feeds yet" in run("feeds", "list").output
    assert "no feeds yet" in run("refresh").output


def test_feeds_add_refuses_a_page_without_a_feed(web, run):
    page = web.add("/plain", "<html><body><p>nothing to see</p></body></html>")
    result = CliRunner().invoke(main, ["--data-dir", str(run.data), "feeds", "add", page])
    assert result.exit_code == 1
    assert result.stderr == f"byline: {page}: not a feed, and the page names no RSS or Atom feed\n"


def test_refresh_exits_1_and_names_a_failing_feed(web, run, tmp_path):
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"# mine\n{web.url('/missing')}\n")
    assert "subscribed to 1 new feed" in run("feeds", "add", str(listing)).output
    result = CliRunner().invoke(main, ["--data-dir", str(run.data), "refresh"])
    assert result.exit_code == 1
    assert f"byline: {web.url('/missing')}: HTTP 404 Not Found" in result.stderr
    assert "last error: " in run("feeds", "list").output


def test_opml_import_export_round_trip(run, tmp_path):
    opml = tmp_path / "in.opml"
    opml.write_text(
        """<?xml version="1.0"?><opml version="2.0"><head/><body>
        <outline text="News"><outline text="World"><outline text="W" xmlUrl="http://w/f"/></outline>
        <outline text="Local" xmlUrl="http://l/f" htmlUrl="http://l/"/></outline>
        <outline text="Solo" xmlUrl="http://s/f"/></body></opml>"""
    )
    assert "subscribed to 3 new feeds" in run("feeds", "import", str(opml)).output
    out = run("feeds", "export").output
    assert ET.fromstring(out.encode()).get("version") == "2.0"
    assert {(s.url, s.title, s.folder, s.link) for s in parse_opml(out.encode(), "out")} == {
        ("http://w/f", "W", "News/World", None),
        ("http://l/f", "Local", "News", "http://l/"),
        ("http://s/f", "Solo", None, None),
    }
    assert "subscribed to 0 new feeds" in run("feeds", "import", str(opml)).output
    bad = tmp_path / "bad.opml"
    bad.write_text("<rss/>")
    assert run("feeds", "import", str(bad)).exit_code == 1


def test_an_opml_feed_that_cannot_be_fetched_is_skipped_and_the_rest_subscribed(run, tmp_path):
    opml = tmp_path / "other-reader.opml"
    opml.write_text(
        """<?xml version="1.0"?><opml version="1.0"><head/><body>
        <outline text="News"><outline text="A" xmlUrl="http://a/f"/>
        <outline text="Old" xmlUrl="ftp://old/f"/></outline>
        <outline text="B" xmlUrl="https://b/f"/></body></opml>"""
    )
    result = CliRunner().invoke(main, ["--data-dir", str(run.data), "feeds", "import", str(opml)])
    assert result.exit_code == 0
    assert result.stdout == f"subscribed to 2 new feeds (3 in {opml}, 1 skipped)\n"
    assert result.stderr == "byline: skipped ftp://old/f: only http and https URLs can be fetched\n"
    listed = run("feeds", "list").output
    assert "News/ A  <http://a/f>" in listed and "<https://b/f>" in listed
    assert "ftp://" not in listed


def test_a_file_of_bad_urls_names_the_line(run, tmp_path):
    listing = tmp_path / "feeds.txt"
    listing.write_text("http://ok/f\nftp://nope/f\n")
    with pytest.raises(SourceError, match=r"feeds.txt:2: not an http\(s\) URL: ftp://nope/f"):
        from reader.gather.subscribe import subscribe_file

        with Library.open(run.data) as library:
            subscribe_file(library, listing)


def test_feeds_list_json_and_adding_twice(web, run):
    items = [{"title": "One", "link": web.url("/1"), "content": "<p>" + "word " * 60 + "</p>"}]
    feed = web.add("/rss", rss("Harbour News", items))
    assert "subscribed to Harbour News" in run("feeds", "add", feed).output
    assert "already subscribed to Harbour News" in run("feeds", "add", feed).output
    run("refresh")
    (line,) = run("feeds", "list", "--json").output.splitlines()
    row = json.loads(line)
    assert (row["url"], row["title"], row["articles"], row["unread"], row["error"]) == (
        feed, "Harbour News", 1, 1, None
    )
    assert row["updated"] is not None


def test_feeds_add_names_a_source_that_is_neither_file_nor_url(run):
    result = run("feeds", "add", "example.org/feed")
    assert result.exit_code == 1
    assert "example.org/feed: no such file, and not an http(s) URL" in result.stderr


def test_refresh_says_when_a_summary_is_fetched_in_full_at_last(web, run):
    web.add("/story/a", "busy", status=503)
    entries = [{"title": "Ferries", "link": web.url("/story/a"), "summary": "Short."}]
    run("feeds", "add", web.add("/atom", atom("Quay Times", entries), etag='"v1"'))
    first = run("refresh").output
    assert "Quay Times: 1 new (1 kept as summaries" in first and "HTTP 503" in first
    web.add("/story/a", story_html("Ferries stay in dock"))
    second = run("refresh").output
    assert "Quay Times: 0 new, 1 fetched in full now" in second
    assert "(1 unchanged, 1 fetched in full now)" in second


@pytest.mark.parametrize("named", [False, True])
def test_refresh_tells_what_the_feed_list_repaired(web, run, named):
    url = web.add("/rss", rss("Harbour News", []))
    run("feeds", "add", url)
    feeds_json = run.data / "feeds.json"
    data = json.loads(feeds_json.read_text())
    data["feeds"]["90"] = {"nourl": 1}
    feeds_json.write_text(json.dumps(data))
    result = CliRunner().invoke(main, ["--data-dir", str(run.data), "refresh", *([url] * named)])
    assert result.exit_code == 0, result.output
    assert "byline: 1 unreadable feed record(s)" in result.stderr
    feeds_json.write_text("{not json")
    result = CliRunner().invoke(main, ["--data-dir", str(run.data), "refresh"])
    assert "byline: The feed list" in result.stderr and "was damaged" in result.stderr


def test_a_saved_feed_file_points_to_feeds_add_by_url(web, run, tmp_path):
    saved = tmp_path / "feed.xml"
    saved.write_text(rss("Harbour News", [{"title": "One", "link": "http://x/1"}]))
    advice = "subscribe to it by its URL: `byline feeds add URL`"
    for args in (["parse", str(saved)], ["import", str(saved)], ["feeds", "add", str(saved)]):
        result = CliRunner().invoke(main, ["--data-dir", str(run.data), *args])
        assert advice in result.stderr, args
    url = web.add("/rss", rss("Harbour News", []))
    assert f"subscribed to Harbour News <{url}>" in run("feeds", "add", url).output  # it is true
