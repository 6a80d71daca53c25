"""The suite's own rules (tests/conftest.py) hold: a skip fails the run."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

CONFTEST = Path(__file__).with_name("conftest.py")


def _run(tmp_path: Path, body: str) -> subprocess.CompletedProcess:
    shutil.copy(CONFTEST, tmp_path / "conftest.py")
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    (tmp_path / "test_sample.py").write_text("import pytest\n\n" + body)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True, text=True, cwd=tmp_path,
        env=dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1"),  # only the rule under test
    )


def test_a_skipped_test_fails_the_run_and_is_named(tmp_path):
    out = _run(tmp_path, "def test_ok():\n    pass\n\ndef test_gone():\n    pytest.skip('not here')\n")
    assert out.returncode == 1, out.stdout
    assert "SKIPPED test_sample.py::test_gone" in out.stdout


def test_a_run_without_skips_passes(tmp_path):
    out = _run(tmp_path, "def test_ok():\n    pass\n")
    assert out.returncode == 0, out.stdout
