"""The one path every emulator setting takes: a checked frozen dataclass and its holder.

A group of settings (faults, preconditions, token policy) is a frozen dataclass derived
from :class:`Settings` whose ``__post_init__`` checks each field with the checkers below.
Keyword arguments in-process, ``EmulatorControl`` and the control API's JSON all build that
one class, so adding a setting means adding one field and its check.
"""

from __future__ import annotations

import dataclasses
import math
import threading
from collections.abc import Callable, Mapping
from typing import Any, Generic, Self, TypeVar


class SettingError(ValueError):
    """A setting of the wrong type or out of range (the control API answers 400)."""


def _shown(value: Any) -> str:
    try:
        text = repr(value)
    except ValueError:  # an int too long to print
        return f"an {type(value).__name__} too large to show"
    return text if len(text) <= 60 else f"{text[:57]}..."


def rate(name: str, value: Any) -> float:
    """A probability: a number (not a boolean) from 0 to 1."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or not 0 <= value <= 1
    ):
        raise SettingError(f"{name} must be a number from 0 to 1, got {_shown(value)}")
    return float(value)


def bounded_int(name: str, value: Any, low: int, high: int) -> int:
    """An integer (not a boolean) from ``low`` to ``high``."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise SettingError(f"{name} must be an integer from {low} to {high}, got {_shown(value)}")
    return value


def optional_int(name: str, value: Any) -> int | None:
    """An integer (not a boolean) or ``None``."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise SettingError(f"{name} must be an integer or null, got {_shown(value)}")
    return value


def flag(name: str, value: Any) -> bool:
    """A boolean."""
    if not isinstance(value, bool):
        raise SettingError(f"{name} must be a boolean, got {_shown(value)}")
    return value


def choice(name: str, value: Any, options: tuple[str, ...]) -> str:
    """One of ``options``."""
    if value not in options:
        raise SettingError(f"{name} must be one of {', '.join(options)}; got {_shown(value)}")
    return str(value)


def operation_names(name: str, value: Any) -> frozenset[str]:
    """A list of ssm-contacts operation names, as botocore's service model spells them."""
    from ..core.service_model import service_model

    if isinstance(value, str | bytes) or not isinstance(value, list | tuple | set | frozenset):
        raise SettingError(f"{name} must be a list of operation names, got {_shown(value)}")
    known = set(service_model().operation_names)
    unknown = sorted(_shown(op) for op in value if not isinstance(op, str) or op not in known)
    if unknown:
        raise SettingError(f"{name}: not ssm-contacts operations: {', '.join(unknown)}")
    return frozenset(value)


class Settings:
    """Base of a settings group (a frozen dataclass): JSON in and out, checked on creation."""

    KIND = "settings"
    """What the group is called in error messages ("fault settings")."""

    @classmethod
    def of(cls, **settings: Any) -> Self:
        """The group from keyword settings; unknown names are a SettingError."""
        names = {field.name for field in dataclasses.fields(cls)}  # type: ignore[arg-type]
        unknown = sorted(set(settings) - names)
        if unknown:
            raise SettingError(f"unknown {cls.KIND}: {unknown}; known: {sorted(names)}")
        factory: Callable[..., Self] = cls
        return factory(**settings)

    @classmethod
    def resolve(cls, config: Self | None, settings: Mapping[str, Any]) -> Self:
        """``config`` itself, or the group from keyword ``settings`` (not both)."""
        if config is None:
            return cls.of(**settings)
        if settings:
            raise TypeError("pass either a settings object or keyword settings, not both")
        if not isinstance(config, cls):
            raise TypeError(f"expected {cls.__name__}, got {type(config).__name__}")
        return config

    @classmethod
    def from_json(cls, data: Any) -> Self:
        """The group from a JSON object (the control API's body, an environment variable)."""
        if not isinstance(data, Mapping):
            raise SettingError(f"{cls.KIND} must be a JSON object")
        return cls.of(**data)

    def to_json(self) -> dict[str, Any]:
        """The JSON object ``from_json`` accepts; sets become sorted lists."""
        out: dict[str, Any] = {}
        for field in dataclasses.fields(self):  # type: ignore[arg-type]
            value = getattr(self, field.name)
            out[field.name] = sorted(value) if isinstance(value, frozenset) else value
        return out

    def _normalize(self, name: str, value: Any) -> None:
        """Store a checked (and possibly converted) value on the frozen instance."""
        object.__setattr__(self, name, value)


S = TypeVar("S", bound=Settings)


class SettingsHolder(Generic[S]):
    """A process-wide settings group, lock-guarded, shared by tests and the control API."""

    def __init__(self, kind: type[S]) -> None:
        self._kind = kind
        self._lock = threading.Lock()
        self._config = kind.of()

    def configure(self, config: S | None = None, /, **settings: Any) -> None:
        """Replace the settings with ``config``, or with keyword settings (others default)."""
        self.set_config(self._kind.resolve(config, settings))

    def set_json(self, data: Any) -> None:
        """Replace the settings with a JSON object's (the control API's body)."""
        self.set_config(self._kind.from_json(data))

    def set_config(self, config: S) -> None:
        """Replace the settings with ``config``."""
        if not isinstance(config, self._kind):
            raise TypeError(f"expected {self._kind.__name__}, got {type(config).__name__}")
        with self._lock:
            self._config = config
            self._applied(config)

    def _applied(self, config: S) -> None:
        """Hook run under the lock after a change."""

    def config(self) -> S:
        """The current settings."""
        with self._lock:
            return self._config

    def clear(self) -> None:
        """Back to the defaults."""
        self.set_config(self._kind.of())

    def load_env(self, environ: Mapping[str, str]) -> None:
        """Apply this group's ``SSM_CONTACTS_EMULATOR_*`` variables (none by default)."""
