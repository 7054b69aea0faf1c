"""boto3 clients for ssm-contacts: one per (region, profile, endpoint) per process.

Credentials come from boto3's standard chain (environment, ``aws:profile`` or
AWS_PROFILE, SSO, instance role) and are never read, stored or logged here. The
endpoint comes from boto3's own ``AWS_ENDPOINT_URL_SSM_CONTACTS`` support, which is
how tests and users reach the emulator.

boto3 (and s3transfer, which it imports) loads on the first client, not with the
package: a program, a preview or a pytest session that makes no call never pays for it.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from .. import __version__

if TYPE_CHECKING:
    from botocore.config import Config
    from mypy_boto3_ssm_contacts import SSMContactsClient

MAX_ATTEMPTS = 6
"""Attempts per call, first included, unless AWS_MAX_ATTEMPTS says otherwise. botocore's
standard mode retries throttling, transient 5xx (InternalServerException) and connection
errors with exponential backoff and jitter."""

MAX_POOL_CONNECTIONS = 512
"""Connections a client keeps for reuse (botocore's default is 10). One client serves every
hook of a provider process at once: up to the provider host's 256 workers
(tools/plugins/dynamic_provider_host.py), each making at most 2 calls at a time. A pool
smaller than that would not stop a call, but each call past it would open a connection
(a TLS handshake, against AWS) and throw it away."""


def _config() -> Config:
    from botocore.config import Config

    attempts = int(os.environ.get("AWS_MAX_ATTEMPTS") or MAX_ATTEMPTS)
    return Config(
        retries={"mode": "standard", "total_max_attempts": attempts},
        user_agent_extra=f"pulumi-ssm-contacts/{__version__}",
        connect_timeout=10,
        read_timeout=30,
        max_pool_connections=MAX_POOL_CONNECTIONS,
    )


_clients: dict[tuple[str | None, str | None, str | None], SSMContactsClient] = {}
_lock = threading.Lock()


def client(region: str | None, profile: str | None = None) -> SSMContactsClient:
    """The shared client for a region and profile; safe to call from any thread."""
    key = (region, profile, os.environ.get("AWS_ENDPOINT_URL_SSM_CONTACTS"))
    with _lock:
        found = _clients.get(key)
        if found is None:
            import boto3

            # boto3's default session is not thread-safe; a session per client is.
            session = boto3.session.Session(profile_name=profile, region_name=region)
            found = session.client("ssm-contacts", config=_config())
            _clients[key] = found
        return found


def warm(
    region: str | None, profile: str | None = None, then: Callable[[], object] | None = None
) -> threading.Thread:
    """Make the client for ``region`` and ``profile`` on a thread of its own: a provider
    process calls this once it knows its settings, so boto3 loads while the engine is still
    busy elsewhere, not on the first hook's time. A failure here (no region, an unknown
    profile) is dropped: the hook that needs the client meets it and says what to do.
    ``then`` runs on that thread once the client is made, or has failed."""

    def make() -> None:
        try:
            with contextlib.suppress(Exception):  # the hook reports it, in its own words
                client(region, profile)
        finally:
            if then is not None:
                then()

    thread = threading.Thread(target=make, name="ssm-contacts-warm-client", daemon=True)
    thread.start()
    return thread


def forget_clients() -> None:
    """Drop every cached client (tests that switch accounts or endpoints use this)."""
    with _lock:
        _clients.clear()
