"""A feed that moved for good (301/308) is followed to its new URL; a temporary move is not."""

import pytest
from click.testing import CliRunner

from reader.cli import main
from reader.ingest.fetch import Fetcher
from reader.library import Library
from reader.library.feeds import Feed, FeedStore
from reader.model import article_id
from reader.gather.refresh import refresh
from tests.feeds.samples import STORY, rss

FULL = f"<p>{STORY}</p>" * 3


def items(web, *numbers):
    return [{"title": f"Story {n}", "link": web.url(f"/s{n}"), "content": FULL} for n in numbers]


@pytest.mark.parametrize("status", [301, 308])
def test_a_permanent_redirect_moves_the_subscription_with_its_stories(web, tmp_path, status):
    old = web.add("/old.xml", rss("Harbour News", items(web, 0, 1)))
    with Library.open(tmp_path / "lib") as library, Fetcher(timeout=2) as fetcher:
        FeedStore.of(library).add(Feed(old, folder="News"))
        refresh(library, fetcher=fetcher)
        first = article_id(web.url("/s0"), "", ())
        library.set_read(first)
        library.set_bookmarked(first)

        new = web.add("/new.xml", rss("Harbour News", items(web, 2, 0, 1)), etag='"n1"')
        web.redirect("/old.xml", "/new.xml", status=status)
        report = refresh(library, fetcher=fetcher)
        (result,) = report.feeds
        assert (result.url, result.moved_to, result.new) == (old, new, 1)

        store = FeedStore.of(library)
        assert store.get(old) is None
        feed = store.get(new)
        assert (feed.folder, feed.title, feed.etag) == ("News", "Harbour News", '"n1"')
        entries = {e.id: e for e in library.list()}
        assert len(entries) == 3 and {e.feed for e in entries.values()} == {new}
        assert entries[first].read and entries[first].bookmarked
        assert library.get(first).feed == new

        assert refresh(library, fetcher=fetcher).feeds[0].not_modified  # asks the new URL
        assert len(web.hits("/old.xml")) == 2


@pytest.mark.parametrize("status", [302, 307])
def test_a_temporary_redirect_keeps_the_subscribed_url(web, tmp_path, fetcher, status):
    old = web.redirect("/old.xml", "/elsewhere.xml", status=status)
    web.add("/elsewhere.xml", rss("Harbour News", items(web, 0)))
    with Library.open(tmp_path / "lib") as library:
        FeedStore.of(library).add(Feed(old))
        (result,) = refresh(library, fetcher=fetcher).feeds
        assert result.moved_to is None and result.new == 1
        assert [f.url for f in FeedStore.of(library).list()] == [old]
        assert [e.feed for e in library.list()] == [old]


def test_a_feed_moving_onto_one_already_subscribed_is_merged_into_it(web, tmp_path, fetcher):
    new = web.add("/new.xml", rss("Harbour News", items(web, 0, 1)))
    old = web.add("/old.xml", rss("Harbour News (old)", items(web, 0)))
    with Library.open(tmp_path / "lib") as library:
        FeedStore.of(library).add_many([Feed(old), Feed(new, folder="News")])
        refresh(library, [old], fetcher=fetcher)
        web.redirect("/old.xml", "/new.xml", status=301)
        refresh(library, fetcher=fetcher)
        (feed,) = FeedStore.of(library).list()
        assert (feed.url, feed.folder) == (new, "News")
        assert {e.feed for e in library.list()} == {new} and len(library.list()) == 2


def test_feeds_list_and_refresh_show_the_new_url(web, tmp_path):
    data = str(tmp_path / "lib")

    def run(*args):
        return CliRunner().invoke(main, ["--data-dir", data, *args], catch_exceptions=False)

    old = web.add("/old.xml", rss("Harbour News", items(web, 0)))
    run("feeds", "add", old)
    run("refresh")
    new = web.add("/new.xml", rss("Harbour News", items(web, 0)))
    web.redirect("/old.xml", "/new.xml", status=301)
    refreshed = run("refresh").output
    assert f"Harbour News: moved for good to <{new}>; subscription updated" in refreshed
    listed = run("feeds", "list").output
    assert f"Harbour News  <{new}>" in listed and old not in listed
    assert "1 articles, 1 unread" in listed


@pytest.mark.parametrize(("status", "subscribed"), [(301, "/feed.xml"), (302, "/go")])
def test_subscribing_follows_only_a_permanent_move(web, tmp_path, fetcher, status, subscribed):
    from reader.gather.subscribe import subscribe

    web.add("/feed.xml", rss("Harbour News", items(web, 0)))
    web.redirect("/go", "/feed.xml", status=status)
    with Library.open(tmp_path / "lib") as library:
        feed, new = subscribe(library, web.url("/go"), fetcher=fetcher)
        assert new and feed.url == web.url(subscribed)


def test_a_story_fetched_in_full_as_its_feed_moves_keeps_the_full_story(web, library, fetcher):
    from tests.feeds.samples import atom, story_html

    web.add("/story/a", "busy", status=503)
    entries = [{"title": "Ferries", "link": web.url("/story/a"), "summary": "Short."}]
    old = web.add("/old.xml", atom("Quay Times", entries))
    FeedStore.of(library).add(Feed(old))
    refresh(library, fetcher=fetcher)  # kept as a summary
    web.add("/story/a", story_html("Ferries stay in dock"))
    new = web.add("/new.xml", atom("Quay Times", entries))
    web.redirect("/old.xml", "/new.xml", status=301)
    (result,) = refresh(library, fetcher=fetcher).feeds
    assert (result.moved_to, result.completed) == (new, 1)
    (entry,) = library.list()
    article = library.get(entry.id)
    assert article.feed == new and len(article.paragraphs) >= 6
