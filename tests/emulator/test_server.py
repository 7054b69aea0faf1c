"""The server process: endpoint line, signals, environment variables, control routes."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from pulumi_ssm_contacts.emulator_harness.process import EmulatorServer
from pulumi_ssm_contacts.emulator_harness.tokens import TokenPolicy

from .helpers import RECURRENCE, SSMContactsClient, error_code, error_message, personal


def _client(endpoint: str, region: str = "us-east-1") -> SSMContactsClient:
    client: SSMContactsClient = boto3.client(
        "ssm-contacts",
        endpoint_url=endpoint,
        region_name=region,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(retries={"total_max_attempts": 1}),
    )
    return client


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_prints_endpoint_first_and_exits_cleanly_on_signal(sig: signal.Signals) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "pulumi_ssm_contacts.emulator", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        endpoint = process.stdout.readline().strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", endpoint)
        assert _client(endpoint).list_contacts()["Contacts"] == []
        process.send_signal(sig)
        _, stderr = process.communicate(timeout=10)
        assert process.returncode == 0, stderr
        assert "Traceback" not in stderr
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def configured_server() -> Iterator[EmulatorServer]:
    """A server started with every environment variable the emulator reads."""
    env = {
        "SSM_CONTACTS_EMULATOR_FAULTS": json.dumps(
            {"throttle_rate": 1.0, "operations": ["GetContact"]}
        ),
        "SSM_CONTACTS_EMULATOR_NO_REPLICATION_SET": "1",
        "SSM_CONTACTS_EMULATOR_ACCESS_DENIED": "ListContacts, ListRotations",
        "SSM_CONTACTS_EMULATOR_TOKEN_POLICY": "remember",
        "SSM_CONTACTS_EMULATOR_TOKEN_WINDOW_S": "3600",
    }
    with EmulatorServer(env=env) as server:
        yield server


def test_environment_sets_faults_and_preconditions(configured_server: EmulatorServer) -> None:
    client = _client(configured_server.endpoint)
    with pytest.raises(ClientError) as throttled:
        client.get_contact(ContactId="arn:aws:ssm-contacts:us-east-1:123456789012:contact/a")
    assert error_code(throttled) == "ThrottlingException"
    for list_call in (client.list_contacts, client.list_rotations):
        with pytest.raises(ClientError) as denied:
            list_call()
        assert error_code(denied) == "AccessDeniedException"
    with pytest.raises(ClientError) as no_set:
        client.create_contact(Alias="akuam", Type="PERSONAL", Plan={})
    assert error_message(no_set) == "Invalid value provided - Account not found for the request"


def test_fault_settings_read_back(configured_server: EmulatorServer) -> None:
    faults = configured_server.control.faults()
    assert faults.throttle_rate == 1.0
    assert faults.operations == frozenset({"GetContact"})


def test_environment_sets_the_token_policy(configured_server: EmulatorServer) -> None:
    assert configured_server.control.token_policy() == TokenPolicy("remember", 3600)
    client = _client(configured_server.endpoint)
    configured_server.control.clear_preconditions()
    first = client.create_rotation(
        Name="r",
        ContactIds=[personal(client, "m")],
        TimeZoneId="UTC",
        Recurrence=RECURRENCE,
        IdempotencyToken="T",
    )["RotationArn"]
    client.delete_rotation(RotationId=first)
    again = client.create_rotation(
        Name="r",
        ContactIds=[personal(client, "n")],
        TimeZoneId="UTC",
        Recurrence=RECURRENCE,
        IdempotencyToken="T",
    )["RotationArn"]
    assert again == first


@pytest.mark.parametrize(
    "env",
    [
        {"SSM_CONTACTS_EMULATOR_TOKEN_POLICY": "forever"},
        {"SSM_CONTACTS_EMULATOR_TOKEN_WINDOW_S": "a day"},
        {"SSM_CONTACTS_EMULATOR_FAULTS": '{"operations": "CreateContact"}'},
        {"SSM_CONTACTS_EMULATOR_FAULTS": '{"latency_ms": 1e308}'},
        {"SSM_CONTACTS_EMULATOR_ACCESS_DENIED": "MakeCoffee"},
    ],
    ids=repr,
)
def test_invalid_environment_setting_stops_the_server_with_a_message(
    env: dict[str, str],
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pulumi_ssm_contacts.emulator", "--port", "0"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert "invalid setting in the environment" in result.stderr
    assert "Traceback" not in result.stderr


def _raw(endpoint: str, method: str, route: str, body: bytes | None = None) -> int:
    request = urllib.request.Request(
        f"{endpoint}/_emulator/{route}",
        data=body,
        method=method,
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status: int = response.status
            return status
    except urllib.error.HTTPError as error:
        return error.code


def test_control_rejects_unknown_routes_and_bad_settings(ssm_contacts_endpoint: str) -> None:
    assert _raw(ssm_contacts_endpoint, "GET", "nothing-here") == 404
    assert _raw(ssm_contacts_endpoint, "POST", "faults", b'{"throttle_rate": 2}') == 400
    assert _raw(ssm_contacts_endpoint, "POST", "faults", b'{"unknown": 1}') == 400
    assert _raw(ssm_contacts_endpoint, "POST", "preconditions", b'{"access_denied": "x"}') == 400


def test_reset_drops_every_region_calls_and_faults(
    ssm_contacts_server: EmulatorServer, ssm_contacts_endpoint: str
) -> None:
    control = ssm_contacts_server.control
    for region in ("us-east-1", "eu-west-1"):
        personal(_client(ssm_contacts_endpoint, region), "akuam")
    control.set_faults(throttle_rate=1.0, operations=["GetRotation"])
    control.set_preconditions(access_denied=["GetContact"])
    control.reset()
    assert control.calls() == []
    assert control.faults().throttle_rate == 0.0
    for region in ("us-east-1", "eu-west-1"):
        client = _client(ssm_contacts_endpoint, region)
        assert client.list_contacts()["Contacts"] == []
        with pytest.raises(ClientError) as error:
            client.get_contact(ContactId="arn:aws:ssm-contacts:us-east-1:123456789012:contact/x")
        assert error_code(error) == "ResourceNotFoundException"


def test_endpoint_fixture_points_boto3_at_the_server(ssm_contacts_endpoint: str) -> None:
    import os

    assert os.environ["AWS_ENDPOINT_URL_SSM_CONTACTS"] == ssm_contacts_endpoint
    client = boto3.client("ssm-contacts")
    assert client.meta.endpoint_url == ssm_contacts_endpoint
    assert client.meta.region_name == "us-east-1"
