"""The process-local call log and settings (faults, preconditions, token policy).

Under ``moto.mock_aws`` tests use these directly; the server exposes them over HTTP
(``/_emulator/*``, see :mod:`pulumi_ssm_contacts.emulator_harness.control`). Importing
this module puts them in front of the service (:func:`install`).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping

from .call_log import Call, CallLog
from .faults import FaultConfig, FaultInjector
from .preconditions import PreconditionConfig, Preconditions
from .tokens import TokenPolicy, TokenSettings

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
    "accept_codes",
    "activation_codes",
    "install",
    "load_env",
    "reset",
]


def install() -> None:
    """Make the service log to, and take faults, preconditions and token rules from, here."""
    from pulumi_ssm_contacts.emulator import hooks

    from .interception import HarnessInterceptor

    hooks.install(HarnessInterceptor(CALL_LOG, FAULTS, PRECONDITIONS), TOKENS.rules)


def reset() -> None:
    """Drop every account's resources and the call log; every setting back to its default,
    the clock back to real time."""
    from pulumi_ssm_contacts.emulator.clock import CLOCK
    from pulumi_ssm_contacts.emulator.models import ssmcontacts_backends

    CLOCK.release()
    for account in ssmcontacts_backends.values():
        account.reset()
    ssmcontacts_backends.clear()
    CALL_LOG.clear()
    FAULTS.clear()
    PRECONDITIONS.clear()
    TOKENS.clear()


def activation_codes() -> dict[str, str]:
    """The last activation code sent to each channel, across accounts and regions."""
    from pulumi_ssm_contacts.emulator.models import ssmcontacts_backends

    return {
        channel.arn: channel.activation_code
        for account in ssmcontacts_backends.values()
        for backend in account.values()
        for channel in backend.channels.values()
        if channel.activation_code is not None
    }


def accept_codes() -> dict[str, str]:
    """The accept code of each page, across accounts and regions."""
    from pulumi_ssm_contacts.emulator.models import ssmcontacts_backends

    return {
        page.arn: page.accept_code
        for account in ssmcontacts_backends.values()
        for backend in account.values()
        for engagement in backend.engagements.values()
        for page in engagement.pages
    }


def load_env(environ: Mapping[str, str] | None = None) -> None:
    """Apply the server's environment variables (faults, preconditions, token policy)."""
    env: Mapping[str, str] = os.environ if environ is None else environ
    for settings in (FAULTS, PRECONDITIONS, TOKENS):
        settings.load_env(env)


# Without the [emulator] extra (no moto), the settings and EmulatorControl still import.
with contextlib.suppress(ModuleNotFoundError):
    install()
