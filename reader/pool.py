"""How parsing processes are started, for imports and feed refreshes alike.

Forking a process that runs other threads (the app, a refresh's fetchers)
can deadlock the child, since a lock held at the fork stays held: fork only
from a lone thread, else use a forkserver. The forkserver preloads the
parsers, never ``__main__`` (that would run the CLI again).
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from multiprocessing.context import BaseContext

_PRELOAD = ["reader.ingest", "reader.refresh_work"]


def process_context() -> BaseContext:
    """The multiprocessing context to start parser processes with, now."""
    if threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    _start_helpers()
    return context


def _start_helpers() -> None:
    """Start the forkserver and resource tracker with the process's own stderr.

    Both pass ``sys.stderr.fileno()`` to their child. Inside a Textual app
    stderr is captured by an object whose fileno() is -1, and the start fails
    with "bad value(s) in fds_to_keep".
    """
    from multiprocessing import forkserver, resource_tracker

    captured = sys.stderr
    sys.stderr = sys.__stderr__
    try:
        resource_tracker.ensure_running()
        forkserver.ensure_running()
    finally:
        sys.stderr = captured
