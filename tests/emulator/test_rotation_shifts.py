"""ListPreviewRotationShifts and ListRotationShifts: the emulator and the offline computation agree.

Every case is run through the emulator (in-process and against the server) and through
``pulumi_ssm_contacts.oncall.shifts``; the answers must be the same shifts. The checked client also
validates every answer against botocore's output shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest
from botocore.exceptions import ClientError

from pulumi_ssm_contacts.__main__ import main
from pulumi_ssm_contacts.core import aws_client
from pulumi_ssm_contacts.oncall import shifts

from .helpers import (
    Emulator,
    SSMContactsClient,
    error_code,
    error_message,
    ok,
    personal,
)

ACCOUNT = "arn:aws:ssm-contacts:us-east-1:123456789012:contact"
A, B, C = (f"{ACCOUNT}/{alias}" for alias in ("akuam", "alejr", "anaya"))
MISSING_ROTATION = "arn:aws:ssm-contacts:us-east-1:123456789012:rotation/0000"


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def hand_off(hour: int, minute: int = 0) -> dict[str, int]:
    return {"HourOfDay": hour, "MinuteOfHour": minute}


def hours(start: int, end: int) -> dict[str, Any]:
    return {"Start": hand_off(start), "End": hand_off(end)}


def daily(*times: int, on_calls: int = 1, every: int = 1, **extra: Any) -> dict[str, Any]:
    return {
        "NumberOfOnCalls": on_calls,
        "RecurrenceMultiplier": every,
        "DailySettings": [hand_off(t) for t in times],
        **extra,
    }


WEEKDAYS = ("MON", "TUE", "WED", "THU", "FRI")


@dataclass(frozen=True)
class Case:
    """A rotation, a window and overrides, for ListPreviewRotationShifts."""

    recurrence: dict[str, Any]
    rotation_start: str = "2026-01-05T09:00:00+00:00"
    window: tuple[str, str] = ("2026-01-05T00:00:00+00:00", "2026-01-20T00:00:00+00:00")
    time_zone: str = "UTC"
    members: tuple[str, ...] = (A, B, C)
    overrides: Sequence[tuple[tuple[str, ...], str, str]] = field(default_factory=tuple)

    def request(self) -> dict[str, Any]:
        """The ListPreviewRotationShifts parameters."""
        params: dict[str, Any] = {
            "RotationStartTime": utc(self.rotation_start),
            "StartTime": utc(self.window[0]),
            "EndTime": utc(self.window[1]),
            "Members": list(self.members),
            "TimeZoneId": self.time_zone,
            "Recurrence": self.recurrence,
        }
        if self.overrides:
            params["Overrides"] = [
                {"NewMembers": list(who), "StartTime": utc(start), "EndTime": utc(end)}
                for who, start, end in self.overrides
            ]
        return params

    def offline(self) -> list[shifts.RotationShift]:
        """The same shifts, computed by pulumi_ssm_contacts.oncall.shifts."""
        spec = shifts.RotationSpec.from_api(
            {
                "ContactIds": list(self.members),
                "StartTime": self.rotation_start,
                "TimeZoneId": self.time_zone,
                "Recurrence": self.recurrence,
            }
        )
        changes = [shifts.Override(who, utc(s), utc(e)) for who, s, e in self.overrides]
        return shifts.rotation_shifts(spec, utc(self.window[0]), utc(self.window[1]), changes)


CASES = {
    "daily": Case(daily(9)),
    "daily_two_hand_offs": Case(daily(9, 21)),
    "daily_every_3_days_seoul": Case(
        daily(9, every=3), "2026-01-05T09:00:00+09:00", time_zone="Asia/Seoul"
    ),
    "weekly_multiplier_2": Case(
        {
            "NumberOfOnCalls": 1,
            "RecurrenceMultiplier": 2,
            "WeeklySettings": [{"DayOfWeek": "MON", "HandOffTime": hand_off(9)}],
        },
        "2026-01-07T12:00:00+00:00",
        ("2026-01-01T00:00:00+00:00", "2026-03-01T00:00:00+00:00"),
    ),
    "weekly_two_days": Case(
        {
            "NumberOfOnCalls": 1,
            "RecurrenceMultiplier": 1,
            "WeeklySettings": [
                {"DayOfWeek": "MON", "HandOffTime": hand_off(9)},
                {"DayOfWeek": "THU", "HandOffTime": hand_off(17, 30)},
            ],
        }
    ),
    "monthly_day_31": Case(
        {
            "NumberOfOnCalls": 1,
            "RecurrenceMultiplier": 1,
            "MonthlySettings": [{"DayOfMonth": 31, "HandOffTime": hand_off(9)}],
        },
        "2026-01-31T09:00:00+00:00",
        ("2026-01-01T00:00:00+00:00", "2026-07-01T00:00:00+00:00"),
    ),
    "coverage_with_gap": Case(
        daily(9, ShiftCoverages={d: [hours(9, 17)] for d in WEEKDAYS}),
        time_zone="America/Los_Angeles",
        rotation_start="2026-01-05T09:00:00-08:00",
    ),
    "coverage_without_gap": Case(
        daily(
            9, ShiftCoverages={d: [hours(8, 20), hours(20, 8)] for d in (*WEEKDAYS, "SAT", "SUN")}
        )
    ),
    "two_on_calls": Case(daily(9, on_calls=2)),
    "dst_start_los_angeles": Case(
        daily(2, 9),
        "2026-03-01T09:00:00-08:00",
        ("2026-03-05T00:00:00+00:00", "2026-03-12T00:00:00+00:00"),
        "America/Los_Angeles",
    ),
    "dst_end_los_angeles": Case(
        daily(1),
        "2026-10-25T01:00:00-07:00",
        ("2026-10-30T00:00:00+00:00", "2026-11-04T00:00:00+00:00"),
        "America/Los_Angeles",
    ),
    "overrides": Case(
        daily(9),
        overrides=(
            ((C,), "2026-01-05T12:00:00+00:00", "2026-01-06T12:00:00+00:00"),
            ((), "2026-01-08T00:00:00+00:00", "2026-01-08T02:00:00+00:00"),
        ),
    ),
}


def comparable(items: Sequence[Any]) -> list[tuple[Any, ...]]:
    """API shifts (parsed by botocore) or offline shifts, in one comparable form."""
    out = []
    for item in items:
        api = item.to_api() if isinstance(item, shifts.RotationShift) else item
        overridden = api.get("ShiftDetails", {}).get("OverriddenContactIds")
        out.append(
            (
                tuple(api["ContactIds"]),
                api["StartTime"].astimezone(UTC),
                api["EndTime"].astimezone(UTC),
                api["Type"],
                tuple(overridden) if overridden is not None else None,
            )
        )
    return out


def preview(client: SSMContactsClient, **params: Any) -> list[dict[str, Any]]:
    """Every shift of ListPreviewRotationShifts, page by page (3 a page)."""
    paginator = client.get_paginator("list_preview_rotation_shifts")
    found: list[dict[str, Any]] = []
    for page in paginator.paginate(**params, PaginationConfig={"PageSize": 3}):
        found.extend(dict(s) for s in page["RotationShifts"])
    return found


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_preview_shifts_agree_with_the_offline_computation(
    client: SSMContactsClient, case: Case
) -> None:
    expected = comparable(case.offline())
    assert expected, "every case has shifts in its window"
    assert comparable(preview(client, **case.request())) == expected


# The emulator does not model rotation overrides (CreateRotationOverride): no override cases.
STORED = {name: case for name, case in CASES.items() if not case.overrides}


@pytest.mark.parametrize("case", STORED.values(), ids=STORED.keys())
def test_rotation_shifts_agree_with_the_offline_computation(
    client: SSMContactsClient, case: Case
) -> None:
    members = [personal(client, alias.rsplit("/", 1)[1]) for alias in case.members]
    assert members == list(case.members)
    arn = client.create_rotation(
        Name="primary",
        ContactIds=members,
        StartTime=utc(case.rotation_start),
        TimeZoneId=case.time_zone,
        Recurrence=case.recurrence,  # type: ignore[arg-type]
    )["RotationArn"]
    paginator = client.get_paginator("list_rotation_shifts")
    found = [
        dict(s)
        for page in paginator.paginate(
            RotationId=arn,
            StartTime=utc(case.window[0]),
            EndTime=utc(case.window[1]),
            PaginationConfig={"PageSize": 4},
        )
        for s in page["RotationShifts"]
    ]
    assert comparable(found) == comparable(case.offline())


def test_basic_preview_answer_has_the_output_shape(client: SSMContactsClient) -> None:
    case = CASES["overrides"]
    answer = ok("ListPreviewRotationShifts", client.list_preview_rotation_shifts(**case.request()))
    assert "NextToken" not in answer
    overridden = [s for s in answer["RotationShifts"] if s["Type"] == "OVERRIDDEN"]
    assert overridden[0]["ContactIds"] == [C]
    assert overridden[0]["ShiftDetails"] == {"OverriddenContactIds": [A]}
    assert all("ShiftDetails" not in s for s in answer["RotationShifts"] if s["Type"] == "REGULAR")


def test_max_results_pages_with_next_token(client: SSMContactsClient) -> None:
    request = CASES["daily"].request()
    first = client.list_preview_rotation_shifts(**request, MaxResults=2)
    assert len(first["RotationShifts"]) == 2
    second = client.list_preview_rotation_shifts(
        **request, MaxResults=2, NextToken=first["NextToken"]
    )
    whole = client.list_preview_rotation_shifts(**request)["RotationShifts"]
    assert first["RotationShifts"] + second["RotationShifts"] == whole[:4]


def test_preview_without_rotation_start_starts_at_the_window(client: SSMContactsClient) -> None:
    request = CASES["daily"].request()
    del request["RotationStartTime"]
    with_start = {**request, "RotationStartTime": request["StartTime"]}
    assert (
        client.list_preview_rotation_shifts(**request)["RotationShifts"]
        == (client.list_preview_rotation_shifts(**with_start)["RotationShifts"])
    )


def test_rotation_shifts_without_start_time_begin_at_the_rotation_start(
    client: SSMContactsClient,
) -> None:
    members = [personal(client, "akuam"), personal(client, "alejr")]
    start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    arn = client.create_rotation(
        Name="primary",
        ContactIds=members,
        StartTime=start,
        TimeZoneId="UTC",
        Recurrence=daily(9),  # type: ignore[arg-type]
    )["RotationArn"]
    found = client.list_rotation_shifts(RotationId=arn, EndTime=datetime(2026, 1, 7, tzinfo=UTC))
    assert [(s["ContactIds"], s["StartTime"]) for s in found["RotationShifts"]] == [
        (members[:1], start),
        (members[1:], datetime(2026, 1, 6, 9, tzinfo=UTC)),
    ]


def test_updated_time_zone_moves_the_hand_offs(client: SSMContactsClient) -> None:
    members = [personal(client, "akuam")]
    start = datetime(2026, 1, 5, 17, tzinfo=UTC)
    arn = client.create_rotation(
        Name="primary",
        ContactIds=members,
        StartTime=start,
        TimeZoneId="UTC",
        Recurrence=daily(9),  # type: ignore[arg-type]
    )["RotationArn"]
    client.update_rotation(
        RotationId=arn,
        TimeZoneId="America/Los_Angeles",
        Recurrence=daily(9),  # type: ignore[arg-type]
    )
    found = client.list_rotation_shifts(RotationId=arn, EndTime=datetime(2026, 1, 7, tzinfo=UTC))
    assert [s["EndTime"] for s in found["RotationShifts"]] == [
        datetime(2026, 1, 6, 17, tzinfo=UTC),  # 09:00 PST
        datetime(2026, 1, 7, 17, tzinfo=UTC),
    ]


def test_rotation_shifts_of_a_missing_rotation_is_not_found(client: SSMContactsClient) -> None:
    with pytest.raises(ClientError) as error:
        client.list_rotation_shifts(RotationId=MISSING_ROTATION, EndTime=datetime.now(UTC))
    assert error_code(error) == "ResourceNotFoundException"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"EndTime": utc("2026-01-01T00:00:00+00:00")}, "the window must end after it starts"),
        ({"Members": ["akuam"]}, "Members[0] must be a contact ARN"),
        ({"TimeZoneId": "PST"}, "TimeZoneId PST is not an IANA time zone"),
        (
            {"Recurrence": {"NumberOfOnCalls": 1, "RecurrenceMultiplier": 1}},
            "exactly one of DailySettings, WeeklySettings or MonthlySettings",
        ),
        (
            {"Recurrence": daily(9, ShiftCoverages={"MONDAY": []})},
            "Member must satisfy enum value set",  # the model's check, before ours
        ),
        (
            {"Overrides": [{"NewMembers": [A], "StartTime": utc("2026-01-06T00:00:00+00:00")}]},
            "Overrides[0].EndTime is required",
        ),
    ],
    ids=["window", "member", "time_zone", "no_settings", "coverage_day", "override"],
)
def test_preview_bad_input_is_a_validation_exception(
    emulator: Emulator, change: dict[str, Any], message: str
) -> None:
    client = emulator.new_client(validate=False)
    with pytest.raises(ClientError) as error:
        client.list_preview_rotation_shifts(**{**CASES["daily"].request(), **change})
    assert error_code(error) == "ValidationException"
    assert message in error_message(error)


def test_preview_bad_next_token_is_a_validation_exception(client: SSMContactsClient) -> None:
    with pytest.raises(ClientError) as error:
        client.list_preview_rotation_shifts(**CASES["daily"].request(), NextToken="bm90LWEtdG9rZW4")
    assert error_code(error) == "ValidationException"


def test_preview_window_with_too_many_shifts_is_refused(client: SSMContactsClient) -> None:
    request = {**CASES["daily"].request(), "EndTime": utc("2060-01-01T00:00:00+00:00")}
    with pytest.raises(ClientError) as error:
        client.list_preview_rotation_shifts(**request)
    assert error_code(error) == "ValidationException"
    assert f"more than {shifts.MAX_SHIFTS} shifts" in error_message(error)


def test_shifts_command_lists_a_rotation_in_the_emulator_as_offline(
    client: SSMContactsClient, capsys: pytest.CaptureFixture[str]
) -> None:
    case = CASES["coverage_with_gap"]
    members = [personal(client, alias.rsplit("/", 1)[1]) for alias in case.members]
    arn = client.create_rotation(
        Name="primary",
        ContactIds=members,
        StartTime=utc(case.rotation_start),
        TimeZoneId=case.time_zone,
        Recurrence=case.recurrence,  # type: ignore[arg-type]
    )["RotationArn"]
    argv = ["shifts", "--rotation-id", arn, "--region", "us-east-1"]
    argv += ["--start", "2026-01-06T00:00:00Z", "--count", "4"]
    aws_client.forget_clients()
    try:
        assert main(argv) == 0
    finally:
        aws_client.forget_clients()
    rotation = client.get_rotation(RotationId=arn)
    offline = shifts.table(dict(rotation), count=4, after=utc("2026-01-06T00:00:00+00:00"))
    assert capsys.readouterr().out == offline + "\n"
    assert "| (nobody on call) |" in offline


def test_shifts_command_reports_a_missing_rotation(
    client: SSMContactsClient, capsys: pytest.CaptureFixture[str]
) -> None:
    aws_client.forget_clients()
    try:
        status = main(["shifts", "--rotation-id", MISSING_ROTATION, "--region", "us-east-1"])
    finally:
        aws_client.forget_clients()
    assert status == 2
    err = capsys.readouterr().err
    assert f"there is no rotation {MISSING_ROTATION} in us-east-1" in err
    assert "credentials" not in err  # issue 13, finding 8: it used to say it needed them
