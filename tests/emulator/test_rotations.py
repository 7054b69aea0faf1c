"""Rotations: CRUD, PERSONAL-only members, time zones, on-call schedule clean-up."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from botocore.exceptions import ClientError

from .helpers import (
    RECURRENCE,
    RecurrenceSettingsTypeDef,
    SSMContactsClient,
    error_code,
    ok,
    personal,
    rotation,
)

MISSING_ROTATION = "arn:aws:ssm-contacts:us-east-1:123456789012:rotation/0000"
ROTATION_ARN = re.compile(r"arn:aws:ssm-contacts:us-east-1:123456789012:rotation/[0-9a-f-]{36}")


def test_basic_create_and_get(client: SSMContactsClient) -> None:
    members = [personal(client, "akuam"), personal(client, "alejr")]
    start = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    created = ok(
        "CreateRotation",
        client.create_rotation(
            Name="primary",
            ContactIds=members,
            StartTime=start,
            TimeZoneId="America/Los_Angeles",
            Recurrence=RECURRENCE,
        ),
    )
    arn = created["RotationArn"]
    assert ROTATION_ARN.fullmatch(arn)
    got = ok("GetRotation", client.get_rotation(RotationId=arn))
    assert (got["Name"], got["ContactIds"], got["TimeZoneId"]) == (
        "primary",
        members,
        "America/Los_Angeles",
    )
    assert got["StartTime"] == start
    assert got["Recurrence"] == RECURRENCE


def test_start_time_defaults_to_creation_time(client: SSMContactsClient) -> None:
    before = datetime.now(UTC)
    arn = rotation(client, [personal(client, "akuam")])
    started = client.get_rotation(RotationId=arn)["StartTime"]
    assert before.replace(microsecond=0) <= started <= datetime.now(UTC)


def test_members_must_be_personal_contacts(client: SSMContactsClient) -> None:
    escalation = client.create_contact(Alias="escalation", Type="ESCALATION", Plan={})
    with pytest.raises(ClientError) as error:
        rotation(client, [escalation["ContactArn"]])
    assert error_code(error) == "ValidationException"


def test_missing_member_is_not_found(client: SSMContactsClient) -> None:
    with pytest.raises(ClientError) as error:
        rotation(client, ["arn:aws:ssm-contacts:us-east-1:123456789012:contact/nobody"])
    assert error_code(error) == "ResourceNotFoundException"
    assert client.list_rotations()["Rotations"] == []


def test_time_zone_must_be_iana(client: SSMContactsClient) -> None:
    with pytest.raises(ClientError) as error:
        client.create_rotation(
            Name="primary",
            ContactIds=[personal(client, "akuam")],
            TimeZoneId="PST",
            Recurrence=RECURRENCE,
        )
    assert error_code(error) == "ValidationException"


def test_update_members_and_recurrence(client: SSMContactsClient) -> None:
    first, second = personal(client, "akuam"), personal(client, "alejr")
    arn = rotation(client, [first])
    weekly: RecurrenceSettingsTypeDef = {
        "NumberOfOnCalls": 1,
        "RecurrenceMultiplier": 2,
        "WeeklySettings": [
            {"DayOfWeek": "MON", "HandOffTime": {"HourOfDay": 9, "MinuteOfHour": 0}}
        ],
    }
    ok(
        "UpdateRotation",
        client.update_rotation(RotationId=arn, ContactIds=[second, first], Recurrence=weekly),
    )
    got = client.get_rotation(RotationId=arn)
    assert got["ContactIds"] == [second, first]
    assert got["Recurrence"] == weekly
    assert got["TimeZoneId"] == "UTC"


def test_disappears_delete_then_get_is_not_found(client: SSMContactsClient) -> None:
    arn = rotation(client, [personal(client, "akuam")])
    ok("DeleteRotation", client.delete_rotation(RotationId=arn))
    with pytest.raises(ClientError) as error:
        client.get_rotation(RotationId=arn)
    assert error_code(error) == "ResourceNotFoundException"


def test_delete_removes_rotation_from_oncall_schedules(client: SSMContactsClient) -> None:
    member = personal(client, "akuam")
    kept, deleted = rotation(client, [member], "kept"), rotation(client, [member], "deleted")
    schedule = client.create_contact(
        Alias="schedule", Type="ONCALL_SCHEDULE", Plan={"RotationIds": [kept, deleted]}
    )["ContactArn"]
    client.delete_rotation(RotationId=deleted)
    assert client.get_contact(ContactId=schedule)["Plan"]["RotationIds"] == [kept]


@pytest.mark.parametrize(
    ("operation", "extra"),
    [
        ("get_rotation", {}),
        ("delete_rotation", {}),
        ("update_rotation", {"Recurrence": RECURRENCE}),
    ],
)
def test_missing_rotation_is_not_found(
    client: SSMContactsClient, operation: str, extra: dict[str, object]
) -> None:
    with pytest.raises(ClientError) as error:
        getattr(client, operation)(RotationId=MISSING_ROTATION, **extra)
    assert error_code(error) == "ResourceNotFoundException"


def test_idempotency_token_replay_creates_one_rotation(client: SSMContactsClient) -> None:
    member = personal(client, "akuam")
    arns = {
        client.create_rotation(
            Name="primary",
            ContactIds=[member],
            TimeZoneId="UTC",
            Recurrence=RECURRENCE,
            IdempotencyToken="once",
        )["RotationArn"]
        for _ in range(2)
    }
    assert len(arns) == 1
    assert len(client.list_rotations()["Rotations"]) == 1


def test_list_filters_by_name_prefix_and_pages(client: SSMContactsClient) -> None:
    member = personal(client, "akuam")
    for name in ("prod-1", "prod-2", "production", "staging"):
        rotation(client, [member], name)
    first = ok("ListRotations", client.list_rotations(RotationNamePrefix="prod", MaxResults=2))
    second = ok(
        "ListRotations",
        client.list_rotations(
            RotationNamePrefix="prod", MaxResults=2, NextToken=first["NextToken"]
        ),
    )
    names = [r["Name"] for r in first["Rotations"] + second["Rotations"]]
    assert names == ["prod-1", "prod-2", "production"]
