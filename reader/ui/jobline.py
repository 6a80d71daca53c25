"""The line above the footer while an import or refresh runs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

JOBS = {"import": "Importing", "refresh": "Refreshing feeds"}


class JobLine(Horizontal):
    """What is running, its progress bar, and how to stop it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.label = Static("", id="job-label", markup=False)
        self.bar = ProgressBar(id="progress", show_eta=False)

    def compose(self) -> ComposeResult:
        yield self.label
        yield self.bar

    def start(self, job: str, stop_key: str) -> None:
        self.label.update(f"{JOBS[job]} ({stop_key} stops)")
        self.bar.update(total=None, progress=0)
        self.display = True

    def stopping(self, job: str) -> None:
        what = "import" if job == "import" else "refresh"
        self.label.update(f"Stopping the {what}…")

    def progress(self, done: int, total: int) -> None:
        self.bar.update(total=total, progress=done)
