"""Fetching from hostile servers: bombs, drips, silence, and redirects inward."""

import gzip
import struct
import time
import tracemalloc
import zlib

import httpx
import pytest

from reader.errors import FetchError
from reader.ingest.fetch import Fetcher
from reader.ingest.netguard import is_local

MB = 1024 * 1024


def _gzip_zeros(size: int) -> bytes:
    """``size`` zero bytes (a multiple of 1 MB) gzipped, quickly: each megabyte is
    compressed alone (a full flush resets the window), so one is repeated."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = bytes(MB)
    once = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    assert c.compress(block) + c.flush(zlib.Z_FULL_FLUSH) == once
    crc = 0
    for _ in range(size // MB):
        crc = zlib.crc32(block, crc)
    body = once * (size // MB) + c.flush()
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    return header + body + struct.pack("<II", crc, size & 0xFFFFFFFF)


def test_the_bomb_maker_makes_real_gzip():
    assert gzip.decompress(_gzip_zeros(3 * MB)) == bytes(3 * MB)


@pytest.fixture(scope="module")
def nested_bomb():
    """gzip inside gzip: about 2 KB on the wire, 1 GiB inside."""
    return gzip.compress(_gzip_zeros(1024 * MB))


def test_a_nested_gzip_bomb_is_refused_with_bounded_memory(web, nested_bomb):
    assert len(nested_bomb) < 4096
    url = web.add("/bomb", nested_bomb, headers={"Content-Encoding": "gzip, gzip"})
    with Fetcher(max_bytes=10 * MB) as fetcher:
        tracemalloc.start()
        try:
            with pytest.raises(FetchError) as info:
                fetcher.fetch(url)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert str(info.value) == f"{url}: larger than 10 MB"
    assert peak < 32 * MB  # the cap's 10 MB, pieces of 64 KB, no whole gigabyte


def test_two_stacked_encodings_are_undone_and_three_refused(web, fetcher):
    page = b"<p>" + b"layered story " * 500 + b"</p>"
    two = web.add("/two", gzip.compress(zlib.compress(page)), headers={"Content-Encoding": "deflate, gzip"})
    assert fetcher.fetch(two).content == page
    three = web.add("/three", gzip.compress(gzip.compress(gzip.compress(page))),
                    headers={"Content-Encoding": "gzip, gzip, gzip"})
    with pytest.raises(FetchError) as info:
        fetcher.fetch(three)
    assert str(info.value) == (
        f"{three}: the server stacked 3 content encodings (gzip, gzip, gzip); byline undoes at most 2"
    )


def test_raw_deflate_and_gzip_members_are_read_and_damage_is_an_error(web, fetcher):
    page = b"<p>plain words</p>" * 300
    raw = zlib.compressobj(6, zlib.DEFLATED, -15)
    raw_body = raw.compress(page) + raw.flush()
    assert fetcher.fetch(web.add("/raw", raw_body, headers={"Content-Encoding": "deflate"})).content == page
    members = gzip.compress(page[:100]) + gzip.compress(page[100:])
    assert fetcher.fetch(web.add("/m", members, headers={"Content-Encoding": "gzip"})).content == page
    cut = web.add("/cut", gzip.compress(page)[:-30], headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="ends too soon"):
        fetcher.fetch(cut)
    junk = web.add("/junk", b"not compressed at all", headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="could not be decompressed"):
        fetcher.fetch(junk)
    odd = web.add("/br", b"...", headers={"Content-Encoding": "br"})
    with pytest.raises(FetchError, match=r"unsupported content encoding \(br\)"):
        fetcher.fetch(odd)


@pytest.mark.parametrize("drip", ["headers", "body", "silent"])
def test_a_dripping_or_silent_server_ends_within_the_total_deadline(web, drip):
    url = web.add(f"/{drip}", drip=drip, drip_every=0.02, drip_for=10)
    with Fetcher(timeout=5, deadline=0.6) as fetcher:
        start = time.monotonic()
        with pytest.raises(FetchError) as info:
            fetcher.fetch(url)
        took = time.monotonic() - start
    assert str(info.value) == f"{url}: timed out (no complete answer within 0.6 s)"
    assert 0.5 < took < 1.5


def test_the_deadline_covers_every_redirect_of_a_fetch(web):
    web.add("/end", drip="body", drip_every=0.02, drip_for=10)
    web.redirect("/hop", "/end")
    with Fetcher(timeout=5, deadline=0.6) as fetcher:
        start = time.monotonic()
        with pytest.raises(FetchError, match="within 0.6 s"):
            fetcher.fetch(web.url("/hop"))
        assert time.monotonic() - start < 1.5


def test_a_silent_server_hits_the_time_between_bytes_first(web):
    url = web.add("/quiet", drip="silent", drip_for=10)
    with Fetcher(timeout=0.3, deadline=5) as fetcher, pytest.raises(FetchError) as info:
        fetcher.fetch(url)
    assert str(info.value) == f"{url}: timed out after 0.3 s"


@pytest.mark.parametrize(
    ("address", "local"),
    [
        ("127.0.0.1", True), ("10.1.2.3", True), ("192.168.0.9", True), ("172.16.5.4", True),
        ("169.254.169.254", True), ("100.64.0.1", True), ("0.0.0.0", True), ("::1", True),
        ("fe80::1", True), ("fd00::7", True), ("::ffff:127.0.0.1", True), ("224.0.0.1", True),
        ("93.184.216.34", False), ("2606:4700::1111", False), ("not-an-ip", True),
    ],
)
def test_which_addresses_are_local(address, local):
    assert is_local(address) is local


def _public_site(pages):
    """A MockTransport answering ``pages`` (path -> (status, headers, body)); records hits."""
    hits = []

    def handle(request):
        hits.append(str(request.url))
        status, headers, body = pages.get(request.url.path, (404, {}, b"no"))
        return httpx.Response(status, headers=headers, stream=httpx.ByteStream(body))  # streamed, as a server

    return httpx.MockTransport(handle), hits


NAMES = {"news.example": ["93.184.216.34"], "metadata.example": ["169.254.169.254"],
         "both.example": ["93.184.216.35", "10.0.0.8"]}


def resolver(host, port):
    if host not in NAMES:
        raise OSError("no such host")
    return NAMES[host]


@pytest.mark.parametrize(
    "target",
    ["http://127.0.0.1:8080/admin", "http://169.254.169.254/latest/meta-data/",
     "http://metadata.example/", "http://both.example/", "http://[::1]/x", "HTTP://LOCALHOST./x"],
)
def test_a_public_page_cannot_redirect_to_a_local_address(target):
    transport, hits = _public_site({"/story": (302, {"Location": target}, b"")})
    names = {**NAMES, "localhost.": ["127.0.0.1"]}
    with Fetcher(transport=transport, resolver=lambda h, p: names[h]) as fetcher:
        with pytest.raises(FetchError) as info:
            fetcher.fetch("http://news.example/story")
    assert str(info.value).startswith("http://news.example/story: redirected to a local address (")
    assert hits == ["http://news.example/story"]  # the local address was never asked


def test_a_public_feed_link_cannot_lead_to_a_local_address_but_a_local_one_can(web):
    local = web.add("/page", "<p>local page</p>")
    with Fetcher(resolver=resolver) as fetcher:
        with pytest.raises(FetchError, match="links to a local address"):
            fetcher.fetch(local, origin="http://news.example/feed.xml")
        assert fetcher.fetch(local, origin=web.url("/feed.xml")).content == b"<p>local page</p>"


def test_a_local_start_may_redirect_locally_and_names_are_checked_per_hop(web):
    final = web.add("/final", "<p>here</p>")
    web.redirect("/start", final.replace("127.0.0.1", "localhost"))
    names = {"localhost": ["127.0.0.1"]}
    with Fetcher(resolver=lambda h, p: names[h]) as fetcher:
        assert fetcher.fetch(web.url("/start")).content == b"<p>here</p>"


def test_the_connection_goes_to_the_checked_address(web):
    """A name resolved once: what was checked is what is connected to."""
    url = web.add("/p", "<p>pinned</p>")
    calls = []

    def counting(host, port):
        calls.append(host)
        return ["127.0.0.1"]

    with Fetcher(resolver=counting) as fetcher:
        named = url.replace("127.0.0.1", "feeds.internal")
        assert fetcher.fetch(named).content == b"<p>pinned</p>"
    assert calls == ["feeds.internal"]


def test_schemes_are_case_insensitive(web, fetcher):
    url = web.add("/caps", "<p>caps</p>")
    assert fetcher.fetch(url.replace("http://", "HTTP://")).content == b"<p>caps</p>"


def test_a_public_feed_cannot_send_refresh_to_local_addresses(tmp_path):
    from reader.gather.refresh import refresh
    from reader.library import Library
    from reader.library.feeds import Feed, FeedStore
    from tests.feeds.samples import atom, story_html

    entries = [
        {"title": "Inward", "link": "http://169.254.169.254/latest/meta-data/", "summary": "Sum A."},
        {"title": "Home", "link": "http://127.0.0.1:9/admin", "summary": "Sum B."},
        {"title": "Fine", "link": "http://news.example/fine", "summary": "Sum C."},
    ]
    transport, hits = _public_site({
        "/atom": (200, {"Content-Type": "application/atom+xml"}, atom("Public", entries).encode()),
        "/fine": (200, {"Content-Type": "text/html"}, story_html("Fine story").encode()),
    })
    with Library.open(tmp_path / "lib") as library, Fetcher(transport=transport, resolver=resolver) as f:
        FeedStore.of(library).add(Feed("http://news.example/atom"))
        report = refresh(library, fetcher=f)
        assert report.new == 3
        (result,) = report.feeds
        assert sorted(result.summaries) == [
            "http://127.0.0.1:9/admin: links to a local address (127.0.0.1 is 127.0.0.1); byline goes "
            "to loopback, private and link-local addresses only from an address that is one",
            "http://169.254.169.254/latest/meta-data/: links to a local address (169.254.169.254 is "
            "169.254.169.254); byline goes to loopback, private and link-local addresses only from "
            "an address that is one",
        ]
    assert sorted(hits) == ["http://news.example/atom", "http://news.example/fine"]


def _long_doctype_feed() -> str:
    entities = "".join(f'<!ENTITY glyph{i} "&#{160 + i};">\n' for i in range(90))
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        f'"http://my.netscape.com/publish/formats/rss-0.91.dtd" [\n{entities}]>\n'
        '<rss version="0.91"><channel><title>Entity Weekly</title><link>http://example.org/</link>'
        "<item><title>One</title><link>http://example.org/1</link><description>Hi.</description></item>"
        "</channel></rss>"
    )


def test_a_feed_whose_doctype_is_kilobytes_long_is_still_a_feed(web, fetcher, tmp_path, recwarn):
    from reader.gather.subscribe import subscribe
    from reader.ingest.sniff import sniff
    from reader.library import Library

    text = _long_doctype_feed()
    assert text.index("<rss") > 2048
    assert sniff(text.encode()) == "feed"
    url = web.add("/rss091", text, content_type="text/xml")
    with Library.open(tmp_path / "lib") as library:
        feed, new = subscribe(library, url, fetcher=fetcher)
    assert new and feed.title == "Entity Weekly"
    assert not [w for w in recwarn if "bs4" in w.filename or "Soup" in str(w.message)]


def test_no_library_warning_reaches_stderr_from_the_cli(web, tmp_path):
    """A page that looks like XML makes BeautifulSoup warn: the user sees one line."""
    import subprocess
    import sys

    url = web.add("/xmlish", '<?xml version="1.0"?><page><p>not a feed</p></page>', content_type="text/xml")
    run = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path / "lib"), "feeds", "add", url],
        capture_output=True, text=True, timeout=60,
    )
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == [
        f"byline: {url}: not a feed, and the page names no RSS or Atom feed"
    ], run.stderr


def test_an_address_in_capitals_is_a_url_to_import_not_a_path():
    from reader.gather.importer import expand

    files, urls, failures = expand(["HTTP://Example.org/Story", "Https://example.org/b"])
    assert (files, urls, failures) == ([], ["HTTP://Example.org/Story", "Https://example.org/b"], [])
