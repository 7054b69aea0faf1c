"""Fault injection and the call log, in both modes."""

from __future__ import annotations

import time

import pytest
from botocore.exceptions import ClientError, ConnectionClosedError

from pulumi_ssm_contacts.emulator_harness.call_log import Call
from pulumi_ssm_contacts.emulator_harness.faults import FaultConfig

from .helpers import Emulator, error_code, personal


def test_call_log_records_every_request_in_order(emulator: Emulator) -> None:
    client = emulator.client
    arn = personal(client, "akuam")
    client.get_contact(ContactId=arn)
    with pytest.raises(ClientError):
        client.get_contact(ContactId=arn + "-missing")
    emulator.new_client("eu-west-1").list_contacts()
    assert emulator.calls() == [
        Call("CreateContact", "123456789012", "us-east-1"),
        Call("GetContact", "123456789012", "us-east-1"),
        Call("GetContact", "123456789012", "us-east-1"),
        Call("ListContacts", "123456789012", "eu-west-1"),
    ]
    assert emulator.counts() == {"CreateContact": 1, "GetContact": 2, "ListContacts": 1}


def test_call_log_records_invalid_requests(emulator: Emulator) -> None:
    with pytest.raises(ClientError):
        emulator.client.create_contact(Alias="NOT VALID", Type="PERSONAL", Plan={})
    assert emulator.counts() == {"CreateContact": 1}


def test_clear_calls_empties_the_log(emulator: Emulator) -> None:
    emulator.client.list_contacts()
    emulator.clear_calls()
    assert emulator.calls() == []


def test_throttling_answers_throttling_exception(emulator: Emulator) -> None:
    emulator.set_faults(throttle_rate=1.0)
    with pytest.raises(ClientError) as error:
        emulator.new_client(retries=1).list_contacts()
    assert error_code(error) == "ThrottlingException"


def test_throttled_calls_are_retried_by_the_sdk_and_logged(emulator: Emulator) -> None:
    emulator.set_faults(throttle_rate=1.0)
    with pytest.raises(ClientError):
        emulator.new_client(retries=3).list_contacts()
    assert emulator.counts() == {"ListContacts": 3}


def test_internal_error_answers_internal_server_exception(emulator: Emulator) -> None:
    emulator.set_faults(internal_error_rate=1.0)
    with pytest.raises(ClientError) as error:
        emulator.new_client(retries=1).list_contacts()
    assert error_code(error) == "InternalServerException"
    assert error.value.response["ResponseMetadata"]["HTTPStatusCode"] == 500


def test_faults_apply_only_to_listed_operations(emulator: Emulator) -> None:
    emulator.set_faults(throttle_rate=1.0, operations=["GetContact"])
    client = emulator.new_client(retries=1)
    arn = personal(client, "akuam")
    with pytest.raises(ClientError) as error:
        client.get_contact(ContactId=arn)
    assert error_code(error) == "ThrottlingException"


def test_faulted_requests_change_nothing(emulator: Emulator) -> None:
    emulator.set_faults(internal_error_rate=1.0, operations=["CreateContact"])
    with pytest.raises(ClientError):
        personal(emulator.new_client(retries=1), "akuam")
    assert emulator.client.list_contacts()["Contacts"] == []


def test_dropped_response_commits_the_change(emulator: Emulator) -> None:
    emulator.set_faults(drop_response_rate=1.0, operations=["CreateContact"])
    with pytest.raises(ConnectionClosedError):
        personal(emulator.new_client(retries=1), "akuam")
    assert [c["Alias"] for c in emulator.client.list_contacts()["Contacts"]] == ["akuam"]


def test_sdk_retry_after_dropped_response_replays_idempotently(emulator: Emulator) -> None:
    emulator.set_faults(drop_response_rate=1.0, operations=["CreateContact"])
    with pytest.raises(ConnectionClosedError):
        personal(emulator.new_client(retries=3), "akuam")
    assert emulator.counts()["CreateContact"] == 3
    assert len(emulator.client.list_contacts()["Contacts"]) == 1


def test_dropped_response_does_not_hide_errors(emulator: Emulator) -> None:
    emulator.set_faults(drop_response_rate=1.0, operations=["GetContact"])
    with pytest.raises(ClientError) as error:
        emulator.new_client(retries=1).get_contact(
            ContactId="arn:aws:ssm-contacts:us-east-1:123456789012:contact/nobody"
        )
    assert error_code(error) == "ResourceNotFoundException"


def test_seeded_faults_repeat_exactly(emulator: Emulator) -> None:
    client = emulator.new_client(retries=1)

    def outcomes() -> list[bool]:
        emulator.set_faults(throttle_rate=0.5, seed=42)
        results = []
        for _ in range(12):
            try:
                client.list_contacts()
                results.append(True)
            except ClientError:
                results.append(False)
        return results

    first = outcomes()
    assert first == outcomes()
    assert True in first and False in first


LATENCY_MS = 300


def test_latency_delays_the_answer(emulator: Emulator) -> None:
    """The answer comes no sooner than the injected latency (a lower bound only)."""
    emulator.set_faults(latency_ms=LATENCY_MS, operations=["ListContacts"])
    started = time.monotonic()
    assert emulator.client.list_contacts()["Contacts"] == []
    assert time.monotonic() - started >= LATENCY_MS / 1000
    assert emulator.counts() == {"ListContacts": 1}, "one call, not a retry"


def test_clearing_faults_restores_service(emulator: Emulator) -> None:
    emulator.set_faults(throttle_rate=1.0)
    emulator.set_faults()
    assert emulator.new_client(retries=1).list_contacts()["Contacts"] == []


@pytest.mark.parametrize(
    ("setting", "named"),
    [({"throttle_rate": 1.5}, "throttle_rate"), ({"latency_ms": -1}, "latency_ms")],
)
def test_invalid_fault_settings_are_refused(
    emulator: Emulator, setting: dict[str, float], named: str
) -> None:
    """In-process the holder refuses them; the server answers 400 to the JSON it is sent."""
    emulator.set_faults(throttle_rate=0.25)
    assert named in emulator.refused_settings("faults", setting)
    assert emulator.faults() == FaultConfig(throttle_rate=0.25), "nothing changed"
