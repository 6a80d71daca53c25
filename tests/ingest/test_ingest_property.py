"""Whatever the bytes, ingest gives a clean Article or a SourceError."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import SourceError
from reader.ingest import parse_bytes

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SENTENCE = "The council met on Monday and agreed the budget for the coming year after a long debate."

pieces = st.sampled_from(
    [SENTENCE, "\n", "\n\n", "<p>", "</p>", "<div>", "\x1b[31m", "\x1b]0;x\x07", "\x00", "\x9b",
     "[bold]", "“", "Ünïcödé ", "Home", "By Ann Lee", "28 November 2006, 10:45 GMT", "\ufeff"]
)


def check(data: bytes) -> None:
    try:
        article = parse_bytes(data, source="fuzz")
    except SourceError as error:
        assert error.source == "fuzz" and error.reason
        return
    for text in [article.title, *(p.text for p in article.paragraphs)]:
        assert not CONTROL.search(text), text


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    check(data)


@settings(max_examples=60, deadline=None)
@given(st.lists(pieces, max_size=40), st.sampled_from(["utf-8", "utf-16", "latin-1"]))
def test_random_pages(parts, encoding):
    check("".join(parts).encode(encoding, errors="replace"))
