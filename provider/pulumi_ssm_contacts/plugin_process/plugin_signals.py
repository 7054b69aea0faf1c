"""SIGINT and SIGTERM stop a plugin host quietly, whenever they come.

The engine stops a plugin it is done with by signalling it, and that can be at any moment: while
the plugin is still importing, just after it printed its port, or while it serves. Python's
default answer to SIGINT is a `KeyboardInterrupt` traceback from wherever the main thread was,
which the engine then shows the user. `StopSignals`, installed before anything heavy is
imported, answers both signals instead: before the plugin serves, by exiting at once with status
0 (there is nothing to finish); once it serves, by calling the plugin's `stop` once. Standard
library only.
"""

from __future__ import annotations

import atexit
import os
import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import NoReturn

SIGNALS = (signal.SIGINT, signal.SIGTERM)


def leave(status: int = 0) -> NoReturn:
    """End a stopped plugin now: flush stdout and stderr, run the ``atexit`` handlers (the SDK's
    tracing flushes its spans there when the engine traces), then ``os._exit``. What a normal
    exit adds, joining the threads of calls no one waits for and tearing every module down, the
    engine would wait for at the end of each command."""
    sys.stdout.flush()
    sys.stderr.flush()
    atexit._run_exitfuncs()
    os._exit(status)


def stop_by_signal() -> None:
    """Stop this process as the engine would: SIGTERM, which `StopSignals` answers (quietly)."""
    os.kill(os.getpid(), signal.SIGTERM)


class StopSignals:
    """Installs the handlers when made; `serving(stop)` says what a later signal must do."""

    def __init__(self) -> None:
        self._stop: Callable[[], object] | None = None
        self._stopped = threading.Event()
        self._signalled = False
        self._wake = -1
        for signum in SIGNALS:
            signal.signal(signum, self._handle)

    def serving(self, stop: Callable[[], object]) -> None:
        """From now on a signal calls `stop` (once), instead of exiting at once.

        `stop` runs on a thread of its own, never in the handler: a handler runs between two
        bytecodes of the main thread, which may hold the very lock `stop` needs. A plugin
        signalled just after it printed its port, while its main thread entered
        `Event.wait()` (holding the event's lock), deadlocked in `Event.set()`. The handler
        only writes a byte to a pipe, which is safe anywhere."""
        read_end, self._wake = os.pipe()

        def wait_then_stop() -> None:
            os.read(read_end, 1)
            self._stopped.set()
            stop()

        threading.Thread(target=wait_then_stop, name="plugin-stop", daemon=True).start()
        self._stop = stop

    @property
    def stopped(self) -> threading.Event:
        """Set once a signal asked the plugin to stop."""
        return self._stopped

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self._stop is None:
            os._exit(0)
        if self._signalled:
            return
        self._signalled = True
        os.write(self._wake, b"x")
