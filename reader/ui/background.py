"""Import and refresh as background jobs: one at a time, shown, stoppable.

A mixin for ReaderApp. A job runs in a thread worker (jobs.py has the
messages it sends); a line above the footer shows its progress and the key
that stops it. Stopping asks the importer or the refresh to stop between
sources (``cancelled()``): what was already stored stays. Quitting stops a
running job the same way (the worker is cancelled), and ``wait_for_job``
lets the caller wait for it before closing the library.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from textual import work
from textual.worker import get_current_worker

from reader.ui.jobs import (
    JobFinished,
    JobProgress,
    Reporter,
    import_failed,
    import_summary,
    refresh_summary,
)
from reader.ui.keys import STOP_KEY

class Job:
    """A running job: its name, the flag that stops it, and when it is over."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.stop = threading.Event()
        self.over = threading.Event()
        self.reporter: Reporter | None = None


class JobActions:
    """The `i`, `r` and `x` keys."""

    job: Job | None = None

    def action_import_path(self) -> None:
        from reader.ui.screens import PromptScreen

        if self._job_running():
            return

        def done(answer: str | None) -> None:
            text = (answer or "").strip()
            if text and not self._job_running():
                source = text if text.lower().startswith(("http://", "https://")) else Path(text).expanduser()
                self._import_worker(self._start_job("import"), source)

        prompt = PromptScreen(
            "Import a file, folder, web page or feed (a feed's URL subscribes to it)",
            "path to a saved page, or https://…",
        )
        self.push_screen(prompt, done)

    def action_refresh_feeds(self) -> None:
        if not self._job_running():
            self._refresh_worker(self._start_job("refresh"))

    def action_stop_job(self) -> None:
        job = self.job
        if job is None or job.stop.is_set():
            return
        job.stop.set()
        self.query_one("#job").stopping(job.name)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "stop_job":
            return self.job is not None  # shown in the footer only while a job runs
        return super().check_action(action, parameters)  # type: ignore[misc]

    def wait_for_job(self, timeout: float | None = None) -> bool:
        """Stop a running job and wait until it is over (True if none is left running)."""
        job = self.job
        if job is None:
            return True
        job.stop.set()
        return job.over.wait(timeout)

    def _job_running(self) -> bool:
        if self.job is None:
            return False
        what = "An import" if self.job.name == "import" else "A feed refresh"
        self.notify(f"{what} is running; {STOP_KEY} stops it.", markup=False, timeout=3)
        return True

    def _start_job(self, name: str) -> Job:
        job = self.job = Job(name)
        job.reporter = Reporter(name, self.post_message)
        from reader.ui.jobline import JobLine  # its widgets are imported on first use

        if not self.query("#job"):
            self.mount(JobLine(id="job"), before=self.query_one("Footer"))
        self.query_one("#job", JobLine).start(name, STOP_KEY)
        self.refresh_bindings()
        return job

    def _cancelled(self, job: Job):
        worker = get_current_worker()  # cancelled when the app quits
        return lambda: job.stop.is_set() or worker.is_cancelled

    @work(thread=True, exit_on_error=False, group="import")
    def _import_worker(self, job: Job, source: Path | str) -> None:
        from reader.gather.importer import import_paths

        try:
            before = {entry.id for entry in self.library.list()}
            report = import_paths(self.library, [source], progress=job.reporter, cancelled=self._cancelled(job))
        except Exception as error:  # reported to the user, never crashes the app
            self.post_message(JobFinished("import", "", f"Import failed: {error}"))
        else:
            stopped = self._stopped(job)
            error = None if stopped else import_failed(report)
            summary = import_summary(report, stopped)
            finished = JobFinished("import", summary, error, warning=bool(report.failures))
            if report.imported == 1:  # one new article: show where it went
                new = [entry.id for entry in self.library.list() if entry.id not in before]
                finished.select = new[0] if len(new) == 1 else None
            self.post_message(finished)
        finally:
            job.over.set()

    @work(thread=True, exit_on_error=False, group="refresh")
    def _refresh_worker(self, job: Job, urls: list[str] | None = None) -> None:
        """Refresh ``urls`` (default: every feed)."""
        from reader.gather.refresh import refresh

        try:
            report = refresh(self.library, urls, progress=job.reporter, cancelled=self._cancelled(job))
        except Exception as error:
            self.post_message(JobFinished("refresh", "", f"Refresh failed: {error}"))
        else:
            summary = refresh_summary(report, self._stopped(job))
            self.post_message(JobFinished("refresh", summary, warning=bool(report.failed)))
        finally:
            job.over.set()

    @staticmethod
    def _stopped(job: Job) -> tuple[int, int] | None:
        """(done, total) if the job was stopped before the end, else None."""
        reporter = job.reporter
        if not job.stop.is_set() or reporter is None or reporter.done >= reporter.total:
            return None
        return reporter.done, reporter.total

    def job_progress(self, event: JobProgress) -> None:
        if self.query("#job"):
            self.query_one("#job").progress(event.done, event.total)
        # The list grows as articles arrive. Re-listing a big library takes a
        # while, so wait at least ten times as long as the last one took (and
        # half a second) before the next: the app stays responsive.
        now = time.monotonic()
        if now >= getattr(self, "_next_list_reload", 0.0):
            self.reload_list(keep=self.open_id)
            took = time.monotonic() - now
            self._next_list_reload = time.monotonic() + max(0.5, 10 * took)

    def job_finished(self, event: JobFinished) -> None:
        self.job = None
        if self.query("#job"):
            self.query_one("#job").display = False
        self.refresh_bindings()
        self._next_list_reload = 0.0
        self.reload_list(keep=self.open_id)
        self.show_notices()
        if event.select is not None and (index := self.sidebar.index_of(event.select)) is not None:
            self.sidebar.highlighted = index  # enter opens it
            event.summary += " It is highlighted in the list."
        if event.error:
            self.notify(event.error, severity="error", markup=False, timeout=8)
        elif event.warning:
            self.notify(event.summary, severity="warning", markup=False, timeout=10)
        else:
            self.notify(event.summary, markup=False)
