"""Fault injection: throttling, internal errors, latency and dropped responses."""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

ENV_VAR = "SSM_CONTACTS_EMULATOR_FAULTS"


@dataclass(frozen=True)
class FaultConfig:
    """What to inject, with what probability, into which operations (``None``: all)."""

    throttle_rate: float = 0.0
    internal_error_rate: float = 0.0
    latency_ms: int = 0
    drop_response_rate: float = 0.0
    operations: frozenset[str] | None = None
    seed: int | None = None

    def __post_init__(self) -> None:
        for name in ("throttle_rate", "internal_error_rate", "drop_response_rate"):
            rate = getattr(self, name)
            if not 0.0 <= rate <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, got {rate}")
        if self.latency_ms < 0:
            raise ValueError(f"latency_ms must be >= 0, got {self.latency_ms}")

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FaultConfig:
        """Build from the control API's JSON body (unknown keys are an error)."""
        unknown = set(data) - set(cls.__dataclass_fields__)
        if unknown:
            raise ValueError(f"unknown fault settings: {sorted(unknown)}")
        ops = data.get("operations")
        return cls(
            throttle_rate=float(data.get("throttle_rate", 0.0)),
            internal_error_rate=float(data.get("internal_error_rate", 0.0)),
            latency_ms=int(data.get("latency_ms", 0)),
            drop_response_rate=float(data.get("drop_response_rate", 0.0)),
            operations=frozenset(ops) if ops is not None else None,
            seed=data.get("seed"),
        )

    def to_json(self) -> dict[str, Any]:
        """The JSON body the control API accepts."""
        return {
            "throttle_rate": self.throttle_rate,
            "internal_error_rate": self.internal_error_rate,
            "latency_ms": self.latency_ms,
            "drop_response_rate": self.drop_response_rate,
            "operations": sorted(self.operations) if self.operations is not None else None,
            "seed": self.seed,
        }


@dataclass(frozen=True)
class FaultDecision:
    """The faults one request gets: a delay, then maybe an error, or a dropped response."""

    latency_s: float = 0.0
    error: str | None = None
    """``"throttle"``, ``"internal"`` or ``None``."""
    drop_response: bool = False


class FaultInjector:
    """The process's fault settings and the random source that applies them (lock-guarded)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._config = FaultConfig()
        self._random = random.Random()

    def configure(
        self,
        *,
        throttle_rate: float = 0.0,
        internal_error_rate: float = 0.0,
        latency_ms: int = 0,
        drop_response_rate: float = 0.0,
        operations: Iterable[str] | None = None,
        seed: int | None = None,
    ) -> None:
        """Replace the fault settings; a ``seed`` makes the sequence of faults repeatable."""
        self.set_config(
            FaultConfig(
                throttle_rate=throttle_rate,
                internal_error_rate=internal_error_rate,
                latency_ms=latency_ms,
                drop_response_rate=drop_response_rate,
                operations=frozenset(operations) if operations is not None else None,
                seed=seed,
            )
        )

    def set_config(self, config: FaultConfig) -> None:
        """Replace the fault settings with ``config``."""
        with self._lock:
            self._config = config
            self._random = random.Random(config.seed)

    def config(self) -> FaultConfig:
        """The current settings."""
        with self._lock:
            return self._config

    def clear(self) -> None:
        """Inject nothing from now on."""
        self.set_config(FaultConfig())

    def load_env(self, environ: Mapping[str, str]) -> None:
        """Apply ``SSM_CONTACTS_EMULATOR_FAULTS`` (JSON, same keys as the control API)."""
        raw = environ.get(ENV_VAR)
        if raw:
            self.set_config(FaultConfig.from_json(json.loads(raw)))

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
