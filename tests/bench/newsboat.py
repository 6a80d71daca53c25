"""Timing byline and newsboat the same way: in tmux, until the list shows.

Both programs are started in a detached tmux session of the same size; the
figure is the wall time from starting the session until the pane shows the
first article's title (polled every 5 ms, so it includes up to 5 ms of
polling). newsboat reads one local RSS file holding the same articles
(titles, dates, a line of text each), subscribed with ``exec:cat FILE`` and
loaded into its cache once beforehand; it starts on its feed list, so Enter
is typed at once to open the feed, and the figure is until its article list
shows the newest title.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

NEWSBOAT = shutil.which("newsboat")


def write_feed(entries, path: Path) -> None:
    """One RSS 2.0 file with an item per entry."""
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
                  "<title>Bench</title><link>http://127.0.0.1/</link><description>bench</description>\n")
        for i, e in enumerate(entries):
            when = f"<pubDate>{format_datetime(e.published)}</pubDate>" if e.published else ""
            out.write(f"<item><title>{escape(e.title)}</title><link>http://127.0.0.1/{i}</link>"
                      f"<guid>http://127.0.0.1/{i}</guid>{when}"
                      f"<description>{escape(e.site or '')}</description></item>\n")
        out.write("</channel></rss>\n")


def prepare(entries, workdir: Path) -> tuple[list[str], str]:
    """newsboat's files for ``entries``, its cache filled; (command, first title)."""
    workdir.mkdir(parents=True, exist_ok=True)
    feed = workdir / "feed.xml"
    write_feed(entries, feed)
    (workdir / "urls").write_text(f'"exec:cat {feed}"\n')
    (workdir / "config").write_text(
        "auto-reload no\nshow-read-feeds yes\nshow-read-articles yes\n"
        "max-items 0\nsuppress-first-reload yes\n"
    )
    cmd = [NEWSBOAT, "-u", str(workdir / "urls"), "-c", str(workdir / "cache.db"),
           "-C", str(workdir / "config")]
    cache = workdir / "cache.db"
    if not cache.exists():
        subprocess.run([*cmd, "-x", "reload"], check=True, capture_output=True, timeout=1800)
    # Its article list's title line, drawn with the first rows (newsboat may
    # order undated or same-day items its own way, so no one title is sure).
    return cmd, "Articles in feed 'Bench'"


def in_tmux(command: list[str], needle: str, keys: list[str] = (), cols: int = 120,
            rows: int = 35, env: dict | None = None, timeout: float = 60.0) -> float | None:
    """Seconds from starting ``command`` in tmux until ``needle`` is on screen."""
    session = f"bench{os.getpid()}"
    shell = " ".join(_quote(c) for c in command)
    if env:
        shell = " ".join(f"{k}={_quote(v)}" for k, v in env.items()) + " " + shell
    for attempt in range(5):  # a server still closing after the last session may refuse one
        start = time.perf_counter()
        made = subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", str(cols),
                               "-y", str(rows), shell], capture_output=True)
        if made.returncode == 0:
            break
        time.sleep(0.2)
    else:
        raise RuntimeError(f"tmux would not start a session: {made.stderr.decode().strip()}")
    try:
        for key in keys:
            subprocess.run(["tmux", "send-keys", "-t", session, key], check=True)
        while time.perf_counter() - start < timeout:
            screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session],
                                    capture_output=True, text=True).stdout
            if needle in screen:
                return time.perf_counter() - start
            time.sleep(0.005)
        return None
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"
