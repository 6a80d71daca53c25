"""Break byline's core on purpose and check that the suite notices.

    python tests/mutants.py            # runs the suite once per mutant

Each mutant is applied by this module loaded as a pytest plugin
(``-p tests.mutants`` with ``BYLINE_MUTANT=<name>``) before any test imports
byline's modules. A mutant the suite does not catch (the run passes) makes
this script exit 1. It is run by hand (it runs the suite several times), not
by the suite itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _drop_analysis() -> None:
    import reader.ingest as ingest

    def parse_bytes(data, *, source, url=None):
        return ingest.extract(data, source=source, url=url)

    ingest.parse_bytes = parse_bytes


def _index_error_in_parse_text() -> None:
    import reader.ingest.text as text

    def parse_text(*args, **kwargs):
        raise IndexError("mutant: list index out of range")

    text.parse_text = parse_text


def _key_error_in_parse_html() -> None:
    import reader.ingest.html as html

    def parse_html(*args, **kwargs):
        raise KeyError("mutant")

    html.parse_html = parse_html


MUTANTS = {
    "drop-analysis": _drop_analysis,
    "index-error-in-parse-text": _index_error_in_parse_text,
    "key-error-in-parse-html": _key_error_in_parse_html,
}

if __name__ != "__main__" and os.environ.get("BYLINE_MUTANT"):
    MUTANTS[os.environ["BYLINE_MUTANT"]]()  # loaded as a plugin: apply it


def main() -> int:
    root = Path(__file__).resolve().parents[1]
    survivors = []
    for name in MUTANTS:
        env = dict(os.environ, BYLINE_MUTANT=name)
        out = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "tests.mutants", "-p", "no:cacheprovider",
             "--maxfail=3", "-W", "ignore::pytest.PytestAssertRewriteWarning"],
            cwd=root, env=env, capture_output=True, text=True,
        )
        failed = [line for line in out.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
        caught = out.returncode != 0 and failed
        print(f"{name:28} {'caught' if caught else 'SURVIVED'}")
        for line in failed[:3]:
            print(f"    {line[:150]}")
        if not caught:
            survivors.append(name)
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
