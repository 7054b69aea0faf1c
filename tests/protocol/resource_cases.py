"""One case per resource: what the generic scenarios need to know about it.

Each case says how to make the resource's prerequisites, what valid inputs are, which
property changes update in place (and with which call) or replace, a bad input per
class, and how to look at or delete the resource out of band. test_resource_scenarios.py
runs the same scenarios (terraform-provider-aws's names) for every case.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pulumi.dynamic import ResourceProvider

from pulumi_ssm_contacts import (
    ContactChannelProvider,
    ContactPlanProvider,
    ContactProvider,
    RotationProvider,
)

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient

Context = dict[str, str]
"""ARNs of the prerequisites a case made (a contact, a channel...)."""


@dataclass(frozen=True)
class ResourceCase:
    """A resource as the generic scenarios drive it."""

    name: str
    provider: Callable[[], ResourceProvider]
    setup: Callable[[SSMContactsClient], Context]
    """Make the prerequisites out of band; returns their ARNs."""
    inputs: Callable[[Context], dict[str, Any]]
    """Valid program inputs (owner included)."""
    create_calls: dict[str, int]
    """The calls one create makes, from the emulator's call log."""
    live: Callable[[SSMContactsClient, str], dict[str, Any] | None]
    """What AWS has for an ID (the properties the scenarios compare), None when gone."""
    delete_out_of_band: Callable[[SSMContactsClient, str], object]
    make_existing: Callable[[SSMContactsClient, Context], str]
    """Create the resource out of band, as the program's inputs describe it; its ID."""
    updates: dict[str, tuple[Callable[[Context], dict[str, Any]], str]] = field(
        default_factory=dict
    )
    """``update_<property>``: inputs overrides, and the one call that writes them."""
    replaces: dict[str, Callable[[Context], dict[str, Any]]] = field(default_factory=dict)
    """``replace_on_<property>``: inputs overrides that replace."""
    bad: dict[str, tuple[dict[str, Any], str]] = field(default_factory=dict)
    """A bad-input class: inputs overrides and the property path its failure names, as a
    Python program writes it (snake_case)."""
    conflict: Callable[[Context], dict[str, Any]] | None = None
    """Inputs overrides of a second owner whose create must fail; None if none can exist."""
    restore: Callable[[SSMContactsClient, Context], Context] = lambda client, ctx: ctx
    """Make again what deleting it out of band took with it (a plan's contact)."""


# -- Contact -----------------------------------------------------------------------------

ARN = "arn:aws:ssm-contacts:us-east-1:123456789012"
NINE_ROTATIONS = [f"{ARN}:rotation/0000000{i}-5ee0-4a4c-9b1e-6c7d8e9f0a1b" for i in range(9)]
"""One more than AWS's limit of eight rotations per on-call schedule."""
OTHER = f"{ARN}:contact/other"
OTHER_CHANNEL = f"{ARN}:contact-channel/other/0a1b2c3d-5ee0-4a4c-9b1e-6c7d8e9f0a1b"
"""A channel of another contact than the cases' ``akuam``."""


def _stage(channel: str, minutes: int) -> dict[str, Any]:
    return {
        "durationInMinutes": minutes,
        "targets": [{"channelTargetInfo": {"contactChannelId": channel}}],
    }


def _escalate(contact: str, minutes: int) -> dict[str, Any]:
    return {
        "durationInMinutes": minutes,
        "targets": [{"contactTargetInfo": {"contactId": contact, "isEssential": True}}],
    }


def _contact_live(client: SSMContactsClient, arn: str) -> dict[str, Any] | None:
    try:
        found = client.get_contact(ContactId=arn)
    except client.exceptions.ResourceNotFoundException:
        return None
    return {"alias": found["Alias"], "displayName": found.get("DisplayName")}


CONTACT = ResourceCase(
    name="Contact",
    provider=ContactProvider,
    setup=lambda client: {},
    inputs=lambda ctx: {
        "alias": "akuam",
        "type": "PERSONAL",
        "displayName": "Akua Mansa",
        "tags": {"team": "sre"},
        "owner": "contacts/prod/akuam",
    },
    create_calls={"CreateContact": 1},
    live=_contact_live,
    delete_out_of_band=lambda client, arn: client.delete_contact(ContactId=arn),
    make_existing=lambda client, ctx: client.create_contact(
        Alias="akuam",
        DisplayName="Akua Mansa",
        Type="PERSONAL",
        Plan={"Stages": []},
        Tags=[{"Key": "team", "Value": "sre"}],
    )["ContactArn"],
    updates={"displayName": (lambda ctx: {"displayName": "Akua M"}, "UpdateContact")},
    replaces={
        "alias": lambda ctx: {"alias": "akua-mansa"},
        "type": lambda ctx: {"type": "ESCALATION"},
    },
    bad={
        "pattern": ({"alias": "Bad Alias"}, "alias"),
        "enum": ({"type": "MANAGER"}, "type"),
        "unknown-key": ({"aliass": "x"}, "aliass"),
        # What AWS refuses at `up` that the program already says (issue 13, finding 13):
        "oncall-nine-rotations": (
            {"type": "ONCALL_SCHEDULE", "plan": {"rotationIds": NINE_ROTATIONS}},
            "plan.rotation_ids",
        ),
        "oncall-no-rotations": (
            {"type": "ONCALL_SCHEDULE", "plan": {"rotationIds": []}},
            "plan.rotation_ids",
        ),
        "oncall-stages": (
            {
                "type": "ONCALL_SCHEDULE",
                "plan": {"rotationIds": NINE_ROTATIONS[:1], "stages": [_escalate(OTHER, 5)]},
            },
            "plan.stages",
        ),
        "personal-rotations": ({"plan": {"rotationIds": NINE_ROTATIONS[:1]}}, "plan.rotation_ids"),
        "escalation-engages-a-channel": (
            {"type": "ESCALATION", "plan": {"stages": [_escalate(OTHER_CHANNEL, 5)]}},
            "plan.stages[0].targets[0].contact_target_info.contact_id",
        ),
        "escalation-engages-a-rotation": (
            {"type": "ESCALATION", "plan": {"stages": [_escalate(NINE_ROTATIONS[0], 5)]}},
            "plan.stages[0].targets[0].contact_target_info.contact_id",
        ),
        "personal-engages-another-contacts-channel": (
            {"plan": {"stages": [_stage(OTHER_CHANNEL, 0)]}},
            "plan.stages[0].targets[0].channel_target_info.contact_channel_id",
        ),
    },
    conflict=lambda ctx: {"owner": "contacts/staging/akuam"},
)


# -- ContactPlan ------------------------------------------------------------------------


def _plan_setup(client: SSMContactsClient) -> Context:
    contact = client.create_contact(Alias="akuam", Type="PERSONAL", Plan={"Stages": []})
    arn = contact["ContactArn"]
    email = client.create_contact_channel(
        ContactId=arn,
        Name="email",
        Type="EMAIL",
        DeliveryAddress={"SimpleAddress": "akuam@example.com"},
    )["ContactChannelArn"]
    sms = client.create_contact_channel(
        ContactId=arn, Name="sms", Type="SMS", DeliveryAddress={"SimpleAddress": "+15550100"}
    )["ContactChannelArn"]
    other = client.create_contact(Alias="other", Type="PERSONAL", Plan={"Stages": []})
    other_email = client.create_contact_channel(
        ContactId=other["ContactArn"],
        Name="email",
        Type="EMAIL",
        DeliveryAddress={"SimpleAddress": "other@example.com"},
    )["ContactChannelArn"]
    return {
        "contact": arn,
        "email": email,
        "sms": sms,
        "other": other["ContactArn"],
        "other_email": other_email,
    }


def _plan_restore(client: SSMContactsClient, ctx: Context) -> Context:
    """The plan's contact and channels again, after the contact was deleted out of band."""
    arn = client.create_contact(Alias="akuam", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    email = client.create_contact_channel(
        ContactId=arn,
        Name="email",
        Type="EMAIL",
        DeliveryAddress={"SimpleAddress": "a@example.com"},
    )["ContactChannelArn"]
    sms = client.create_contact_channel(
        ContactId=arn, Name="sms", Type="SMS", DeliveryAddress={"SimpleAddress": "+15550100"}
    )["ContactChannelArn"]
    channels = {"email": email, "sms": sms}
    return {**ctx, "contact": arn, **channels}


def _plan_live(client: SSMContactsClient, arn: str) -> dict[str, Any] | None:
    try:
        stages = client.get_contact(ContactId=arn)["Plan"].get("Stages", [])
    except client.exceptions.ResourceNotFoundException:
        return None
    return {"stages": len(stages)} if stages else None


def _plan_existing(client: SSMContactsClient, ctx: Context) -> str:
    client.update_contact(
        ContactId=ctx["contact"],
        Plan={
            "Stages": [
                {
                    "DurationInMinutes": 0,
                    "Targets": [{"ChannelTargetInfo": {"ContactChannelId": ctx["email"]}}],
                }
            ]
        },
    )
    return ctx["contact"]


ROTATION = "arn:aws:ssm-contacts:us-east-1:123456789012:rotation/x"

CONTACT_PLAN = ResourceCase(
    name="ContactPlan",
    provider=ContactPlanProvider,
    setup=_plan_setup,
    inputs=lambda ctx: {
        "contactId": ctx["contact"],
        "stages": [_stage(ctx["email"], 0)],
        "owner": "contacts/prod/akuam-plan",
    },
    create_calls={"ListTagsForResource": 3, "UpdateContact": 1, "TagResource": 1},
    live=_plan_live,
    delete_out_of_band=lambda client, arn: client.delete_contact(ContactId=arn),
    make_existing=_plan_existing,
    updates={
        "stages": (
            lambda ctx: {"stages": [_stage(ctx["email"], 0), _stage(ctx["sms"], 5)]},
            "UpdateContact",
        )
    },
    replaces={
        "contactId": lambda ctx: {
            "contactId": ctx["other"],
            "stages": [_stage(ctx["other_email"], 0)],
        }
    },
    bad={
        "range": (
            {"stages": [{"durationInMinutes": 31, "targets": []}]},
            "stages[0].duration_in_minutes",
        ),
        "type-rule": ({"rotationIds": [ROTATION]}, "rotation_ids"),
        "unknown-key": ({"stage": []}, "stage"),
        "contact-id-is-a-rotation": ({"contactId": ROTATION, "stages": []}, "contact_id"),
        "contact-id-is-a-channel": ({"contactId": OTHER_CHANNEL, "stages": []}, "contact_id"),
        "nine-rotations": ({"stages": [], "rotationIds": NINE_ROTATIONS}, "rotation_ids"),
        "no-rotations": ({"stages": [], "rotationIds": []}, "rotation_ids"),
        "engages-another-contacts-channel": (
            {"stages": [_stage(OTHER_CHANNEL, 0)]},
            "stages[0].targets[0].channel_target_info.contact_channel_id",
        ),
        "escalation-engages-a-channel": (
            {"stages": [_escalate(OTHER_CHANNEL, 5)]},
            "stages[0].targets[0].contact_target_info.contact_id",
        ),
        # The program's hint of its Contact's type (contact_plan.py sends it):
        "rotations-on-a-personal-contact": (
            {"contactType": "PERSONAL", "stages": [], "rotationIds": [ROTATION]},
            "rotation_ids",
        ),
        "stages-on-an-oncall-schedule": ({"contactType": "ONCALL_SCHEDULE"}, "stages"),
    },
    conflict=lambda ctx: {"owner": "contacts/staging/akuam-plan"},
    restore=_plan_restore,
)

# -- ContactChannel ---------------------------------------------------------------------


def _channel_live(client: SSMContactsClient, arn: str) -> dict[str, Any] | None:
    try:
        found = client.get_contact_channel(ContactChannelId=arn)
    except client.exceptions.ResourceNotFoundException:
        return None
    return {"name": found["Name"], "address": found["DeliveryAddress"]["SimpleAddress"]}


def _channel_existing(client: SSMContactsClient, ctx: Context) -> str:
    return client.create_contact_channel(
        ContactId=ctx["contact"],
        Name="mobile",
        Type="SMS",
        DeliveryAddress={"SimpleAddress": "+15550100"},
    )["ContactChannelArn"]


CONTACT_CHANNEL = ResourceCase(
    name="ContactChannel",
    provider=ContactChannelProvider,
    setup=_plan_setup,
    inputs=lambda ctx: {
        "contactId": ctx["contact"],
        "name": "mobile",
        "type": "SMS",
        "deliveryAddress": "+15550100",
        "owner": "contacts/prod/akuam-sms",
    },
    create_calls={"CreateContactChannel": 1, "GetContactChannel": 1, "TagResource": 1},
    live=_channel_live,
    delete_out_of_band=lambda client, arn: client.delete_contact_channel(ContactChannelId=arn),
    make_existing=_channel_existing,
    updates={
        "name": (lambda ctx: {"name": "phone"}, "UpdateContactChannel"),
        "deliveryAddress": (lambda ctx: {"deliveryAddress": "+15550199"}, "UpdateContactChannel"),
    },
    replaces={
        "type": lambda ctx: {"type": "VOICE"},
        "contactId": lambda ctx: {"contactId": ctx["other"]},
    },
    bad={
        "e164": ({"deliveryAddress": "555-0100"}, "delivery_address"),
        "enum": ({"type": "PAGER"}, "type"),
        "unknown-key": ({"address": "x"}, "address"),
    },
)

# -- Rotation ---------------------------------------------------------------------------

WEEKLY = {
    "numberOfOnCalls": 1,
    "recurrenceMultiplier": 1,
    "weeklySettings": [{"dayOfWeek": "MON", "handOffTime": {"hourOfDay": 9, "minuteOfHour": 0}}],
}


def _rotation_live(client: SSMContactsClient, arn: str) -> dict[str, Any] | None:
    try:
        found = client.get_rotation(RotationId=arn)
    except client.exceptions.ResourceNotFoundException:
        return None
    return {"name": found["Name"], "zone": found["TimeZoneId"], "contacts": found["ContactIds"]}


def _rotation_existing(client: SSMContactsClient, ctx: Context) -> str:
    return client.create_rotation(
        Name="primary",
        ContactIds=[ctx["contact"], ctx["other"]],
        StartTime="2026-12-07T09:00:00Z",
        TimeZoneId="Europe/Paris",
        Recurrence={
            "NumberOfOnCalls": 1,
            "RecurrenceMultiplier": 1,
            "WeeklySettings": [
                {"DayOfWeek": "MON", "HandOffTime": {"HourOfDay": 9, "MinuteOfHour": 0}}
            ],
        },
    )["RotationArn"]


ROTATION_CASE = ResourceCase(
    name="Rotation",
    provider=RotationProvider,
    setup=_plan_setup,
    inputs=lambda ctx: {
        "name": "primary",
        "contactIds": [ctx["contact"], ctx["other"]],
        "startTime": "2026-12-07T09:00:00Z",
        "timeZoneId": "Europe/Paris",
        "recurrence": WEEKLY,
        "owner": "contacts/prod/primary",
    },
    create_calls={"CreateRotation": 1, "GetRotation": 1, "ListTagsForResource": 1},
    live=_rotation_live,
    delete_out_of_band=lambda client, arn: client.delete_rotation(RotationId=arn),
    make_existing=_rotation_existing,
    updates={
        "timeZoneId": (lambda ctx: {"timeZoneId": "Asia/Tokyo"}, "UpdateRotation"),
        "contactIds": (
            lambda ctx: {"contactIds": [ctx["other"], ctx["contact"]]},
            "UpdateRotation",
        ),
        "startTime": (lambda ctx: {"startTime": "2026-12-14T09:00:00+01:00"}, "UpdateRotation"),
        "recurrence": (
            lambda ctx: {"recurrence": {**WEEKLY, "recurrenceMultiplier": 2}},
            "UpdateRotation",
        ),
        "tags": (lambda ctx: {"tags": {"team": "sre"}}, "TagResource"),
    },
    replaces={"name": lambda ctx: {"name": "secondary"}},
    bad={
        "zone": ({"timeZoneId": "Mars/Olympus"}, "time_zone_id"),
        "settings": (
            {"recurrence": {**WEEKLY, "dailySettings": [{"hourOfDay": 9, "minuteOfHour": 0}]}},
            "recurrence",
        ),
        "start": ({"startTime": "2026-12-07T09:00:00"}, "start_time"),
        "on-calls": (
            {"recurrence": {**WEEKLY, "numberOfOnCalls": 3}},
            "recurrence.number_of_on_calls",
        ),
        "multiplier": (
            {"recurrence": {**WEEKLY, "recurrenceMultiplier": 0}},
            "recurrence.recurrence_multiplier",
        ),
        "leap-second": ({"startTime": "2026-12-31T23:59:60Z"}, "start_time"),
        "member-is-a-channel": ({"contactIds": [OTHER_CHANNEL]}, "contact_ids[0]"),
        "member-is-a-rotation": ({"contactIds": [ROTATION]}, "contact_ids[0]"),
    },
)

CASES = [CONTACT, CONTACT_PLAN, CONTACT_CHANNEL, ROTATION_CASE]
