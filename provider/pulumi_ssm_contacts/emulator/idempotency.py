"""Idempotency tokens: what a create with a given token answered first, and for how long.

AWS documents that a repeated token returns the first result, but not for how long nor
what happens once the resource is deleted; :class:`TokenPolicy` makes that a setting
(docs/emulator.md, "Idempotency tokens").
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from .settings import SettingError, Settings, SettingsHolder, bounded_int, choice

POLICY_ENV = "SSM_CONTACTS_EMULATOR_TOKEN_POLICY"
WINDOW_ENV = "SSM_CONTACTS_EMULATOR_TOKEN_WINDOW_S"
POLICIES = ("forget_on_delete", "remember")
DAY_S = 24 * 60 * 60
MAX_WINDOW_S = 365 * DAY_S

JSON = dict[str, Any]


@dataclass(frozen=True)
class TokenPolicy(Settings):
    """How long a token replays its first result.

    ``forget_on_delete``: until the resource it created is deleted (no time limit).
    ``remember``: for ``window_s`` seconds from its first use, deleted resource or not.
    """

    KIND = "token settings"

    policy: Literal["forget_on_delete", "remember"] = "forget_on_delete"
    window_s: int = DAY_S
    """Only for ``remember``."""

    def __post_init__(self) -> None:
        choice("policy", self.policy, POLICIES)
        bounded_int("window_s", self.window_s, 1, MAX_WINDOW_S)


class TokenSettings(SettingsHolder[TokenPolicy]):
    """The process's token policy (lock-guarded); ``forget_on_delete`` by default."""

    def __init__(self) -> None:
        super().__init__(TokenPolicy)

    def load_env(self, environ: Mapping[str, str]) -> None:
        """Apply ``SSM_CONTACTS_EMULATOR_TOKEN_POLICY`` and ``..._TOKEN_WINDOW_S``."""
        settings: dict[str, Any] = {}
        if environ.get(POLICY_ENV):
            settings["policy"] = environ[POLICY_ENV].strip()
        if environ.get(WINDOW_ENV):
            try:
                settings["window_s"] = int(environ[WINDOW_ENV])
            except ValueError:
                raise SettingError(f"{WINDOW_ENV} must be an integer number of seconds") from None
        self.configure(**settings)


@dataclass
class _FirstResult:
    result: JSON
    arn: str
    first_used: float


class IdempotencyTokens:
    """The tokens of one account and region, per operation, under the current policy.

    The policy in force when a resource is deleted decides whether its tokens are
    forgotten; the ``remember`` window is checked when a token is replayed.
    """

    def __init__(self, policy: Callable[[], TokenPolicy]) -> None:
        self._policy = policy
        self._first: dict[tuple[str, str], _FirstResult] = {}

    def replay(self, operation: str, token: str | None) -> JSON | None:
        """The first result of ``token`` for ``operation``, if it is still remembered."""
        if not token:
            return None
        first = self._first.get((operation, token))
        if first is None:
            return None
        policy = self._policy()
        if policy.policy == "remember" and time.monotonic() - first.first_used > policy.window_s:
            del self._first[(operation, token)]
            return None
        return copy.deepcopy(first.result)

    def remember(self, operation: str, token: str | None, result: JSON, arn: str) -> JSON:
        """Record the first result of ``token``; returns ``result``."""
        if token:
            self._forget_expired()
            self._first[(operation, token)] = _FirstResult(
                copy.deepcopy(result), arn, time.monotonic()
            )
        return result

    def resource_deleted(self, arn: str) -> None:
        """Under ``forget_on_delete``, forget the tokens whose create made ``arn``."""
        if self._policy().policy == "forget_on_delete":
            for key in [k for k, first in self._first.items() if first.arn == arn]:
                del self._first[key]

    def _forget_expired(self) -> None:
        policy = self._policy()
        if policy.policy == "remember":
            now = time.monotonic()
            expired = [k for k, v in self._first.items() if now - v.first_used > policy.window_s]
            for key in expired:
                del self._first[key]
