"""Adding from the web: importing an article URL, subscribing to feeds.

:func:`import_url` fetches a URL and imports the page as an article (the
URL after redirects is its url and so its id), or subscribes if it is a
feed. :func:`subscribe` adds a feed by URL, finding the feed a page names
when given the page; :func:`subscribe_file` adds the feeds of an OPML file
or of a list of URLs.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from reader.errors import FetchError, SourceError
from reader.ingest.feeds import ParsedFeed, parse_feed
from reader.ingest.fetch import Fetcher, Response, check_url
from reader.ingest.sniff import sniff
from reader.library.feeds import Feed, FeedStore
from reader.model import article_id

PAGE_OR_FEED = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, text/*;q=0.8, */*;q=0.5"
)
_READABLE = ("text/", "application/xhtml", "application/xml", "application/rss", "application/atom",
             "application/rdf", "application/octet-stream")  # fmt: skip
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


def _kind(response: Response, source: str) -> str:
    """ "feed", "html" or "text"; FetchError if the URL is not a page or a feed."""
    ctype = response.content_type.split(";")[0].strip().lower()
    kind = sniff(response.content) if response.content.strip() else "empty"
    readable = ctype.startswith(_READABLE) or ctype.endswith("+xml")  # application/x-rss+xml
    if kind == "binary" or (ctype and not readable):
        raise FetchError(source, f"not a web page or feed ({ctype or 'binary data'})")
    if kind == "empty":
        raise FetchError(source, "the server sent an empty page")
    return kind


def _fetch(fetcher: Fetcher | None, url: str, origin: str | None = None) -> Response:
    if fetcher is not None:
        return fetcher.fetch(url, accept=PAGE_OR_FEED, origin=origin)
    with Fetcher() as own:
        return own.fetch(url, accept=PAGE_OR_FEED, origin=origin)


def import_url(library: Any, url: str, *, fetcher: Fetcher | None = None) -> str:
    """Import the article at ``url``, or subscribe if it is a feed.

    Returns "imported", "updated", "unchanged" or "subscribed".
    """
    from reader.ingest import parse_bytes

    url = check_url(url)
    response = _fetch(fetcher, url)
    if _kind(response, url) == "feed":
        _add_feed(library, url, response, folder=None)
        return "subscribed"
    article = parse_bytes(response.content, source=response.url, url=response.url)
    if article.url != response.url:
        article = replace(
            article,
            url=response.url,
            id=article_id(response.url, article.title, article.paragraphs),
        )
    return library.add(article)


def subscribe(
    library: Any, url: str, *, folder: str | None = None, fetcher: Fetcher | None = None
) -> tuple[Feed, bool]:
    """Subscribe to the feed at ``url`` (or the one the page at ``url`` names).

    The feed is fetched once to check it is one and to learn its title.
    Returns the feed and whether it is new.
    """
    url = check_url(url)
    response = _fetch(fetcher, url)
    if _kind(response, url) != "feed":
        found = discover_feed(response.content, response.url)
        if found is None:
            raise SourceError(url, "not a feed, and the page names no RSS or Atom feed")
        response = _fetch(fetcher, found, origin=url)  # the page's link: not the user's
        url = found
        if _kind(response, found) != "feed":
            raise SourceError(found, "the page names this as its feed, but it is not one")
    return _add_feed(library, url, response, folder=folder)


def _add_feed(
    library: Any, url: str, response: Response, *, folder: str | None
) -> tuple[Feed, bool]:
    """Subscribe to the feed fetched from ``url``: where it moved for good, if it
    did (301, 308), else ``url`` itself (a temporary redirect is followed
    afresh on every refresh)."""
    parsed: ParsedFeed = parse_feed(response.content, response.url, response.content_type)
    address = response.moved or url
    store = FeedStore.of(library)
    new = store.add(Feed(address, parsed.title, folder, parsed.link))
    feed = store.get(address)
    assert feed is not None
    return feed, new


def discover_feed(page: bytes, base: str) -> str | None:
    """The first RSS/Atom feed a page names in <link rel="alternate">, absolute."""
    import warnings

    from bs4 import BeautifulSoup

    from reader.ingest.decode import decode

    head = decode(page[:200_000])
    with warnings.catch_warnings():  # "looks like XML": it is told it is a page, as it is
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(head, "lxml")
    for link in soup.find_all("link", href=True):
        rel = link.get("rel") or []
        rels = rel if isinstance(rel, list) else str(rel).split()
        kind = str(link.get("type", "")).lower()
        if "alternate" in [r.lower() for r in rels] and kind in _FEED_TYPES:
            return urljoin(base, str(link["href"]).strip())
    return None


def subscribe_file(
    library: Any, path: Path, *, folder: str | None = None, opml_only: bool = False
) -> tuple[int, int, list[str]]:
    """Subscribe to the feeds in an OPML file or a list of URLs (one a line).

    ``folder`` is put above the file's own folders. Nothing is fetched: titles
    arrive with the first refresh. Returns (new feeds, feeds in the file, and
    the OPML outlines skipped as "URL: why"). An OPML file from another
    reader may list a feed byline cannot fetch (ftp:, file:): that one is
    skipped, the others are subscribed. A list of URLs is refused whole if a
    line is not one, naming the line.
    """
    from reader.ingest.opml import parse_opml

    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(source, f"cannot read ({error.strerror or error})") from None
    head = data.lstrip()[:4096].lower()
    skipped: list[str] = []
    if opml_only or b"<opml" in head:
        feeds = []
        for sub in parse_opml(data, source):
            try:
                url = check_url(sub.url)
            except FetchError as error:
                skipped.append(str(error))
                continue
            feeds.append(Feed(url, sub.title, _under(folder, sub.folder), sub.link))
    elif (kind := sniff(data)) == "feed":
        reason = "this is a feed saved to a file; subscribe to it by its URL: `byline feeds add URL`"
        raise SourceError(source, reason)
    elif kind != "text":
        raise SourceError(source, "not an OPML file or a list of feed URLs")
    else:
        feeds = []
        for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                feeds.append(Feed(check_url(line), folder=folder))
            except FetchError:
                raise SourceError(f"{source}:{number}", f"not an http(s) URL: {line}") from None
    return FeedStore.of(library).add_many(feeds), len(feeds) + len(skipped), skipped


def _under(parent: str | None, child: str | None) -> str | None:
    return "/".join(p for p in (parent, child) if p) or None
