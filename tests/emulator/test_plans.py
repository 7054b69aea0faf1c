"""Engagement plans written with UpdateContact, as ContactPlan writes them.

ContactPlan claims a contact with its ``pulumi-ssm-contacts/plan-owner`` tag, writes the
whole plan with UpdateContact, and on delete writes the empty plan (except for an on-call
schedule, which must keep a rotation). The rules here are those the plan must meet for
the contact's type, and what becomes of a plan whose targets are deleted
(docs/emulator.md, "Rules and their AWS sources").
"""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from .helpers import (
    ChannelTargetInfoTypeDef,
    ContactTypeType,
    PlanTypeDef,
    SSMContactsClient,
    email_channel,
    error_code,
    error_message,
    ok,
    personal,
    rotation,
)

PLAN_OWNER_TAG = "pulumi-ssm-contacts/plan-owner"


def engaging_channel(channel: str) -> PlanTypeDef:
    target: ChannelTargetInfoTypeDef = {"ContactChannelId": channel, "RetryIntervalInMinutes": 1}
    return {"Stages": [{"DurationInMinutes": 0, "Targets": [{"ChannelTargetInfo": target}]}]}


def engaging_contact(contact: str) -> PlanTypeDef:
    return {
        "Stages": [
            {
                "DurationInMinutes": 5,
                "Targets": [{"ContactTargetInfo": {"ContactId": contact, "IsEssential": True}}],
            }
        ]
    }


def refused(client: SSMContactsClient, contact: str, plan: Any) -> str:
    """UpdateContact with ``plan`` must be a ValidationException that changes nothing."""
    before = client.get_contact(ContactId=contact)["Plan"]
    with pytest.raises(ClientError) as error:
        client.update_contact(ContactId=contact, Plan=plan)
    assert error_code(error) == "ValidationException"
    assert client.get_contact(ContactId=contact)["Plan"] == before
    return error_message(error)


# -- PERSONAL: the contact's own channels ------------------------------------------------


def test_personal_plan_engages_its_own_channels(client: SSMContactsClient) -> None:
    akuam = personal(client, "akuam")
    plan = engaging_channel(email_channel(client, akuam))
    ok("UpdateContact", client.update_contact(ContactId=akuam, Plan=plan))
    assert client.get_contact(ContactId=akuam)["Plan"] == plan


def test_personal_plan_cannot_engage_another_contacts_channel(client: SSMContactsClient) -> None:
    akuam = personal(client, "akuam")
    mateo_email = email_channel(client, personal(client, "mateo"))
    message = refused(client, akuam, engaging_channel(mateo_email))
    assert mateo_email in message and "does not belong to contact" in message


def test_personal_contact_created_with_a_channel_target_is_refused(
    client: SSMContactsClient,
) -> None:
    """At CreateContact the new contact has no channel yet: any channel is someone else's."""
    mateo_email = email_channel(client, personal(client, "mateo"))
    with pytest.raises(ClientError) as error:
        client.create_contact(Alias="akuam", Type="PERSONAL", Plan=engaging_channel(mateo_email))
    assert error_code(error) == "ValidationException"
    assert [c["Alias"] for c in client.list_contacts()["Contacts"]] == ["mateo"]


def test_personal_plan_cannot_engage_contacts(client: SSMContactsClient) -> None:
    akuam = personal(client, "akuam")
    message = refused(client, akuam, engaging_contact(personal(client, "mateo")))
    assert "PERSONAL contact plan can only engage contact channels" in message


# -- ESCALATION: contacts ----------------------------------------------------------------


def test_escalation_plan_cannot_engage_channels(client: SSMContactsClient) -> None:
    email = email_channel(client, personal(client, "akuam"))
    team = client.create_contact(Alias="team", Type="ESCALATION", Plan={})["ContactArn"]
    message = refused(client, team, engaging_channel(email))
    assert "ESCALATION contact plan can only engage contacts" in message


def test_escalation_plan_engages_any_type_of_contact(client: SSMContactsClient) -> None:
    member = personal(client, "akuam")
    schedule = client.create_contact(
        Alias="schedule", Type="ONCALL_SCHEDULE", Plan={"RotationIds": [rotation(client, [member])]}
    )["ContactArn"]
    team = client.create_contact(Alias="team", Type="ESCALATION", Plan={})["ContactArn"]
    plan: PlanTypeDef = {
        "Stages": [
            {
                "DurationInMinutes": 5,
                "Targets": [
                    {"ContactTargetInfo": {"ContactId": member, "IsEssential": True}},
                    {"ContactTargetInfo": {"ContactId": schedule, "IsEssential": False}},
                ],
            }
        ]
    }
    client.update_contact(ContactId=team, Plan=plan)
    assert client.get_contact(ContactId=team)["Plan"] == plan


# -- the empty plan (ContactPlan's delete) ------------------------------------------------


@pytest.mark.parametrize("contact_type", ["PERSONAL", "ESCALATION"])
def test_update_to_the_empty_plan_empties_it(
    client: SSMContactsClient, contact_type: ContactTypeType
) -> None:
    arn = client.create_contact(Alias="owner", Type=contact_type, Plan={})["ContactArn"]
    if contact_type == "PERSONAL":
        plan = engaging_channel(email_channel(client, arn))
    else:
        plan = engaging_contact(personal(client, "member"))
    client.update_contact(ContactId=arn, Plan=plan)
    client.update_contact(ContactId=arn, Plan={"Stages": []})
    assert client.get_contact(ContactId=arn)["Plan"] == {"Stages": []}


@pytest.mark.parametrize(
    ("empty", "answer"),
    [({"Stages": []}, "cannot have stages in plan"), ({}, "at least one rotation")],
    ids=["no-stages", "nothing"],
)
def test_update_oncall_schedule_to_an_empty_plan_is_refused(
    client: SSMContactsClient, empty: PlanTypeDef, answer: str
) -> None:
    """``{"Stages": []}`` is refused as stages (Terraform #39758); ``{}`` as no rotation."""
    rotation_arn = rotation(client, [personal(client, "akuam")])
    schedule = client.create_contact(
        Alias="schedule", Type="ONCALL_SCHEDULE", Plan={"RotationIds": [rotation_arn]}
    )["ContactArn"]
    assert answer in refused(client, schedule, empty)


@pytest.mark.parametrize("contact_type", ["PERSONAL", "ESCALATION"])
def test_update_with_rotations_is_refused_outside_oncall_schedules(
    client: SSMContactsClient, contact_type: ContactTypeType
) -> None:
    rotation_arn = rotation(client, [personal(client, "akuam")])
    arn = client.create_contact(Alias="other", Type=contact_type, Plan={})["ContactArn"]
    refused(client, arn, {"RotationIds": [rotation_arn]})


# -- deleted targets ----------------------------------------------------------------------


def test_deleting_a_channel_keeps_it_in_the_plan(client: SSMContactsClient) -> None:
    akuam = personal(client, "akuam")
    email = email_channel(client, akuam)
    plan = engaging_channel(email)
    client.update_contact(ContactId=akuam, Plan=plan)
    client.delete_contact_channel(ContactChannelId=email)
    assert client.get_contact(ContactId=akuam)["Plan"] == plan
    assert "not found" in refused(client, akuam, plan), "writing it again names a missing channel"


def test_deleting_a_contact_keeps_it_in_escalation_plans(client: SSMContactsClient) -> None:
    member = personal(client, "akuam")
    plan = engaging_contact(member)
    team = client.create_contact(Alias="team", Type="ESCALATION", Plan=plan)["ContactArn"]
    client.delete_contact(ContactId=member)
    assert client.get_contact(ContactId=team)["Plan"] == plan


# -- the plan-owner tag -------------------------------------------------------------------


def test_plan_owner_tag_round_trips_on_a_contact(client: SSMContactsClient) -> None:
    akuam = personal(client, "akuam", Tags=[{"Key": "team", "Value": "sre"}])
    client.tag_resource(
        ResourceARN=akuam, Tags=[{"Key": PLAN_OWNER_TAG, "Value": "contacts/prod/akuam-plan"}]
    )
    tags = client.list_tags_for_resource(ResourceARN=akuam)["Tags"]
    assert {t["Key"]: t["Value"] for t in tags} == {
        "team": "sre",
        PLAN_OWNER_TAG: "contacts/prod/akuam-plan",
    }
    client.untag_resource(ResourceARN=akuam, TagKeys=[PLAN_OWNER_TAG])
    assert client.list_tags_for_resource(ResourceARN=akuam)["Tags"] == [
        {"Key": "team", "Value": "sre"}
    ]
