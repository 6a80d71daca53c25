"""How ``byline export`` writes an article: Markdown for reading, JSON for tools."""

from __future__ import annotations

from reader.cli.common import iso_time, json_line
from reader.library import Entry
from reader.model import Article


def to_json_line(article: Article, entry: Entry) -> str:
    """The whole article (``Article.to_dict()``) plus its state, on one line."""
    data = article.to_dict()
    data.update(read=entry.read, bookmarked=entry.bookmarked, imported=iso_time(entry.imported))
    return json_line(data)


def to_markdown(article: Article, entry: Entry) -> str:
    """Title, details, body (headings and block quotes kept), who was quoted, a rule."""
    out = [f"# {_line(article.title) or '(untitled)'}", ""]
    details = [d for d in (article.site, article.byline) if d]
    if article.published is not None:
        details.append(article.published.date().isoformat())
    if details:
        out += [f"*{' · '.join(_line(d) for d in details)}*", ""]
    if article.url:
        out += [f"<{article.url}>", ""]
    for paragraph in article.paragraphs:
        text = _line(paragraph.text)
        if paragraph.kind == "heading":
            out.append(f"## {text}")
        elif paragraph.kind == "blockquote":
            out.append(f"> {text}")
        else:
            out.append(text)
        out.append("")
    if article.speakers:
        out.append("**Quoted:** " + "; ".join(
            f"{_line(s.name)} ({s.quotes})" for s in article.speakers
        ))
        out.append("")
    out.append(f"`{entry.id}`{' ★' if entry.bookmarked else ''}")
    out += ["", "---", ""]
    return "\n".join(out)


def _line(text: str) -> str:
    return " ".join(text.split())
