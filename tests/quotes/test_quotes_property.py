"""Whatever the input, spans stay inside their paragraphs, ordered and apart."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model import Paragraph
from reader.quotes import analyze

_ALPHABET = st.sampled_from(
    list("ab Z.,:;?!-—'\"‘’“”«»\n") + ["said ", "he ", "Mr Kim ", "told ", "according to "]
)
_TEXT = st.lists(_ALPHABET, max_size=40).map("".join)
_PARAGRAPHS = st.lists(
    st.builds(Paragraph, _TEXT, st.sampled_from(["text", "text", "heading", "blockquote"])),
    max_size=6,
)


def check_invariants(paragraphs, quotes, speakers) -> None:
    """What every caller of ``analyze`` relies on, whatever the input."""
    last = (-1, -1)
    names = [s.name for s in speakers]
    assert len(names) == len(set(names)), names  # one entry per speaker
    for q in quotes:
        assert 0 <= q.paragraph < len(paragraphs)
        assert paragraphs[q.paragraph].kind != "heading"
        text = paragraphs[q.paragraph].text
        assert 0 <= q.start < q.end <= len(text)
        assert q.text and q.text in text[q.start : q.end]  # the words inside the marks
        assert (q.paragraph, q.start) >= last  # ordered and disjoint
        last = (q.paragraph, q.end)
        if q.speaker is not None:
            assert q.speaker in names
        if q.mention is not None:
            mtext = paragraphs[q.mention.paragraph].text
            assert mtext[q.mention.start : q.mention.end] == q.mention.text
    for s in speakers:
        assert s.quotes == sum(q.speaker == s.name for q in quotes)
    assert sum(s.quotes for s in speakers) == sum(q.speaker is not None for q in quotes)


@settings(max_examples=200, deadline=None)
@given(_PARAGRAPHS)
def test_spans_are_inside_ordered_and_disjoint(paragraphs):
    quotes, speakers = analyze(paragraphs)
    check_invariants(paragraphs, quotes, speakers)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=60), max_size=5))
def test_any_unicode_keeps_the_same_invariants(texts):
    paragraphs = [Paragraph(t) for t in texts]
    quotes, speakers = analyze(paragraphs)
    check_invariants(paragraphs, quotes, speakers)
