"""What a program run keeps while it declares its resources: one value per run, behind a lock.

Resources of one program share nothing but the Pulumi runtime (the engine checks each one on
its own), so what must see several of them at once (two resources claiming one alias in
claims.py; a plan that reaches nobody in oncall/dead_end_warnings.py) keeps its view here: a
value per program run, keyed by the run's resource monitor (a language host may run preview and
update in one process) and gone with it, behind one lock (the SDK resolves outputs on an event
loop while a host serves runs from its gRPC threads).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from pulumi.runtime import settings

_T = TypeVar("_T")


class PerRun(Generic[_T]):
    """A value of ``new()`` per program run; ``lock`` guards it."""

    def __init__(self, new: Callable[[], _T]) -> None:
        self.lock = threading.Lock()
        self._new = new
        self._runs: weakref.WeakKeyDictionary[Any, _T] = weakref.WeakKeyDictionary()

    def current(self) -> _T | None:
        """This run's value (made on first use), or None outside a program run."""
        monitor = settings.get_monitor()
        if monitor is None:
            return None
        with self.lock:
            found = self._runs.get(monitor)
            if found is None:
                found = self._runs[monitor] = self._new()
            return found
