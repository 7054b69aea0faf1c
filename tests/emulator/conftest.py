"""Every emulator test runs twice: in-process under moto.mock_aws, and against the server."""

from __future__ import annotations

from collections.abc import Iterator

import boto3
import pytest

from .helpers import Emulator, SSMContactsClient, checked


@pytest.fixture(params=["in_process", "server"])
def emulator(request: pytest.FixtureRequest) -> Iterator[Emulator]:
    """The emulator in each mode, fresh for each test."""
    if request.param == "in_process":
        client = request.getfixturevalue("ssm_contacts_client")
        yield Emulator("in_process", checked(client), None)
        return
    request.getfixturevalue("ssm_contacts_endpoint")
    server = request.getfixturevalue("ssm_contacts_server")
    client = checked(boto3.client("ssm-contacts", region_name="us-east-1"))
    yield Emulator("server", client, server.control)
    server.control.reset()


@pytest.fixture
def client(emulator: Emulator) -> SSMContactsClient:
    """The default client of the emulator under test."""
    return emulator.client
