"""Input validation from the botocore model, answered as AWS answers it."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from pulumi_ssm_contacts.core.service_model import aws_validation_message, validate_input

from .helpers import (
    Emulator,
    PlanTypeDef,
    SSMContactsClient,
    error_code,
    error_field,
    error_message,
    personal,
)


def test_pattern_violation_uses_aws_message(client: SSMContactsClient) -> None:
    params = {"Alias": "Not Lower", "Type": "PERSONAL", "Plan": {}}
    with pytest.raises(ClientError) as error:
        client.create_contact(**params)  # type: ignore[arg-type]
    assert error_code(error) == "ValidationException"
    assert error_message(error) == aws_validation_message(validate_input("CreateContact", params))
    assert error_message(error).startswith(
        "1 validation error detected: Value 'Not Lower' at 'alias' failed to satisfy constraint: "
        "Member must satisfy regular expression pattern"
    )
    assert error_field(error, "Reason") == "FIELD_VALIDATION_FAILED"
    pattern_rule = "Member must satisfy regular expression pattern: ^[a-z0-9_\\-]*$"
    assert error_field(error, "Fields") == [{"Name": "alias", "Message": pattern_rule}]


def test_maximum_length_is_checked_server_side(client: SSMContactsClient) -> None:
    with pytest.raises(ClientError) as error:
        client.create_contact(Alias="a" * 256, Type="PERSONAL", Plan={})
    assert error_code(error) == "ValidationException"
    assert "Member must have length less than or equal to 255" in error_message(error)


def test_range_is_checked_in_nested_members(client: SSMContactsClient) -> None:
    member = personal(client, "akuam")
    plan: PlanTypeDef = {
        "Stages": [
            {
                "DurationInMinutes": 31,
                "Targets": [{"ContactTargetInfo": {"ContactId": member, "IsEssential": True}}],
            }
        ]
    }
    with pytest.raises(ClientError) as error:
        client.create_contact(Alias="escalation", Type="ESCALATION", Plan=plan)
    assert error_code(error) == "ValidationException"
    assert "at 'plan.stages.1.member.durationInMinutes'" in error_message(error)


def test_every_violation_is_reported(client: SSMContactsClient) -> None:
    with pytest.raises(ClientError) as error:
        client.create_contact(Alias="UPPER", Type="PERSONAL", Plan={}, DisplayName="bad!")
    assert error_message(error).startswith("2 validation errors detected:")


def test_required_member_is_checked_server_side(emulator: Emulator) -> None:
    unchecked = emulator.new_client(validate=False)
    with pytest.raises(ClientError) as error:
        unchecked.create_contact(Alias="akuam", Type="PERSONAL")  # type: ignore[call-arg]
    assert error_code(error) == "ValidationException"
    assert "at 'plan' failed to satisfy constraint: Member must not be null" in error_message(error)


def test_enum_is_checked_server_side(emulator: Emulator) -> None:
    unchecked = emulator.new_client(validate=False)
    with pytest.raises(ClientError) as error:
        unchecked.create_contact(Alias="akuam", Type="TEAM", Plan={})  # type: ignore[arg-type]
    assert error_code(error) == "ValidationException"
    assert "Member must satisfy enum value set" in error_message(error)


def test_arn_pattern_is_checked_before_lookup(client: SSMContactsClient) -> None:
    with pytest.raises(ClientError) as error:
        client.get_contact(ContactId="akuam")
    assert error_code(error) == "ValidationException"


def test_invalid_request_creates_nothing(client: SSMContactsClient) -> None:
    with pytest.raises(ClientError):
        client.create_contact(Alias="a" * 256, Type="PERSONAL", Plan={})
    assert client.list_contacts()["Contacts"] == []


def test_unknown_operation_is_validation_error(emulator: Emulator) -> None:
    client = emulator.new_client()

    def rename(request: Any, **_: Any) -> None:
        request.headers["X-Amz-Target"] = "SSMContacts.MakeCoffee"

    client.meta.events.register("before-sign.ssm-contacts.ListContacts", rename)
    with pytest.raises(ClientError) as error:
        client.list_contacts()
    assert error_code(error) == "ValidationException"
    assert error_field(error, "Reason") == "UNKNOWN_OPERATION"
