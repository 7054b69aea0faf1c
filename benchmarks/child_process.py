"""A child process a benchmark starts and must stop: terminate, then kill after 10 s."""

from __future__ import annotations

import subprocess
from types import TracebackType
from typing import Any, Self


class ChildProcess:
    """Owns ``self.process``; stops it on ``close()`` or when its ``with`` block ends."""

    process: subprocess.Popen[Any]

    def close(self) -> None:
        """Terminate the process (kill it if it has not stopped within 10 s)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
