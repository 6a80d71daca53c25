"""Word wrap offsets and paragraph styling, without a widget."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.model import Quote
from reader.ui.storytext import paragraph_content, wrap_offsets

WORDS = st.sampled_from(["a", "bb", "ccc", "word", "quotation", "x" * 25, "é", "漢字", "--"])
TEXT = st.lists(WORDS, max_size=40).map(" ".join)


def test_wrap_breaks_between_words_and_drops_trailing_spaces():
    text = "The quick brown fox jumps over the lazy dog"
    assert [text[a:b] for a, b in wrap_offsets(text, 10)] == [
        "The quick", "brown fox", "jumps over", "the lazy", "dog",
    ]
    assert wrap_offsets("short", 80) == [(0, 5)]
    assert wrap_offsets("", 10) == [(0, 0)]


def test_a_word_longer_than_the_line_is_cut():
    assert [("x" * 12)[a:b] for a, b in wrap_offsets("x" * 12, 5)] == ["xxxxx", "xxxxx", "xx"]


@settings(max_examples=200, deadline=None)
@given(TEXT, st.integers(min_value=2, max_value=40))
def test_lines_fit_keep_every_word_in_order(text, width):
    lines = wrap_offsets(text, width)
    for start, end in lines:
        assert cell_len(text[start:end]) <= width
    assert "".join(text[a:b] for a, b in lines).replace(" ", "") == text.replace(" ", "")
    assert all(b <= a2 for (_, b), (a2, _) in zip(lines, lines[1:]))


@settings(max_examples=200, deadline=None)
@given(TEXT, st.integers(min_value=1, max_value=40))
def test_ascii_fast_path_agrees_with_the_general_one(text, width):
    ascii = text.encode("ascii", "replace").decode().replace("?", "q")
    # "á" is one cell like "a": the general path must cut exactly where the fast one does
    assert wrap_offsets(ascii, width) == wrap_offsets(ascii.replace("a", "á"), width)


def test_quotes_and_mentions_get_their_speakers_slot_and_current_mark():
    text = 'Ana said "yes" and then "no".'
    yes = Quote(0, text.index('"yes"'), text.index('"yes"') + 5, "yes", speaker="Ana")
    no = Quote(0, text.index('"no"'), text.index('"no"') + 4, "no", speaker="Ben")
    content = paragraph_content(
        text, "", [(0, yes), (1, no)], [(0, 3, "Ana")], {"Ana": 1, "Ben": 2}, current=1, followed=None
    )
    spans = {(text[s.start : s.end], s.style) for s in content.spans}
    assert spans == {("Ana", ".story--mention-1"), ('"yes"', ".story--quote-1"), ('"no"', ".story--current-2")}
    followed = paragraph_content(
        text, "", [(0, yes), (1, no)], [], {"Ana": 1, "Ben": 2}, current=None, followed="Ben"
    )
    assert ('"yes"', ".story--quote-other") in {(text[s.start : s.end], s.style) for s in followed.spans}


def test_offsets_outside_the_text_are_ignored_not_fatal():
    bad = Quote(0, 50, 60, "gone", speaker="Ana")
    content = paragraph_content("short", "", [(0, bad)], [(40, 45, "Ana")], {"Ana": 1}, None, None)
    assert content.plain == "short" and not content.spans


def test_chinese_and_japanese_break_between_characters_not_only_at_spaces():
    # Invented sentences: no spaces at all, so a space-only wrap would fold by cells.
    text = "市議会は昨日、新しい図書館の建設を決めた。市長は「早く完成させたい」と話した。"
    lines = [text[a:b] for a, b in wrap_offsets(text, 12)]
    assert "".join(lines) == text
    assert all(cell_len(line) <= 12 for line in lines)
    assert all(cell_len(line) >= 10 for line in lines[:-1])  # full lines, no early breaks
    closing, opening = "、。」）", "「（"
    assert not any(line[0] in closing for line in lines[1:])  # no line starts with 。 or 」
    assert not any(line[-1] in opening for line in lines)  # nor ends with 「
    zh = "新闻发布会上，发言人表示将继续推进这项改革。"
    assert all(cell_len(zh[a:b]) <= 10 for a, b in wrap_offsets(zh, 10))
    assert len(wrap_offsets(zh, 10)) == 5  # 44 cells: four full lines and one


def test_latin_words_beside_cjk_stay_whole_and_hangul_breaks_at_spaces():
    text = "The council said 新しい計画 would begin in April, and don’t worry."
    lines = [text[a:b] for a, b in wrap_offsets(text, 20)]
    words = {w for line in lines for w in line.split()}
    assert {"would", "begin", "April,", "don’t", "worry."} <= words
    korean = "시의회는 어제 새 도서관 건설을 결정했다"
    assert [korean[a:b] for a, b in wrap_offsets(korean, 16)] == ["시의회는 어제 새", "도서관 건설을", "결정했다"]


def test_a_story_cut_from_a_huge_page_says_so_where_it_stops():
    from reader.model import Article, Paragraph
    from reader.ui.storytext import story_blocks

    whole = Article(id="a", title="Tides", paragraphs=(Paragraph("One."), Paragraph("Two.")))
    cut = Article(id="b", title="Tides", paragraphs=whole.paragraphs,
                  truncated="the story is very long: only its first 2 of 9 paragraphs were kept")
    assert [b.text for b in story_blocks(whole)][-1] == "Two."
    last = story_blocks(cut)[-1]
    assert last.text == "(byline: the story is very long: only its first 2 of 9 paragraphs were kept.)"
    assert last.paragraph is None and last.style == ".story--meta"
