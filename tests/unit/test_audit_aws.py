"""audit_aws: what is listed, and tags and channels read only where they matter."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from pulumi_ssm_contacts.audit.findings import LiveChannel, LiveResource
from pulumi_ssm_contacts.audit.live import list_live
from pulumi_ssm_contacts.core.ownership import OWNER_TAG, PLAN_OWNER_TAG
from pulumi_ssm_contacts.core.stack_export import read_export

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient
    from mypy_boto3_ssm_contacts.type_defs import TagTypeDef

CONTACT = "pulumi-python:dynamic/ssm-contacts:Contact"


def create(client: SSMContactsClient, alias: str, tags: dict[str, str] | None = None) -> str:
    api: list[TagTypeDef] = [{"Key": k, "Value": v} for k, v in (tags or {}).items()]
    created = client.create_contact(Alias=alias, Type="PERSONAL", Plan={"Stages": []}, Tags=api)
    return created["ContactArn"]


def export_holding(arn: str) -> str:
    resource = {
        "urn": f"urn:pulumi:prod::payments::{CONTACT}::akuam",
        "type": CONTACT,
        "id": arn,
        "outputs": {"owner": "payments/prod/akuam"},
    }
    return json.dumps({"deployment": {"resources": [resource]}})


def test_basic_lists_every_type_with_tags_and_the_channels_that_matter(
    ssm_contacts_client: SSMContactsClient,
) -> None:
    client = ssm_contacts_client
    held = create(client, "akuam", {OWNER_TAG: "payments/prod/akuam"})
    channel = client.create_contact_channel(
        ContactId=held, Name="mobile", Type="SMS", DeliveryAddress={"SimpleAddress": "+15550100"}
    )["ContactChannelArn"]
    uuid = channel.rsplit("/", 1)[-1]
    client.tag_resource(
        ResourceARN=held,
        Tags=[
            {"Key": f"pulumi-ssm-contacts/channel/{uuid}", "Value": "payments/prod/sms"},
            {"Key": PLAN_OWNER_TAG, "Value": "payments/prod/plan"},
        ],
    )
    console = create(client, "console")
    client.create_contact_channel(
        ContactId=console, Name="x", Type="SMS", DeliveryAddress={"SimpleAddress": "+15550101"}
    )
    rotation = client.create_rotation(
        Name="week",
        ContactIds=[held],
        TimeZoneId="UTC",
        Recurrence={
            "NumberOfOnCalls": 1,
            "RecurrenceMultiplier": 1,
            "DailySettings": [{"HourOfDay": 9, "MinuteOfHour": 0}],
        },
        Tags=[{"Key": OWNER_TAG, "Value": "payments/prod/week"}],
    )["RotationArn"]
    operations: list[str] = []

    def record(model: Any, **_: Any) -> None:
        operations.append(model.name)

    client.meta.events.register("before-call.ssm-contacts", record)

    live = list_live(client, read_export(export_holding(held)))

    assert sorted(live.contacts, key=lambda c: c.arn) == [
        LiveResource(
            held,
            "payments/prod/akuam",
            "payments/prod/plan",
            ((uuid, "payments/prod/sms"),),
        ),
        LiveResource(console),
    ]
    assert live.rotations == (LiveResource(rotation, "payments/prod/week"),)
    # Channels of the held contact only: the console's contact is nobody's we know.
    assert live.channels == (LiveChannel(channel, held, "mobile", "SMS"),)
    assert live.channel_contacts == {held}
    assert sorted(operations) == sorted(
        [
            "ListContacts",
            "ListRotations",
            "ListTagsForResource",  # each contact
            "ListTagsForResource",
            "ListTagsForResource",  # the unheld rotation
            "ListContactChannels",
        ]
    )
