"""ssm-contacts clients: one per (region, profile, endpoint) per process.

Credentials come from botocore's standard chain (environment, ``aws:profile`` or
AWS_PROFILE, SSO, instance role) and are never read, stored or logged here. The
endpoint comes from botocore's own ``AWS_ENDPOINT_URL_SSM_CONTACTS`` support, which is
how tests and users reach the emulator.

The clients are botocore's, which is what boto3's are. boto3 adds resources and imports
s3transfer: its import took 0.16 s where botocore's takes 0.09 s (s3transfer alone 0.12 s,
``-X importtime`` on 2 cores), and the native plugin's first hooks wait for that import.
botocore loads on the first client, not with the package: a program, a preview or a pytest
session that makes no call never pays for it.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from .. import __version__

if TYPE_CHECKING:
    from botocore.config import Config
    from botocore.loaders import Loader
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
_loaders: dict[str | None, Loader] = {}
_lock = threading.Lock()


def _loader(data_path: str | None) -> Loader:
    """botocore's data loader for ``data_path`` (AWS_DATA_PATH), shared by every client's
    session: what it loads (the service model, the endpoint rules) is read-only, so a
    second client (another region) loads nothing again: 0.02-0.03 s against the first's
    0.07 s. It checks a model's service on its own, not by listing every service
    (:mod:`.service_loader`). Called with ``_lock`` held."""
    found = _loaders.get(data_path)
    if found is None:
        from .service_loader import create_loader

        found = _loaders[data_path] = create_loader(data_path)
    return found


def client(region: str | None, profile: str | None = None) -> SSMContactsClient:
    """The shared client for a region and profile; safe to call from any thread."""
    key = (region, profile, os.environ.get("AWS_ENDPOINT_URL_SSM_CONTACTS"))
    with _lock:
        found = _clients.get(key)
        if found is None:
            import botocore.session

            # A session is not thread-safe to share while it makes clients; one per client is.
            session = botocore.session.Session(profile=profile)
            session.register_component(
                "data_loader", _loader(session.get_config_variable("data_path"))
            )
            made = session.create_client("ssm-contacts", region_name=region, config=_config())
            found = _clients[key] = cast("SSMContactsClient", made)
        return found


def warm(
    region: str | None, profile: str | None = None, then: Callable[[], object] | None = None
) -> threading.Thread:
    """Make the client for ``region`` and ``profile`` on a thread of its own: a provider
    process calls this once it knows its settings, so botocore loads while the engine is still
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
