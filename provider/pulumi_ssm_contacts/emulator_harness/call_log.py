"""A thread-safe, in-order log of the requests that reached the emulator."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Call:
    """One request: its operation and the account and region it was addressed to."""

    operation: str
    account: str
    region: str

    def to_json(self) -> dict[str, Any]:
        """The call as the control API serializes it."""
        return asdict(self)


class CallLog:
    """Every request, in arrival order, including failed and fault-injected ones."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._calls: list[Call] = []

    def record(self, call: Call) -> None:
        """Append one call."""
        with self._lock:
            self._calls.append(call)

    def calls(self) -> list[Call]:
        """A snapshot of the calls so far, oldest first."""
        with self._lock:
            return list(self._calls)

    def counts(self) -> dict[str, int]:
        """How many times each operation was called."""
        return dict(Counter(call.operation for call in self.calls()))

    def clear(self) -> None:
        """Forget every call."""
        with self._lock:
            self._calls.clear()
