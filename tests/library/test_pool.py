"""Parser processes start from inside the app (other threads, captured stderr)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import io, sys, threading, time
from concurrent.futures import ProcessPoolExecutor

class Captured(io.StringIO):  # what Textual puts in sys.stderr
    def fileno(self):
        return -1

threading.Thread(target=time.sleep, args=(30,), daemon=True).start()
sys.stderr = Captured()
from reader.pool import process_context
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
