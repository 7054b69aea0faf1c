"""Opt-in account preconditions that real accounts hit: no replication set, denied operations."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .settings import Settings, SettingsHolder, flag, operation_names

NO_REPLICATION_SET_ENV = "SSM_CONTACTS_EMULATOR_NO_REPLICATION_SET"
ACCESS_DENIED_ENV = "SSM_CONTACTS_EMULATOR_ACCESS_DENIED"


@dataclass(frozen=True)
class PreconditionConfig(Settings):
    """The account's state: whether an Incident Manager replication set exists; denied ops."""

    KIND = "precondition settings"

    replication_set: bool = True
    access_denied: frozenset[str] = frozenset()
    """Operation names from botocore's model; a list is accepted and stored as a set."""

    def __post_init__(self) -> None:
        flag("replication_set", self.replication_set)
        self._normalize("access_denied", operation_names("access_denied", self.access_denied))


class Preconditions(SettingsHolder[PreconditionConfig]):
    """The process's precondition settings (lock-guarded). Off by default."""

    def __init__(self) -> None:
        super().__init__(PreconditionConfig)

    def load_env(self, environ: Mapping[str, str]) -> None:
        """Apply the ``SSM_CONTACTS_EMULATOR_*`` precondition variables."""
        no_set = environ.get(NO_REPLICATION_SET_ENV, "").strip().lower() in ("1", "true", "yes")
        denied = [op.strip() for op in environ.get(ACCESS_DENIED_ENV, "").split(",") if op.strip()]
        self.configure(replication_set=not no_set, access_denied=denied)
