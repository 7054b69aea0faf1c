"""The paging engine (oncall/paging.py), its table, and `page --stack-export`: offline."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from pulumi_ssm_contacts.__main__ import main
from pulumi_ssm_contacts.core.stack_export import read_export
from pulumi_ssm_contacts.oncall import page_table, paging, shifts
from pulumi_ssm_contacts.oncall.page_command import timeline_rows
from pulumi_ssm_contacts.oncall.setup_sources import from_export

PREFIX = "arn:aws:ssm-contacts:us-east-1:111122223333"
AT = datetime(2026, 12, 8, 3, 0, tzinfo=UTC)


def contact(alias: str) -> str:
    return f"{PREFIX}:contact/{alias}"


def chan(alias: str, name: str) -> str:
    return f"{PREFIX}:contact-channel/{alias}/{name}"


def channel_stage(channel_arn: str, minutes: int, retry: int = 0) -> dict[str, Any]:
    info = {"ContactChannelId": channel_arn, "RetryIntervalInMinutes": retry}
    return {"DurationInMinutes": minutes, "Targets": [{"ChannelTargetInfo": info}]}


def contact_stage(arn: str, minutes: int, essential: bool = True) -> dict[str, Any]:
    info = {"ContactId": arn, "IsEssential": essential}
    return {"DurationInMinutes": minutes, "Targets": [{"ContactTargetInfo": info}]}


ROTATION = f"{PREFIX}:rotation/r1"


def setup(
    *,
    akua_stages: list[dict[str, Any]] | None = None,
    escalation: list[dict[str, Any]] | None = None,
    activated: bool = True,
    overrides: list[shifts.Override] | None = None,
    coverage: bool = False,
) -> paging.Setup:
    """Akua (SMS, then email); Kwame and Lena in a weekly rotation under a schedule."""
    akua, kwame, lena = contact("akua"), contact("kwame"), contact("lena")
    stages = akua_stages or [
        channel_stage(chan("akua", "sms"), 5),
        channel_stage(chan("akua", "mail"), 0),
    ]
    recurrence: dict[str, Any] = {
        "NumberOfOnCalls": 1,
        "RecurrenceMultiplier": 1,
        "WeeklySettings": [
            {"DayOfWeek": "MON", "HandOffTime": {"HourOfDay": 9, "MinuteOfHour": 0}}
        ],
    }
    if coverage:
        span = {
            "Start": {"HourOfDay": 9, "MinuteOfHour": 0},
            "End": {"HourOfDay": 17, "MinuteOfHour": 0},
        }
        recurrence["ShiftCoverages"] = {"TUE": [span]}
    contacts = {
        akua: paging.ContactInfo(akua, "akua", "PERSONAL", {"Stages": stages}),
        kwame: paging.ContactInfo(
            kwame, "kwame", "PERSONAL", {"Stages": [channel_stage(chan("kwame", "mail"), 0)]}
        ),
        lena: paging.ContactInfo(
            lena, "lena", "PERSONAL", {"Stages": [channel_stage(chan("lena", "mail"), 0)]}
        ),
        contact("oncall"): paging.ContactInfo(
            contact("oncall"), "oncall", "ONCALL_SCHEDULE", {"RotationIds": [ROTATION]}
        ),
        contact("esc"): paging.ContactInfo(
            contact("esc"),
            "esc",
            "ESCALATION",
            {
                "Stages": escalation
                or [contact_stage(akua, 10), contact_stage(contact("oncall"), 0)]
            },
        ),
    }
    channels = {
        chan("akua", "sms"): paging.ChannelInfo(chan("akua", "sms"), akua, "Phone", "SMS", True),
        chan("akua", "mail"): paging.ChannelInfo(
            chan("akua", "mail"), akua, "Email", "EMAIL", activated
        ),
        chan("kwame", "mail"): paging.ChannelInfo(
            chan("kwame", "mail"), kwame, "Email", "EMAIL", True
        ),
        chan("lena", "mail"): paging.ChannelInfo(
            chan("lena", "mail"), lena, "Email", "EMAIL", True
        ),
    }
    spec = shifts.RotationSpec.from_api(
        {
            "ContactIds": [kwame, lena],
            "StartTime": "2026-12-07T09:00:00Z",
            "TimeZoneId": "UTC",
            "Recurrence": recurrence,
        }
    )
    return paging.Setup(contacts, channels, {ROTATION: spec}, {ROTATION: overrides or []})


def sends(timeline: paging.Timeline) -> list[tuple[int, str]]:
    return [
        (int((s.time - AT) / timedelta(minutes=1)), s.channel_arn.split("/", 1)[1])
        for _, s in timeline.sends()
    ]


def test_escalation_basic() -> None:
    timeline = paging.engage(setup(), contact("esc"), AT)

    assert sends(timeline) == [(0, "akua/sms"), (5, "akua/mail"), (10, "kwame/mail")]
    assert timeline.dead_ends == ()


def test_retry_interval_repeats_the_send_while_the_stage_lasts() -> None:
    stages = [
        channel_stage(chan("akua", "sms"), 10, retry=3),
        channel_stage(chan("akua", "mail"), 0, retry=3),
    ]

    timeline = paging.engage(setup(akua_stages=stages), contact("akua"), AT)

    assert sends(timeline) == [
        (0, "akua/sms"),
        (3, "akua/sms"),
        (6, "akua/sms"),
        (9, "akua/sms"),
        (10, "akua/mail"),
    ]


def test_not_activated_channel_is_skipped_and_named() -> None:
    timeline = paging.engage(setup(activated=False), contact("akua"), AT)

    (engaged,) = timeline.engaged
    assert [s.channel_arn for s in engaged.sends] == [chan("akua", "sms")]
    assert [(s.channel_arn, s.reason) for s in engaged.skipped] == [
        (chan("akua", "mail"), "NOT_ACTIVATED")
    ]


def test_plan_of_only_another_contacts_channel_is_a_dead_end() -> None:
    stages = [channel_stage(chan("kwame", "mail"), 0)]

    timeline = paging.engage(setup(akua_stages=stages), contact("akua"), AT)

    assert timeline.engaged == ()
    assert [d.reason for d in timeline.dead_ends] == [
        "no channel of its plan can be paged (the channel belongs to another contact)"
    ]


def test_schedule_with_nobody_on_call_is_a_dead_end() -> None:
    timeline = paging.engage(setup(coverage=True), contact("esc"), AT)

    assert sends(timeline) == [(0, "akua/sms"), (5, "akua/mail")]
    assert [(d.contact_arn, d.reason) for d in timeline.dead_ends] == [
        (contact("oncall"), "nobody is on call in its rotations")
    ]


def test_override_pages_who_it_puts_on_call() -> None:
    override = shifts.Override((contact("lena"),), AT - timedelta(hours=1), AT + timedelta(hours=1))

    timeline = paging.engage(setup(overrides=[override]), contact("oncall"), AT)

    assert sends(timeline) == [(0, "lena/mail")]


def test_escalation_engaging_itself_is_cut() -> None:
    loop = [contact_stage(contact("esc"), 5), contact_stage(contact("akua"), 0)]

    timeline = paging.engage(setup(escalation=loop), contact("esc"), AT)

    assert [d.reason for d in timeline.dead_ends] == ["the plan engages a contact that engaged it"]
    assert sends(timeline)[0] == (5, "akua/sms")


def test_acknowledgement_by_an_essential_contact_stops_later_stages_only() -> None:
    essential = paging.engage(setup(), contact("esc"), AT)
    optional = paging.engage(
        setup(
            escalation=[
                contact_stage(contact("akua"), 10, False),
                contact_stage(contact("oncall"), 0),
            ]
        ),
        contact("esc"),
        AT,
    )
    ack = AT + timedelta(minutes=2)

    def kept(timeline: paging.Timeline) -> list[str]:
        akua = timeline.engaged[0]
        return [
            s.channel_arn.split("/", 1)[1]
            for e, s in timeline.sends()
            if not paging.stops(akua, ack, e, s.time)
        ]

    assert kept(essential) == ["akua/sms"]
    assert kept(optional) == ["akua/sms", "kwame/mail"]


def test_table_names_channels_by_name_and_type_never_by_address() -> None:
    world = setup(activated=False, coverage=True)
    rows = timeline_rows(world, contact("esc"), AT, 30)

    table = page_table.render(rows, shifts.zone("UTC"))

    assert [r.cells(shifts.zone("UTC"))[2:4] for r in rows] == [
        ("akua", "Phone (SMS)"),
        ("akua", "Email (EMAIL): not paged, NOT_ACTIVATED"),
        ("oncall", "nobody paged: nobody is on call in its rotations"),
    ]
    lines = table.splitlines()
    assert lines[0].split("|")[1:-1] == [
        " minute ",
        " time                     ",
        " who    ",
        " channel                                          ",
        " via         ",
    ]
    assert lines[2] == (
        "| 0      | Tue 2026-12-08 03:00 UTC | akua   | Phone (SMS)" + " " * 38 + "| esc stage 1 |"
    )
    assert [r.paged for r in rows] == [True, False, False]


def export(world: paging.Setup) -> dict[str, Any]:
    """A stack export holding the setup as this package's resources' outputs."""

    def urn(kind: str, name: str) -> str:
        return f"urn:pulumi:dev::proj::pulumi-python:dynamic/ssm-contacts:{kind}::{name}"

    resources: list[dict[str, Any]] = []
    for c in world.contacts.values():
        outputs: dict[str, Any] = {"alias": c.alias, "type": c.type}
        if c.type != "PERSONAL":
            outputs["plan"] = {"rotationIds": list(c.plan.get("RotationIds") or [])} | (
                {"stages": _bag(c.plan["Stages"])} if c.plan.get("Stages") else {}
            )
        resources.append({"urn": urn("Contact", c.alias), "id": c.arn, "outputs": outputs})
        if c.type == "PERSONAL":
            plan = {"contactId": c.arn, "stages": _bag(c.plan["Stages"])}
            resources.append(
                {"urn": urn("ContactPlan", c.alias + "-plan"), "id": c.arn, "outputs": plan}
            )
    for ch in world.channels.values():
        outputs = {
            "contactId": ch.contact_arn,
            "name": ch.name,
            "type": ch.type,
            "activationStatus": "ACTIVATED" if ch.activated else "NOT_ACTIVATED",
            "deliveryAddress": {
                "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
                "ciphertext": "x",
            },
        }
        resources.append({"urn": urn("ContactChannel", ch.arn), "id": ch.arn, "outputs": outputs})
    for arn, spec in world.rotations.items():
        rotation = spec.to_api()
        rotation["StartTime"] = spec.start_time.isoformat()
        resources.append({"urn": urn("Rotation", arn), "id": arn, "outputs": _bag(rotation)})
    return {"version": 3, "deployment": {"resources": resources}}


def _bag(value: Any) -> Any:
    if isinstance(value, dict):
        return {(k if k.isupper() else k[:1].lower() + k[1:]): _bag(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_bag(v) for v in value]
    return value


def test_stack_export_gives_the_same_timeline_as_the_setup_it_holds() -> None:
    world = setup(activated=False)

    exported = from_export(read_export(json.dumps(export(world))))

    assert timeline_rows(exported, contact("esc"), AT, 30) == timeline_rows(
        world, contact("esc"), AT, 30
    )


def test_page_command_reads_a_stack_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export(setup())))

    status = main(
        [
            "page",
            "--contact",
            "esc",
            "--at",
            AT.isoformat(),
            "--minutes",
            "30",
            "--stack-export",
            str(path),
        ]
    )

    out = capsys.readouterr().out
    assert status == 0
    assert [line.split("|")[3].strip() for line in out.splitlines()[2:]] == [
        "akua",
        "akua",
        "kwame",
    ]
    assert "ciphertext" not in out


def test_page_command_exits_1_when_nobody_is_paged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export(setup(coverage=True))))

    status = main(
        ["page", "--contact", "oncall", "--at", AT.isoformat(), "--stack-export", str(path)]
    )

    assert status == 1
    assert "nobody paged: nobody is on call in its rotations" in capsys.readouterr().out


def test_page_command_names_an_unknown_contact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export(setup())))

    status = main(["page", "--contact", "nobody", "--stack-export", str(path)])

    assert status == 2
    assert capsys.readouterr().err.startswith("page: the stack export holds no contact 'nobody'")
