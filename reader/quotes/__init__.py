"""Quotations and their speakers. ``analyze(paragraphs)`` is the one door.

The work runs in four steps: ``spans`` pairs quotation marks; ``cues``
finds the reporting verb next to each quotation and, with ``mentions``, the
phrase naming the speaker; ``attribute`` lends cues to quotations without
one and drops quoted words that are not speech; ``resolve`` groups the
mentions into speakers named by their fullest form (``names`` reads names
out of phrases and text). ``lexicon`` and ``firstnames`` hold word lists,
``sentences`` finds sentence edges; ``language`` tells an English article
from one byline has no rules for (which gets quotations but no speakers).
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.model import Mention, Paragraph, Quote, Speaker
from reader.quotes.attribute import Attributed, attribute
from reader.quotes.language import english
from reader.quotes.names import NameInfo
from reader.quotes.resolve import Entity, resolve
from reader.quotes.spans import find_spans

__all__ = ["analyze"]


def analyze(paragraphs: Sequence[Paragraph]) -> tuple[tuple[Quote, ...], tuple[Speaker, ...]]:
    """Find every quotation in ``paragraphs`` and resolve who said it."""
    paragraphs = tuple(paragraphs)
    spans = find_spans(paragraphs)
    items = attribute(paragraphs, spans)
    if any(a.cue is not None and a.cue.mention is not None for a in items) and not english(
        p.text for p in paragraphs
    ):
        # No rules for this language: its quotations may be marked, but a
        # speaker read off its words by English rules would be invented.
        for a in items:
            if a.cue is not None:
                a.cue.mention = None
    mentions, infos, entities = resolve(paragraphs, spans, items)
    return _build(items, mentions, infos, entities)


def _build(
    items: list[Attributed],
    mentions: list[Mention | None],
    infos: list[NameInfo | None],
    entities: list[Entity | None],
) -> tuple[tuple[Quote, ...], tuple[Speaker, ...]]:
    """Quotes in reading order with groups numbered from 1; speakers by first quote."""
    quotes: list[Quote] = []
    groups: dict[int, int] = {}
    order: list[Entity] = []
    aliases: dict[int, list[str]] = {}
    seen: dict[int, set[str]] = {}  # each entity's aliases, casefolded
    counts: dict[int, int] = {}
    for a, m, info, e in zip(items, mentions, infos, entities):
        group = groups.setdefault(a.group, len(groups) + 1)
        if e is not None:
            key = id(e)
            if key not in counts:
                order.append(e)
                counts[key] = 0
                aliases[key] = []
                seen[key] = set()
            counts[key] += 1
            form = info.form if info is not None and info.kind == "name" else m.text if m else ""
            if form and form.casefold() not in seen[key]:
                aliases[key].append(form)  # "She" and "she" are one alias
                seen[key].add(form.casefold())
        quotes.append(
            Quote(
                paragraph=a.span.paragraph,
                start=a.span.start,
                end=a.span.end,
                text=a.text,
                speaker=e.name if e is not None else None,
                mention=m,
                cue=a.cue.cue if a.cue else None,
                group=group,
            )
        )
    speakers = tuple(Speaker(e.name, tuple(aliases[id(e)]), counts[id(e)]) for e in order)
    return tuple(quotes), speakers
