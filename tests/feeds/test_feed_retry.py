"""A full-text fetch that failed is tried again on later refreshes, within limits."""

import time

from reader.library.feeds import Feed, FeedStore
from reader.model import article_id
from reader.gather.refresh import refresh
from reader.gather.refresh_retry import MAX_AGE, MAX_ATTEMPTS
from tests.feeds.samples import atom, story_html


def summary_feed(web, *paths, etag='"v1"'):
    """An Atom feed (answering 304 to its ETag) whose entries link to ``paths``."""
    entries = [
        {"title": f"Story {p}", "link": web.url(p), "summary": f"Short summary of {p}."}
        for p in paths
    ]
    return web.add("/atom", atom("Quay Times", entries), etag=etag)


def subscribe(library, url):
    FeedStore.of(library).add(Feed(url))


def test_a_failed_full_text_is_fetched_on_the_next_refresh_keeping_marks(web, library, fetcher):
    web.add("/story/a", "down for maintenance", status=503)
    url = summary_feed(web, "/story/a")
    subscribe(library, url)
    first = refresh(library, fetcher=fetcher)
    key = article_id(web.url("/story/a"), "", ())
    assert first.new == 1 and first.feeds[0].summaries
    assert "could not be fetched" in library.get(key).paragraphs[-1].text
    library.set_read(key)
    library.set_bookmarked(key)
    imported = library.entry(key).imported

    web.add("/story/a", story_html("Ferries stay in dock"))  # the page is back
    second = refresh(library, fetcher=fetcher)
    (result,) = second.feeds
    assert result.not_modified  # the feed did not change: the retry needs no new entry
    assert (second.new, result.completed) == (0, 1)
    assert "1 fetched in full now" in second.summary()
    article = library.get(key)
    assert len(article.paragraphs) >= 6 and "harbour master" in article.paragraphs[1].text
    assert not any("could not be fetched" in p.text for p in article.paragraphs)
    entry = library.entry(key)
    assert entry.read and entry.bookmarked and entry.imported == imported
    assert len(library.list()) == 1
    assert FeedStore.of(library).get(url).retry == ()

    refresh(library, fetcher=fetcher)
    assert len(web.hits("/story/a")) == 2  # fetched in full: never again


def test_a_dead_link_is_given_up_after_a_few_attempts(web, library, fetcher):
    url = summary_feed(web, "/story/dead")  # nothing is served there: 404
    subscribe(library, url)
    for _ in range(MAX_ATTEMPTS + 2):
        report = refresh(library, fetcher=fetcher)
        assert not report.failed
    assert len(web.hits("/story/dead")) == MAX_ATTEMPTS
    assert FeedStore.of(library).get(url).retry == ()
    (entry,) = library.list()
    assert "HTTP 404" in library.get(entry.id).paragraphs[-1].text  # the summary stays


def test_a_failure_older_than_the_limit_is_not_tried_again(web, library, fetcher):
    url = summary_feed(web, "/story/dead")
    subscribe(library, url)
    refresh(library, fetcher=fetcher)
    store = FeedStore.of(library)
    (record,) = store.get(url).retry
    store.update({url: {"retry": [{**record, "since": time.time() - MAX_AGE - 60}]}})
    refresh(library, fetcher=fetcher)
    assert len(web.hits("/story/dead")) == 1
    assert store.get(url).retry == ()


def test_a_deleted_story_is_not_retried_nor_brought_back(web, library, fetcher):
    url = summary_feed(web, "/story/dead")
    subscribe(library, url)
    refresh(library, fetcher=fetcher)
    (entry,) = library.list()
    library.remove(entry.id)
    web.add("/story/dead", story_html("Back at last"))
    refresh(library, fetcher=fetcher)
    assert len(web.hits("/story/dead")) == 1 and library.list() == []
    assert FeedStore.of(library).get(url).retry == ()


def test_no_fetch_full_leaves_the_retries_for_later(web, library, fetcher):
    url = summary_feed(web, "/story/a")
    subscribe(library, url)
    refresh(library, fetcher=fetcher)
    refresh(library, fetcher=fetcher, fetch_full=False)
    assert len(web.hits("/story/a")) == 1
    assert len(FeedStore.of(library).get(url).retry) == 1
    web.add("/story/a", story_html("Ferries stay in dock"))
    assert refresh(library, fetcher=fetcher).completed == 1


def test_a_changed_feed_retries_with_its_own_copy_of_the_entry(web, library, fetcher):
    url = summary_feed(web, "/story/a", "/story/b", etag='"v1"')
    subscribe(library, url)
    refresh(library, fetcher=fetcher)  # both fail
    web.add("/story/a", story_html("Ferries stay in dock"))
    summary_feed(web, "/story/new", "/story/a", "/story/b", etag='"v2"')
    report = refresh(library, fetcher=fetcher)
    (result,) = report.feeds
    assert (result.new, result.completed) == (1, 1)
    retry = FeedStore.of(library).get(url).retry
    assert sorted(r["entry"]["link"] for r in retry) == [
        web.url("/story/b"),
        web.url("/story/new"),
    ]
    assert {r["entry"]["link"]: r["attempts"] for r in retry}[web.url("/story/b")] == 2


def test_retry_records_survive_json_and_bad_ones_are_ignored():
    import json
    from datetime import datetime, timezone

    from reader.ingest.feeds import FeedEntry
    from reader.gather.refresh_retry import Retry, due

    entry = FeedEntry(
        "tag:1", "http://x/1", "Title", datetime(2024, 3, 1, 12, tzinfo=timezone.utc),
        ("Ann", "Bo"), None, "<p>Sum</p>", False,
    )  # fmt: skip
    retry = Retry.first("abc", entry, "HTTP 503", 1000.0)
    again = json.loads(json.dumps(retry.to_dict()))
    assert Retry.from_dict(again) == retry
    bad = [None, {}, {"id": 1}, {**again, "entry": {"title": 5}}, {**again, "attempts": "x"}]
    assert due(bad + [again], 1000.0 + 60) == {"abc": retry}
    assert retry.failed_again("still 503", 1000.0 + MAX_AGE) is None
