"""The feed subscription store: feeds.json beside the library."""

import pytest

from reader.errors import NotFoundError
from reader.library import Library
from reader.library.feeds import Feed, FeedStore
from reader.model import Article, Paragraph


def test_add_list_update_remove(library):
    store = FeedStore.of(library)
    assert store.add(Feed("http://b/feed", "Beta", "News"))
    assert store.add(Feed("http://a/feed", "alpha"))
    assert not store.add(Feed("http://a/feed", folder="Tech"))  # existing: takes the folder
    assert [f.url for f in store.list()] == ["http://b/feed", "http://a/feed"]  # News < Tech
    store.update({"http://a/feed": {"etag": '"x"', "error": "boom"}, "http://gone": {"etag": "y"}})
    again = FeedStore.of(library)  # what is on disk
    a = again.get("http://a/feed")
    assert (a.title, a.folder, a.etag, a.error) == ("alpha", "Tech", '"x"', "boom")
    assert a.added > 0
    assert again.remove("http://b/feed").title == "Beta"
    assert [f.url for f in FeedStore.of(library).list()] == ["http://a/feed"]
    with pytest.raises(NotFoundError, match="not subscribed to http://b/feed"):
        again.remove("http://b/feed")


def test_a_damaged_feed_list_is_set_aside_and_rebuilt_from_articles(library):
    FeedStore.of(library).add(Feed("http://a/feed", "A"))
    library.add(Article("x1", "T", (Paragraph("p"),), feed="http://a/feed", url="http://a/1"))
    (library.path / "feeds.json").write_text("{not json")
    store = FeedStore.of(library)
    assert [f.url for f in store.list()] == ["http://a/feed"]
    assert "damaged" in store.notices[0] and "rebuilt" in store.notices[0]
    assert list(library.path.glob("feeds.json.damaged-*"))


def test_unreadable_records_are_skipped_told_and_left_in_the_file(tmp_path):
    library = Library.open(tmp_path)
    (tmp_path / "feeds.json").write_text(
        '{"feeds": {"1": {"nourl": 1}, "2": {"url": 5, "title": 3},'
        ' "3": {"url": "https://ok.example/rss", "title": "Ok"}}}'
    )
    store = FeedStore.of(library)
    assert [f.url for f in store.list()] == ["https://ok.example/rss"]
    assert any("2 unreadable feed record(s)" in n for n in store.notices)
    store.add(Feed("https://new.example/rss"))
    assert '{"nourl":1}' in (tmp_path / "feeds.json").read_text()  # nothing lost



def test_retry_records_are_kept_and_a_feed_stays_hashable(library):
    store = FeedStore.of(library)
    store.add(Feed("http://a/feed"))
    store.update({"http://a/feed": {"retry": [{"id": "x", "attempts": 1}, "junk"]}})
    feed = FeedStore.of(library).get("http://a/feed")
    assert feed.retry == ({"id": "x", "attempts": 1},)  # what is not a record is dropped
    assert {feed: 1}[feed] == 1
