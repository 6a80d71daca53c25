"""Speaker colours and quote highlights read and stay apart, computed, for
every built-in theme at every colour depth (truecolor; 256 colours as
TERM=xterm-256color gets them; 16 colours as TERM=xterm shows them).

What the terminal shows is computed as Rich downgrades a colour (the 256
colour cube and greys; the nearest of 16, then xterm's own 16), so the bars
are checked on what a reader sees, not on what the app asked for.
"""

from __future__ import annotations

import pytest
from rich.console import Console
from textual.theme import BUILTIN_THEMES

from reader.ui.colourmath import DEPTHS, contrast, delta_e, parse, shown
from reader.ui.colours import HIGHLIGHT_DE, MIN_CONTRAST, SLOTS, SPEAKER_DE, color_depth, slot_for, speaker_variables

# ansi-dark/-light draw with the terminal's own colours: nothing to compute.
THEMES = [name for name in BUILTIN_THEMES if not name.startswith("ansi")]


def theme_colours(name: str) -> tuple[bool, str, str]:
    theme = BUILTIN_THEMES[name]
    generated = theme.to_color_system().generate()
    return theme.dark, generated["surface"], generated["foreground"]


def on_screen(colour: str, depth: str):
    return shown(parse(colour), depth)


@pytest.mark.parametrize("depth", DEPTHS)
@pytest.mark.parametrize("theme", THEMES)
def test_text_on_every_quote_background_reads(theme, depth):
    dark, surface, foreground = theme_colours(theme)
    v = speaker_variables(dark, surface, foreground, depth)
    pairs = [(f"quote-{n}", f"quote-text-{n}") for n in range(SLOTS + 1)]
    pairs += [(f"current-{n}", f"current-text-{n}") for n in range(SLOTS + 1)]
    pairs += [("quote-other", "quote-other-text")]
    for background, text in pairs:
        ratio = contrast(on_screen(v[text], depth), on_screen(v[background], depth))
        assert ratio >= MIN_CONTRAST, (theme, depth, background, v[background], v[text], round(ratio, 2))


@pytest.mark.parametrize("depth", DEPTHS)
@pytest.mark.parametrize("theme", THEMES)
def test_highlights_show_on_the_story_and_the_current_quote_stands_out(theme, depth):
    dark, surface, foreground = theme_colours(theme)
    v = speaker_variables(dark, surface, foreground, depth)
    page = on_screen(v["story-surface"], depth)
    for n in range(SLOTS + 1):
        quote, current = on_screen(v[f"quote-{n}"], depth), on_screen(v[f"current-{n}"], depth)
        assert delta_e(quote, page) >= HIGHLIGHT_DE, (theme, depth, n, v[f"quote-{n}"])
        assert delta_e(current, quote) >= HIGHLIGHT_DE, (theme, depth, n, v[f"current-{n}"])


@pytest.mark.parametrize("depth", DEPTHS)
@pytest.mark.parametrize("theme", THEMES)
def test_speaker_colours_read_on_the_story_and_neighbours_differ(theme, depth):
    dark, surface, foreground = theme_colours(theme)
    v = speaker_variables(dark, surface, foreground, depth)
    page = on_screen(v["story-surface"], depth)
    colours = [on_screen(v[f"speaker-{n}"], depth) for n in range(1, SLOTS + 1)]
    for n, colour in enumerate(colours, 1):
        assert contrast(colour, page) >= MIN_CONTRAST, (theme, depth, n, v[f"speaker-{n}"])
    for n in range(SLOTS):  # slot 8's neighbour is slot 1: the ninth speaker takes slot 1
        a, b = colours[n], colours[(n + 1) % SLOTS]
        assert delta_e(a, b) >= SPEAKER_DE, (theme, depth, n + 1, round(delta_e(a, b), 1))


def test_the_light_theme_on_256_colours_no_longer_greys_out():
    # The bug this replaced: quote backgrounds 250 on a 252 page, every speaker one grey.
    dark, surface, foreground = theme_colours("textual-light")
    v = speaker_variables(dark, surface, foreground, "256")
    assert v["story-surface"] == surface[:7].upper()
    backgrounds = {on_screen(v[f"quote-{n}"], "256") for n in range(1, SLOTS + 1)}
    assert len(backgrounds) >= 4
    assert all(max(c) - min(c) > 20 for c in backgrounds)  # tinted, not grey


def test_delta_e_matches_published_values():
    # Sharma, Wu and Dalal (2005), pairs 1 and 17 of their test data, via Lab -> sRGB
    # would lose precision, so check the metric's defining properties instead:
    assert delta_e((128, 128, 128), (128, 128, 128)) == 0
    assert delta_e((255, 0, 0), (0, 0, 255)) == pytest.approx(52.9, abs=0.5)  # a standard sRGB pair
    assert delta_e((0, 0, 0), (255, 255, 255)) == pytest.approx(100, abs=0.1)


@pytest.mark.parametrize(("env", "depth"), [
    ({"COLORTERM": "truecolor", "TERM": "xterm-256color"}, "truecolor"),
    ({"TERM": "xterm-256color"}, "256"),
    ({"TERM": "xterm"}, "16"),
])
def test_the_terminal_tells_the_depth(env, depth):
    console = Console(force_terminal=True, _environ=env)
    assert color_depth(console.color_system) == depth


def test_slots_cycle_one_to_eight():
    assert [slot_for(i) for i in range(10)] == [1, 2, 3, 4, 5, 6, 7, 8, 1, 2]


# -- dim text: dates, sites, "showing all", hints, counts ---------------------

def app_variables(theme: str, depth: str) -> dict[str, str]:
    from reader.ui.app import ReaderApp
    from tests.ui.libraries import library_with

    app = ReaderApp(library=library_with([]), theme=theme, depth=depth)
    return app.get_css_variables()


@pytest.mark.parametrize("depth", ["truecolor", "256"])
@pytest.mark.parametrize("theme", THEMES)
def test_dim_text_reads_on_every_background_it_is_drawn_on(theme, depth):
    from reader.ui.colourmath import mix

    v = app_variables(theme, depth)
    pairs = [("muted", ground) for ground in ("background", "surface", "story-surface")]
    pairs.append(("muted-panel", "panel"))
    for text, ground in pairs:
        colour, base = parse(v[text][:7]), parse(v[ground][:7])
        for background in (base, mix(base, parse(v["foreground"][:7]), 0.05)):  # and a focused list's tint
            ratio = contrast(shown(colour, depth), shown(background, depth))
            assert ratio >= MIN_CONTRAST, (theme, depth, text, ground, v[text], round(ratio, 2))


@pytest.mark.parametrize("theme", THEMES)
def test_dim_text_at_16_colours_is_the_text_colour(theme):
    v = app_variables(theme, "16")
    assert v["muted"] == v["muted-panel"] == v["foreground"][:7].upper()


@pytest.mark.parametrize("theme", ["textual-light", "textual-dark", "nord"])
async def test_the_drawn_dim_text_uses_the_colour_that_reads(theme):
    # The stylesheets must use $muted / $muted-panel: what the widgets draw is checked.
    from reader.ui.app import ReaderApp
    from tests.ui.articles import quoted_article
    from tests.ui.libraries import library_with

    app = ReaderApp(library=library_with([quoted_article()]), theme=theme, depth="256")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("j")
        probes = [("#header", "header--showing"), ("#sidebar", "articles--meta"), ("#legend", "legend--muted"),
                  ("#story", "story--meta"), ("#feedtree", "feeds--count")]
        for selector, component in probes:
            widget = app.query_one(selector)
            style = widget.get_visual_style(component).rich_style
            ground = style.bgcolor.triplet if style.bgcolor else widget.background_colors[1].rgb
            fg = shown(tuple(style.color.triplet), "256")
            ratio = contrast(fg, shown(tuple(ground), "256"))
            assert ratio >= MIN_CONTRAST, (theme, selector, component, round(ratio, 2))
