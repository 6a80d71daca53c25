"""The plain data every stage passes on: articles, paragraphs, quotes, speakers.

Frozen dataclasses with no behaviour beyond (de)serialising to JSON-ready
dicts, so that ``byline parse --json``, the library's documents and exports
all share one shape.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

ParagraphKind = Literal["text", "heading", "blockquote"]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One block of the story body. ``text`` is plain text, never markup."""

    text: str
    kind: ParagraphKind = "text"


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a speaker is named in the text ("he", "Mr Kim"), by offsets."""

    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: offsets into ``paragraphs[paragraph].text``, end exclusive.

    ``start``/``end`` cover the quotation marks; ``text`` is the words inside
    them. Fragments of one split or multi-paragraph quotation share ``group``.
    """

    paragraph: int
    start: int
    end: int
    text: str
    speaker: str | None = None
    mention: Mention | None = None
    cue: str | None = None
    group: int = 0


@dataclass(frozen=True, slots=True)
class Speaker:
    """A person (or a descriptive phrase) quoted in an article."""

    name: str
    aliases: tuple[str, ...] = ()
    quotes: int = 0


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned story and, once analysed, its quotes and speakers."""

    id: str
    title: str
    paragraphs: tuple[Paragraph, ...]
    site: str | None = None
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    url: str | None = None
    source: str | None = None
    summary: str | None = None
    feed: str | None = None
    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Speaker, ...] = field(default=())
    truncated: str | None = None  # why only part of a huge page was kept (reader.ingest.bounds)

    @property
    def byline(self) -> str | None:
        return ", ".join(self.authors) or None

    def to_dict(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "site": self.site,
            "byline": self.byline,
            "authors": list(self.authors),
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "feed": self.feed,
            "summary": self.summary,
            "paragraphs": [{"kind": p.kind, "text": p.text} for p in self.paragraphs],
            "quotes": [_quote_dict(q) for q in self.quotes],
            "speakers": [
                {"name": s.name, "aliases": list(s.aliases), "quotes": s.quotes}
                for s in self.speakers
            ],
        }
        if self.truncated:  # only then: the documents of whole stories stay as they were
            out["truncated"] = self.truncated
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        published = data.get("published")
        return cls(
            id=data["id"],
            title=data.get("title") or "",
            paragraphs=tuple(
                Paragraph(p["text"], p.get("kind", "text")) for p in data.get("paragraphs", ())
            ),
            site=data.get("site"),
            authors=tuple(data.get("authors") or ()),
            published=datetime.fromisoformat(published) if published else None,
            url=data.get("url"),
            source=data.get("source"),
            summary=data.get("summary"),
            feed=data.get("feed"),
            quotes=tuple(_quote_from(q) for q in data.get("quotes", ())),
            speakers=tuple(
                Speaker(s["name"], tuple(s.get("aliases", ())), s.get("quotes", 0))
                for s in data.get("speakers", ())
            ),
            truncated=data.get("truncated"),
        )


def _quote_dict(q: Quote) -> dict[str, Any]:
    m = q.mention
    return {
        "paragraph": q.paragraph,
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "speaker": q.speaker,
        "mention": (
            {"paragraph": m.paragraph, "start": m.start, "end": m.end, "text": m.text}
            if m
            else None
        ),
        "cue": q.cue,
        "group": q.group,
    }


def _quote_from(d: dict[str, Any]) -> Quote:
    m = d.get("mention")
    return Quote(
        paragraph=d["paragraph"],
        start=d["start"],
        end=d["end"],
        text=d["text"],
        speaker=d.get("speaker"),
        mention=Mention(m["paragraph"], m["start"], m["end"], m["text"]) if m else None,
        cue=d.get("cue"),
        group=d.get("group", 0),
    )


def article_id(url: str | None, title: str, paragraphs: tuple[Paragraph, ...]) -> str:
    """A stable, short id: from the canonical URL when known, else the content.

    16 hex digits, so ids can be abbreviated to a unique prefix like git's.
    """
    if url:
        return hashlib.sha1(("url:" + url.strip()).encode("utf-8")).hexdigest()[:16]
    # The hash of "text:" and the title and paragraphs' words, NFC, casefolded,
    # one space apart, fed a paragraph at a time: a huge page is never held
    # twice more as one string and a list of its words. (NFC and casefolding
    # never reach across the newline that parted the pieces, so the id is the
    # one the whole text gave.)
    digest = hashlib.sha1(b"text:")
    space = b""
    for piece in (title, *(p.text for p in paragraphs)):
        words = " ".join(unicodedata.normalize("NFC", piece).casefold().split())
        if words:
            digest.update(space + words.encode("utf-8"))
            space = b" "
    return digest.hexdigest()[:16]
