from __future__ import annotations

import pytest

from reader.errors import NotFoundError
from reader.library import Library

from tests.library.articles import day, make_article


def test_added_article_comes_back_whole_after_reopening(tmp_path):
    article = make_article(1, speakers=("Ann Lee", "Bo Chan"), published=day(3))
    with Library.open(tmp_path) as lib:
        assert lib.add(article) == "imported"
    with Library.open(tmp_path) as lib:
        assert lib.get(article.id) == article
        entry = lib.entry(article.id)
    assert (entry.title, entry.site, entry.published) == ("Story number 1", "Example News", day(3))
    assert entry.quotes == 2 and entry.speakers == ("Ann Lee", "Bo Chan")
    assert not entry.read and not entry.bookmarked


def test_reimport_is_unchanged_or_updated_and_keeps_state_and_import_time(library):
    first = make_article(1, body="First version.")
    assert library.add(first) == "imported"
    imported_at = library.entry(first.id).imported
    library.set_read(first.id)
    library.set_bookmarked(first.id)
    assert library.add(first) == "unchanged"
    second = make_article(1, body="Second version.")  # same URL, so same id
    assert second.id == first.id
    assert library.add(second) == "updated"
    entry = library.entry(first.id)
    assert entry.read and entry.bookmarked and entry.imported == imported_at
    assert library.get(first.id).paragraphs[0].text == "Second version."


def test_add_many_counts_outcomes_including_repeats_within_a_batch(library):
    a, b = make_article(1), make_article(2)
    library.add(a)
    counts = library.add_many([a, b, b, make_article(3)])
    assert counts == {"imported": 2, "updated": 0, "unchanged": 2}
    assert len(library.list()) == 3


def test_list_is_newest_first_with_undated_articles_after_the_dated_or_where_asked(library):
    old = make_article(1, published=day(1))
    new = make_article(2, published=day(9))
    undated = make_article(3)  # imported now, i.e. after both dates
    library.add_many([new, undated, old])
    assert [e.id for e in library.list()] == [new.id, old.id, undated.id]
    assert [e.id for e in library.list(undated="first")] == [undated.id, new.id, old.id]
    # mixed: as if published when imported (now, after both dates)
    assert [e.id for e in library.list(undated="mixed")] == [undated.id, new.id, old.id]
    by_import = [e.id for e in library.list(sort="imported")]
    assert set(by_import) == {old.id, new.id, undated.id}


def test_sort_by_site_then_newest_and_unread_first(library):
    a = make_article(1, published=day(1), site="beta")
    b = make_article(2, published=day(5), site="Alpha")
    c = make_article(3, published=day(3), site="alpha")
    d = make_article(4, published=day(7), site=None)
    library.add_many([a, b, c, d])
    assert [e.id for e in library.list(sort="site")] == [b.id, c.id, a.id, d.id]
    library.set_read_many([d.id, b.id])
    assert [e.id for e in library.list(sort="unread")] == [c.id, a.id, d.id, b.id]
    library.set_bookmarked_many([a.id, b.id])
    assert [e.id for e in library.list(show=("unread", "bookmarked"))] == [a.id]


def test_sort_by_import_time(library):
    a, b = make_article(1, published=day(9)), make_article(2, published=day(1))
    library.add(a)
    library.add(b)
    assert [e.id for e in library.list(sort="imported")] == [b.id, a.id]


def test_list_filters_by_state_speaker_and_feed(library):
    a = make_article(1, speakers=("Barack Obama",), feed="https://f.org/rss")
    b = make_article(2, speakers=("Angela Merkel",))
    c = make_article(3)
    library.add_many([a, b, c])
    library.set_read(a.id)
    library.set_bookmarked(b.id)
    ids = lambda **kw: {e.id for e in library.list(**kw)}  # noqa: E731
    assert ids(show="read") == {a.id}
    assert ids(show="unread") == {b.id, c.id}
    assert ids(show="bookmarked") == {b.id}
    assert ids(speaker="obama") == {a.id}
    assert ids(speaker="MERKEL", show="bookmarked") == {b.id}
    assert ids(feed="https://f.org/rss") == {a.id}
    library.set_read(a.id, False)
    assert ids(show="read") == set()


def test_feed_counts_give_articles_and_unread_per_feed(library):
    harbour, valley = "https://harbour.example/rss", "https://valley.example/rss"
    articles = [make_article(1, feed=harbour), make_article(2, feed=harbour),
                make_article(3, feed=harbour), make_article(4, feed=valley), make_article(5)]
    library.add_many(articles)
    library.set_read(articles[0].id)
    library.set_read(articles[3].id)
    assert library.feed_counts() == {harbour: (3, 2), valley: (1, 0)}  # the feedless one left out
    library.remove(articles[1].id)
    library.set_read(articles[3].id, False)
    assert library.feed_counts() == {harbour: (2, 1), valley: (1, 1)}


def test_resolve_accepts_unique_prefixes_only(library):
    articles = [make_article(n) for n in range(40)]
    library.add_many(articles)
    target = articles[0].id
    assert library.resolve(target) == target
    assert library.resolve(target[:10].upper()) == target
    with pytest.raises(NotFoundError, match="ambiguous"):
        library.resolve(_shared_prefix(articles))
    with pytest.raises(NotFoundError, match="no article"):
        library.resolve("zzzz")
    with pytest.raises(NotFoundError):
        library.resolve("")


def _shared_prefix(articles) -> str:
    # 40 random hex ids: some first digit is shared by at least two of them.
    firsts = [a.id[0] for a in articles]
    return next(c for c in firsts if firsts.count(c) > 1)


def test_search_matches_title_site_and_speakers_case_insensitively(library):
    a = make_article(1, title="Floods in Valencia")
    b = make_article(2, site="La Gazzetta")
    c = make_article(3, speakers=("Jacinda Ardern",))
    library.add_many([a, b, c, make_article(4)])
    assert [e.id for e in library.search("VALENCIA")] == [a.id]
    assert [e.id for e in library.search("gazzetta")] == [b.id]
    assert [e.id for e in library.search("ardern")] == [c.id]
    assert library.search("nothing like this") == []


def test_counts_and_remove(library):
    a, b, c = make_article(1), make_article(2), make_article(3)
    library.add_many([a, b, c])
    library.set_read(a.id)
    library.set_bookmarked(a.id)
    library.set_bookmarked(b.id)
    counts = library.counts()
    assert (counts.total, counts.unread, counts.bookmarked) == (3, 2, 2)
    library.remove(a.id)
    counts = library.counts()
    assert (counts.total, counts.unread, counts.bookmarked) == (2, 2, 1)
    with pytest.raises(NotFoundError):
        library.get(a.id)
    with pytest.raises(NotFoundError):
        library.set_read(a.id)
    assert not library.documents.path(a.id).exists()


def test_remove_many_writes_each_file_once(library, monkeypatch):
    from reader.library.storage import AtomicJSONStorage

    articles = [make_article(i) for i in range(60)]
    library.add_many(articles)
    gone, kept = articles[:40], articles[40:]
    library.set_bookmarked_many([a.id for a in articles])
    writes: list[str] = []
    real_write = AtomicJSONStorage.write

    def counting_write(self, data):
        writes.append(self.path.name)
        real_write(self, data)

    monkeypatch.setattr(AtomicJSONStorage, "write", counting_write)
    library.remove_many([a.id for a in gone] + [gone[0].id])  # a repeat is harmless
    assert writes.count("catalog.json") == 1
    state_files = [w for w in writes if w != "catalog.json"]
    assert len(state_files) == len(set(state_files))  # each state shard at most once
    assert len(set(state_files)) == len({a.id[:2] for a in gone})  # ...and every one touched
    monkeypatch.undo()
    assert {e.id for e in library.list()} == {a.id for a in kept}
    assert {e.id for e in library.list(show="bookmarked")} == {a.id for a in kept}
    assert not any(library.documents.path(a.id).exists() for a in gone)
    with Library.open(library.path) as again:  # and so it is on disk
        assert len(again.list()) == 20 and again.counts().bookmarked == 20


def test_remove_many_with_an_unknown_id_names_it_and_removes_nothing(library):
    a, b = make_article(1), make_article(2)
    library.add_many([a, b])
    with pytest.raises(NotFoundError, match="ffffffffffffffff, 0000000000000000"):
        library.remove_many([a.id, "ffffffffffffffff", b.id, "0000000000000000"])
    assert len(library.list()) == 2 and library.get(a.id).id == a.id


def test_state_is_stored_sparsely(library):
    a = make_article(1)
    library.add(a)
    library.set_bookmarked(a.id)
    library.set_bookmarked(a.id, False)
    assert list(library.state.all()) == []


def test_settings_persist(tmp_path):
    with Library.open(tmp_path) as lib:
        assert lib.setting("theme", "dark") == "dark"
        lib.set_setting("theme", "light")
        lib.set_setting("last", {"id": "abc", "filter": "unread"})
    with Library.open(tmp_path) as lib:
        assert lib.setting("theme") == "light"
        assert lib.setting("last") == {"id": "abc", "filter": "unread"}


def test_reload_sees_what_another_copy_wrote(tmp_path):
    one, two = Library.open(tmp_path), Library.open(tmp_path)
    a = make_article(1)
    assert one.reload() is False
    two.add(a)
    assert one.reload() is True
    assert [e.id for e in one.list()] == [a.id]
    two.set_bookmarked(a.id)
    assert one.reload() is True and one.entry(a.id).bookmarked
    assert one.reload() is False


def test_writes_of_two_copies_do_not_overwrite_each_other(tmp_path):
    one, two = Library.open(tmp_path), Library.open(tmp_path)
    a, b = make_article(1), make_article(2)
    one.add(a)
    two.add(b)  # two never saw a, and must not drop it
    one.set_setting("x", 1)
    two.set_setting("y", 2)
    fresh = Library.open(tmp_path)
    assert {e.id for e in fresh.list()} == {a.id, b.id}
    assert (fresh.setting("x"), fresh.setting("y")) == (1, 2)


def test_nothing_is_written_outside_the_data_dir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lib = Library.open(tmp_path / "data")
    lib.add(make_article(1))
    lib.set_read(make_article(1).id)
    assert [p.name for p in tmp_path.iterdir()] == ["data"]


def test_default_data_dir_is_the_platform_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    lib = Library.open()
    assert lib.path == tmp_path / "xdg" / "byline"


def test_marking_an_article_another_copy_removed_is_not_found(tmp_path):
    one, two = Library.open(tmp_path), Library.open(tmp_path)
    gone, other = make_article(1), make_article(2)
    one.add(gone)
    two.add(other)  # two now knows both articles
    one.remove(gone.id)
    with pytest.raises(NotFoundError):
        two.set_read(gone.id)
    with pytest.raises(NotFoundError):
        two.remove(gone.id)
    assert list(Library.open(tmp_path).state.all()) == []


def test_listing_while_another_thread_imports_and_edits(library):
    import threading
    import time

    def work():
        for start in range(0, 200, 20):
            library.add_many(make_article(n) for n in range(start, start + 20))
        for n in range(0, 200, 7):
            library.add(make_article(n, title=f"Edited {n}"))
            library.set_read(make_article(n).id)

    worker = threading.Thread(target=work)
    worker.start()
    sizes = []
    while worker.is_alive():
        sizes.append(len(library.list()))
        library.counts()
        time.sleep(0.002)  # let the writer run: a busy reader starves it of the GIL
    worker.join()
    assert sizes == sorted(sizes)  # never goes backwards
    entries = {e.id: e for e in library.list()}
    assert len(entries) == 200
    for n in range(200):
        entry = entries[make_article(n).id]
        edited = n % 7 == 0
        assert entry.title == (f"Edited {n}" if edited else f"Story number {n}")
        assert entry.read is edited
