"""The emulator's own clock: real time, unless a test set it.

Engagements run on it (a stage starts, a channel is paged, when the clock reaches its time),
and so do the defaults that mean "now" (CreateRotation's StartTime). A test sets it and moves
it forward (the harness's control API, ``EmulatorControl.set_clock`` / ``advance_clock``), so
an incident is walked minute by minute in milliseconds. Once set, it stands still between
moves; :meth:`Clock.release` gives it back to real time.
"""

from __future__ import annotations

import threading
import time


class Clock:
    """Epoch seconds: real time, or a fixed time a test set (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._fixed: float | None = None

    def now(self) -> float:
        """The time now, in epoch seconds."""
        with self._lock:
            return time.time() if self._fixed is None else self._fixed

    def is_fixed(self) -> bool:
        """Whether a test set the clock."""
        with self._lock:
            return self._fixed is not None

    def set(self, epoch_seconds: float) -> None:
        """Stand the clock at ``epoch_seconds``."""
        with self._lock:
            self._fixed = float(epoch_seconds)

    def advance(self, seconds: float) -> float:
        """Move the clock forward (from now, if it ran in real time); the new time."""
        if seconds < 0:
            raise ValueError(f"the clock only moves forward, not by {seconds} seconds")
        with self._lock:
            start = time.time() if self._fixed is None else self._fixed
            self._fixed = start + seconds
            return self._fixed

    def release(self) -> None:
        """Back to real time."""
        with self._lock:
            self._fixed = None


CLOCK = Clock()
"""The clock of every account and region of this process."""
