"""Small feeds and pages written for these tests (and the benchmark)."""

from __future__ import annotations

from xml.sax.saxutils import escape

STORY = (
    '"We will not give up," said Jane Roe, the harbour master, on Tuesday. '
    "The storm had closed the port for three days and the ferries stayed in dock. "
)


def story_html(title: str, paragraphs: int = 6, site: str = "Harbour News") -> str:
    """A whole article page, with navigation around the story."""
    body = "".join(f"<p>{STORY} Paragraph {i} of {title}.</p>" for i in range(paragraphs))
    return (
        "<!DOCTYPE html><html><head>"
        f"<title>{escape(title)} | {site}</title>"
        f'<meta property="og:title" content="{escape(title)}">'
        f'<meta property="og:site_name" content="{site}">'
        "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{escape(title)}</h1>{body}</article>"
        "<footer>Copyright Harbour News</footer></body></html>"
    )


def rss(title: str, items: list[dict], *, version: str = "2.0") -> str:
    """An RSS 2.0 feed; an item with "content" gets content:encoded."""
    parts = []
    for item in items:
        fields = [f"<title>{escape(item['title'])}</title>"]
        if "link" in item:
            fields.append(f"<link>{escape(item['link'])}</link>")
        if "guid" in item:
            fields.append(f'<guid isPermaLink="false">{escape(item["guid"])}</guid>')
        if "summary" in item:
            fields.append(f"<description>{escape(item['summary'])}</description>")
        if "content" in item:
            fields.append(f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>")
        if "date" in item:
            fields.append(f"<pubDate>{item['date']}</pubDate>")
        parts.append("<item>" + "".join(fields) + "</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<rss version="{version}" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{escape(title)}</title><link>http://example.org/</link>"
        + "".join(parts)
        + "</channel></rss>"
    )


def atom(title: str, entries: list[dict]) -> str:
    """An Atom feed with summaries only (no <content>)."""
    parts = []
    for e in entries:
        parts.append(
            "<entry>"
            f"<title>{escape(e['title'])}</title>"
            f'<link rel="alternate" href="{escape(e["link"])}"/>'
            f"<id>{escape(e.get('id', e['link']))}</id>"
            f"<updated>{e.get('updated', '2024-03-01T12:00:00Z')}</updated>"
            f"<author><name>{escape(e.get('author', 'Ann Writer'))}</name></author>"
            f'<summary type="html">{escape(e["summary"])}</summary>'
            "</entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:test:{escape(title)}</id>"
        "<updated>2024-03-01T12:00:00Z</updated>" + "".join(parts) + "</feed>"
    )
