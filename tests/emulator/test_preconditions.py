"""Opt-in account preconditions: no Incident Manager replication set, denied operations."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

from .helpers import Emulator, error_code, error_message, personal


def test_off_by_default(emulator: Emulator) -> None:
    arn = personal(emulator.client, "akuam")
    assert [c["ContactArn"] for c in emulator.client.list_contacts()["Contacts"]] == [arn]


@pytest.mark.parametrize("operation", ["create_contact", "list_contacts", "list_rotations"])
def test_no_replication_set_fails_every_call(emulator: Emulator, operation: str) -> None:
    emulator.set_preconditions(replication_set=False)
    params = (
        {"Alias": "akuam", "Type": "PERSONAL", "Plan": {}} if operation == "create_contact" else {}
    )
    with pytest.raises(ClientError) as error:
        getattr(emulator.client, operation)(**params)
    assert error_code(error) == "ValidationException"
    assert error_message(error) == "Invalid value provided - Account not found for the request"


def test_access_denied_only_for_listed_operations(emulator: Emulator) -> None:
    emulator.set_preconditions(access_denied=["CreateContact"])
    with pytest.raises(ClientError) as error:
        personal(emulator.client, "akuam")
    assert error_code(error) == "AccessDeniedException"
    assert "ssm-contacts:CreateContact" in error_message(error)
    assert emulator.client.list_contacts()["Contacts"] == []


def test_preconditions_can_be_lifted(emulator: Emulator) -> None:
    emulator.set_preconditions(replication_set=False, access_denied=["ListContacts"])
    emulator.set_preconditions()
    assert emulator.client.list_contacts()["Contacts"] == []
