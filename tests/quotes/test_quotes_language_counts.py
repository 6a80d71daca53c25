"""The language test's quick word count gives what the plain regex count gives."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.quotes import language


def _plain(text: str) -> tuple[int, int, int]:
    found = language._WORD.findall(text)
    return (
        len(found),
        sum(w in language._FUNCTION_WORDS for w in found),
        sum(w in language._OTHER_WORDS for w in found),
    )


_PIECES = st.sampled_from(
    ["the", "of", "und", "que", "não", "é", "café", "naïve", "2nd", "x_y", "½", "’", "“", "—", "…",
     "\u00a0", " ", "\t", "\n", ",", "don’t", "é", "日本", "ß"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=4), max_size=30))
def test_quick_count_is_the_plain_count(pieces: list[str]) -> None:
    text = "".join(pieces).lower()
    assert language._counts(text) == _plain(text)


def test_function_words_are_counted_in_plain_and_in_curly_text() -> None:
    assert language._counts("the dog and the cat") == (5, 3, 0)
    assert language._counts("“the dog’s bone,” said he") == (6, 3, 0)
    assert language._counts("der hund und die katze") == (5, 0, 3)
