"""The process-local call log and settings (faults, preconditions, token policy).

Under ``moto.mock_aws`` tests use these directly; the server exposes them over HTTP
(``/_emulator/*``, see :mod:`pulumi_ssm_contacts.emulator.control`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from .call_log import Call, CallLog
from .faults import FaultConfig, FaultInjector
from .idempotency import TokenPolicy, TokenSettings
from .preconditions import PreconditionConfig, Preconditions

CALL_LOG = CallLog()
FAULTS = FaultInjector()
PRECONDITIONS = Preconditions()
TOKENS = TokenSettings()

__all__ = [
    "CALL_LOG",
    "FAULTS",
    "PRECONDITIONS",
    "TOKENS",
    "Call",
    "FaultConfig",
    "PreconditionConfig",
    "TokenPolicy",
    "load_env",
    "reset",
]


def reset() -> None:
    """Drop every account's resources and the call log; every setting back to its default."""
    from .models import ssmcontacts_backends

    for account in ssmcontacts_backends.values():
        account.reset()
    ssmcontacts_backends.clear()
    CALL_LOG.clear()
    FAULTS.clear()
    PRECONDITIONS.clear()
    TOKENS.clear()


def load_env(environ: Mapping[str, str] | None = None) -> None:
    """Apply the server's environment variables (faults, preconditions, token policy)."""
    env: Mapping[str, str] = os.environ if environ is None else environ
    for settings in (FAULTS, PRECONDITIONS, TOKENS):
        settings.load_env(env)
