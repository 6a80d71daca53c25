"""Whatever the bytes, ingest gives a clean Article or a SourceError.

"Clean" means what the rest of byline relies on: no control characters in
any text, no empty paragraphs, a title, an id that the same bytes always
give, and quotations whose offsets lie inside their paragraphs. A
``ParseFailure`` (byline's own exception, not a bad page) or a failed quote
analysis fails these tests.
"""

import re
import warnings

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import ParseFailure, SourceError
from reader.ingest import parse_bytes

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SENTENCE = "The council met on Monday and agreed the budget for the coming year after a long debate."

pieces = st.sampled_from(
    [SENTENCE, "\n", "\n\n", "<p>", "</p>", "<div>", "\x1b[31m", "\x1b]0;x\x07", "\x00", "\x9b",
     "[bold]", "“", "Ünïcödé ", "Home", "By Ann Lee", "28 November 2006, 10:45 GMT", "\ufeff",
     '"We will not wait," she said.', "<blockquote>", "</blockquote>"]
)


def parse(data: bytes):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            article = parse_bytes(data, source="fuzz")
        except ParseFailure as error:
            raise AssertionError(f"byline failed on its own: {error}") from error.__cause__
    failed = [str(w.message) for w in caught if "quote analysis failed" in str(w.message)]
    assert not failed, failed
    return article


def check(data: bytes) -> None:
    try:
        article = parse(data)
    except SourceError as error:
        assert type(error) is SourceError, type(error)
        assert error.source == "fuzz" and error.reason
        return
    assert article.title.strip()
    assert article.paragraphs
    for text in [article.title, *(p.text for p in article.paragraphs)]:
        assert not CONTROL.search(text), text
    assert all(p.text.strip() for p in article.paragraphs)
    for q in article.quotes:
        text = article.paragraphs[q.paragraph].text
        assert 0 <= q.start < q.end <= len(text)
        assert q.text and q.text in text[q.start:q.end]
    assert parse(data).id == article.id


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    check(data)


@settings(max_examples=60, deadline=None)
@given(st.lists(pieces, max_size=40), st.sampled_from(["utf-8", "utf-16", "latin-1"]))
def test_random_pages(parts, encoding):
    check("".join(parts).encode(encoding, errors="replace"))


# The text-dump reader's quick paths must read as the plain definitions do.
spaces = st.lists(st.sampled_from([" ", "  ", "\t", "\n", "\r", "\xa0", "\u2028", "\u3000", "\x1c",
                                   "\x85", "\x0b", "\u2009", "\u200b", "a", "é", "e\u0301", "Ab"]),
                  max_size=16).map("".join)


@settings(max_examples=300, deadline=None)
@given(spaces)
def test_lines_are_cleaned_as_split_and_joined(text):
    import unicodedata

    from reader.ingest.normalize import _ZERO_WIDTH, clean_lines, strip_controls

    plain = unicodedata.normalize("NFC", _ZERO_WIDTH.sub("", strip_controls(text)))
    assert clean_lines(text) == [" ".join(line.split()) for line in plain.split("\n")]


cues = st.lists(st.sampled_from(["Sign", "UP", " ", "up", "share", "THIS", "Photo", "|", "é", "x",
                                 "Posted", "publi", "SHED", ":", "(", "file", "Read", "more", "K"]),
                max_size=10).map("".join)


@settings(max_examples=300, deadline=None)
@given(cues)
def test_cue_words_are_found_in_any_case(text):
    from reader.ingest import header, lines

    assert lines.is_call_to_action(text) == bool(lines._CALL_TO_ACTION.search(text))
    assert lines.is_furniture(text) == bool(lines._FURNITURE.search(text))
    assert lines.caseless_search(header._PUBLISHED, header._PUBLISHED_LOWER, text) == bool(
        header._PUBLISHED.search(text))
