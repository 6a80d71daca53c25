"""How parsing processes are started, for imports and feed refreshes alike.

Forking a process that runs other threads (the app, a refresh's fetchers)
can deadlock the child, since a lock held at the fork stays held: fork only
from a lone thread, else use a forkserver. The forkserver preloads the
parsers, never ``__main__`` (that would run the CLI again).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from multiprocessing.context import BaseContext

_PRELOAD = ["reader.ingest", "reader.gather.refresh_work"]


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


def exit_with_parent(owner: int | None = None, interval: float = 0.25) -> None:
    """In a parser process: ignore Ctrl-C, exit as soon as ``owner`` is gone.

    ``owner`` is the process that asked for the pool (pass ``os.getpid()`` as
    the pool's ``initargs``); without it, the parent process. A pool's workers
    outlive an importer or refresh that is killed (kill -9, the OOM killer),
    waiting for tasks forever: forked ones hold the library's lock file open,
    so the next ``byline`` waited for ever; a forkserver's workers hold the
    forkserver's liveness pipe, so it never exits and they never lose their
    parent. Hence the owner is watched, not only the parent.
    """
    import signal

    from reader.errors import quiet_library_warnings

    quiet_library_warnings()
    # Ctrl-C reaches the whole process group: the importer decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    owner = owner or parent

    def gone() -> bool:
        if os.getppid() != parent:
            return True
        try:
            os.kill(owner, 0)
        except ProcessLookupError:
            return True
        except PermissionError:  # alive, though not ours to signal
            return False
        return False

    def watch() -> None:
        while not gone():
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
