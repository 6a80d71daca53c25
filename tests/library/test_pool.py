"""Parser processes start from inside the app (other threads, captured stderr)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.library.processes import HAS_PROC, all_gone, kill_left

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import io, sys, threading, time
from concurrent.futures import ProcessPoolExecutor

class Captured(io.StringIO):  # what Textual puts in sys.stderr
    def fileno(self):
        return -1

threading.Thread(target=time.sleep, args=(30,), daemon=True).start()
sys.stderr = Captured()
from reader.gather.pool import process_context
context = process_context()
with ProcessPoolExecutor(1, mp_context=context) as pool:
    print(context.get_start_method(), pool.submit(abs, -3).result())
"""


def test_a_pool_starts_beside_other_threads_with_stderr_captured():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                         env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["forkserver", "3"]


REFRESH_PARSERS = """
import os, sys, threading, time
{threads}
from concurrent.futures import ThreadPoolExecutor
from reader.gather.refresh_work import Parsers
parsers = Parsers(2)
with ThreadPoolExecutor(2) as callers:  # two calls at once: both workers start
    list(callers.map(lambda _: parsers.call(time.sleep, 0.5), range(2)))
pids = list(parsers._pool._processes)
print(*pids, flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(not HAS_PROC, reason="needs /proc")
@pytest.mark.parametrize("threads", ["", "threading.Thread(target=time.sleep, args=(60,), daemon=True).start()"],
                         ids=["forked", "forkserver"])
def test_a_killed_refresh_takes_its_parser_processes_with_it(threads):
    import signal

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", REFRESH_PARSERS.format(threads=threads)],
                            stdout=subprocess.PIPE, text=True, env=env)
    workers: list[int] = []
    try:
        workers = [int(pid) for pid in proc.stdout.readline().split()]
        assert len(workers) == 2
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert all_gone(workers)
    finally:
        proc.kill()
        kill_left(workers)
