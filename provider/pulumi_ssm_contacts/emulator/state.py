"""The process-local call log, fault settings and preconditions the emulator consults.

Under ``moto.mock_aws`` tests use these directly; the server exposes them over HTTP
(``/_emulator/*``, see :mod:`pulumi_ssm_contacts.emulator.control`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from .call_log import Call, CallLog
from .faults import FaultConfig, FaultInjector
from .preconditions import PreconditionConfig, Preconditions

CALL_LOG = CallLog()
FAULTS = FaultInjector()
PRECONDITIONS = Preconditions()

__all__ = [
    "CALL_LOG",
    "FAULTS",
    "PRECONDITIONS",
    "Call",
    "FaultConfig",
    "PreconditionConfig",
    "load_env",
    "reset",
]


def reset() -> None:
    """Drop every account's resources, the call log, the faults and the preconditions."""
    from .models import ssmcontacts_backends

    for account in ssmcontacts_backends.values():
        account.reset()
    ssmcontacts_backends.clear()
    CALL_LOG.clear()
    FAULTS.clear()
    PRECONDITIONS.clear()


def load_env(environ: Mapping[str, str] | None = None) -> None:
    """Apply the server's environment variables (faults, preconditions)."""
    env: Mapping[str, str] = os.environ if environ is None else environ
    FAULTS.load_env(env)
    PRECONDITIONS.load_env(env)
