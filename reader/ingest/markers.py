"""Lines that mark where a story ends in a text dump.

After the last paragraph, pages go on with boxes of other stories ("You may
also like", "Related articles", "More from the author"), readers' comments
("Leave a reply", "12 comments"), post navigation ("Previous post"), a
newsletter sign-up, and the author's or company's blurb ("About the author",
"About Acme"). Such a box is
announced by a short line that is nothing but its label; a line that goes on
("Related: Council votes ...") is a link inside the story, not a box.

The labels are the web's own vocabulary in a few languages, as in jusText's
and boilerpipe's cues: no site's name or phrase.
"""

from __future__ import annotations

import re

from reader.ingest.lines import Line

MAX_WORDS = 7

_LABELS = re.compile(
    r"""^(?:
      (?:you\s+)?(?:may|might|will|could)\s+(?:also\s+)?(?:like|love|enjoy|be\s+interested(?:\s+in)?)(?:\s+\w+){0,2}
    | (?:other\s+|more\s+)?related(?:\s+(?:articles?|stories|story|posts?|content|news|reading|links|coverage|topics|videos?|items))?
    | (?:more|other)\s+(?:from|by|on|in|about)(?:\s+\S+){1,4}
    | (?:more|other|latest|recent|top|similar|popular|recommended|sponsored|featured)\s+(?:stories|articles|posts|news|headlines|reads|videos|content)(?:\s+\w+){0,2}
    | (?:also\s+)?recommended(?:\s+(?:for\s+you|stories|articles|reading))?
    | editors?['’]?s?\s+(?:picks?|choice)
    | (?:most\s+)?(?:popular|read|viewed|shared|commented)(?:\s+(?:now|today|this\s+week|articles|stories|posts|on\s+\S+))?
    | most\s+(?:popular|read|viewed|shared|commented)(?:\s+\w+){0,3}
    | trending(?:\s+(?:now|stories|articles|today|on\s+\S+))?
    | (?:what\s+to\s+)?read\s+(?:next|also)|up\s+next|around\s+the\s+web|from\s+the\s+web
    | leave\s+a\s+(?:reply|comment)(?:\s+\S+){0,3}|post\s+a\s+comment|add\s+(?:a|your)\s+comment
    | (?:\d+\s+)?(?:comments?|replies|responses)(?:\s+\(\d+\))?|show\s+comments|view\s+comments|comments\s+are\s+closed
    | join\s+the\s+(?:discussion|conversation)|(?:previous|next|older|newer)\s+(?:post|article|story|entry|posts|entries)
    | about\s+the\s+(?:author|writer|authors)
    | (?:filed\s+under|posted\s+in|categories|tags)
    | artículos\s+relacionados|noticias\s+relacionadas|te\s+puede\s+interesar|lo\s+más\s+(?:leído|visto)
    | articoli\s+correlati|potrebbe\s+interessarti|leggi\s+anche|notizie\s+correlate
    | lascia\s+un\s+commento(?:\s+\S+){0,3}|deja\s+un\s+comentario(?:\s+\S+){0,3}
    | laisser\s+un\s+commentaire(?:\s+\S+){0,3}|deixe\s+um\s+coment[áa]rio(?:\s+\S+){0,3}
    | artigos\s+relacionados|notícias\s+relacionadas|veja\s+também|leia\s+também|mais\s+lidas
    | (?:à\s+)?lire\s+aussi|sur\s+le\s+même\s+sujet|vous\s+aimerez\s+aussi|articles\s+similaires
    | ähnliche\s+artikel|das\s+könnte\s+sie\s+auch\s+interessieren|mehr\s+zum\s+thema|weitere\s+artikel
    | gerelateerde\s+artikelen|lees\s+ook|artikel\s+terkait|terkait|baca\s+juga
    | похожие\s+статьи|читайте\s+также
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# "Sign up for our newsletter", "Subscribe": a sign-up box.
_SIGN_UP = re.compile(r"\b(?:sign\s+up|subscribe|newsletters?)\b", re.IGNORECASE)
_LEAD = " »›>•·|-–—:#"
_TAIL = " »›>•·|-–—:.!…"


def is_end_marker(line: Line) -> bool:
    """A short line that only labels a box of other stories, comments or a blurb."""
    if line.marker is None:
        line.marker = _is_marker(line)
    return line.marker


def _is_marker(line: Line) -> bool:
    if line.words > MAX_WORDS or line.words == 0 or line.sentence and line.text[-1:] != ":":
        return False
    label = line.text.lstrip(_LEAD).rstrip(_TAIL)
    if label.endswith(")") and "(" in label:  # "Comments (12)"
        label = label[: label.rfind("(")].rstrip()
    return bool(_LABELS.match(label) or _SIGN_UP.search(label)) or _is_about(label)


_ABOUT = re.compile(r"^(?:about|sobre|acerca\s+de|à\s+propos\s+de|über|tentang|informazioni\s+su)\s+(.+)$", re.I)


def _is_about(label: str) -> bool:
    """"About Acme", "About Ann Lee": a blurb on the company or the author."""
    match = _ABOUT.match(label)
    if not match:
        return False
    names = match.group(1).split()
    return len(names) <= 4 and all(n[:1].isupper() or n[:1].isdigit() for n in names)
