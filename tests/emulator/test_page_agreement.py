"""`page` and the emulator agree: examples/oncall's setup engaged at three times of the week.

The setup is examples/oncall's (made here with boto3, the same contacts, channels, plans and
rotations; tests/e2e/test_paging_timeline.py runs the example itself under the real CLI). For
each time, the emulator's StartEngagement is walked minute by minute on its clock, and
``python -m pulumi_ssm_contacts page`` prints its table from the live setup: the two list the
same sends (minute, who, channel).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from pulumi_ssm_contacts.__main__ import main
from pulumi_ssm_contacts.core import aws_client

from .engagement_setup import advance, channel, channel_stage, contact_stage, set_clock
from .helpers import Emulator

START = "2026-12-07T00:00:00Z"
DAYS = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")
MINUTES = 30


def weekly(start: int, end: int) -> Any:
    span = {
        "Start": {"HourOfDay": start, "MinuteOfHour": 0},
        "End": {"HourOfDay": end, "MinuteOfHour": 0},
    }
    monday = {"DayOfWeek": "MON", "HandOffTime": {"HourOfDay": 9, "MinuteOfHour": 0}}
    return {
        "NumberOfOnCalls": 1,
        "RecurrenceMultiplier": 1,
        "WeeklySettings": [monday],
        "ShiftCoverages": {day: [span] for day in DAYS},
    }


def examples_oncall(emulator: Emulator) -> None:
    """examples/oncall/__main__.py, with every channel activated."""
    client = emulator.client
    people = {}
    for alias in ("akua", "kwame", "sre-manager"):
        arn = client.create_contact(Alias=alias, Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
        email = channel(emulator, arn, "Email", "EMAIL", f"{alias}@example.com")
        client.update_contact(ContactId=arn, Plan={"Stages": [channel_stage(email, 0, retry=5)]})
        people[alias] = arn
    london = client.create_rotation(
        Name="sre-london",
        ContactIds=[people["akua"], people["kwame"]],
        StartTime=datetime.fromisoformat(START),
        TimeZoneId="Europe/London",
        Recurrence=weekly(8, 20),
    )["RotationArn"]
    sydney = client.create_rotation(
        Name="sre-sydney",
        ContactIds=[people["kwame"], people["akua"]],
        StartTime=datetime.fromisoformat(START),
        TimeZoneId="Australia/Sydney",
        Recurrence=weekly(7, 19),
    )["RotationArn"]
    schedule = client.create_contact(
        Alias="sre-oncall", Type="ONCALL_SCHEDULE", Plan={"RotationIds": [london, sydney]}
    )["ContactArn"]
    client.create_contact(
        Alias="sre-escalation",
        Type="ESCALATION",
        Plan={"Stages": [contact_stage(schedule, 15), contact_stage(people["sre-manager"], 15)]},
    )


def emulator_sends(emulator: Emulator, at: datetime) -> list[tuple[int, str, str]]:
    """StartEngagement on sre-escalation at ``at``, walked to MINUTES on the clock."""
    client = emulator.client
    set_clock(emulator, at)
    contacts = client.list_contacts()["Contacts"]
    escalation = next(c["ContactArn"] for c in contacts if c["Alias"] == "sre-escalation")
    engagement = client.start_engagement(
        ContactId=escalation, Sender="test", Subject="s", Content="c"
    )["EngagementArn"]
    advance(emulator, MINUTES)
    out = []
    for page in client.list_pages_by_engagement(EngagementId=engagement)["Pages"]:
        who = page["ContactArn"].rsplit("/", 1)[1]
        for receipt in client.list_page_receipts(PageId=page["PageArn"])["Receipts"]:
            found = client.get_contact_channel(ContactChannelId=receipt["ContactChannelArn"])
            minute = int((receipt["ReceiptTime"] - at) / timedelta(minutes=1))
            out.append((minute, who, f"{found['Name']} ({found['Type']})"))
    return sorted(out)


def page_sends(
    emulator: Emulator, at: datetime, capsys: pytest.CaptureFixture[str]
) -> list[tuple[int, str, str]]:
    """What `page` prints for the same engagement: (minute, who, channel) per row."""
    capsys.readouterr()
    argv = ["page", "--contact", "sre-escalation", "--at", at.isoformat()]
    argv += ["--minutes", str(MINUTES)]
    aws_client.forget_clients()
    try:
        assert main([*argv, "--region", "us-east-1"]) == 0
    finally:
        aws_client.forget_clients()
    table = capsys.readouterr().out
    assert "example.com" not in table, "no delivery address is ever printed"
    rows = [[cell.strip() for cell in line.split("|")[1:-1]] for line in table.splitlines()[2:]]
    return sorted((int(minute), who, name) for minute, _, who, name, _ in rows)


# (time of the week, who the schedule pages) in examples/oncall's first week: London's
# 08:00-20:00 is Akua's shift until Monday's 09:00 hand-off, then Kwame's; Sydney's 07:00-19:00
# (London's night) is Kwame's all week.
AGREEMENT = [
    (datetime(2026, 12, 7, 8, 30, tzinfo=UTC), "akua"),
    (datetime(2026, 12, 9, 12, 0, tzinfo=UTC), "kwame"),
    (datetime(2026, 12, 11, 2, 0, tzinfo=UTC), "kwame"),
]


@pytest.mark.parametrize(("at", "on_call"), AGREEMENT, ids=["mon-0830", "wed-1200", "fri-0200"])
def test_page_prints_what_the_emulator_pages(
    emulator: Emulator, capsys: pytest.CaptureFixture[str], at: datetime, on_call: str
) -> None:
    examples_oncall(emulator)

    by_page = page_sends(emulator, at, capsys)
    by_emulator = emulator_sends(emulator, at)

    assert by_emulator == [(0, on_call, "Email (EMAIL)"), (15, "sre-manager", "Email (EMAIL)")]
    assert by_page == by_emulator
