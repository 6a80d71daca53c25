"""BatchWriter: the one rule for storing streamed articles in batches."""

from __future__ import annotations

from reader.library import Library
from reader.library.batch import BatchWriter
from reader.model import Article, Paragraph


def _article(n: int) -> Article:
    return Article(f"{n:032x}", f"Story {n}", (Paragraph(f"Body {n}."),), url=f"http://x/{n}")


class _Recorder:
    """A stand-in library that records each add_many call."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def add_many(self, articles):
        self.calls.append([a.id for a in articles])
        return {"imported": len(self.calls[-1])}


def test_a_batch_is_stored_once_enough_articles_wait():
    library = _Recorder()
    writer = BatchWriter(library, articles=3, seconds=3600)
    assert writer.add([_article(1), _article(2)]) is False
    assert library.calls == []
    assert writer.add([_article(3)]) is True
    assert library.calls == [[f"{n:032x}" for n in (1, 2, 3)]]
    writer.add([_article(4)])
    assert len(library.calls) == 1  # the next batch waits again


def test_a_batch_is_stored_once_its_time_is_up():
    library = _Recorder()
    writer = BatchWriter(library, articles=100, seconds=0.0)
    assert writer.add([_article(1)]) is True
    assert library.calls == [[f"{1:032x}"]]


def test_flush_stores_what_waits_and_reports_the_counts(tmp_path):
    seen = []
    with Library.open(tmp_path / "lib", durable=False) as library:
        writer = BatchWriter(library, seen.append, articles=100, seconds=3600)
        writer.add([_article(1), _article(2)])
        assert library.list() == []  # nothing stored yet
        assert writer.flush() == {"imported": 2, "updated": 0, "unchanged": 0}
        assert sorted(e.title for e in library.list()) == ["Story 1", "Story 2"]
        assert writer.flush() == {}  # nothing waits: no write, no report
    assert seen == [{"imported": 2, "updated": 0, "unchanged": 0}]


def test_a_slow_write_spaces_out_the_next_ones():
    library = _Recorder()
    writer = BatchWriter(library, articles=100, seconds=0.0)
    writer.add([_article(1)])
    writer.took = 60.0  # as if that write had taken a minute
    assert writer.add([_article(2)]) is False
    assert len(library.calls) == 1
    writer.flush()  # the end of the stream is stored whatever the spacing
    assert library.calls[-1] == [f"{2:032x}"]
