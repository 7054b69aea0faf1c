"""Fault injection: throttling, internal errors, latency and dropped responses."""

from __future__ import annotations

import json
import random
from collections.abc import Mapping
from dataclasses import dataclass

from .settings import (
    SettingError,
    Settings,
    SettingsHolder,
    bounded_int,
    operation_names,
    optional_int,
    rate,
)

ENV_VAR = "SSM_CONTACTS_EMULATOR_FAULTS"
MAX_LATENCY_MS = 60_000
"""A minute: longer than any SDK's default read timeout, short enough to sleep."""


@dataclass(frozen=True)
class FaultConfig(Settings):
    """What to inject, with what probability, into which operations (``None``: all)."""

    KIND = "fault settings"

    throttle_rate: float = 0.0
    internal_error_rate: float = 0.0
    latency_ms: int = 0
    drop_response_rate: float = 0.0
    operations: frozenset[str] | None = None
    """Operation names from botocore's model; a list is accepted and stored as a set."""
    seed: int | None = None

    def __post_init__(self) -> None:
        for name in ("throttle_rate", "internal_error_rate", "drop_response_rate"):
            self._normalize(name, rate(name, getattr(self, name)))
        bounded_int("latency_ms", self.latency_ms, 0, MAX_LATENCY_MS)
        if self.operations is not None:
            self._normalize("operations", operation_names("operations", self.operations))
        optional_int("seed", self.seed)


@dataclass(frozen=True)
class FaultDecision:
    """The faults one request gets: a delay, then maybe an error, or a dropped response."""

    latency_s: float = 0.0
    error: str | None = None
    """``"throttle"``, ``"internal"`` or ``None``."""
    drop_response: bool = False


class FaultInjector(SettingsHolder[FaultConfig]):
    """The process's fault settings and the random source that applies them (lock-guarded)."""

    def __init__(self) -> None:
        self._random = random.Random()
        super().__init__(FaultConfig)

    def _applied(self, config: FaultConfig) -> None:
        self._random = random.Random(config.seed)

    def load_env(self, environ: Mapping[str, str]) -> None:
        """Apply ``SSM_CONTACTS_EMULATOR_FAULTS`` (JSON, same keys as the control API)."""
        raw = environ.get(ENV_VAR)
        if not raw:
            return
        try:
            data = json.loads(raw)
        except ValueError as error:
            raise SettingError(f"{ENV_VAR} is not JSON: {error}") from None
        self.set_config(FaultConfig.from_json(data))

    def decide(self, operation: str) -> FaultDecision:
        """Draw the faults for one request to ``operation``."""
        with self._lock:
            cfg = self._config
            if cfg.operations is not None and operation not in cfg.operations:
                return FaultDecision()
            error = None
            if self._random.random() < cfg.throttle_rate:
                error = "throttle"
            elif self._random.random() < cfg.internal_error_rate:
                error = "internal"
            drop = error is None and self._random.random() < cfg.drop_response_rate
            return FaultDecision(cfg.latency_ms / 1000.0, error, drop)
