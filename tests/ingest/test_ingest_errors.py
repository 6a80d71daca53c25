"""Bad input gives a clear SourceError, never a traceback or a hang."""

import pytest

from reader.errors import SourceError
from reader.ingest import MAX_BYTES, load_path, parse_bytes


def test_empty_file(tmp_path):
    path = tmp_path / "empty.html"
    path.write_bytes(b"")
    with pytest.raises(SourceError, match="empty file") as caught:
        load_path(path)
    assert caught.value.source == str(path)


def test_whitespace_only_is_empty():
    with pytest.raises(SourceError, match="empty file"):
        parse_bytes(b" \n\t\n", source="blank.txt")


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        bytes(range(256)) * 40,
    ],
)
def test_binary_file(tmp_path, data):
    path = tmp_path / "page.txt"  # the name says text; the content decides
    path.write_bytes(data)
    with pytest.raises(SourceError, match="binary file, not a page"):
        load_path(path)


def test_too_large_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, cheap to make
    with pytest.raises(SourceError, match=r"too large \(50 MB; limit \d+ MB\)"):
        load_path(path)
    assert MAX_BYTES < 50 * 1024 * 1024


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        load_path(tmp_path / "nope.html")
    with pytest.raises(SourceError, match="directory"):
        load_path(tmp_path)


def test_html_without_article():
    page = b"<html><head><title>Shop</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(SourceError, match="no article text found"):
        parse_bytes(page, source="shop.html")


def test_feed_is_not_a_page():
    feed = b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>'
    with pytest.raises(SourceError, match="feed"):
        parse_bytes(feed, source="feed.xml")


def test_garbage_bytes_in_text_do_not_crash():
    prose = b"The council met on Monday and agreed the budget for the next year after a long debate. "
    data = b"Budget\n\n" + prose * 3 + b"\xff\xfe\x80\x81 broken \xc3\x28 bytes.\n"
    article = parse_bytes(data, source="mixed.txt")
    assert article.paragraphs


def test_a_failing_quote_analysis_still_gives_the_story(monkeypatch):
    import reader.quotes

    def broken(paragraphs):
        raise RuntimeError("boom")

    monkeypatch.setattr(reader.quotes, "analyze", broken)
    prose = b"The council met on Monday and agreed the budget for the next year after a long debate."
    with pytest.warns(RuntimeWarning, match="quote analysis failed"):
        article = parse_bytes(b"Budget\n\n" + prose, source="q.txt")
    assert article.paragraphs[0].text.startswith("The council met") and article.quotes == ()


def test_empty_fetched_page_is_a_page_not_a_file():
    with pytest.raises(SourceError, match="empty page"):
        parse_bytes(b"", source="https://news.example/story")
