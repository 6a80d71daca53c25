"""What the library repaired is shown in the app, once each."""

from __future__ import annotations

from reader.library import Library
from reader.ui.app import ReaderApp
from tests.ui.articles import plain_article


def warnings(app) -> list[str]:
    return [n.message for n in app._notifications if n.severity == "warning"]


def damage_catalog(root) -> None:
    (root / "catalog.json").write_text('{"catalog": {"1": [not json', encoding="utf-8")


async def test_repairs_on_open_and_after_a_reload_are_shown_once_each(tmp_path):
    root = tmp_path / "library"
    with Library.open(root, durable=False) as library:
        library.add_many([plain_article("a1", "First [bold]story"), plain_article("a2", "Second", day=2)])
    damage_catalog(root)
    library = Library.open(root, durable=False)
    assert len(library.notices) == 1  # the catalog was set aside and rebuilt
    try:
        app = ReaderApp(library=library)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            shown = warnings(app)
            assert len(shown) == 1 and "catalog" in shown[0] and "rebuilt it from 2" in shown[0]
            assert app.sidebar.option_count == 2
            app.pick_up_changes()  # nothing new: nothing shown again
            assert len(warnings(app)) == 1
            damage_catalog(root)  # as if another running copy left it damaged
            app.pick_up_changes()
            await pilot.pause()
            shown = warnings(app)
            assert len(shown) == 2 and "rebuilt it from 2" in shown[1]
            assert app.sidebar.option_count == 2
            app.pick_up_changes()
            assert len(warnings(app)) == 2
    finally:
        library.close()


async def test_a_notice_is_shown_as_typed(tmp_path):
    library = Library.open(tmp_path / "library", durable=False)
    library.notices.append("The file /tmp/[bold]x[/] was damaged")
    try:
        app = ReaderApp(library=library)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            (note,) = [n for n in app._notifications if n.severity == "warning"]
            assert note.message == "The file /tmp/[bold]x[/] was damaged"
            assert not note.markup
    finally:
        library.close()
