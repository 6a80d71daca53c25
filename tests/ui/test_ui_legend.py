"""The legend and the help text break lines where a reader expects."""

from __future__ import annotations

from reader.ui.legend import legend_content
from reader.ui.screens import help_content

SPEAKERS = [("Margaret Okafor", 1, 3), ("Tom Bellamy", 2, 1), ("Dev Sharma", 3, 1), ("Aled Hughes", 4, 2)]


def test_legend_lines_break_between_speakers_never_inside_one():
    # The first three take 19 + 17 + 16 = 52 cells.
    content = legend_content(SPEAKERS, 0, None, width=52)
    assert content.plain.split("\n") == [
        "■ Margaret Okafor 3  ■ Tom Bellamy 1  ■ Dev Sharma 1",
        "■ Aled Hughes 2",
    ]
    narrower = legend_content(SPEAKERS, 0, None, width=51)
    assert narrower.plain.split("\n") == [
        "■ Margaret Okafor 3  ■ Tom Bellamy 1",
        "■ Dev Sharma 1  ■ Aled Hughes 2",
    ]
    styled = {content.plain[s.start : s.end]: s.style for s in content.spans}
    assert styled["Aled Hughes"] == ".legend--name-4"
    assert styled["■"] in {".legend--swatch-1", ".legend--swatch-2", ".legend--swatch-3", ".legend--swatch-4"}


def test_legend_hint_for_a_followed_speaker_takes_its_own_line_when_short_of_room():
    content = legend_content(SPEAKERS[:2], 2, "Tom Bellamy", width=60)
    assert content.plain.split("\n") == [
        "■ Margaret Okafor 3  ▸ Tom Bellamy 1  □ unattributed 2",
        "(n/N: only this speaker · esc: everyone)",
    ]
    wide = legend_content(SPEAKERS[:2], 0, "Tom Bellamy")
    assert wide.plain == "■ Margaret Okafor 3  ▸ Tom Bellamy 1   (n/N: only this speaker · esc: everyone)"


def test_help_descriptions_that_wrap_hang_under_their_column():
    lines = help_content().plain.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("  s "))
    assert lines[start] == "  s                Follow speaker: each speaker in turn; n/N"
    assert lines[start + 1] == " " * 19 + "visit only theirs"
    assert all(len(line) <= 19 + 45 for line in lines)
