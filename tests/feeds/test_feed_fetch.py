"""Fetching against a real local server: limits, redirects and the error lines."""

import gzip
import socket

import pytest

from reader.errors import FetchError
from reader.ingest.fetch import USER_AGENT, Fetcher, check_url


def test_fetches_a_page_with_the_user_agent_and_gzip(web, fetcher):
    page = "<html><body><p>Ünïcode story</p></body></html>" * 50
    url = web.add("/a", page, gzip=True)
    response = fetcher.fetch(url)
    assert response.status == 200
    assert response.content == page.encode("utf-8")
    assert response.content_type.startswith("text/html")
    seen = web.hits("/a")[0].headers
    assert seen["user-agent"] == USER_AGENT and USER_AGENT.startswith("byline/")
    assert "gzip" in seen["accept-encoding"]


def test_redirects_are_followed_and_the_final_url_reported(web, fetcher):
    final = web.add("/final", "<p>here</p>")
    web.redirect("/start", "/middle", status=301)
    web.redirect("/middle", final)
    response = fetcher.fetch(web.url("/start"))
    assert response.url == final
    assert response.content == b"<p>here</p>"
    assert response.moved == web.url("/middle")  # moved for good as far as the 301 went


@pytest.mark.parametrize(
    ("chain", "moved"),
    [
        ([301], "/r1"),
        ([308], "/r1"),
        ([301, 308], "/r2"),
        ([302], None),
        ([307], None),
        ([302, 301], None),  # a temporary step first: nothing moved for good
        ([], None),
    ],
)
def test_only_permanent_redirects_from_the_start_say_where_it_moved(web, fetcher, chain, moved):
    for i, status in enumerate(chain):
        web.redirect(f"/r{i}", f"/r{i + 1}", status=status)
    web.add(f"/r{len(chain)}", "<p>here</p>")
    response = fetcher.fetch(web.url("/r0"))
    assert response.url == web.url(f"/r{len(chain)}")
    assert response.moved == (web.url(moved) if moved else None)


def test_a_redirect_loop_is_an_error_naming_the_url(web, fetcher):
    web.redirect("/loop1", "/loop2")
    web.redirect("/loop2", "/loop1")
    with pytest.raises(FetchError) as info:
        fetcher.fetch(web.url("/loop1"))
    assert str(info.value).startswith(web.url("/loop1") + ": too many redirects")


def test_more_than_five_redirects_is_an_error(web, fetcher):
    for i in range(6):
        web.redirect(f"/r{i}", f"/r{i + 1}")
    web.add("/r6", "end")
    with pytest.raises(FetchError, match="too many redirects"):
        fetcher.fetch(web.url("/r0"))
    web.add("/r1", "end after one redirect")
    assert fetcher.fetch(web.url("/r0")).content == b"end after one redirect"


def test_a_redirect_to_another_scheme_is_refused(web, fetcher):
    web.redirect("/ftp", "ftp://127.0.0.1/file")
    with pytest.raises(FetchError, match="only http and https"):
        fetcher.fetch(web.url("/ftp"))


@pytest.mark.parametrize(
    ("status", "line"), [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error")]
)
def test_http_errors_name_the_url_and_status(web, fetcher, status, line):
    url = web.add("/e", "oops", status=status)
    with pytest.raises(FetchError) as info:
        fetcher.fetch(url)
    assert str(info.value) == f"{url}: {line}"


def test_a_response_slower_than_the_timeout_is_an_error(web):
    url = web.add("/slow", "late", delay=1.5)
    with Fetcher(timeout=0.3) as fetcher, pytest.raises(FetchError) as info:
        fetcher.fetch(url)
    assert str(info.value) == f"{url}: timed out after 0.3 s"


def test_a_body_over_the_cap_is_refused_whether_declared_or_streamed(web):
    declared = web.add("/big", b"x" * 5000)
    streamed = web.add("/big-stream", b"y" * 5000, no_length=True)
    bomb = web.add("/bomb", b"z" * 5000, gzip=True)  # 5000 bytes once gunzipped
    with Fetcher(max_bytes=4096) as fetcher:
        for url in (declared, streamed, bomb):
            with pytest.raises(FetchError) as info:
                fetcher.fetch(url)
            assert str(info.value) == f"{url}: larger than 4 KB"
        assert len(gzip.compress(b"z" * 5000)) < 4096
        web.add("/small", b"s" * 4096, no_length=True)
        assert len(fetcher.fetch(web.url("/small")).content) == 4096


def test_conditional_requests_come_back_not_modified(web, fetcher):
    url = web.add("/feed", "<rss/>", etag='"v1"', last_modified="Tue, 28 Nov 2006 10:45:00 GMT")
    first = fetcher.fetch(url)
    assert (first.etag, first.last_modified) == ('"v1"', "Tue, 28 Nov 2006 10:45:00 GMT")
    again = fetcher.fetch(url, etag=first.etag)
    assert again.not_modified and again.content == b""
    assert web.hits("/feed")[1].headers["if-none-match"] == '"v1"'
    by_date = fetcher.fetch(url, last_modified=first.last_modified)
    assert by_date.not_modified
    changed = fetcher.fetch(url, etag='"v0"')
    assert not changed.not_modified and changed.content == b"<rss/>"


def test_a_refused_connection_is_an_error(fetcher):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens once closed
    url = f"http://127.0.0.1:{port}/x"
    with pytest.raises(FetchError) as info:
        fetcher.fetch(url)
    assert str(info.value) == f"{url}: connection refused"


def test_an_unknown_host_is_an_error(fetcher):
    url = "http://no-such-host.invalid/x"
    with pytest.raises(FetchError) as info:
        fetcher.fetch(url)
    assert str(info.value).startswith(url + ": ")
    assert "host not found" in str(info.value) or "could not connect" in str(info.value)


@pytest.mark.parametrize("url", ["ftp://example.org/a", "file:///etc/passwd", "example.org/a", "http://"])
def test_only_absolute_http_urls_are_fetched(url):
    with pytest.raises(FetchError) as info:
        check_url(url)
    assert str(info.value).startswith(url)


def test_requests_to_one_host_are_limited(web):
    from concurrent.futures import ThreadPoolExecutor

    url = web.add("/slowish", "ok", delay=0.1)
    with Fetcher(per_host=2) as fetcher, ThreadPoolExecutor(6) as pool:
        assert all(r.content == b"ok" for r in pool.map(lambda _: fetcher.fetch(url), range(6)))
    assert web.most_active == 2


@pytest.mark.parametrize("url", ["http://[bad", "http://a..b/"])
def test_a_malformed_url_is_a_one_line_error(url):
    with pytest.raises(FetchError, match="not a valid URL"):
        check_url(url)
