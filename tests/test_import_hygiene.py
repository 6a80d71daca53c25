"""Core never imports Textual or Rich (DESIGN.md, convention 1)."""

import subprocess
import sys


def test_core_modules_do_not_import_textual_or_rich():
    code = (
        "import sys, reader.model, reader.ingest, reader.quotes, reader.library;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'));"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
