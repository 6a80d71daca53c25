"""Watching child processes from tests (Linux: reads /proc)."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterable
from pathlib import Path

HAS_PROC = Path("/proc/self/status").exists()


def alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped."""
    try:
        with open(f"/proc/{pid}/status") as status:
            return not any(line.startswith("State:\tZ") for line in status)
    except FileNotFoundError:
        return False


def all_gone(pids: Iterable[int], seconds: float = 10) -> bool:
    """Wait up to ``seconds`` for every process in ``pids`` to end."""
    pids = list(pids)
    deadline = time.monotonic() + seconds
    while any(map(alive, pids)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not any(map(alive, pids))


def kill_left(pids: Iterable[int]) -> None:
    """Clean up after a failed test: kill whatever is still running."""
    for pid in pids:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)
