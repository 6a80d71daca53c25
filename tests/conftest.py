"""Suite-wide rules.

A skipped test is a failed run: a skip once hid a core that had stopped
finding quotations (every seed test skipped, the suite green). A test that
cannot run here must say why by failing, or not be collected at all.
"""

from __future__ import annotations

import pytest


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter is not None else []
    if skipped and exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    skipped = terminalreporter.stats.get("skipped", [])
    if skipped:
        terminalreporter.section("skipped tests fail the run", sep="=", red=True, bold=True)
        for report in skipped:
            terminalreporter.line(f"SKIPPED {report.nodeid}: {report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr}")
