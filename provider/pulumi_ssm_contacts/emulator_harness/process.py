"""Start and stop the emulator server as a child process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from types import TracebackType

from .control import EmulatorControl


class EmulatorServer:
    """A running ``python -m pulumi_ssm_contacts.emulator``; use as a context manager."""

    def __init__(self, env: Mapping[str, str] | None = None, startup_timeout: float = 30.0):
        self._env = {**os.environ, **(env or {})}
        self._timeout = startup_timeout
        self._process: subprocess.Popen[str] | None = None
        self.endpoint = ""
        self.control = EmulatorControl("http://127.0.0.1:0")

    def start(self) -> EmulatorServer:
        """Start the server and wait for the endpoint it prints."""
        self._process = subprocess.Popen(
            [sys.executable, "-m", "pulumi_ssm_contacts.emulator", "--port", "0"],
            stdout=subprocess.PIPE,
            env=self._env,
            text=True,
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline().strip()
        if not line.startswith("http://"):
            self.stop()
            raise RuntimeError(f"emulator server did not start (first line: {line!r})")
        self.endpoint = line
        self.control = EmulatorControl(line)
        return self

    def stop(self) -> int | None:
        """Terminate the server (SIGTERM) and return its exit code."""
        if self._process is None:
            return None
        process, self._process = self._process, None
        process.terminate()
        try:
            code = process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            code = process.wait()
        if process.stdout is not None:
            process.stdout.close()
        return code

    def __enter__(self) -> EmulatorServer:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
