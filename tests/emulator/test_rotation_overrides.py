"""Rotation overrides (Create/Get/List/DeleteRotationOverride), honoured by ListRotationShifts,
and contact policies (Put/GetContactPolicy)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from botocore.exceptions import ClientError

from .engagement_setup import MONDAY, on_call, set_clock
from .helpers import Emulator, error_code, error_field, personal

TUESDAY = MONDAY + timedelta(days=1)


def test_override_basic(emulator: Emulator) -> None:
    setup = on_call(emulator)
    client = emulator.client
    set_clock(emulator, datetime(2026, 12, 1, tzinfo=UTC))

    made = client.create_rotation_override(
        RotationId=setup.rotation,
        NewContactIds=[setup.lena],
        StartTime=TUESDAY,
        EndTime=TUESDAY + timedelta(hours=2),
    )["RotationOverrideId"]
    got = client.get_rotation_override(RotationId=setup.rotation, RotationOverrideId=made)
    listed = client.list_rotation_overrides(
        RotationId=setup.rotation, StartTime=MONDAY, EndTime=MONDAY + timedelta(days=7)
    )["RotationOverrides"]

    assert got["RotationArn"] == setup.rotation
    assert got["NewContactIds"] == [setup.lena]
    assert (got["StartTime"], got["EndTime"]) == (TUESDAY, TUESDAY + timedelta(hours=2))
    assert got["CreateTime"] == datetime(2026, 12, 1, tzinfo=UTC)
    assert [o["RotationOverrideId"] for o in listed] == [made]


def test_override_outside_the_window_is_not_listed(emulator: Emulator) -> None:
    setup = on_call(emulator)
    client = emulator.client
    client.create_rotation_override(
        RotationId=setup.rotation,
        NewContactIds=[setup.lena],
        StartTime=TUESDAY,
        EndTime=TUESDAY + timedelta(hours=2),
    )

    listed = client.list_rotation_overrides(
        RotationId=setup.rotation, StartTime=MONDAY, EndTime=MONDAY + timedelta(hours=1)
    )

    assert listed["RotationOverrides"] == []


def test_override_shows_in_rotation_shifts_and_delete_restores_them(emulator: Emulator) -> None:
    setup = on_call(emulator)
    client = emulator.client
    end = TUESDAY + timedelta(hours=4)
    made = client.create_rotation_override(
        RotationId=setup.rotation,
        NewContactIds=[setup.lena],
        StartTime=TUESDAY + timedelta(hours=1),
        EndTime=TUESDAY + timedelta(hours=2),
    )["RotationOverrideId"]

    during = client.list_rotation_shifts(RotationId=setup.rotation, StartTime=TUESDAY, EndTime=end)[
        "RotationShifts"
    ]
    client.delete_rotation_override(RotationId=setup.rotation, RotationOverrideId=made)
    after = client.list_rotation_shifts(RotationId=setup.rotation, StartTime=TUESDAY, EndTime=end)[
        "RotationShifts"
    ]

    assert [(s["Type"], s["ContactIds"][0]) for s in during] == [
        ("REGULAR", setup.kwame),
        ("OVERRIDDEN", setup.lena),
        ("REGULAR", setup.kwame),
    ]
    assert during[1]["ShiftDetails"]["OverriddenContactIds"] == [setup.kwame]
    assert [(s["Type"], s["ContactIds"][0]) for s in after] == [("REGULAR", setup.kwame)]


def test_override_of_a_missing_rotation_or_contact_is_refused(emulator: Emulator) -> None:
    setup = on_call(emulator)
    missing = setup.rotation.rsplit("/", 1)[0] + "/00000000-0000-0000-0000-000000000000"
    hour = TUESDAY + timedelta(hours=1)

    with pytest.raises(ClientError) as no_rotation:
        emulator.client.create_rotation_override(
            RotationId=missing, NewContactIds=[setup.lena], StartTime=TUESDAY, EndTime=hour
        )
    with pytest.raises(ClientError) as no_contact:
        emulator.client.create_rotation_override(
            RotationId=setup.rotation,
            NewContactIds=[setup.lena + "x"],
            StartTime=TUESDAY,
            EndTime=hour,
        )
    with pytest.raises(ClientError) as backwards:
        emulator.client.create_rotation_override(
            RotationId=setup.rotation,
            NewContactIds=[setup.lena],
            StartTime=TUESDAY,
            EndTime=TUESDAY,
        )
    with pytest.raises(ClientError) as no_override:
        emulator.client.get_rotation_override(
            RotationId=setup.rotation, RotationOverrideId="00000000-0000-0000-0000-000000000000"
        )

    assert error_code(no_rotation) == "ResourceNotFoundException"
    assert error_field(no_rotation, "ResourceType") == "ROTATION"
    assert error_code(no_contact) == "ValidationException"
    assert error_code(backwards) == "ValidationException"
    assert error_code(no_override) == "ResourceNotFoundException"


def test_deleting_the_rotation_deletes_its_overrides(emulator: Emulator) -> None:
    setup = on_call(emulator)
    client = emulator.client
    made = client.create_rotation_override(
        RotationId=setup.rotation,
        NewContactIds=[setup.lena],
        StartTime=TUESDAY,
        EndTime=TUESDAY + timedelta(hours=1),
    )["RotationOverrideId"]
    client.delete_contact(ContactId=setup.escalation)
    client.delete_contact(ContactId=setup.schedule)

    client.delete_rotation(RotationId=setup.rotation)

    with pytest.raises(ClientError) as gone:
        client.get_rotation_override(RotationId=setup.rotation, RotationOverrideId=made)
    assert error_code(gone) == "ResourceNotFoundException"


def test_contact_policy_basic(emulator: Emulator) -> None:
    contact = personal(emulator.client, "akuam")
    policy = '{"Version": "2012-10-17", "Statement": []}'

    before = emulator.client.get_contact_policy(ContactArn=contact)
    emulator.client.put_contact_policy(ContactArn=contact, Policy=policy)
    after = emulator.client.get_contact_policy(ContactArn=contact)

    assert "Policy" not in before
    assert (after["ContactArn"], after["Policy"]) == (contact, policy)


def test_contact_policy_disappears_with_its_contact(emulator: Emulator) -> None:
    contact = personal(emulator.client, "akuam")
    emulator.client.put_contact_policy(ContactArn=contact, Policy="{}")
    emulator.client.delete_contact(ContactId=contact)
    personal(emulator.client, "akuam")

    assert "Policy" not in emulator.client.get_contact_policy(ContactArn=contact)


def test_contact_policy_that_is_not_a_json_document_is_refused(emulator: Emulator) -> None:
    contact = personal(emulator.client, "akuam")

    with pytest.raises(ClientError) as refused:
        emulator.client.put_contact_policy(ContactArn=contact, Policy="allow everyone")
    with pytest.raises(ClientError) as missing:
        emulator.client.put_contact_policy(ContactArn=contact + "x", Policy="{}")

    assert error_code(refused) == "ValidationException"
    assert error_code(missing) == "ResourceNotFoundException"
