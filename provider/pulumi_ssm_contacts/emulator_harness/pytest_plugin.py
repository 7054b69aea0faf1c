"""pytest fixtures for testing code that calls ssm-contacts, with no AWS account.

- ``ssm_contacts_server`` (session): a running emulator server (``.endpoint``, ``.control``).
- ``ssm_contacts_endpoint``: resets that server, points boto3 at it through
  ``AWS_ENDPOINT_URL_SSM_CONTACTS`` with dummy credentials and region, yields the endpoint.
- ``ssm_contacts_client``: an in-process (``moto.mock_aws``) boto3 client in us-east-1.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient

    from .process import EmulatorServer

DUMMY_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_REGION": "us-east-1",
}


@pytest.fixture(scope="session")
def ssm_contacts_server() -> Iterator[EmulatorServer]:
    """One emulator server process for the whole test session."""
    from .process import EmulatorServer  # here: a session that uses no fixture never loads it

    with EmulatorServer() as server:
        yield server


@pytest.fixture
def ssm_contacts_endpoint(
    ssm_contacts_server: EmulatorServer, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """A freshly reset server's endpoint, with the environment pointing boto3 at it."""
    ssm_contacts_server.control.reset()
    for name, value in DUMMY_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    monkeypatch.setenv("AWS_ENDPOINT_URL_SSM_CONTACTS", ssm_contacts_server.endpoint)
    yield ssm_contacts_server.endpoint


@pytest.fixture
def ssm_contacts_client(monkeypatch: pytest.MonkeyPatch) -> Iterator[SSMContactsClient]:
    """A boto3 ssm-contacts client served in-process by moto; state is fresh per test."""
    import boto3
    import moto

    from pulumi_ssm_contacts.emulator import register

    from . import state

    register()
    for name, value in DUMMY_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    monkeypatch.delenv("AWS_ENDPOINT_URL_SSM_CONTACTS", raising=False)
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    state.reset()
    with moto.mock_aws():
        client: Any = boto3.client("ssm-contacts", region_name="us-east-1")
        yield client
    state.reset()
