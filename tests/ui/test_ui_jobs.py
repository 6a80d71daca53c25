"""Import and refresh as jobs: progress, stopping them, and the hooks they use.

Feeds come from a real server on 127.0.0.1 (tests/feeds/server.py).
"""

from __future__ import annotations

import threading

from reader.gather import importer
from reader.gather.importer import import_paths
from reader.library import Library
from reader.library.feeds import Feed, FeedStore
from reader.gather.refresh import refresh
from reader.ui.app import ReaderApp
from tests.feeds.samples import STORY, rss
from tests.feeds.server import WebServer
from tests.ui.libraries import library_with
from tests.ui.test_ui_import import STORY as PAGE, type_path


def stories(web: WebServer, feed: str, n: int) -> str:
    items = [
        {"title": f"{feed} story {i}", "link": web.url(f"/{feed}/{i}"), "content": f"<p>{STORY}</p>"}
        for i in range(n)
    ]
    return rss(f"{feed} News", items)


def pages(folder, n: int):
    folder.mkdir()
    for i in range(n):
        (folder / f"page{i:02d}.txt").write_text(PAGE.replace("Harbour wall", f"Wall {i}"), "utf-8")
    return folder


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


def footer_keys(app) -> set[str]:
    return {b.binding.key for b in app.screen.active_bindings.values() if b.binding.show}


async def test_refresh_key_adds_new_stories_and_says_how_many(tmp_path):
    library = Library.open(tmp_path / "library", durable=False)
    try:
        with WebServer() as web:
            url = web.add("/harbour", stories(web, "harbour", 2), content_type="application/rss+xml")
            FeedStore.of(library).add_many([Feed(url)])
            app = ReaderApp(library=library)
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.press("r")
                await app.workers.wait_for_complete()
                await pilot.pause()
                titles = sorted(e.title for e in app.sidebar.entries())
                assert titles == ["harbour story 0", "harbour story 1"]
                assert "2 new stories from 1 feed" in messages(app)
                assert not app.query_one("#job").display
    finally:
        library.close()


async def test_x_stops_an_import_between_files_and_keeps_what_was_stored(tmp_path, monkeypatch):
    """Three files: the second is parsed only once x was pressed; the third never is."""
    source = pages(tmp_path / "in", 3)
    parse = importer.parse_files
    gate = threading.Event()
    calls = []

    def gated(paths):
        calls.append(paths)
        if len(calls) > 1:
            assert gate.wait(10)
        return parse(paths)

    monkeypatch.setattr(importer, "parse_files", gated)
    library = Library.open(tmp_path / "library", durable=False)
    try:
        app = ReaderApp(library=library)
        async with app.run_test(size=(100, 30)) as pilot:
            assert "x" not in footer_keys(app)
            await type_path(pilot, source)
            for _ in range(500):  # the first file is stored; the second waits at the gate
                if app.job.reporter.done >= 1:
                    break
                await pilot.pause(0.02)
            await pilot.pause()
            assert "x" in footer_keys(app)
            from reader.ui.commands import ReaderCommands

            assert "Stop the import or refresh" in [n for n, *_ in ReaderCommands(app.screen)._commands()]
            assert "x stops" in str(app.query_one("#job-label").render())
            await pilot.press("x")
            assert str(app.query_one("#job-label").render()) == "Stopping the import…"
            gate.set()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert len(calls) == 2
            assert sorted(e.title for e in library.list()) == [
                "Wall 0 to be rebuilt after storms",
                "Wall 1 to be rebuilt after storms",
            ]
            assert app.sidebar.option_count == 2
            assert any(m.startswith("Import stopped after 2 of 3: imported 2,") for m in messages(app))
            assert app.job is None and not app.query_one("#job").display
            assert "x" not in footer_keys(app)
    finally:
        gate.set()
        library.close()


async def test_one_job_at_a_time_and_quitting_stops_it(tmp_path, monkeypatch):
    source = pages(tmp_path / "in", 3)
    parse = importer.parse_files
    gate = threading.Event()
    monkeypatch.setattr(importer, "parse_files", lambda paths: gate.wait(10) and parse(paths))
    library = Library.open(tmp_path / "library", durable=False)
    try:
        app = ReaderApp(library=library)
        async with app.run_test(size=(100, 30)) as pilot:
            await type_path(pilot, source)
            await pilot.press("r")
            assert app.job.name == "import"
            assert "An import is running; x stops it." in messages(app)
        # The app has quit: the import stops after the file in hand.
        gate.set()
        assert app.wait_for_job(10)
        assert len(library.list()) == 1
    finally:
        gate.set()
        library.close()


async def test_help_and_palette_show_stop_only_when_it_can_act():
    from reader.ui.commands import ReaderCommands
    from reader.ui.screens import HelpScreen

    app = ReaderApp(library=library_with([]))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        help_text = str(app.screen.query_one("HelpText").render())
        assert "x                Stop: a running import or refresh; what was\n" in help_text
        await pilot.press("escape")
        names = [name for name, *_ in ReaderCommands(app.screen)._commands()]
        assert "Bookmark" in names and "Stop the import or refresh" not in names


# -- the hooks the app relies on ------------------------------------------


PARSED_LOG: list = []  # where _logged_parse notes its calls (a path, set by the test)


def _logged_parse(paths):
    """importer.parse_files, noting each call in a file (it runs in the parser processes)."""
    with open(PARSED_LOG[0], "a") as log:
        log.write(f"{len(paths)}\n")
    return PARSE(paths)


PARSE = importer.parse_files


def test_import_paths_stops_after_the_first_batch_when_cancelled(tmp_path, monkeypatch):
    """40 files in chunks of one on two processes: the chunks not started are dropped."""
    source = pages(tmp_path / "in", 40)
    monkeypatch.setattr(importer, "parse_files", _logged_parse)
    PARSED_LOG[:] = [str(tmp_path / "parsed.log")]
    library = Library.open(tmp_path / "library", durable=False)
    try:
        seen = []
        report = import_paths(library, [source], jobs=2, progress=lambda d, t: seen.append((d, t)),
                              cancelled=lambda: True)
        assert 0 < report.imported < 40
        assert len(library.list()) == report.imported
        assert seen[-1] == (report.imported, 40)
        parsed = (tmp_path / "parsed.log").read_text().split()
        assert len(parsed) < 10  # those being parsed or queued when it stopped, not all 40
    finally:
        PARSED_LOG.clear()
        library.close()


def test_refresh_skips_feeds_not_started_and_keeps_those_under_way_when_cancelled(tmp_path):
    """Two fetchers: a is quick; b and c are slow, so both fetchers are busy
    when a is done and the refresh is stopped: d is never asked for; b and
    (if it was started) c are finished and stored."""
    library = Library.open(tmp_path / "library", durable=False)
    try:
        with WebServer() as web:
            delays = {"a": 0.0, "b": 0.5, "c": 0.5, "d": 0.0}
            urls = {
                name: web.add(f"/{name}", stories(web, name, 2), content_type="application/rss+xml", delay=delay)
                for name, delay in delays.items()
            }
            FeedStore.of(library).add_many(Feed(u) for u in urls.values())
            report = refresh(library, workers=2, processes=0, cancelled=lambda: True)
            refreshed = {r.url for r in report.feeds}
            expected = {"a", "b"} | ({"c"} if web.hits("/c") else set())
            assert refreshed == {urls[n] for n in expected}
            assert not web.hits("/d")
            assert {e.title for e in library.list()} == {f"{n} story {i}" for n in expected for i in (0, 1)}
    finally:
        library.close()


async def test_a_failed_feed_says_why(tmp_path):
    library = Library.open(tmp_path / "library", durable=False)
    try:
        with WebServer() as web:
            good = web.add("/good", stories(web, "good", 1), content_type="application/rss+xml")
            gone = web.url("/gone")  # answers 404
            FeedStore.of(library).add_many([Feed(good), Feed(gone)])
            app = ReaderApp(library=library)
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.press("r")
                await app.workers.wait_for_complete()
                await pilot.pause()
                (note,) = app._notifications
                message = note.message
                assert note.severity == "warning"
                assert message.startswith("1 new story from 2 feeds (1 failed). ")
                assert "/gone" in message and "404" in message
    finally:
        library.close()
