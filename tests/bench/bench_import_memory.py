"""Peak memory of importing one huge page (run by hand, not part of the suite).

    python tests/bench/bench_import_memory.py [--mb 8] [--stages] [--repo PATH]

Writes the pages of ``tests/bench/dense_page.py`` (an HTML page dense with
short quotations, the same as a text dump, a plain page of prose; ``--mb``
megabytes each) and imports each with ``byline import --jobs 1`` (parsed in
the importing process, as a single file is) into a new library, in a child
process: its peak RSS (``ru_maxrss`` from ``wait4``) and CPU time, beside a
small page's import (the process's own size). ``--stages`` also runs each
stage by hand in a child (decode, extraction, the Article, quote analysis,
the document's JSON, the library's write with its search index) and prints
the high-water RSS after each, to see where the memory goes. ``--repo``
imports with another checkout's ``reader`` (an older commit, for a before
figure); the pages are the same.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(HERE))

SMALL = """<html><head><title>Small</title></head><body><article><h1>Small</h1>
<p>"The bridge opens on Monday," said Nell Arkwright, who runs the ferry.</p>
<p>Traffic has been diverted through the old town for six weeks now.</p></article></body></html>"""

STAGES = r"""
import dataclasses, json, resource, sys, tempfile, time
sys.path.insert(0, {here!r})
import reader.ingest, reader.quotes, trafilatura
from reader.ingest import _article
from reader.ingest.bounds import cut_text
from reader.ingest.decode import decode
from reader.ingest.html import parse_html
from reader.ingest.sniff import sniff
from reader.ingest.text import parse_text
from reader.library import Library
from reader.quotes import analyze
t0 = time.process_time()
def mark(name):
    high = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"    {{name:34s}} {{high:7.0f}} MB  {{time.process_time() - t0:6.1f}} s CPU", flush=True)
mark("start (modules loaded)")
data = open(sys.argv[1], "rb").read(); kind = sniff(data); text = decode(data); mark("read and decode")
story = parse_html(text, None) if kind == "html" else parse_text(cut_text(text)[0])
del data, text; mark(f"{{kind}} extraction")
article = _article(story.title, story.paragraphs, sys.argv[1], site=story.site, authors=story.authors)
del story; mark(f"the Article ({{len(article.paragraphs):,}} paragraphs)")
quotes, speakers = analyze(article.paragraphs)
article = dataclasses.replace(article, quotes=tuple(quotes), speakers=tuple(speakers))
del quotes, speakers; mark(f"quote analysis ({{len(article.quotes):,}} quotes)")
raw = json.dumps(article.to_dict(), ensure_ascii=False, separators=(",", ":")); del raw; mark("the document's JSON")
with Library.open(tempfile.mkdtemp()) as lib:
    lib.add(article); lib.search("said"); mark("library write and search index")
"""


def import_peak(page: Path, repo: Path = HERE) -> tuple[float, float, str]:
    """(peak RSS in MB, CPU seconds, the import's last line) of ``byline import`` in a child."""
    with tempfile.TemporaryDirectory() as lib:
        child = subprocess.Popen(
            [sys.executable, "-m", "reader", "--data-dir", lib, "import", "--jobs", "1", str(page)],
            cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        out = child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    lines = [line for line in out.splitlines() if line.strip()]
    return usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, " / ".join(lines[-2:])


def _commit(repo: Path) -> str:
    out = subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"],
                         capture_output=True, text=True)
    return out.stdout.strip() or "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=8)
    parser.add_argument("--stages", action="store_true")
    parser.add_argument("--repo", type=Path, default=HERE, help="the checkout whose reader imports")
    args = parser.parse_args()
    repo = args.repo.resolve()
    with tempfile.TemporaryDirectory() as folder:
        # Written by a child: a child's peak RSS counts the parent it was forked
        # from, so this process stays small.
        subprocess.run([sys.executable, str(HERE / "tests/bench/dense_page.py"), folder,
                        "--mb", str(args.mb)], check=True, stdout=subprocess.DEVNULL)
        pages = {n: Path(folder) / n for n in ("dense.html", "dense.txt", "plain.html")}
        small = Path(folder) / "small.html"
        small.write_text(SMALL)
        base, _, _ = import_peak(small, repo)
        print(f"reader from {repo} at {_commit(repo)}; load average {os.getloadavg()[0]:.1f}")
        print(f"import of a small page: {base:.0f} MB peak RSS (the process's own size)")
        print(f"{'page':12s} {'MB':>5s} {'peak RSS':>9s} {'above small':>12s} {'CPU s':>6s}  import said")
        for name, page in pages.items():
            peak, cpu, said = import_peak(page, repo)
            size = page.stat().st_size / 1024 / 1024
            print(f"{name:12s} {size:5.1f} {peak:7.0f} MB {peak - base:9.0f} MB {cpu:6.1f}  {said}")
            if args.stages:
                subprocess.run([sys.executable, "-c", STAGES.format(here=str(repo)), str(page)], cwd=repo)


if __name__ == "__main__":
    main()
