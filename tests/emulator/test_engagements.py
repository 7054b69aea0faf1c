"""Engagements on the emulator's clock: who is paged when, through which channel (issue 16).

Each test sets the clock, starts an engagement and walks it minute by minute (no sleeping);
every answer is checked against botocore's output shape by the checked client.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from botocore.exceptions import ClientError

from .engagement_setup import (
    INCIDENT,
    OnCall,
    accept_code,
    advance,
    contact_stage,
    on_call,
    person,
    sent,
    set_clock,
)
from .helpers import Emulator, error_code, error_field

ENGAGE = {"Sender": "cli", "Subject": "checkout down", "Content": "5xx on checkout"}


def start(emulator: Emulator, contact: str, **extra: str) -> str:
    arn: str = emulator.client.start_engagement(ContactId=contact, **ENGAGE, **extra)[
        "EngagementArn"
    ]
    return arn


def walk(emulator: Emulator, setup: OnCall, engagement: str, minutes: int) -> dict[int, list[str]]:
    """Advance the clock a minute at a time; what is newly sent at each minute."""
    seen: set[tuple[str, int]] = set()
    new: dict[int, list[str]] = {}
    for minute in range(minutes + 1):
        if minute:
            advance(emulator, 1)
        now = set(sent(emulator.client, engagement, setup.names()))
        fresh = sorted(now - seen)
        if fresh:
            assert all(at == minute for _, at in fresh), (minute, fresh)
            new[minute] = [who for who, _ in fresh]
        seen = now
    return new


def test_two_stage_escalation_pages_the_person_then_whoever_is_on_call(
    emulator: Emulator,
) -> None:
    setup = on_call(emulator)
    set_clock(emulator, INCIDENT)

    engagement = start(emulator, setup.escalation)

    assert walk(emulator, setup, engagement, 30) == {
        0: ["akua/SMS"],
        5: ["akua/Email"],
        10: ["kwame/Email"],
    }
    pages = emulator.client.list_pages_by_engagement(EngagementId=engagement)["Pages"]
    assert [p["ContactArn"] for p in pages] == [setup.akua, setup.kwame]
    assert [p["SentTime"] - INCIDENT for p in pages] == [timedelta(0), timedelta(minutes=10)]


def test_engagement_shows_only_what_the_clock_has_reached(emulator: Emulator) -> None:
    setup = on_call(emulator)
    set_clock(emulator, INCIDENT)
    engagement = start(emulator, setup.escalation)
    client = emulator.client

    before = client.list_pages_by_engagement(EngagementId=engagement)["Pages"]
    advance(emulator, 10)
    after = client.list_pages_by_engagement(EngagementId=engagement)["Pages"]

    assert [p["ContactArn"] for p in before] == [setup.akua]
    assert [p["ContactArn"] for p in after] == [setup.akua, setup.kwame]
    assert client.list_pages_by_contact(ContactId=setup.kwame)["Pages"] == after[1:]


def test_week_two_pages_the_next_person_in_the_rotation(emulator: Emulator) -> None:
    setup = on_call(emulator)
    set_clock(emulator, INCIDENT + timedelta(days=7))

    engagement = start(emulator, setup.schedule)

    pages = emulator.client.list_pages_by_engagement(EngagementId=engagement)["Pages"]
    assert [p["ContactArn"] for p in pages] == [setup.lena]


def test_accept_page_by_an_essential_contact_stops_later_stages(emulator: Emulator) -> None:
    setup = on_call(emulator)
    set_clock(emulator, INCIDENT)
    engagement = start(emulator, setup.escalation)
    client = emulator.client
    (page,) = client.list_pages_by_engagement(EngagementId=engagement)["Pages"]
    advance(emulator, 7)

    client.accept_page(
        PageId=page["PageArn"],
        ContactChannelId=setup.email,
        AcceptType="READ",
        AcceptCode=accept_code(emulator, page["PageArn"]),
        AcceptCodeValidation="ENFORCE",
    )
    advance(emulator, 30)

    assert sent(client, engagement, setup.names()) == [("akua/SMS", 0), ("akua/Email", 5)]
    pages = client.list_pages_by_engagement(EngagementId=engagement)["Pages"]
    assert [p["ContactArn"] for p in pages] == [setup.akua]
    assert pages[0]["ReadTime"] - INCIDENT == timedelta(minutes=7)
    receipts = client.list_page_receipts(PageId=page["PageArn"])["Receipts"]
    assert [r["ReceiptType"] for r in receipts] == ["SENT", "SENT", "READ"]


def test_accept_page_by_a_non_essential_contact_stops_only_their_own_pages(
    emulator: Emulator,
) -> None:
    setup = on_call(emulator, akua_essential=False)
    set_clock(emulator, INCIDENT)
    engagement = start(emulator, setup.escalation)
    client = emulator.client
    (page,) = client.list_pages_by_engagement(EngagementId=engagement)["Pages"]
    advance(emulator, 2)

    client.accept_page(PageId=page["PageArn"], AcceptType="READ", AcceptCode="000000")
    advance(emulator, 30)

    assert sent(client, engagement, setup.names()) == [("akua/SMS", 0), ("kwame/Email", 10)]


def test_accept_page_delivered_records_a_receipt_and_stops_nothing(emulator: Emulator) -> None:
    setup = on_call(emulator)
    set_clock(emulator, INCIDENT)
    engagement = start(emulator, setup.escalation)
    client = emulator.client
    (page,) = client.list_pages_by_engagement(EngagementId=engagement)["Pages"]
    advance(emulator, 1)

    client.accept_page(PageId=page["PageArn"], AcceptType="DELIVERED", AcceptCode="123456")
    advance(emulator, 30)

    assert [who for who, _ in sent(client, engagement, setup.names())] == [
        "akua/SMS",
        "akua/Email",
        "kwame/Email",
    ]
    described = client.describe_page(PageId=page["PageArn"])
    assert described["DeliveryTime"] - INCIDENT == timedelta(minutes=1)
    assert "ReadTime" not in described


def test_accept_code_enforced_must_match(emulator: Emulator) -> None:
    setup = on_call(emulator)
    set_clock(emulator, INCIDENT)
    engagement = start(emulator, setup.akua)
    (page,) = emulator.client.list_pages_by_engagement(EngagementId=engagement)["Pages"]
    wrong = "999999" if accept_code(emulator, page["PageArn"]) != "999999" else "000000"

    with pytest.raises(ClientError) as refused:
        emulator.client.accept_page(
            PageId=page["PageArn"],
            AcceptType="READ",
            AcceptCode=wrong,
            AcceptCodeValidation="ENFORCE",
        )

    assert error_code(refused) == "ValidationException"
    assert "ReadTime" not in emulator.client.describe_page(PageId=page["PageArn"])


def test_override_changes_who_is_paged(emulator: Emulator) -> None:
    setup = on_call(emulator)
    client = emulator.client
    client.create_rotation_override(
        RotationId=setup.rotation,
        NewContactIds=[setup.lena],
        StartTime=INCIDENT - timedelta(hours=1),
        EndTime=INCIDENT + timedelta(hours=1),
    )
    set_clock(emulator, INCIDENT)

    engagement = start(emulator, setup.escalation)

    assert walk(emulator, setup, engagement, 15)[10] == ["lena/Email"]
    shifts = client.list_rotation_shifts(
        RotationId=setup.rotation, StartTime=INCIDENT, EndTime=INCIDENT + timedelta(minutes=1)
    )["RotationShifts"]
    assert [(s["Type"], s["ContactIds"]) for s in shifts] == [("OVERRIDDEN", [setup.lena])]


def test_not_activated_channel_gets_no_page(emulator: Emulator) -> None:
    setup = on_call(emulator, email_activated=False)
    set_clock(emulator, INCIDENT)

    engagement = start(emulator, setup.escalation)

    assert walk(emulator, setup, engagement, 15) == {0: ["akua/SMS"], 10: ["kwame/Email"]}
    receipts = [
        r
        for page in emulator.client.list_pages_by_contact(ContactId=setup.akua)["Pages"]
        for r in emulator.client.list_page_receipts(PageId=page["PageArn"])["Receipts"]
    ]
    assert [r["ContactChannelArn"] for r in receipts] == [setup.sms]


def test_contact_whose_channels_are_all_unactivated_gets_no_page(emulator: Emulator) -> None:
    setup = on_call(emulator)
    emulator.client.deactivate_contact_channel(ContactChannelId=setup.kwame_email)
    set_clock(emulator, INCIDENT)

    engagement = start(emulator, setup.schedule)
    advance(emulator, 30)

    assert emulator.client.list_pages_by_engagement(EngagementId=engagement)["Pages"] == []


def test_stop_engagement_stops_what_comes_after(emulator: Emulator) -> None:
    setup = on_call(emulator)
    set_clock(emulator, INCIDENT)
    engagement = start(emulator, setup.escalation, IncidentId="inc-1")
    client = emulator.client
    advance(emulator, 3)

    client.stop_engagement(EngagementId=engagement, Reason="resolved")
    advance(emulator, 30)

    assert sent(client, engagement, setup.names()) == [("akua/SMS", 0)]
    described = client.describe_engagement(EngagementId=engagement)
    assert described["StopTime"] - INCIDENT == timedelta(minutes=3)
    assert (described["IncidentId"], described["Subject"]) == ("inc-1", ENGAGE["Subject"])
    (page,) = client.list_pages_by_engagement(EngagementId=engagement)["Pages"]
    receipts = client.list_page_receipts(PageId=page["PageArn"])["Receipts"]
    assert [r["ReceiptType"] for r in receipts] == ["SENT", "STOP"]


def test_page_resolutions_name_the_path_from_the_escalation(emulator: Emulator) -> None:
    setup = on_call(emulator)
    set_clock(emulator, INCIDENT)
    engagement = start(emulator, setup.escalation)
    advance(emulator, 10)
    pages = emulator.client.list_pages_by_engagement(EngagementId=engagement)["Pages"]

    resolutions = emulator.client.list_page_resolutions(PageId=pages[1]["PageArn"])

    assert [
        (r["ContactArn"], r["Type"], r.get("StageIndex")) for r in resolutions["PageResolutions"]
    ] == [
        (setup.escalation, "ESCALATION", 1),
        (setup.schedule, "ONCALL_SCHEDULE", None),
        (setup.kwame, "PERSONAL", None),
    ]


def test_list_engagements_paginates_and_filters(emulator: Emulator) -> None:
    setup = on_call(emulator)
    set_clock(emulator, INCIDENT)
    first = start(emulator, setup.akua, IncidentId="inc-1")
    advance(emulator, 60)
    second = start(emulator, setup.kwame, IncidentId="inc-2")
    client = emulator.client

    page1 = client.list_engagements(MaxResults=1)
    page2 = client.list_engagements(MaxResults=1, NextToken=page1["NextToken"])
    by_incident = client.list_engagements(IncidentId="inc-2")["Engagements"]
    in_range = client.list_engagements(
        TimeRangeValue={"StartTime": INCIDENT, "EndTime": INCIDENT + timedelta(minutes=1)}
    )["Engagements"]

    assert [e["EngagementArn"] for e in page1["Engagements"] + page2["Engagements"]] == [
        first,
        second,
    ]
    assert "NextToken" not in page2
    assert [e["EngagementArn"] for e in by_incident] == [second]
    assert [e["EngagementArn"] for e in in_range] == [first]
    assert ":engagement/akua/" in first


def test_page_receipts_paginate(emulator: Emulator) -> None:
    setup = on_call(emulator)
    set_clock(emulator, INCIDENT)
    engagement = start(emulator, setup.akua)
    advance(emulator, 5)
    (page,) = emulator.client.list_pages_by_engagement(EngagementId=engagement)["Pages"]

    one = emulator.client.list_page_receipts(PageId=page["PageArn"], MaxResults=1)
    two = emulator.client.list_page_receipts(
        PageId=page["PageArn"], MaxResults=1, NextToken=one["NextToken"]
    )

    channels = [r["ContactChannelArn"] for r in one["Receipts"] + two["Receipts"]]
    assert channels == [setup.sms, setup.email]


def test_unknown_engagement_and_future_page_are_not_found(emulator: Emulator) -> None:
    setup = on_call(emulator)
    set_clock(emulator, INCIDENT)
    engagement = start(emulator, setup.escalation)
    missing = engagement.rsplit("/", 1)[0] + "/00000000-0000-0000-0000-000000000000"

    with pytest.raises(ClientError) as no_engagement:
        emulator.client.describe_engagement(EngagementId=missing)
    with pytest.raises(ClientError) as no_contact:
        emulator.client.start_engagement(ContactId=setup.akua + "x", **ENGAGE)

    assert error_code(no_engagement) == "ResourceNotFoundException"
    assert error_field(no_engagement, "ResourceType") == "ENGAGEMENT"
    assert error_code(no_contact) == "ResourceNotFoundException"


def test_engaging_a_contact_with_no_plan_pages_nobody(emulator: Emulator) -> None:
    nobody = person(emulator.client, "nobody")
    escalation = emulator.client.create_contact(
        Alias="esc", Type="ESCALATION", Plan={"Stages": [contact_stage(nobody, 0)]}
    )["ContactArn"]
    set_clock(emulator, INCIDENT)

    engagement = start(emulator, escalation)
    advance(emulator, 30)

    assert emulator.client.list_pages_by_engagement(EngagementId=engagement)["Pages"] == []
    assert emulator.client.describe_engagement(EngagementId=engagement)["ContactArn"] == escalation


def test_start_engagement_replays_its_idempotency_token(emulator: Emulator) -> None:
    setup = on_call(emulator)

    first = start(emulator, setup.akua, IdempotencyToken="t-1")
    again = start(emulator, setup.akua, IdempotencyToken="t-1")

    assert first == again
    assert len(emulator.client.list_engagements()["Engagements"]) == 1


def test_pages_paginate_through_boto3s_paginator(emulator: Emulator) -> None:
    setup = on_call(emulator)
    set_clock(emulator, INCIDENT)
    engagement = start(emulator, setup.escalation)
    advance(emulator, 10)
    paginator = emulator.client.get_paginator("list_pages_by_engagement")

    pages = list(paginator.paginate(EngagementId=engagement, PaginationConfig={"PageSize": 1}))

    assert [len(p["Pages"]) for p in pages] == [1, 1]
    assert [p["Pages"][0]["ContactArn"] for p in pages] == [setup.akua, setup.kwame]
