"""Suite-wide pytest hooks: the longest tests first, and a line of progress per e2e test.

Order: the e2e tests run first, the few that take minutes (LONGEST) before the rest, so that
under pytest-xdist (`make test`: `-n auto --dist worksteal`) the quick tiers fill the workers'
last minutes instead of one worker finishing a long engine test alone.

The e2e tests take seconds each, so under `-q` (dots) the e2e tier would otherwise look stuck for
minutes. As each e2e test ends, one line says how it went and how long it took, setup and teardown
included, with the worker that ran it and the time since the session started:

    e2e: passed   12.3s  tests/e2e/test_x.py::test_basic  [gw1, 1:05 in]

Under pytest-xdist the controller receives every worker's reports, so the line is printed there
(workers print nothing).
"""

from __future__ import annotations

import time
from collections.abc import Generator
from dataclasses import dataclass, field

import pytest

E2E_DIRECTORIES = ("tests/e2e/", "tests/sdk/")
"""The tiers that run the CLI or a compiler: seconds per test, a line each."""
LONGEST = (
    "tests/e2e/test_bench_smoke.py",
    "tests/e2e/test_preview_matches_up.py",
    "tests/sdk/test_sdk_compile.py",
)
"""Files of tests that take minutes each (`--durations`), started before every other test."""


@dataclass(eq=False)  # hashable by identity: pluggy keeps plugins in sets
class _Progress:
    """Sums the phases of each e2e test and prints one line when its teardown is reported."""

    terminal: pytest.TerminalReporter
    started: float = field(default_factory=time.monotonic)
    seconds: dict[str, float] = field(default_factory=dict)
    outcome: dict[str, str] = field(default_factory=dict)

    @pytest.hookimpl(wrapper=True)
    def pytest_report_teststatus(
        self, report: pytest.TestReport, config: pytest.Config
    ) -> Generator[None, tuple[str, str, str], tuple[str, str, str]]:
        """No dot for an e2e test under -q: its line says it."""
        category, letter, word = yield
        if _is_e2e(report.nodeid) and config.get_verbosity() <= 0:
            return category, "", word
        return category, letter, word

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        nodeid = report.nodeid
        if not _is_e2e(nodeid):
            return
        self.seconds[nodeid] = self.seconds.get(nodeid, 0.0) + report.duration
        if report.when == "call" or report.outcome != "passed":
            # The first phase that did not pass decides; else the call's outcome.
            self.outcome.setdefault(nodeid, _outcome(report))
        if report.when != "teardown":
            return
        outcome = self.outcome.pop(nodeid, "passed")
        seconds = self.seconds.pop(nodeid)
        worker = getattr(getattr(getattr(report, "node", None), "gateway", None), "id", None)
        minutes, secs = divmod(int(time.monotonic() - self.started), 60)
        where = f"{worker}, " if worker else ""
        # After the dots (-q) of other tests: on a line of its own.
        if getattr(getattr(self.terminal, "_tw", None), "width_of_current_line", 0):
            self.terminal.write("\n")
        self.terminal.write_line(
            f"e2e: {outcome:<8} {seconds:6.1f}s  {nodeid}  [{where}{minutes}:{secs:02} in]"
        )


def _is_e2e(nodeid: str) -> bool:
    return any(nodeid.startswith(d) or f"/{d}" in nodeid for d in E2E_DIRECTORIES)


def _outcome(report: pytest.TestReport) -> str:
    if report.outcome == "failed" and report.when != "call":
        return f"error ({report.when})"
    return str(report.outcome)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest first: LONGEST, then the other e2e tests, then the rest (each in its order)."""
    items.sort(key=lambda item: (not item.nodeid.startswith(LONGEST), not _is_e2e(item.nodeid)))


@pytest.hookimpl(trylast=True)  # after the terminal reporter registered itself
def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput"):  # an xdist worker: the controller reports
        return
    terminal = config.pluginmanager.get_plugin("terminalreporter")
    if terminal is not None:
        config.pluginmanager.register(_Progress(terminal), "e2e-progress")
