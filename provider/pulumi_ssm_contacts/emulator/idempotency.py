"""Idempotency tokens: what a create with a given token answered first, and for how long.

AWS documents that a repeated token returns the first result, but not for how long nor
what happens once the resource is deleted. Each backend keeps its tokens here and asks
:func:`~pulumi_ssm_contacts.emulator.hooks.token_rules` for those two answers, which the
harness makes a setting (``TokenPolicy``, docs/emulator.md, "Idempotency tokens").
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

JSON = dict[str, Any]


@dataclass(frozen=True)
class TokenRules:
    """How long a token replays its first result. The default: until its resource is deleted."""

    forget_on_delete: bool = True
    """Forget a token when the resource it created is deleted."""
    window_s: float | None = None
    """Forget a token this many seconds after its first use (``None``: no time limit)."""


@dataclass
class _FirstResult:
    result: JSON
    arn: str
    first_used: float


class IdempotencyTokens:
    """The tokens of one account and region, per operation, under the rules in force.

    The rules in force when a resource is deleted decide whether its tokens are
    forgotten; the window is checked when a token is replayed.
    """

    def __init__(self, rules: Callable[[], TokenRules]) -> None:
        self._rules = rules
        self._first: dict[tuple[str, str], _FirstResult] = {}

    def replay(self, operation: str, token: str | None) -> JSON | None:
        """The first result of ``token`` for ``operation``, if it is still remembered."""
        if not token:
            return None
        first = self._first.get((operation, token))
        if first is None:
            return None
        window = self._rules().window_s
        if window is not None and time.monotonic() - first.first_used > window:
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
        """Forget the tokens whose create made ``arn``, if the rules say so."""
        if self._rules().forget_on_delete:
            for key in [k for k, first in self._first.items() if first.arn == arn]:
                del self._first[key]

    def _forget_expired(self) -> None:
        window = self._rules().window_s
        if window is not None:
            now = time.monotonic()
            expired = [k for k, v in self._first.items() if now - v.first_used > window]
            for key in expired:
                del self._first[key]
