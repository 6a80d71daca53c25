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


@settings(max_examples=200, deadline=None)
@given(_PARAGRAPHS)
def test_spans_are_inside_ordered_and_disjoint(paragraphs):
    quotes, speakers = analyze(paragraphs)
    last = (-1, -1)
    for q in quotes:
        assert 0 <= q.paragraph < len(paragraphs)
        assert paragraphs[q.paragraph].kind != "heading"
        assert 0 <= q.start < q.end <= len(paragraphs[q.paragraph].text)
        assert (q.paragraph, q.start) >= last
        last = (q.paragraph, q.end)
        if q.mention is not None:
            text = paragraphs[q.mention.paragraph].text
            assert text[q.mention.start : q.mention.end] == q.mention.text
    assert sum(s.quotes for s in speakers) == sum(q.speaker is not None for q in quotes)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=60), max_size=5))
def test_any_unicode_never_raises(texts):
    analyze([Paragraph(t) for t in texts])
