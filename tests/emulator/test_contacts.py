"""Contacts: CRUD, alias uniqueness, idempotency, contact-type and reference rules."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from botocore.exceptions import ClientError

from .helpers import (
    ContactTypeType,
    Emulator,
    PlanTypeDef,
    SSMContactsClient,
    email_channel,
    error_code,
    error_field,
    error_message,
    ok,
    personal,
    rotation,
)

MISSING_CONTACT = "arn:aws:ssm-contacts:us-east-1:123456789012:contact/nobody"


def test_basic_create_returns_arn_as_aws_forms_it(client: SSMContactsClient) -> None:
    created = ok("CreateContact", client.create_contact(Alias="akuam", Type="PERSONAL", Plan={}))
    assert created["ContactArn"] == "arn:aws:ssm-contacts:us-east-1:123456789012:contact/akuam"


def test_basic_get_returns_what_was_created(client: SSMContactsClient) -> None:
    arn = personal(client, "akuam", DisplayName="Akua Mansa")
    got = ok("GetContact", client.get_contact(ContactId=arn))
    assert (got["ContactArn"], got["Alias"], got["Type"]) == (arn, "akuam", "PERSONAL")
    assert got["DisplayName"] == "Akua Mansa"
    assert got["Plan"] == {"Stages": []}


def test_arn_follows_region(emulator: Emulator) -> None:
    west = emulator.new_client("eu-west-1")
    arn = personal(west, "akuam")
    assert arn == "arn:aws:ssm-contacts:eu-west-1:123456789012:contact/akuam"


def test_state_is_per_region(emulator: Emulator) -> None:
    personal(emulator.client, "akuam")
    west = emulator.new_client("eu-west-1")
    assert ok("ListContacts", west.list_contacts())["Contacts"] == []
    personal(west, "akuam")  # the same alias is free in another region


def test_state_is_per_account(emulator: Emulator) -> None:
    other = emulator.new_client()

    def as_other_account(request: Any, **_: Any) -> None:
        request.headers["x-moto-account-id"] = "111122223333"

    other.meta.events.register("before-sign.ssm-contacts.*", as_other_account)
    arn = personal(other, "akuam")
    assert arn == "arn:aws:ssm-contacts:us-east-1:111122223333:contact/akuam"
    assert emulator.client.list_contacts()["Contacts"] == []
    assert emulator.calls()[-1].account == "123456789012"
    assert emulator.calls()[0].account == "111122223333"


def test_alias_taken_is_conflict(client: SSMContactsClient) -> None:
    personal(client, "akuam")
    with pytest.raises(ClientError) as error:
        client.create_contact(Alias="akuam", Type="ESCALATION", Plan={})
    assert error_code(error) == "ConflictException"
    assert error_field(error, "ResourceId").endswith(":contact/akuam")


def test_concurrent_creates_of_one_alias_make_one_contact(emulator: Emulator) -> None:
    clients = [emulator.new_client() for _ in range(8)]  # boto3 client creation is not thread-safe

    def create(client: SSMContactsClient) -> str:
        try:
            personal(client, "akuam")
            return "created"
        except ClientError as error:
            return error.response["Error"]["Code"]

    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = sorted(pool.map(create, clients))
    assert outcomes == ["ConflictException"] * 7 + ["created"]
    assert len(emulator.client.list_contacts()["Contacts"]) == 1


def test_idempotency_token_replay_returns_original_and_creates_nothing(
    emulator: Emulator,
) -> None:
    client = emulator.client
    first = client.create_contact(
        Alias="akuam", Type="PERSONAL", Plan={}, IdempotencyToken="token-1"
    )
    again = client.create_contact(
        Alias="akuam", Type="PERSONAL", Plan={}, IdempotencyToken="token-1"
    )
    assert ok("CreateContact", again)["ContactArn"] == first["ContactArn"]
    assert len(client.list_contacts()["Contacts"]) == 1


def test_new_idempotency_token_is_a_new_request(client: SSMContactsClient) -> None:
    client.create_contact(Alias="akuam", Type="PERSONAL", Plan={}, IdempotencyToken="a")
    with pytest.raises(ClientError) as error:
        client.create_contact(Alias="akuam", Type="PERSONAL", Plan={}, IdempotencyToken="b")
    assert error_code(error) == "ConflictException"


def test_update_display_name(client: SSMContactsClient) -> None:
    arn = personal(client, "akuam", DisplayName="Old")
    ok("UpdateContact", client.update_contact(ContactId=arn, DisplayName="New name"))
    got = client.get_contact(ContactId=arn)
    assert got["DisplayName"] == "New name"
    assert got["Plan"] == {"Stages": []}


def test_update_plan_keeps_display_name(client: SSMContactsClient) -> None:
    arn = personal(client, "akuam", DisplayName="Akua")
    channel = email_channel(client, arn)
    plan: PlanTypeDef = {
        "Stages": [
            {
                "DurationInMinutes": 5,
                "Targets": [
                    {
                        "ChannelTargetInfo": {
                            "ContactChannelId": channel,
                            "RetryIntervalInMinutes": 1,
                        }
                    }
                ],
            }
        ]
    }
    ok("UpdateContact", client.update_contact(ContactId=arn, Plan=plan))
    got = ok("GetContact", client.get_contact(ContactId=arn))
    assert got["Plan"] == plan
    assert got["DisplayName"] == "Akua"


def test_escalation_plan_targets_existing_contacts(client: SSMContactsClient) -> None:
    member = personal(client, "akuam")
    plan: PlanTypeDef = {
        "Stages": [
            {
                "DurationInMinutes": 0,
                "Targets": [{"ContactTargetInfo": {"ContactId": member, "IsEssential": True}}],
            }
        ]
    }
    arn = client.create_contact(Alias="escalation", Type="ESCALATION", Plan=plan)["ContactArn"]
    assert ok("GetContact", client.get_contact(ContactId=arn))["Plan"] == plan


def test_zero_duration_stage_needs_a_target(client: SSMContactsClient) -> None:
    with pytest.raises(ClientError) as error:
        client.create_contact(
            Alias="escalation",
            Type="ESCALATION",
            Plan={"Stages": [{"DurationInMinutes": 0, "Targets": []}]},
        )
    assert error_code(error) == "ValidationException"
    client.create_contact(
        Alias="escalation",
        Type="ESCALATION",
        Plan={"Stages": [{"DurationInMinutes": 5, "Targets": []}]},
    )


def test_escalation_plan_target_missing_contact_is_validation_error(
    client: SSMContactsClient,
) -> None:
    plan: PlanTypeDef = {
        "Stages": [
            {
                "DurationInMinutes": 5,
                "Targets": [
                    {"ContactTargetInfo": {"ContactId": MISSING_CONTACT, "IsEssential": True}}
                ],
            }
        ]
    }
    with pytest.raises(ClientError) as error:
        client.create_contact(Alias="escalation", Type="ESCALATION", Plan=plan)
    assert error_code(error) == "ValidationException"
    assert MISSING_CONTACT in error_message(error)
    assert client.list_contacts()["Contacts"] == []


def test_plan_target_missing_channel_is_validation_error(client: SSMContactsClient) -> None:
    arn = personal(client, "akuam")
    missing = "arn:aws:ssm-contacts:us-east-1:123456789012:contact-channel/akuam/0000"
    plan: PlanTypeDef = {
        "Stages": [
            {
                "DurationInMinutes": 5,
                "Targets": [{"ChannelTargetInfo": {"ContactChannelId": missing}}],
            }
        ]
    }
    with pytest.raises(ClientError) as error:
        client.update_contact(ContactId=arn, Plan=plan)
    assert error_code(error) == "ValidationException"
    assert client.get_contact(ContactId=arn)["Plan"] == {"Stages": []}


def test_oncall_schedule_with_rotation(client: SSMContactsClient) -> None:
    rotation_arn = rotation(client, [personal(client, "akuam")])
    arn = client.create_contact(
        Alias="schedule", Type="ONCALL_SCHEDULE", Plan={"RotationIds": [rotation_arn]}
    )["ContactArn"]
    got = ok("GetContact", client.get_contact(ContactId=arn))
    assert got["Type"] == "ONCALL_SCHEDULE"
    assert got["Plan"]["RotationIds"] == [rotation_arn]


def test_oncall_schedule_with_stages_is_rejected_with_aws_message(
    client: SSMContactsClient,
) -> None:
    member = personal(client, "akuam")
    rotation_arn = rotation(client, [member])
    plan: PlanTypeDef = {
        "RotationIds": [rotation_arn],
        "Stages": [
            {
                "DurationInMinutes": 5,
                "Targets": [{"ContactTargetInfo": {"ContactId": member, "IsEssential": True}}],
            }
        ],
    }
    with pytest.raises(ClientError) as error:
        client.create_contact(Alias="schedule", Type="ONCALL_SCHEDULE", Plan=plan)
    assert error_code(error) == "ValidationException"
    assert error_message(error) == (
        "Invalid value provided - ONCALL SCHEDULE contact cannot have stages in plan"
    )


def test_oncall_schedule_with_empty_stages_is_refused_as_terraform_39758_reports(
    client: SSMContactsClient,
) -> None:
    """terraform-provider-aws's CreateContact sends ``Plan: {Stages: []}`` and no rotation:
    AWS answers that a schedule cannot have stages, not that it needs a rotation."""
    with pytest.raises(ClientError) as error:
        client.create_contact(Alias="schedule", Type="ONCALL_SCHEDULE", Plan={"Stages": []})
    assert error_code(error) == "ValidationException"
    assert error_message(error) == (
        "Invalid value provided - ONCALL SCHEDULE contact cannot have stages in plan"
    )
    assert client.list_contacts()["Contacts"] == []


def test_oncall_schedule_without_rotation_is_rejected(client: SSMContactsClient) -> None:
    with pytest.raises(ClientError) as error:
        client.create_contact(Alias="schedule", Type="ONCALL_SCHEDULE", Plan={})
    assert error_code(error) == "ValidationException"
    assert "at least one rotation" in error_message(error)


@pytest.mark.parametrize("contact_type", ["PERSONAL", "ESCALATION"])
def test_rotations_only_in_oncall_schedules(
    client: SSMContactsClient, contact_type: ContactTypeType
) -> None:
    rotation_arn = rotation(client, [personal(client, "akuam")])
    with pytest.raises(ClientError) as error:
        client.create_contact(
            Alias="other", Type=contact_type, Plan={"RotationIds": [rotation_arn]}
        )
    assert error_code(error) == "ValidationException"


def test_oncall_schedule_takes_at_most_eight_rotations(client: SSMContactsClient) -> None:
    member = personal(client, "akuam")
    rotations = [rotation(client, [member], f"r{i}") for i in range(9)]
    client.create_contact(
        Alias="eight", Type="ONCALL_SCHEDULE", Plan={"RotationIds": rotations[:8]}
    )
    with pytest.raises(ClientError) as error:
        client.create_contact(Alias="nine", Type="ONCALL_SCHEDULE", Plan={"RotationIds": rotations})
    assert error_code(error) == "ServiceQuotaExceededException"


def test_oncall_schedule_missing_rotation_is_validation_error(client: SSMContactsClient) -> None:
    missing = "arn:aws:ssm-contacts:us-east-1:123456789012:rotation/0000"
    with pytest.raises(ClientError) as error:
        client.create_contact(
            Alias="schedule", Type="ONCALL_SCHEDULE", Plan={"RotationIds": [missing]}
        )
    assert error_code(error) == "ValidationException"
    assert missing in error_message(error)


def test_update_oncall_schedule_with_stages_is_rejected(client: SSMContactsClient) -> None:
    member = personal(client, "akuam")
    rotation_arn = rotation(client, [member])
    arn = client.create_contact(
        Alias="schedule", Type="ONCALL_SCHEDULE", Plan={"RotationIds": [rotation_arn]}
    )["ContactArn"]
    plan: PlanTypeDef = {
        "RotationIds": [rotation_arn],
        "Stages": [
            {
                "DurationInMinutes": 5,
                "Targets": [{"ContactTargetInfo": {"ContactId": member, "IsEssential": True}}],
            }
        ],
    }
    with pytest.raises(ClientError) as error:
        client.update_contact(ContactId=arn, Plan=plan)
    assert error_code(error) == "ValidationException"


def test_disappears_delete_then_get_is_not_found(client: SSMContactsClient) -> None:
    arn = personal(client, "akuam")
    ok("DeleteContact", client.delete_contact(ContactId=arn))
    with pytest.raises(ClientError) as error:
        client.get_contact(ContactId=arn)
    assert error_code(error) == "ResourceNotFoundException"
    assert error_field(error, "ResourceId") == arn


def test_delete_frees_the_alias(client: SSMContactsClient) -> None:
    arn = personal(client, "akuam")
    client.delete_contact(ContactId=arn)
    assert personal(client, "akuam") == arn


def test_delete_removes_the_contacts_channels(client: SSMContactsClient) -> None:
    arn = personal(client, "akuam")
    channel = email_channel(client, arn)
    client.delete_contact(ContactId=arn)
    with pytest.raises(ClientError) as error:
        client.get_contact_channel(ContactChannelId=channel)
    assert error_code(error) == "ResourceNotFoundException"


@pytest.mark.parametrize("operation", ["get_contact", "delete_contact", "update_contact"])
def test_missing_contact_is_not_found(client: SSMContactsClient, operation: str) -> None:
    with pytest.raises(ClientError) as error:
        getattr(client, operation)(ContactId=MISSING_CONTACT)
    assert error_code(error) == "ResourceNotFoundException"


def test_list_filters_by_alias_prefix_and_type(client: SSMContactsClient) -> None:
    personal(client, "team-a")
    personal(client, "team-b")
    personal(client, "other")
    client.create_contact(Alias="team-escalation", Type="ESCALATION", Plan={})
    listed = ok("ListContacts", client.list_contacts(AliasPrefix="team", Type="PERSONAL"))
    assert [c["Alias"] for c in listed["Contacts"]] == ["team-a", "team-b"]


def test_list_pages_with_max_results_and_next_token(client: SSMContactsClient) -> None:
    aliases = [f"contact-{i}" for i in range(5)]
    for alias in aliases:
        personal(client, alias)
    first = ok("ListContacts", client.list_contacts(MaxResults=2))
    assert len(first["Contacts"]) == 2
    seen = [c["Alias"] for c in first["Contacts"]]
    token = first.get("NextToken")
    while token:
        page = ok("ListContacts", client.list_contacts(MaxResults=2, NextToken=token))
        seen += [c["Alias"] for c in page["Contacts"]]
        token = page.get("NextToken")
    assert seen == aliases


def test_list_paginator_walks_every_page(client: SSMContactsClient) -> None:
    for i in range(3):
        personal(client, f"contact-{i}")
    pages = list(client.get_paginator("list_contacts").paginate(PaginationConfig={"PageSize": 1}))
    assert [c["Alias"] for p in pages for c in p["Contacts"]] == [
        "contact-0",
        "contact-1",
        "contact-2",
    ]


def test_list_with_garbage_next_token_is_validation_error(client: SSMContactsClient) -> None:
    personal(client, "akuam")
    with pytest.raises(ClientError) as error:
        client.list_contacts(NextToken="not-a-token")
    assert error_code(error) == "ValidationException"


def test_idempotency_token_is_spent_when_its_contact_is_deleted(emulator: Emulator) -> None:
    client = emulator.client
    first = client.create_contact(Alias="akuam", Type="PERSONAL", Plan={}, IdempotencyToken="t")
    client.delete_contact(ContactId=first["ContactArn"])
    again = client.create_contact(Alias="akuam", Type="PERSONAL", Plan={}, IdempotencyToken="t")
    assert client.get_contact(ContactId=again["ContactArn"])["Alias"] == "akuam"
    assert len(client.list_contacts()["Contacts"]) == 1
