"""How clippings are written out: a JSON object, Markdown, a CSV row.

Each carries the clipping's citation: the quotation, its speaker, the
article's title, site, authors, published date and URL, and when it was
clipped. Article text is data in every format:

* Markdown escapes every character that could make markup (emphasis,
  links, raw HTML, entities, code, tables), and links only http(s) URLs;
* CSV cells that a spreadsheet would run as a formula (starting with
  ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) are prefixed
  with ``'`` (OWASP's advice against CSV injection).
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from typing import Any
from urllib.parse import urlparse

from reader.cli.common import iso_time
from reader.library.clippings import Clipping

CSV_COLUMNS = (
    "quotation", "speaker", "title", "site", "author", "published", "url", "clipped",
    "article", "id",
)


def clipping_json(clipping: Clipping, in_library: bool) -> dict[str, Any]:
    """One clipping for ``--json`` output: its words, citation and ids."""
    return {
        "id": clipping.id,
        "text": clipping.text,
        "speaker": clipping.speaker,
        "title": clipping.title,
        "site": clipping.site,
        "authors": list(clipping.authors),
        "published": clipping.published,
        "url": clipping.url,
        "clipped": iso_time(clipping.clipped),
        "article": clipping.article,
        "in_library": in_library,
    }


# -- Markdown -----------------------------------------------------------------

# CommonMark lets any ASCII punctuation be escaped with a backslash; these are
# the ones that can start markup anywhere in a line.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#!{}$])")
# GitHub's extended autolinks: a bare "www." or "http://" in a quotation
# would become a link.
_BARE_LINK = re.compile(r"(?i)(www)\.|(\w)://")


def md_text(text: str | None) -> str:
    """``text`` on one line with everything Markdown could read as markup escaped."""
    text = " ".join((text or "").split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _BARE_LINK.sub(lambda m: f"{m[1]}\\." if m[1] else f"{m[2]}:\\/\\/", text)


def _md_url(url: str | None) -> str | None:
    """An autolink for an http(s) URL a renderer will take whole; other text escaped."""
    if not url:
        return None
    if urlparse(url).scheme in ("http", "https") and not re.search(r"[\s<>\\`]", url):
        return f"<{url}>"
    return md_text(url)


def _day(stamp: datetime | None) -> str | None:
    return stamp.date().isoformat() if stamp else None


def markdown_head() -> str:
    return "# Clippings\n"


def to_markdown(clipping: Clipping) -> str:
    """A block quote, then one citation line; a blank line and a rule after."""
    speaker = f"**{md_text(clipping.speaker)}**" if clipping.speaker else "unattributed"
    cite = [
        speaker,
        f"*{md_text(clipping.title)}*" if clipping.title.strip() else "(untitled)",
        md_text(clipping.site) if clipping.site else None,
        "by " + md_text(", ".join(clipping.authors)) if clipping.authors else None,
        _day(clipping.published_at) or (md_text(clipping.published) if clipping.published else None),
        _md_url(clipping.url),
        f"clipped {datetime.fromtimestamp(clipping.clipped).date().isoformat()}",
    ]
    return "\n".join([
        f"> “{md_text(clipping.text)}”",
        ">",
        "> — " + " · ".join(part for part in cite if part),
        "",
        "---",
        "",
    ])


# -- CSV ------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str | None) -> str:
    """A cell a spreadsheet shows as text: a formula's first character is prefixed with '."""
    value = value or ""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _csv_line(cells: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    return out.getvalue()


def csv_head() -> str:
    return _csv_line(list(CSV_COLUMNS))


def to_csv(clipping: Clipping) -> str:
    """One row (RFC 4180: quoted where needed, CRLF at the end), columns as CSV_COLUMNS."""
    return _csv_line([csv_cell(value) for value in (
        clipping.text, clipping.speaker, clipping.title, clipping.site,
        "; ".join(clipping.authors), clipping.published, clipping.url,
        iso_time(clipping.clipped), clipping.article, clipping.id,
    )])
