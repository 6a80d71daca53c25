"""Refreshing feeds from a local server into a real library on disk."""

import pytest

from reader.errors import NotFoundError
from reader.ingest.fetch import Fetcher
from reader.library import Library
from reader.library.feeds import Feed, FeedStore
from reader.model import article_id
from reader.gather.refresh import refresh
from tests.feeds.samples import STORY, atom, rss, story_html

FULL = "".join(f"<p>{STORY} Part {i}.</p>" for i in range(3))


def subscribe(library, *urls):
    FeedStore.of(library).add_many(Feed(u) for u in urls)


def items(web, n, start=0):
    return [
        {"title": f"Story {i}", "link": web.url(f"/s{i}"), "content": FULL, "summary": f"Sum {i}"}
        for i in range(start, start + n)
    ]


def test_rss_with_full_content_imports_entries_without_fetching_pages(web, library, fetcher):
    url = web.add("/rss", rss("Harbour News", items(web, 3)), content_type="application/rss+xml")
    subscribe(library, url)
    report = refresh(library, fetcher=fetcher)
    assert report.new == 3 and not report.failed
    entries = library.list()
    assert {e.title for e in entries} == {"Story 0", "Story 1", "Story 2"}
    assert {(e.site, e.feed) for e in entries} == {("Harbour News", url)}
    assert library.get(article_id(web.url("/s1"), "", ())).paragraphs[0].text.startswith(
        '"We will not give up,"'
    )
    assert not web.hits("/s1")  # the feed carried the whole story
    assert FeedStore.of(library).get(url).title == "Harbour News"


def test_atom_summaries_get_their_full_story_from_the_link(web, library, fetcher):
    web.add("/story/a", story_html("Ferries stay in dock", site="Quay Times Online"))
    entries = [
        {"title": "Ferries", "link": web.url("/story/a"), "summary": "Short summary."},
        {"title": "Gone", "link": web.url("/story/missing"), "summary": "Only this."},
    ]
    url = web.add("/atom", atom("Quay Times", entries), content_type="application/atom+xml")
    subscribe(library, url)
    report = refresh(library, fetcher=fetcher)
    assert report.new == 2
    full = library.get(article_id(web.url("/story/a"), "", ()))
    assert len(full.paragraphs) >= 6 and "harbour master" in full.paragraphs[1].text
    assert full.site == "Quay Times" and full.feed == url  # the feed's title, not the page's
    assert full.authors == ("Ann Writer",)
    assert web.hits("/story/a")[0].headers["accept"].startswith("text/html")
    fallback = library.get(article_id(web.url("/story/missing"), "", ()))
    assert fallback.paragraphs[0].text == "Only this."
    assert "HTTP 404 Not Found" in fallback.paragraphs[-1].text
    (result,) = report.feeds
    assert result.summaries == [f"{web.url('/story/missing')}: HTTP 404 Not Found"]


def test_no_fetch_full_keeps_summaries_and_fetches_nothing(web, library, fetcher):
    entries = [{"title": "F", "link": web.url("/story/a"), "summary": "Short summary."}]
    subscribe(library, web.add("/atom", atom("Q", entries)))
    refresh(library, fetcher=fetcher, fetch_full=False)
    assert not web.hits("/story/a")
    (entry,) = library.list()
    assert [p.text for p in library.get(entry.id).paragraphs] == ["Short summary."]


def test_a_refresh_adds_only_new_entries_and_keeps_read_state(web, library, fetcher):
    url = web.add("/rss", rss("N", items(web, 3)))
    subscribe(library, url)
    refresh(library, fetcher=fetcher)
    first = {e.id: e.imported for e in library.list()}
    read_id = article_id(web.url("/s0"), "", ())
    library.set_read(read_id)
    web.add("/rss", rss("N", items(web, 1, start=3) + items(web, 3)))  # one new on top
    report = refresh(library, fetcher=fetcher)
    assert report.new == 1
    now = {e.id: e for e in library.list()}
    assert len(now) == 4 and set(first) < set(now)
    assert now[read_id].read and not now[article_id(web.url("/s3"), "", ())].read
    assert all(now[i].imported == first[i] for i in first)


def test_unchanged_feeds_come_back_304_and_cost_no_parsing(web, library, fetcher):
    url = web.add("/rss", rss("N", items(web, 2)), etag='"v1"')
    subscribe(library, url)
    refresh(library, fetcher=fetcher)
    assert FeedStore.of(library).get(url).etag == '"v1"'
    report = refresh(library, fetcher=fetcher)
    (result,) = report.feeds
    assert result.not_modified and result.new == 0 and result.error is None
    assert web.hits("/rss")[-1].headers["if-none-match"] == '"v1"'
    assert report.summary() == "0 new stories from 1 feed (1 unchanged)"


def test_feed_failures_are_reported_stored_and_cleared(web, library, fetcher):
    missing = web.url("/gone")
    broken = web.add("/broken", "boom", status=500)
    garbage = web.add("/garbage", b"\x89PNG\r\n\x1a\n\x00\x00 not a feed", content_type="text/xml")
    fine = web.add("/fine", rss("Fine", items(web, 1)))
    subscribe(library, missing, broken, garbage, fine)
    report = refresh(library, fetcher=fetcher)
    errors = {r.url: r.error for r in report.feeds}
    assert errors[missing] == f"{missing}: HTTP 404 Not Found"
    assert errors[broken] == f"{broken}: HTTP 500 Internal Server Error"
    assert errors[garbage].startswith(f"{garbage}: not a readable RSS or Atom feed")
    assert errors[fine] is None and report.new == 1
    store = FeedStore.of(library)
    assert store.get(missing).error == errors[missing] and store.get(missing).updated is None
    web.add("/gone", rss("Back", items(web, 1, start=5)))
    refresh(library, [missing], fetcher=fetcher)
    assert store.get(missing).error is None and store.get(missing).title == "Back"


def test_a_slow_feed_times_out_without_holding_up_the_others(web, library):
    slow = web.add("/slow", rss("Slow", items(web, 1)), delay=1.0)
    fast = web.add("/fast", rss("Fast", items(web, 1, start=1)))
    subscribe(library, slow, fast)
    with Fetcher(timeout=0.3) as quick:
        report = refresh(library, fetcher=quick)
    assert {r.url: r.error for r in report.feeds} == {slow: f"{slow}: timed out after 0.3 s", fast: None}
    assert report.new == 1


def test_progress_counts_feeds_and_unknown_urls_are_refused(web, library, fetcher):
    urls = [web.add(f"/f{i}", rss(f"F{i}", items(web, 1, start=i))) for i in range(3)]
    subscribe(library, *urls)
    calls = []
    refresh(library, fetcher=fetcher, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]
    with pytest.raises(NotFoundError, match="not subscribed"):
        refresh(library, [web.url("/other")], fetcher=fetcher)


def test_the_same_story_in_two_feeds_is_stored_once(web, library, fetcher):
    shared = items(web, 2)
    a = web.add("/a", rss("A", shared))
    b = web.add("/b", rss("B", list(reversed(shared))))
    subscribe(library, a, b)
    report = refresh(library, fetcher=fetcher)
    assert report.new == 2 and len(library.list()) == 2


def test_entries_without_links_use_their_guid_as_identity(web, library, fetcher):
    entry = {"title": "No link", "guid": "tag:example.org,2024:7", "content": FULL}
    url = web.add("/rss", rss("G", [entry]))
    subscribe(library, url)
    refresh(library, fetcher=fetcher)
    web.add("/rss", rss("G", [{**entry, "title": "No link (edited)"}]))
    assert refresh(library, fetcher=fetcher).new == 0
    (only,) = library.list()
    assert only.id == article_id("tag:example.org,2024:7", "", ())


def test_parsing_in_worker_processes_gives_the_same_articles(web, tmp_path, fetcher):
    web.add("/story/a", story_html("Ferries stay in dock", site="Quay Times Online"))
    summary_only = [{"title": "Ferries", "link": web.url("/story/a"), "summary": "Short."}]
    urls = [web.add("/atom", atom("Q", summary_only)), web.add("/rss", rss("N", items(web, 2)))]
    urls.append(web.add("/bad", b"\x00garbage", content_type="text/xml"))
    stored = {}
    for processes in (0, 2):
        with Library.open(tmp_path / f"lib{processes}") as library:
            subscribe(library, *urls)
            report = refresh(library, fetcher=fetcher, processes=processes)
            assert report.new == 3 and [r.url for r in report.failed] == [urls[2]]
            stored[processes] = {e.id: library.get(e.id) for e in library.list()}
    assert stored[0] == stored[2]


def test_a_deleted_story_does_not_come_back_while_the_feed_still_lists_it(web, library, fetcher):
    url = web.add("/rss", rss("N", items(web, 2)))
    subscribe(library, url)
    refresh(library, fetcher=fetcher)
    gone = article_id(web.url("/s0"), "", ())
    library.remove(gone)
    web.add("/rss", rss("N", items(web, 1, start=2) + items(web, 2)))
    assert refresh(library, [url, url], fetcher=fetcher).new == 1
    assert gone not in {e.id for e in library.list()}


def test_a_failed_write_does_not_record_the_feed_as_up_to_date(web, library, fetcher):
    from reader.errors import StorageError

    url = web.add("/rss", rss("N", items(web, 2)), etag='"v1"')
    subscribe(library, url)

    def broken(articles):
        raise StorageError("disk full")

    real, library.add_many = library.add_many, broken
    with pytest.raises(StorageError):
        refresh(library, fetcher=fetcher)
    assert FeedStore.of(library).get(url).etag is None  # so the next refresh fetches it all
    library.add_many = real
    assert refresh(library, fetcher=fetcher).new == 2


def test_in_process_parsing_runs_one_call_at_a_time_on_one_thread(
    web, library, fetcher, monkeypatch
):
    # lxml and trafilatura are not fully thread-safe: a refresh that parses
    # in-process (processes=0) must not parse from its fetching threads at once.
    import threading
    import time

    import reader.ingest
    import reader.gather.refresh_work

    lock = threading.Lock()
    state = {"running": 0, "most": 0, "threads": set()}

    def watched(fn):
        def run(*args, **kwargs):
            with lock:
                state["running"] += 1
                state["most"] = max(state["most"], state["running"])
                state["threads"].add(threading.get_ident())
            time.sleep(0.02)  # long enough for another thread to come in, if it may
            try:
                return fn(*args, **kwargs)
            finally:
                with lock:
                    state["running"] -= 1

        return run

    monkeypatch.setattr(reader.gather.refresh_work, "parse_feed", watched(reader.gather.refresh_work.parse_feed))
    monkeypatch.setattr(reader.ingest, "parse_bytes", watched(reader.ingest.parse_bytes))
    urls = []
    for f in range(4):
        entries = []
        for i in range(3):
            web.add(f"/p{f}-{i}", story_html(f"Ferry {f}.{i}", site="Quay Times"))
            entries.append({"title": f"F{f}.{i}", "link": web.url(f"/p{f}-{i}"), "summary": "S."})
        urls.append(web.add(f"/atom{f}", atom(f"Feed {f}", entries)))
    subscribe(library, *urls)
    report = refresh(library, fetcher=fetcher, processes=0)
    assert report.new == 12 and not report.failed
    assert not any(r.summaries for r in report.feeds)  # every page was parsed in full
    assert state["most"] == 1
    assert len(state["threads"]) == 1 and threading.get_ident() not in state["threads"]
    # and the thread ends with the refresh (a thread left running makes later
    # imports start their parser processes by forkserver rather than fork)
    assert not [t for t in threading.enumerate() if t.name.startswith("byline-parse")]


def test_a_refresh_reaches_the_search_index(web, library, fetcher):
    stories = [
        {"title": f"Story {i}", "link": web.url(f"/w{i}"), "summary": f"Sum {i}",
         "content": FULL + ("<p>A cormorant nested on the breakwater.</p>" if i == 1 else "")}
        for i in range(3)
    ]
    url = web.add("/birds", rss("Harbour News", stories), content_type="application/rss+xml")
    subscribe(library, url)
    assert library.search("cormorant") == []
    report = refresh(library, fetcher=fetcher)
    assert report.new == 3
    bird = article_id(web.url("/w1"), "", ())
    assert [e.id for e in library.search("cormorants")] == [bird]  # a word of one story's body
    assert [e.id for e in library.search("feed:harbour cormorant")] == [bird]
    assert len(library.search("feed:harbour")) == 3
