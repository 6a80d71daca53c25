"""Quotations and their speakers. ``analyze(paragraphs)`` is the one door.

The work runs in four steps, one module each: ``spans`` pairs quotation
marks, ``cues`` finds the reporting verb and the speaker's mention next to
each quotation, ``attribute`` lends cues to quotations without one and drops
quoted words that are not speech, and ``resolve`` groups mentions into
speakers named by their fullest form.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.model import Mention, Paragraph, Quote, Speaker
from reader.quotes.attribute import Attributed, attribute
from reader.quotes.names import parse
from reader.quotes.resolve import Entity, Resolver
from reader.quotes.spans import find_spans

__all__ = ["analyze"]

_SPEAKER_REACH = 2  # paragraphs within which "he said" keeps the last speaker


def analyze(paragraphs: Sequence[Paragraph]) -> tuple[tuple[Quote, ...], tuple[Speaker, ...]]:
    """Find every quotation in ``paragraphs`` and resolve who said it."""
    paragraphs = tuple(paragraphs)
    spans = find_spans(paragraphs)
    items = attribute(paragraphs, spans)
    resolver = Resolver(paragraphs, spans)
    mentions: list[Mention | None] = []
    infos = []
    for a in items:
        m = None
        if a.cue is not None and a.cue.mention is not None:
            s, e = a.cue.mention
            m = Mention(a.source_paragraph, s, e, paragraphs[a.source_paragraph].text[s:e])
        mentions.append(m)
        infos.append(parse(m.text) if m else None)
    entities: list[Entity | None] = [None] * len(items)
    for k, info in enumerate(infos):
        if info is None:
            continue
        if info.kind == "name":
            entities[k] = resolver.named(info)
        elif info.kind == "phrase" and info.name:
            entities[k] = resolver.described(info.name)
    resolver.complete()
    last: tuple[Entity, int, int] | None = None  # the latest named speaker and where
    for k, info in enumerate(infos):
        if info is not None and info.kind == "epithet":
            # "the New York businessman": the last speaker if the gender fits,
            # else the latest person of that gender, else a description.
            m = mentions[k]
            e = None
            if last is not None and m.paragraph - last[1] <= _SPEAKER_REACH:
                if not info.gender or not last[0].gender or last[0].gender == info.gender:
                    e = last[0]
            if e is None and info.gender:
                e = resolver.pronoun(info.gender, m.paragraph, m.start)
            entities[k] = e or resolver.described(info.name)
        if info is not None and info.kind == "pronoun":
            m = mentions[k]
            e = None
            if last is not None and m.paragraph - last[1] <= _SPEAKER_REACH:
                e = resolver.same_speaker(last[0], last[1:], info.gender, m.paragraph, m.start)
            e = e or resolver.pronoun(info.gender, m.paragraph, m.start)
            if e is not None and not e.gender:
                e.gender = info.gender  # "Melanie ... she said": now we know
            entities[k] = e
        if entities[k] is not None and entities[k].phrase is None:
            last = (entities[k], items[k].span.paragraph, items[k].span.start)
    return _build(items, mentions, infos, entities)


def _build(
    items: list[Attributed], mentions, infos, entities
) -> tuple[tuple[Quote, ...], tuple[Speaker, ...]]:
    quotes: list[Quote] = []
    groups: dict[int, int] = {}
    order: list[Entity] = []
    aliases: dict[int, list[str]] = {}
    counts: dict[int, int] = {}
    for a, m, info, e in zip(items, mentions, infos, entities):
        group = groups.setdefault(a.group, len(groups) + 1)
        if e is not None:
            key = id(e)
            if key not in counts:
                order.append(e)
                counts[key] = 0
                aliases[key] = []
            counts[key] += 1
            form = info.form if info.kind == "name" else m.text
            if form and form not in aliases[key]:
                aliases[key].append(form)
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
