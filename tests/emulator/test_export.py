"""`export` against the emulator: every page read, the on-call setup declared with references,
what it leaves out said, throttling absorbed, a denied action named. The setup is made with
boto3 (`make_setup`, which the e2e tests of the export reuse), never with Pulumi.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from pulumi_ssm_contacts.core import aws_client
from pulumi_ssm_contacts.core.ownership import OWNER_TAG
from pulumi_ssm_contacts.export import project
from pulumi_ssm_contacts.export.command import ExportError, read_and_declare
from pulumi_ssm_contacts.export.declarations import Declaration, Export, Ref, SecretConfig, declare
from pulumi_ssm_contacts.export.live import read_setup

from .helpers import Emulator, SSMContactsClient

CANARY_PHONE = "+15550199371"
CANARY_EMAIL = "canary-7f3a9c@example.com"
CANARIES = (CANARY_PHONE, CANARY_EMAIL, "+15550100", "+15550111", "kwame@example.com")
"""Every delivery address the setup holds: none may appear in what an export writes or says."""
MONDAY = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Setup:
    """The ARNs of the on-call setup `make_setup` makes."""

    akua: str
    kwame: str
    legacy: str
    akua_sms: str
    akua_email: str
    akua_backup: str
    kwame_voice: str
    kwame_sms: str
    rotation: str
    schedule: str
    second_line: str
    escalation: str


def _channel(
    client: SSMContactsClient,
    contact: str,
    name: str,
    kind: Any,
    address: str,
    activate: Callable[[str], str] | None,
) -> str:
    arn: str = client.create_contact_channel(
        ContactId=contact, Name=name, Type=kind, DeliveryAddress={"SimpleAddress": address}
    )["ContactChannelArn"]
    if activate is not None:
        client.activate_contact_channel(ContactChannelId=arn, ActivationCode=activate(arn))
    return arn


def _pages(*channels: tuple[str, int]) -> Any:
    return {
        "Stages": [
            {
                "DurationInMinutes": minutes,
                "Targets": [
                    {"ChannelTargetInfo": {"ContactChannelId": arn, "RetryIntervalInMinutes": 1}}
                ],
            }
            for arn, minutes in channels
        ]
    }


def _engages(*contacts: tuple[str, int, bool]) -> Any:
    return {
        "Stages": [
            {
                "DurationInMinutes": minutes,
                "Targets": [{"ContactTargetInfo": {"ContactId": arn, "IsEssential": essential}}],
            }
            for arn, minutes, essential in contacts
        ]
    }


def make_setup(client: SSMContactsClient, activation_code: Callable[[str], str]) -> Setup:
    """Paging and on-call, with the awkward cases an export must handle.

    Akua (SMS with the canary number, email with the canary address, then an unpaged backup
    email left NOT_ACTIVATED) and Kwame (two channels both named "Phone"), each with a plan;
    a weekly rotation of the two (tagged, with an override), an on-call schedule of it; an
    escalation `incident-lead` (Akua, then the schedule, then `2nd-line`); `2nd-line`, whose
    alias is no identifier, engaging Kwame and `legacy`, a contact another Pulumi stack owns.
    """
    person: Any = "PERSONAL"
    akua = client.create_contact(
        Alias="akua",
        DisplayName="Akua Mensah",
        Type=person,
        Plan={"Stages": []},
        Tags=[{"Key": "team", "Value": "sre"}, {"Key": "cost-centre", "Value": "cc:42"}],
    )["ContactArn"]
    kwame = client.create_contact(
        Alias="kwame", DisplayName="Kwame Boateng", Type=person, Plan={"Stages": []}
    )["ContactArn"]
    legacy = client.create_contact(
        Alias="legacy",
        Type=person,
        Plan={"Stages": []},
        Tags=[{"Key": OWNER_TAG, "Value": "other-project/prod/legacy"}],
    )["ContactArn"]
    akua_sms = _channel(client, akua, "Phone", "SMS", CANARY_PHONE, activation_code)
    akua_email = _channel(client, akua, "Work email", "EMAIL", CANARY_EMAIL, activation_code)
    akua_backup = _channel(client, akua, "Backup", "SMS", "+15550100", None)
    kwame_voice = _channel(client, kwame, "Phone", "VOICE", "+15550111", activation_code)
    kwame_sms = _channel(client, kwame, "Phone", "EMAIL", "kwame@example.com", activation_code)
    client.update_contact(ContactId=akua, Plan=_pages((akua_sms, 5), (akua_email, 0)))
    client.update_contact(ContactId=kwame, Plan=_pages((kwame_voice, 5), (kwame_sms, 0)))
    rotation = client.create_rotation(
        Name="primary",
        ContactIds=[akua, kwame],
        StartTime=MONDAY,
        TimeZoneId="Europe/London",
        Recurrence={
            "NumberOfOnCalls": 1,
            "RecurrenceMultiplier": 1,
            "WeeklySettings": [
                {"DayOfWeek": "MON", "HandOffTime": {"HourOfDay": 9, "MinuteOfHour": 0}}
            ],
        },
        Tags=[{"Key": "team", "Value": "sre"}],
    )["RotationArn"]
    soon = datetime.now(UTC) + timedelta(days=30)
    client.create_rotation_override(
        RotationId=rotation,
        NewContactIds=[kwame],
        StartTime=soon,
        EndTime=soon + timedelta(days=1),
    )
    schedule = client.create_contact(
        Alias="sre-oncall", Type="ONCALL_SCHEDULE", Plan={"RotationIds": [rotation]}
    )["ContactArn"]
    second_line = client.create_contact(
        Alias="2nd-line", Type="ESCALATION", Plan=_engages((kwame, 5, True), (legacy, 0, False))
    )["ContactArn"]
    escalation = client.create_contact(
        Alias="incident-lead",
        DisplayName="Incident lead",
        Type="ESCALATION",
        Plan=_engages((akua, 5, True), (schedule, 10, True), (second_line, 0, True)),
    )["ContactArn"]
    return Setup(
        akua,
        kwame,
        legacy,
        akua_sms,
        akua_email,
        akua_backup,
        kwame_voice,
        kwame_sms,
        rotation,
        schedule,
        second_line,
        escalation,
    )


def _by_name(export: Export) -> dict[str, Declaration]:
    return {d.name: d for d in export.declarations}


def test_the_oncall_setup_is_declared_with_references(emulator: Emulator) -> None:
    setup = make_setup(emulator.client, emulator.activation_code)
    export = declare(read_setup(emulator.client))
    found = _by_name(export)

    assert {d.kind for d in found.values()} == {
        "Contact",
        "ContactChannel",
        "ContactPlan",
        "Rotation",
    }
    # Unique names from aliases and channel names: a repeated channel name, a digit-first alias.
    assert sorted(found) == [
        "akua",
        "akua-backup",
        "akua-phone",
        "akua-plan",
        "akua-work-email",
        "contact-2nd-line",
        "incident-lead",
        "kwame",
        "kwame-phone",
        "kwame-phone-2",
        "kwame-plan",
        "primary",
        "sre-oncall",
    ]
    akua = found["akua"]
    assert akua.import_id == setup.akua
    assert akua.inputs == {
        "alias": "akua",
        "type": "PERSONAL",
        "displayName": "Akua Mensah",
        "tags": {"cost-centre": "cc:42", "team": "sre"},
    }
    # A person's plan pages its own channels: a ContactPlan of its own, with references.
    plan = found["akua-plan"]
    assert plan.import_id == setup.akua
    assert plan.inputs["contactId"] == Ref("akua")
    targets = [s["targets"][0]["channelTargetInfo"] for s in plan.inputs["stages"]]
    assert targets == [
        {"contactChannelId": Ref("akua-phone"), "retryIntervalInMinutes": 1},
        {"contactChannelId": Ref("akua-work-email"), "retryIntervalInMinutes": 1},
    ]
    channel = found["akua-phone"].inputs
    assert channel["contactId"] == Ref("akua")
    assert isinstance(channel["deliveryAddress"], SecretConfig)
    assert channel["deliveryAddress"].channel_arn == setup.akua_sms
    # Inline plans elsewhere: the schedule's rotation, the escalations' contacts.
    assert found["sre-oncall"].inputs["plan"] == {"rotationIds": [Ref("primary")]}
    lead = found["incident-lead"].inputs["plan"]["stages"]
    engaged = [s["targets"][0]["contactTargetInfo"]["contactId"] for s in lead]
    assert engaged == [Ref("akua"), Ref("sre-oncall"), Ref("contact-2nd-line")]
    # An escalation is declared after the escalations it engages.
    order = [d.name for d in export.declarations]
    assert order.index("contact-2nd-line") < order.index("incident-lead")
    rotation = found["primary"].inputs
    assert rotation["contactIds"] == [Ref("akua"), Ref("kwame")]
    assert rotation["startTime"] == "2026-12-07T09:00:00Z"
    assert rotation["tags"] == {"team": "sre"}
    # The contact another stack owns is left out; the plan engaging it keeps its ARN, said.
    second = found["contact-2nd-line"].inputs["plan"]["stages"]
    assert second[1]["targets"][0]["contactTargetInfo"]["contactId"] == setup.legacy
    left_out = " ".join(n.subject + n.what for n in export.left_out)
    assert "contact legacy" in left_out and "other-project/prod/legacy" in left_out
    attention = {n.subject: n.what for n in export.attention}
    assert f"names {setup.legacy}" in attention["the plan of contact 2nd-line"]
    assert "NOT_ACTIVATED" in attention["channel 'Backup' of contact akua (akua-backup)"]
    assert "1 override(s)" in attention["rotation 'primary' (primary)"]


def test_no_file_of_an_export_holds_a_delivery_address(emulator: Emulator, tmp_path: Path) -> None:
    make_setup(emulator.client, emulator.activation_code)
    export = declare(read_setup(emulator.client))
    for language, fmt in (("python", "program"), ("yaml", "program"), ("yaml", "import-file")):
        texts = project.files(
            export, language=language, fmt=fmt, stack="dev", project="p", command="export"
        )
        for name, text in texts.items():
            for canary in CANARIES:
                assert canary not in text, (language, fmt, name)


def test_every_page_of_every_list_is_read(ssm_contacts_client: SSMContactsClient) -> None:
    """In process only: 300 creates over HTTP would cost seconds and prove nothing more."""
    emulator = Emulator("in_process", ssm_contacts_client, None)
    client = emulator.client
    for i in range(105):
        arn = client.create_contact(Alias=f"p{i:03}", Type="PERSONAL", Plan={"Stages": []})[
            "ContactArn"
        ]
        if i == 0:
            for n in range(101):
                _channel(client, arn, f"c{n}", "EMAIL", f"p{n}@example.com", None)
    for i in range(101):
        client.create_rotation(
            Name=f"r{i}",
            ContactIds=[arn],
            StartTime=MONDAY,
            TimeZoneId="UTC",
            Recurrence={
                "NumberOfOnCalls": 1,
                "RecurrenceMultiplier": 1,
                "DailySettings": [{"HourOfDay": 9, "MinuteOfHour": 0}],
            },
        )
    emulator.clear_calls()
    lines: list[str] = []
    setup = read_setup(client, lines.append)

    assert len(setup.contacts) == 105
    assert len(setup.channels) == 101
    assert len(setup.rotations) == 101
    counts = emulator.counts()
    assert counts["ListContacts"] == 2
    assert counts["ListRotations"] == 2
    assert counts["ListContactChannels"] == 105 + 1  # the first contact's channels: 2 pages
    assert "105 contacts listed in us-east-1" in lines
    assert "100 of 105 contacts read" in lines
    assert lines[-1] == "read 105 contacts, 101 channels, 0 plans, 101 rotations"


@pytest.fixture
def boto3_chain(emulator: Emulator) -> Emulator:
    """The package's own client (aws_client), fresh, for the emulator in either mode."""
    aws_client.forget_clients()
    return emulator


def test_throttling_is_retried(boto3_chain: Emulator) -> None:
    emulator = boto3_chain
    make_setup(emulator.client, emulator.activation_code)
    emulator.set_faults(throttle_rate=0.3, seed=7)
    export = read_and_declare("us-east-1")
    emulator.set_faults(throttle_rate=0.0)

    assert export.count("Contact") == 5
    assert export.count("ContactChannel") == 5


def test_a_denied_action_is_named(boto3_chain: Emulator) -> None:
    emulator = boto3_chain
    emulator.set_preconditions(access_denied=["ListRotations"])
    with pytest.raises(ExportError) as refused:
        read_and_declare("us-east-1")
    emulator.set_preconditions(access_denied=[])

    message = str(refused.value)
    assert "ListRotations in us-east-1 failed: AWS said AccessDeniedException" in message
    assert "Allow the IAM action ssm-contacts:ListRotations" in message
    assert "Traceback" not in message
