"""The damage matrix with real permissions (run by hand, not part of the suite).

    python tests/bench/bench_damage.py

Each kind of library file (tests/library/damage.py: catalog, snapshot,
catalog.synced, journal, settings, feeds, a state shard, a document, the
lock, the search index, the story index, the docs/ and state/ folders) is
damaged each way (truncated, garbage, zero-filled, deleted, unreadable, a
folder in place of a file; for folders: deleted, unreadable, a file in
their place), then the library is opened and used (list, show, quotes,
read, feeds list, search, an import into a library that can write) as an
unprivileged user (``nobody`` via setpriv when run as root, since chmod 000
does not stop root), so "unreadable" is real. Counts: cases, tracebacks,
libraries that would not open, data lost beyond the damaged file; then the
cases where search or the import gave a clear message instead of working.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(HERE))

CHECK = r"""
import json, sys
sys.path.insert(0, {here!r})
from click.testing import CliRunner
from reader.cli import main
from tests.library import damage
made = damage.Made(**json.loads(sys.argv[1]))
made.root = __import__("pathlib").Path(made.root)
kind, how = sys.argv[2], sys.argv[3]
out = {{"opened": False, "lost": [], "tracebacks": [], "message": ""}}
try:
    o = damage.check(made, kind, how)
    out["opened"], out["lost"], out["message"] = o.opened, o.lost, o.message
except Exception as error:
    import traceback
    out["tracebacks"].append("open: " + "".join(traceback.format_exception(error))[-400:])
for args in (["list"], ["show", made.ids[1]], ["quotes"], ["read", made.ids[6]], ["feeds", "list"], ["search", "Ann"]):
    r = CliRunner().invoke(main, ["--data-dir", str(made.root), *args])
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        out["tracebacks"].append(" ".join(args) + ": " + repr(r.exception))
print(json.dumps(out))
"""


def main() -> None:
    from tests.library import damage

    as_nobody = os.geteuid() == 0 and shutil.which("setpriv")
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if as_nobody else []
    counts = {"cases": 0, "tracebacks": 0, "would not open": 0, "data lost": 0}
    bad = []
    told = []  # cases where search or a new import gave a clear message instead of working
    for kind, how in damage.cases():
        home = Path(tempfile.mkdtemp(prefix="byline-damage-"))
        os.chmod(home, 0o755)
        made = damage.make(home / "lib")
        if kind == "import.journal":
            damage.interrupt(made)
        if as_nobody:
            for path in [home, *home.rglob("*")]:
                os.lchown(path, 65534, 65534)
        damage.damage(damage.target(made, kind), how, lambda p: os.chmod(p, 0))
        fields = {"root": str(made.root), "ids": made.ids, "read": sorted(made.read),
                  "bookmarked": sorted(made.bookmarked), "interrupted": made.interrupted,
                  "clipping": made.clipping}
        run = subprocess.run(
            [*prefix, sys.executable, "-c", CHECK.format(here=str(HERE)), json.dumps(fields), kind, how],
            capture_output=True, text=True, timeout=120, env={**os.environ, "HOME": str(home)},
        )
        counts["cases"] += 1
        try:
            out = json.loads(run.stdout.strip().splitlines()[-1])
        except (IndexError, ValueError):
            out = {"opened": False, "lost": [], "tracebacks": [run.stderr[-400:]]}
        counts["tracebacks"] += bool(out["tracebacks"])
        counts["would not open"] += not out["opened"]
        counts["data lost"] += bool(out["lost"])
        if out["tracebacks"] or not out["opened"] or out["lost"]:
            bad.append((kind, how, out))
        elif out.get("message"):
            told.append((kind, how, out["message"]))
        shutil.rmtree(home, ignore_errors=True)
    who = "as nobody (real permissions)" if as_nobody else "as this user"
    print(f"damage matrix {who}: {counts['cases']} cases, tracebacks: {counts['tracebacks']}, "
          f"libraries that would not open: {counts['would not open']}, "
          f"cases with data lost beyond the damaged file: {counts['data lost']}")
    for kind, how, out in bad:
        print(f"  {kind} / {how}: {out}")
    print(f"cases where search or a new import gave a clear message instead of working: {len(told)}")
    for kind, how, message in told:
        print(f"  {kind} / {how}: {message[:160]}")


if __name__ == "__main__":
    main()
