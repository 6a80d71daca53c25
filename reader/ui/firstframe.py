"""BYLINE_EXIT_AFTER_FIRST_FRAME: end the process once the first frame is out.

For the start-up benchmark (tests/bench/bench_ui.py), which times ``byline``
from exec to its first frame with the list filled as the process's own wall
time. The frame is flushed and the terminal restored (what the driver's
stop_application_mode does, less joining its input thread, which polls every
0.1 s), then the process ends at once, so that time is not start-up plus an
orderly shutdown.
"""

from __future__ import annotations

import os
import termios


def exit_after_first_frame(app) -> None:
    display = app._display

    def display_then_exit(screen, renderable) -> None:
        display(screen, renderable)
        if renderable is not None:
            try:
                _restore_terminal(app._driver)
            finally:
                os._exit(0)

    app._display = display_then_exit


def _restore_terminal(driver) -> None:
    if driver is None:
        return
    driver.write(
        "\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l"  # mouse off
        "\x1b[?2004l\x1b[?7h\x1b[<u"  # paste mode off, line wrap on, kitty keys off
        "\x1b[?1049l\x1b[?25h\x1b[?1004l"  # main screen, cursor, focus events off
    )
    driver.flush()
    driver.close()  # waits until everything written is out
    attrs = getattr(driver, "attrs_before", None)
    if attrs is not None:
        termios.tcsetattr(driver.fileno, termios.TCSANOW, attrs)
