"""Opt-in account preconditions that real accounts hit: no replication set, denied operations."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

NO_REPLICATION_SET_ENV = "SSM_CONTACTS_EMULATOR_NO_REPLICATION_SET"
ACCESS_DENIED_ENV = "SSM_CONTACTS_EMULATOR_ACCESS_DENIED"


@dataclass(frozen=True)
class PreconditionConfig:
    """The account's state: whether an Incident Manager replication set exists; denied ops."""

    replication_set: bool = True
    access_denied: frozenset[str] = frozenset()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PreconditionConfig:
        """Build from the control API's JSON body (unknown keys are an error)."""
        unknown = set(data) - {"replication_set", "access_denied"}
        if unknown:
            raise ValueError(f"unknown precondition settings: {sorted(unknown)}")
        replication_set = data.get("replication_set", True)
        denied = data.get("access_denied") or []
        if not isinstance(replication_set, bool):
            raise ValueError("replication_set must be a boolean")
        if not isinstance(denied, list) or not all(isinstance(op, str) for op in denied):
            raise ValueError("access_denied must be a list of operation names")
        return cls(replication_set, frozenset(denied))


class Preconditions:
    """The process's precondition settings (lock-guarded). Off by default."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._config = PreconditionConfig()

    def configure(self, *, replication_set: bool = True, access_denied: Iterable[str] = ()) -> None:
        """Replace the settings."""
        self.set_config(PreconditionConfig(replication_set, frozenset(access_denied)))

    def set_config(self, config: PreconditionConfig) -> None:
        """Replace the settings with ``config``."""
        with self._lock:
            self._config = config

    def config(self) -> PreconditionConfig:
        """The current settings."""
        with self._lock:
            return self._config

    def clear(self) -> None:
        """Back to a ready account: replication set present, nothing denied."""
        self.configure()

    def load_env(self, environ: Mapping[str, str]) -> None:
        """Apply the ``SSM_CONTACTS_EMULATOR_*`` precondition variables."""
        no_set = environ.get(NO_REPLICATION_SET_ENV, "").strip().lower() in ("1", "true", "yes")
        denied = [op.strip() for op in environ.get(ACCESS_DENIED_ENV, "").split(",") if op.strip()]
        self.configure(replication_set=not no_set, access_denied=denied)
