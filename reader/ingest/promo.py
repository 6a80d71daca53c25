"""Promotion, sign-up and copyright lines around and inside a story.

trafilatura keeps the story's block of the page, and with it the lines a
site puts into that block: "READ MORE: <headline>", "Related: <headline>",
"Subscribe to our newsletter", "© 2019 ... All rights reserved", a list of
teaser headlines after "You may also like". They are found by general cues,
never by site:

* a promo label (in a few languages) before a short headline, anywhere;
* "click here" lines and copyright notices, anywhere;
* a marker ("You may also like", "Related stories", "Comments") and the
  non-prose lines after it, up to the next prose;
* at the story's edges (before the first prose, after the last): calls to
  action (an imperative verb and a sign-up or social object), contact and
  tag lines, and headline-like lines that are links on the page (link
  density: the line is an anchor's text, or a breadcrumb trail of them);
  after the last prose, any heading (it heads nothing of the story: a
  sign-up box or teasers set as headings);
* inside the story, a headline in capitals that is a link (a teaser).

Nothing is dropped when what would be left is not a story any more.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from reader.model import Paragraph

# Labels that head a link to another story: "READ MORE: ...", "Leggi anche: ...".
_LABELS = (
    r"read (?:more|also|next)|also read|see (?:more|also)|more|also|related(?: \w+)?|"
    r"recommended(?: \w+)?|further reading|more on (?:this|that)(?: story)?|watch(?: more)?|"
    r"video|listen|don'?t miss|must read|trending|top stories|"
    # Italian, French, German, Spanish, Portuguese, Dutch, Polish, Swedish, Russian
    r"leggi anche|leggi|vedi anche|guarda anche|approfondisci|lire aussi|à lire aussi|"
    r"voir aussi|à voir aussi|lesen sie auch|mehr zum thema|auch interessant|siehe auch|"
    r"weiterlesen|lea también|lee también|ver también|mira también|leer más|te puede interesar|"
    r"relacionad[oa]s?|leia também|veja também|saiba mais|leia mais|lees ook|zie ook|"
    r"czytaj (?:też|także|również)|zobacz (?:też|także)|läs också|läs mer|"
    r"читайте также|смотрите также"
)
_LABELLED = re.compile(rf"^[\[(]?\s*(?:{_LABELS})\s*(?::|\||»|>|–|—|-)\s*(?P<rest>\S.*)$",
                       re.IGNORECASE)
# "Also on example.com <headline>": the label runs straight into the link.
_ALSO_ON = re.compile(r"^(?:also on|more (?:from|on)) \S+\.\w{2,} ", re.IGNORECASE)
# A line that only announces a list of other stories, comments or sharing.
_MARKER = re.compile(
    r"^(?:you (?:may|might|will) (?:also )?(?:like|enjoy|be interested in)|"
    r"(?:more|other|related|recommended|popular|top|latest|trending) "
    r"(?:stories|news|articles|posts|videos|reads|content|coverage|links|reading)|"
    r"related|recommended(?: for you)?|more from .{1,40}|popular on .{1,40}|"
    r"most (?:read|popular|viewed|shared|commented)|trending(?: now)?|read next|"
    r"what to read next|further reading|around the web|from (?:our|the) partners?|"
    r"sponsored(?: \w+)?|more|comments?|\d+ comments?|leave a (?:comment|reply)|"
    r"join the (?:discussion|conversation)|tell us what you think|have your say|"
    r"share (?:this|the) (?:story|article|post)|share this|share|"
    r"leggi anche|potrebbe interessarti|ti potrebbe interessare|lire aussi|à lire aussi|"
    r"sur le même sujet|vous aimerez aussi|mehr zum thema|das könnte sie auch interessieren|"
    r"te puede interesar|noticias relacionadas|veja também|leia também|notícias relacionadas|"
    r"você pode gostar|lees ook|czytaj też|läs också|читайте также)\W*$",
    re.IGNORECASE,
)
_CLICK_HERE = re.compile(r"\b(?:click|clicking|tap|tapping)\s+here\b", re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"^\W{0,3}(?:©|ⓒ|\(c\)\s*(?:19|20)\d\d|copyright\s*(?:©|ⓒ|\(c\)|(?:19|20)\d\d))|"
    r"^copyright\b.{0,60}\b(?:19|20)\d\d\b|"
    r"\ball rights reserved\b|\btous droits réservés\b|\balle rechte vorbehalten\b|"
    r"\btodos los derechos reservados\b|\btutti i diritti riservati\b|"
    r"\btodos os direitos reservados\b|\bwszelkie prawa zastrzeżone\b|\bвсе права защищены\b",
    re.IGNORECASE,
)
# One of these is in every line _COPYRIGHT matches (a cheap test first).
_COPYRIGHT_HINTS = ("©", "ⓒ", "(c)", "copyright", "reserv", "réserv", "vorbehalten", "riservati",
                    "zastrzeżone", "защищены")
# A call to action: an imperative verb first ...
_CTA_VERB = re.compile(
    r"^(?:please |now |and |or )?(?:subscribe|sign(?:-| )?up|follow|join|get|download|listen|"
    r"watch|like|share|register|support|donate|send us|tell us|reach|contact|e-?mail|"
    r"check out|don'?t miss|never miss|stay (?:up to date|informed|on top|tuned|connected)|"
    r"be the first|want (?:more|the latest)|for more|there'?s (?:plenty )?more|"
    r"have a (?:tip|story)|got a (?:tip|story)|like this|enjoy(?:ed)? this|love this|"
    r"abonnez-vous|inscrivez-vous|suivez|iscriviti|seguici|segui|abbonati|abonnieren|"
    r"folgen sie|melden sie sich|suscríbete|síguenos|regístrate|assine|inscreva-se|siga|"
    r"volg|abonneer|подпишитесь)\b",
    re.IGNORECASE,
)
# ... and something to sign up for, follow or share.
_CTA_OBJECT = re.compile(
    r"\b(?:newsletters?|inbox|e-?mails?|app|apps|podcasts?|youtube|twitter|facebook|instagram|"
    r"linkedin|tiktok|telegram|whatsapp|social media|channel|subscribers?|subscription|"
    r"subscribe|sign(?:-| )?up|updates|notifications|alerts|feed|rss|a friend|tips?|"
    r"delivered|free trial|bulletin|notiziario|lettre|abonnement|abonnieren)\b",
    re.IGNORECASE,
)
# How to reach the writer: an e-mail address, a social profile's address.
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]{2,}|\b(?:twitter|x|instagram|facebook)\.com/\w")
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_TAGS = re.compile(
    r"^(?:filed under|tags?|tagged(?: with)?|topics?|categories|category|posted in|"
    r"more about|source|sources|read more about)\s*:", re.IGNORECASE)
_READING_TIME = re.compile(
    r"^(?:(?:reading time|read time|tempo de leitura|temps de lecture|tiempo de lectura|"
    r"tempo di lettura|lesezeit|leestijd)\s*:?\s*\d+|\d+\s*(?:-|\s)?(?:min|mins|minutes?)"
    r"\s+read)\b",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)\]]*\s+[\"'“‘(]?[A-Z]")
_ENDS_LIKE_SENTENCE = re.compile(r"[.!?…:;][\"'”’)\]]*$")

SHORT = 25
"""Words: a promo, sign-up or copyright line is never longer than this."""
HEADLINE = 20
PROSE = 15


def words(text: str) -> int:
    """Words in a cleaned line (single spaces, no edge spaces)."""
    return text.count(" ") + 1 if text else 0


def is_prose(paragraph: Paragraph) -> bool:
    """Running text of the story: a sentence (or more) of some length."""
    if paragraph.kind == "heading":
        return False
    n = words(paragraph.text)
    if n >= 40:
        return True
    return n >= PROSE and bool(
        _ENDS_LIKE_SENTENCE.search(paragraph.text) or _SENTENCE_BREAK.search(paragraph.text)
    )


def _headline_like(text: str) -> bool:
    return (words(text) <= HEADLINE and not _SENTENCE_BREAK.search(text)
            and not text.endswith(".") and not _URL.match(text))


def _shouted(text: str) -> bool:
    """A headline in capitals ("CO-FOUNDER SAYS HE IS PROUD"), as teasers are set."""
    return text.isupper() and words(text) >= 4


def is_promo(text: str) -> bool:
    """A promo, click-here or copyright line, wherever it stands."""
    n = words(text)
    if n > SHORT + 10:
        return False
    match = _LABELLED.match(text)
    if match and _headline_like(match.group("rest")):
        return True
    if _ALSO_ON.match(text) and n <= SHORT:
        return True
    lowered = text.casefold()
    if n <= SHORT and "here" in lowered and _CLICK_HERE.search(text):
        return True
    return any(hint in lowered for hint in _COPYRIGHT_HINTS) and bool(_COPYRIGHT.search(text))


def is_marker(text: str) -> bool:
    """A line that announces other stories, comments or sharing ("You may also like")."""
    return words(text) <= 8 and bool(_MARKER.match(text.strip(" .:…-–—»>|[]")))


def _is_call_to_action(text: str) -> bool:
    """ "Sign up for our newsletter", "Follow her on Twitter at ...": a line for
    the reader, even when it is a whole sentence."""
    if words(text) > SHORT + 5 or '"' in text or "“" in text:
        return False
    return bool((_CTA_VERB.match(text) and _CTA_OBJECT.search(text)) or _CONTACT.search(text))


def _is_edge_furniture(paragraph: Paragraph, is_link: Callable[[str], bool]) -> bool:
    text = paragraph.text
    n = words(text)
    if n > SHORT + 15:
        return False
    if _is_call_to_action(text) or is_marker(text):
        return True
    if _TAGS.match(text) or _READING_TIME.match(text):
        return True
    return _headline_like(text) and (is_link(text) or _is_trail(text, is_link))


_TRAIL = re.compile(r"\s+[›»>/|]\s+")


def _is_trail(text: str, is_link: Callable[[str], bool]) -> bool:
    """ "Home › News › Local": a breadcrumb trail, every step but the last a link."""
    steps = _TRAIL.split(text)
    return len(steps) >= 2 and all(is_link(step) for step in steps[:-1])


def trim(paragraphs: Sequence[Paragraph], is_link: Callable[[str], bool],
         min_words: int = 12) -> list[Paragraph]:
    """The story without its promo, sign-up and copyright lines.

    ``is_link(text)`` tells whether ``text`` is the whole text of a link on
    the page.
    """
    kept = [p for p in paragraphs if not is_promo(p.text)]
    # The edges: before the first prose and after the last.
    start = 0
    while start < len(kept) and not is_prose(kept[start]) and _is_edge_furniture(kept[start], is_link):
        start += 1
    end = _story_end(kept, start, is_link)
    # Inside the story: a marker and the links after it; a teaser headline in
    # capitals that is a link. (A story's own lines are often links too: its
    # sources, the products it lists; those stay.)
    body: list[Paragraph] = []
    after_marker = False
    for paragraph in kept[start:end]:
        if is_marker(paragraph.text):
            after_marker = True
            continue
        if not is_prose(paragraph) and _headline_like(paragraph.text) and (
            after_marker or (paragraph.kind == "text" and _shouted(paragraph.text))
        ) and is_link(paragraph.text):
            continue
        after_marker = False
        body.append(paragraph)
    if sum(words(p.text) for p in body if p.kind != "heading") < min_words:
        return list(paragraphs)  # what is left is no story: keep the page's own reading
    return body


def _story_end(kept: list[Paragraph], start: int, is_link: Callable[[str], bool]) -> int:
    """Where the story ends: before the furniture after its last prose."""
    end = len(kept)
    while end > start:
        last = kept[end - 1]
        prose = is_prose(last)
        if last.kind == "heading" or _is_call_to_action(last.text) or (
                not prose and _is_edge_furniture(last, is_link)):
            end -= 1  # (a heading with nothing after it heads no part of the story)
        elif (not prose and end - 2 >= start and words(last.text) <= SHORT
              and _is_teaser(kept[end - 2], is_link)):
            end -= 2  # a teaser: a linked headline and the line that sells it
        else:
            # "You may also like" after the last prose: it and all after it go.
            marker = next((i for i in range(end - 1, start - 1, -1) if is_prose(kept[i])
                           or is_marker(kept[i].text)), start)
            if marker >= start and marker < end and is_marker(kept[marker].text):
                end = marker
                continue
            break
    return end


def _is_teaser(paragraph: Paragraph, is_link: Callable[[str], bool]) -> bool:
    return (not is_prose(paragraph) and _headline_like(paragraph.text)
            and is_link(paragraph.text))


def looks_like_navigation(paragraphs: Sequence[Paragraph], is_link: Callable[[str], bool]) -> bool:
    """Mostly short lines that are links on the page (a menu, a list of
    teasers), with no run of prose among them; or nothing at all."""
    if not paragraphs:
        return True
    short = [p for p in paragraphs if words(p.text) <= 8]
    if len(short) < 5 or len(short) * 2 < len(paragraphs):
        return False
    links = sum(1 for p in short if is_link(p.text))
    if links < 5 or links * 2 < len(paragraphs):
        return False
    prose = [is_prose(p) for p in paragraphs]
    runs = sum(1 for a, b in zip(prose, prose[1:]) if a and b)
    return runs * 4 < links  # a story's own run of prose outweighs its links


def story_weight(paragraphs: Sequence[Paragraph]) -> float:
    """How much story a reading holds: its prose, less half of everything else."""
    prose = sum(words(p.text) for p in paragraphs if is_prose(p))
    rest = sum(words(p.text) for p in paragraphs) - prose
    return prose - rest / 2
