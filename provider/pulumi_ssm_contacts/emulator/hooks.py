"""What the service consults that AWS does not have, installed from outside the service.

moto's services know nothing of moto's server or its recorder, and this service knows
nothing of :mod:`pulumi_ssm_contacts.emulator_harness`. The harness installs itself here
when it is imported; with nothing installed the service behaves as AWS documents it:

- an :class:`Interceptor` sees every request that reached the service, before it runs
  (the harness logs it, injects faults, applies account preconditions) and after it ran
  (the harness may drop a committed response);
- a token-rules source says how long an idempotency token replays
  (:class:`~pulumi_ssm_contacts.emulator.idempotency.TokenRules`; AWS does not say).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

from .idempotency import TokenRules

Finish = Callable[[int, str], None]
"""Called with the status and URL of the answer of an operation that ran."""


class Interceptor(Protocol):
    """Stands in front of every operation: may refuse it, and may act on its answer."""

    def admit(self, operation: str, account: str, region: str) -> Finish:
        """Before the operation: raise an ``SSMContactsError`` to refuse it, else return
        what to call once it has answered."""
        ...


def _answered(_status: int, _url: str) -> None:
    """Nothing to do once an operation has answered."""


class _PassThrough:
    """No harness: every request runs, every answer is sent."""

    def admit(self, operation: str, account: str, region: str) -> Finish:
        return _answered


_lock = threading.Lock()
_interceptor: Interceptor = _PassThrough()
_token_rules: Callable[[], TokenRules] = TokenRules


def install(interceptor: Interceptor, token_rules: Callable[[], TokenRules]) -> None:
    """Make the service consult ``interceptor`` and ``token_rules`` (the last call wins)."""
    global _interceptor, _token_rules
    with _lock:
        _interceptor, _token_rules = interceptor, token_rules


def interceptor() -> Interceptor:
    """The interceptor in force."""
    with _lock:
        return _interceptor


def token_rules() -> TokenRules:
    """The token rules in force."""
    with _lock:
        source = _token_rules
    return source()
