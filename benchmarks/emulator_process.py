"""The emulator server as a child process whose CPU time the bench can read.

Like ``EmulatorServer`` (the harness's), plus :meth:`cpu_seconds`: at 100 ms per call the
emulator's own CPU time is part of what a step costs here and would not be against AWS.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pulumi_ssm_contacts.emulator_harness.control import EmulatorControl

from .child_process import ChildProcess


class EmulatorProcess(ChildProcess):
    """``python -m pulumi_ssm_contacts.emulator --port 0``; use as a context manager."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pulumi_ssm_contacts.emulator", "--port", "0"],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        self.endpoint = self.process.stdout.readline().strip()
        if not self.endpoint.startswith("http://"):
            self.close()
            raise RuntimeError(f"emulator did not start (first line: {self.endpoint!r})")
        self.control = EmulatorControl(self.endpoint)

    def cpu_seconds(self) -> float:
        """User and system CPU seconds the server has used so far (NaN off Linux)."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")
        # Fields 14 and 15 of proc(5), counted after the command name's closing bracket.
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
