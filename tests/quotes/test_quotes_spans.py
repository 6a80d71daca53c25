"""Pairing quotation marks: straight, typographic, single, nested, broken."""

from __future__ import annotations

from reader.model import Paragraph
from reader.quotes.spans import find_spans


def spans_of(*texts: str, kinds: tuple[str, ...] = ()) -> list[tuple[int, str]]:
    paragraphs = [Paragraph(t, kinds[i] if i < len(kinds) else "text") for i, t in enumerate(texts)]
    return [(s.paragraph, texts[s.paragraph][s.start : s.end]) for s in find_spans(paragraphs)]


def test_straight_and_typographic_double_quotes():
    assert spans_of('She said "we won" and “they lost” today.') == [
        (0, '"we won"'),
        (0, "“they lost”"),
    ]


def test_uk_single_quotes_are_quotations():
    assert spans_of("‘We will not give in,’ she said, and 'nor will they', he added.") == [
        (0, "‘We will not give in,’"),
        (0, "'nor will they'"),
    ]


def test_apostrophes_and_elisions_are_not_marks():
    text = "I don't think the '90s were O'Brien's best, he said."
    assert spans_of(text) == []


def test_plural_possessive_inside_single_quotes():
    text = "'We visited the Smiths' house on Monday,' she said."
    assert spans_of(text) == [(0, "'We visited the Smiths' house on Monday,'")]


def test_plural_possessive_closes_when_nothing_else_does():
    assert spans_of("He praised 'the Smiths' and left.") == [(0, "'the Smiths'")]


def test_nested_quotes_yield_the_outer_span():
    assert spans_of('"He told me \'never\' twice," she said.') == [
        (0, "\"He told me 'never' twice,\"")
    ]
    assert spans_of("'He told me \"never\" twice,' she said.") == [
        (0, "'He told me \"never\" twice,'")
    ]


def test_quotation_over_several_paragraphs():
    found = find_spans(
        [
            Paragraph("“We came here to work. We will stay."),
            Paragraph("“And we will finish the job,” he said."),
        ]
    )
    assert [(s.paragraph, s.closed) for s in found] == [(0, False), (1, True)]
    assert found[0].chain == found[1].chain
    assert found[0].end == len("“We came here to work. We will stay.")


def test_stray_mark_does_not_break_later_quotes():
    texts = ['A stray " mark here, then "a real quote" follows.', 'Next "one" too.']
    assert spans_of(*texts) == [(0, '"a real quote"'), (1, '"one"')]


def test_unclosed_quote_without_continuation_is_dropped():
    assert spans_of("“This never closes.", "A plain paragraph.") == []


def test_headings_are_skipped():
    assert spans_of("'Defensive measures'", "Body.", kinds=("heading", "text")) == []


def test_heading_breaks_a_multi_paragraph_chain():
    assert spans_of("“Open and never closed.", "“Heading”", kinds=("text", "heading")) == []


def test_doubled_apostrophes_are_double_quotes():
    text = "''We will see,'' Mr. Ross said."
    found = find_spans([Paragraph(text)])
    assert [(text[s.start : s.end], s.inner(text)) for s in found] == [
        ("''We will see,''", "We will see,")
    ]


def test_multi_paragraph_needs_the_same_mark_style():
    # A straight mark left open is not continued by a curly quotation.
    assert spans_of('"Left open here.', "“A new quotation,” he said.") == [
        (1, "“A new quotation,”")
    ]


def test_excerpt_of_another_article_yields_its_inner_quotations():
    texts = [
        '"She went to the rally in June. “It was wonderful,” she said.',
        '"Then she went home. “I will go again,” she said."',
    ]
    assert spans_of(*texts) == [(0, "“It was wonderful,”"), (1, "“I will go again,”")]


def test_straight_marks_wrapping_curly_quotations_are_unwrapped():
    text = '"“You don’t win by states,” Rubio responded before adding more."'
    assert spans_of(text) == [(0, "“You don’t win by states,”")]
