"""A small on-call setup for the engagement tests, and the emulator's clock in either mode."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from pulumi_ssm_contacts.emulator.clock import CLOCK

from .helpers import Emulator, SSMContactsClient

MONDAY = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
"""The rotation's start and first hand-off (a Monday, 09:00 UTC)."""
INCIDENT = datetime(2026, 12, 8, 3, 0, tzinfo=UTC)
"""Tuesday 03:00 UTC: in the rotation's first week (Kwame on call)."""


def set_clock(emulator: Emulator, when: datetime) -> None:
    """Stand the emulator's clock at ``when``."""
    if emulator.control:
        emulator.control.set_clock(when)
    else:
        CLOCK.set(when.timestamp())


def advance(emulator: Emulator, minutes: float) -> None:
    """Move the emulator's clock forward."""
    if emulator.control:
        emulator.control.advance_clock(minutes=minutes)
    else:
        CLOCK.advance(minutes * 60)


def accept_code(emulator: Emulator, page_arn: str) -> str:
    """The code a page carries."""
    from pulumi_ssm_contacts.emulator_harness import state

    codes = emulator.control.accept_codes() if emulator.control else state.accept_codes()
    return codes[page_arn]


def channel(
    emulator: Emulator, contact: str, name: str, kind: str, address: str, *, activate: bool = True
) -> str:
    """A channel on the contact, activated with its code unless told otherwise."""
    client = emulator.client
    arn: str = client.create_contact_channel(
        ContactId=contact,
        Name=name,
        Type=kind,  # type: ignore[arg-type]
        DeliveryAddress={"SimpleAddress": address},
    )["ContactChannelArn"]
    if activate:
        code = emulator.activation_code(arn)
        client.activate_contact_channel(ContactChannelId=arn, ActivationCode=code)
    return arn


def channel_stage(channel_arn: str, minutes: int, retry: int = 0) -> Any:
    """A plan stage paging one channel."""
    info = {"ContactChannelId": channel_arn, "RetryIntervalInMinutes": retry}
    return {"DurationInMinutes": minutes, "Targets": [{"ChannelTargetInfo": info}]}


def contact_stage(contact_arn: str, minutes: int, essential: bool = True) -> Any:
    """An escalation stage engaging one contact."""
    info = {"ContactId": contact_arn, "IsEssential": essential}
    return {"DurationInMinutes": minutes, "Targets": [{"ContactTargetInfo": info}]}


@dataclass
class OnCall:
    """Akua (SMS, then email after 5 minutes); Kwame and Lena (email) in a weekly rotation
    under a schedule; an escalation: Akua for 10 minutes, then the schedule."""

    akua: str
    kwame: str
    lena: str
    sms: str
    email: str
    kwame_email: str
    lena_email: str
    rotation: str
    schedule: str
    escalation: str

    def names(self) -> dict[str, str]:
        """Who and which channel, by channel ARN, for readable assertions."""
        return {
            self.sms: "akua/SMS",
            self.email: "akua/Email",
            self.kwame_email: "kwame/Email",
            self.lena_email: "lena/Email",
        }


def person(client: SSMContactsClient, alias: str) -> str:
    arn: str = client.create_contact(Alias=alias, Type="PERSONAL", Plan={"Stages": []})[
        "ContactArn"
    ]
    return arn


def on_call(
    emulator: Emulator,
    *,
    email_activated: bool = True,
    akua_essential: bool = True,
) -> OnCall:
    """Build :class:`OnCall` in the emulator."""
    client = emulator.client
    akua, kwame, lena = (person(client, a) for a in ("akua", "kwame", "lena"))
    sms = channel(emulator, akua, "Phone", "SMS", "+15550100")
    email = channel(emulator, akua, "Email", "EMAIL", "akua@example.com", activate=email_activated)
    client.update_contact(
        ContactId=akua, Plan={"Stages": [channel_stage(sms, 5), channel_stage(email, 0)]}
    )
    emails = {}
    for arn, alias in ((kwame, "kwame"), (lena, "lena")):
        emails[alias] = channel(emulator, arn, "Email", "EMAIL", f"{alias}@example.com")
        client.update_contact(ContactId=arn, Plan={"Stages": [channel_stage(emails[alias], 0)]})
    rotation: str = client.create_rotation(
        Name="primary",
        ContactIds=[kwame, lena],
        StartTime=MONDAY,
        TimeZoneId="UTC",
        Recurrence={
            "NumberOfOnCalls": 1,
            "RecurrenceMultiplier": 1,
            "WeeklySettings": [
                {"DayOfWeek": "MON", "HandOffTime": {"HourOfDay": 9, "MinuteOfHour": 0}}
            ],
        },
    )["RotationArn"]
    schedule: str = client.create_contact(
        Alias="oncall", Type="ONCALL_SCHEDULE", Plan={"RotationIds": [rotation]}
    )["ContactArn"]
    escalation: str = client.create_contact(
        Alias="escalation",
        Type="ESCALATION",
        Plan={"Stages": [contact_stage(akua, 10, akua_essential), contact_stage(schedule, 0)]},
    )["ContactArn"]
    return OnCall(
        akua,
        kwame,
        lena,
        sms,
        email,
        emails["kwame"],
        emails["lena"],
        rotation,
        schedule,
        escalation,
    )


def sent(
    client: SSMContactsClient, engagement: str, names: dict[str, str]
) -> list[tuple[str, int]]:
    """Every SENT receipt of the engagement so far: (who/channel, minute after INCIDENT)."""
    out: list[tuple[str, int]] = []
    for page in client.list_pages_by_engagement(EngagementId=engagement)["Pages"]:
        for receipt in client.list_page_receipts(PageId=page["PageArn"])["Receipts"]:
            if receipt["ReceiptType"] == "SENT":
                minute = (receipt["ReceiptTime"] - INCIDENT) / timedelta(minutes=1)
                out.append((names[receipt["ContactChannelArn"]], int(minute)))
    return sorted(out, key=lambda item: (item[1], item[0]))
