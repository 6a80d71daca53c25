"""OPML subscription lists: reading any OPML 1.0/2.0 file, writing OPML 2.0.

An outline with an ``xmlUrl`` is a feed; an outline without one that holds
others is a folder. Nested folders become one folder name joined with "/"
("News/World"), and are written back as nested outlines.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime

from reader.errors import SourceError
from reader.ingest.feeds import clean


@dataclass(frozen=True, slots=True)
class Subscription:
    url: str
    title: str | None = None
    folder: str | None = None
    link: str | None = None  # the site's home page (htmlUrl)


def parse_opml(data: bytes, source: str) -> list[Subscription]:
    """The feeds listed in an OPML document, in order, each URL once."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise SourceError(source, f"not a readable OPML file ({error})") from None
    if root.tag.lower() != "opml":
        raise SourceError(source, f"not an OPML file (its root element is <{root.tag}>)")
    body = root.find("body")
    if body is None:
        raise SourceError(source, "not an OPML file (it has no <body>)")
    found: dict[str, Subscription] = {}
    _walk(body, (), found)
    return list(found.values())


def _attr(node: ET.Element, name: str) -> str | None:
    for key, value in node.attrib.items():  # OPML in the wild varies the case
        if key.lower() == name.lower():
            return clean(value) or None
    return None


def _walk(node: ET.Element, folders: tuple[str, ...], found: dict[str, Subscription]) -> None:
    for outline in node.findall("outline"):
        url = _attr(outline, "xmlUrl")
        name = _attr(outline, "title") or _attr(outline, "text")
        if url:
            if url not in found:
                found[url] = Subscription(
                    url=url,
                    title=name,
                    folder="/".join(folders) or None,
                    link=_attr(outline, "htmlUrl"),
                )
            _walk(outline, folders, found)  # some files nest feeds under feeds
        else:
            _walk(outline, (*folders, name) if name else folders, found)


def write_opml(
    subscriptions: Iterable[Subscription], *, title: str = "byline subscriptions"
) -> str:
    """An OPML 2.0 document, feeds grouped in (nested) folder outlines."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(timezone.utc))
    body = ET.SubElement(root, "body")
    folders: dict[tuple[str, ...], ET.Element] = {(): body}

    def folder(path: tuple[str, ...]) -> ET.Element:
        if path not in folders:
            parent = folder(path[:-1])
            folders[path] = ET.SubElement(parent, "outline", text=path[-1], title=path[-1])
        return folders[path]

    for sub in subscriptions:
        path = tuple(p for p in (sub.folder or "").split("/") if p)
        attrs = {"type": "rss", "text": sub.title or sub.url, "title": sub.title or sub.url}
        attrs["xmlUrl"] = sub.url
        if sub.link:
            attrs["htmlUrl"] = sub.link
        ET.SubElement(folder(path), "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
