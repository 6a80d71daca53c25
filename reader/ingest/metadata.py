"""Page metadata that trafilatura's main-text pass skips.

Read from an lxml tree already parsed: <meta> (og:, article:, twitter:,
name=author/date ...), JSON-LD (NewsArticle and kin: headline, author,
datePublished, publisher), <title>, canonical link, <time>.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from reader.ingest.dates import parse_iso
from reader.ingest.normalize import clean_line


@dataclass(frozen=True, slots=True)
class Meta:
    title: str | None = None
    site: str | None = None
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    url: str | None = None
    summary: str | None = None


_ARTICLE_TYPES = re.compile(r"(Article|BlogPosting|Report|WebPage)$")
_DATE_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "article.published", "og:updated_time",
    "article:modified_time",
)
_AUTHOR_KEYS = ("author", "article:author", "parsely-author", "dc.creator", "byl",
                "sailthru.author", "twitter:creator")
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»]\s+")


def read_meta(tree) -> Meta:
    metas: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "")
        content = element.get("content")
        if key and content and content.strip():
            metas.setdefault(key.strip().lower(), content.strip())
    ld = _json_ld(tree)
    page_title = _first_text(tree, "title")

    title = _clean(ld.get("headline")) or _clean(metas.get("og:title")) or _clean(
        metas.get("twitter:title")
    )
    site = _site_name(
        _clean(metas.get("og:site_name")) or _publisher(ld) or _clean(metas.get("application-name"))
    )
    if not title and page_title:
        title = _strip_site(page_title, site)
    elif title and site:
        title = _strip_site(title, site)
    heading = _first_text(tree, "h1")
    if not title:
        title = heading
    elif heading and len(title) // 2 <= len(heading) < len(title) and heading in title:
        title = heading  # "Opinion | The Headline" is shown on the page as "The Headline"

    published = None
    for value in (ld.get("datePublished"), ld.get("dateCreated"),
                  *(metas.get(key) for key in _DATE_KEYS)):
        if isinstance(value, str) and value.strip():
            published = parse_iso(value)
            if published:
                break
    if published is None:
        for element in tree.iter("time"):
            stamp = element.get("datetime")
            published = parse_iso(stamp) if stamp else None
            if published:
                break

    url = _clean(ld.get("url")) if isinstance(ld.get("url"), str) else None
    for element in tree.iter("link"):
        if (element.get("rel") or "").lower() == "canonical" and element.get("href"):
            url = element.get("href").strip()
            break
    url = url or metas.get("og:url")
    if url and not url.startswith(("http://", "https://")):
        url = None

    summary = _clean(metas.get("og:description")) or _clean(metas.get("description"))
    return Meta(title or None, site or None, _authors(ld, metas), published, url, summary)


def _json_ld(tree) -> dict:
    """The first article-like JSON-LD object on the page (or {})."""
    found: list[dict] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        _collect(data, found)
    for obj in found:
        kinds = obj.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if any(isinstance(k, str) and _ARTICLE_TYPES.search(k) and k != "WebPage" for k in kinds):
            return obj
    for obj in found:
        if "headline" in obj or "datePublished" in obj:
            return obj
    return {}


def _collect(data, found: list[dict], depth: int = 0) -> None:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            _collect(item, found, depth + 1)
    elif isinstance(data, dict):
        found.append(data)
        if "@graph" in data:
            _collect(data["@graph"], found, depth + 1)
        main = data.get("mainEntity") or data.get("mainEntityOfPage")
        if isinstance(main, dict):
            _collect(main, found, depth + 1)


def _publisher(ld: dict) -> str | None:
    publisher = ld.get("publisher")
    if isinstance(publisher, list) and publisher:
        publisher = publisher[0]
    if isinstance(publisher, dict):
        return _clean(publisher.get("name"))
    return _clean(publisher) if isinstance(publisher, str) else None


def _authors(ld: dict, metas: dict[str, str]) -> tuple[str, ...]:
    names: list[str] = []
    author = ld.get("author") or ld.get("creator")
    for item in author if isinstance(author, list) else [author]:
        if isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, str):
            names.extend(_split_names(item))
    if not names:
        for key in _AUTHOR_KEYS:
            value = metas.get(key)
            if value and not value.startswith(("http://", "https://", "@")):
                names.extend(_split_names(value))
                break
    unique: dict[str, None] = {}
    for name in names:
        if name and len(name) <= 80:
            unique.setdefault(name, None)
    return tuple(unique)


def _split_names(value: str) -> list[str]:
    value = clean_line(value)
    value = re.sub(r"^by\s+", "", value, flags=re.IGNORECASE)
    return [part.strip() for part in re.split(r",|\band\b|;|&", value) if part.strip()]


def _strip_site(title: str, site: str | None) -> str:
    """ "Headline - Site" -> "Headline" when the suffix (or prefix) is the site."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if site:
        key = site.casefold()
        if parts[-1].casefold() in key or key in parts[-1].casefold():
            return clean_line(title[: title.rfind(parts[-1])].rstrip(" |-–—:·•»"))
        if parts[0].casefold() in key or key in parts[0].casefold():
            return clean_line(title[len(parts[0]):].lstrip(" |-–—:·•»"))
        return title
    # No known site: a short last part is most likely the site's name.
    if len(parts[-1].split()) <= 4 and len(parts[0].split()) >= 3:
        return clean_line(title[: title.rfind(parts[-1])].rstrip(" |-–—:·•»"))
    return title


def _first_text(tree, tag: str) -> str | None:
    for element in tree.iter(tag):
        text = clean_line("".join(element.itertext()))
        if text:
            return text
    return None


def _clean(value) -> str | None:
    if not isinstance(value, str):
        return None
    if "&" in value:  # some pages escape their meta content twice
        value = html.unescape(value)
    return clean_line(value) or None


def _site_name(value: str | None) -> str | None:
    """ "Site | Tagline" -> "Site"; "https://www.site.example/" -> "site.example"."""
    if not value:
        return None
    if value.startswith(("http://", "https://")):
        host = urlsplit(value).hostname or ""
        return host.removeprefix("www.") or None
    parts = _TITLE_SEPARATORS.split(value)
    return parts[0] if len(parts) > 1 and parts[0] else value
