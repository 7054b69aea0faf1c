"""shifts.coverage_gaps: the times of a week when an on-call schedule's rotations cover nobody."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from pulumi_ssm_contacts.oncall.shifts import CoverageGap, Override, RotationSpec, coverage_gaps

ACCOUNT = "arn:aws:ssm-contacts:us-east-1:111122223333:contact"
A, B, C = (f"{ACCOUNT}/{alias}" for alias in ("akuam", "alejr", "anaya"))
LA, DUBLIN = ZoneInfo("America/Los_Angeles"), ZoneInfo("Europe/Dublin")
WEEKDAYS = ("MON", "TUE", "WED", "THU", "FRI")
ALL_DAYS = (*WEEKDAYS, "SAT", "SUN")


def window(start: int, end: int) -> dict[str, Any]:
    return {
        "Start": {"HourOfDay": start, "MinuteOfHour": 0},
        "End": {"HourOfDay": end, "MinuteOfHour": 0},
    }


def rotation(
    time_zone: str,
    hand_off: int,
    days: dict[str, list[Any]] | None,
    members: tuple[str, ...] = (A, B),
    start: str = "2026-01-05T00:00:00Z",
) -> RotationSpec:
    recurrence: dict[str, Any] = {
        "NumberOfOnCalls": 1,
        "RecurrenceMultiplier": 1,
        "DailySettings": [{"HourOfDay": hand_off, "MinuteOfHour": 0}],
    }
    if days is not None:
        recurrence["ShiftCoverages"] = days
    return RotationSpec.from_api(
        {
            "ContactIds": list(members),
            "StartTime": start,
            "TimeZoneId": time_zone,
            "Recurrence": recurrence,
        }
    )


def local(gaps: list[CoverageGap]) -> list[tuple[str, str]]:
    return [(f"{g.start:%a %m-%d %H:%M}", f"{g.end:%a %m-%d %H:%M}") for g in gaps]


BUSINESS_HOURS = rotation("America/Los_Angeles", 9, {d: [window(9, 17)] for d in WEEKDAYS})
AROUND_THE_CLOCK = rotation("America/Los_Angeles", 9, None)
# Follow the sun: Los Angeles 09:00-21:00, then Dublin 05:00-17:00. In winter LA is UTC-8 and
# Dublin UTC+0, so 21:00 in LA is 05:00 in Dublin: they meet exactly.
LA_DAY = rotation("America/Los_Angeles", 9, {d: [window(9, 21)] for d in ALL_DAYS})
DUBLIN_DAY = rotation("Europe/Dublin", 5, {d: [window(5, 17)] for d in ALL_DAYS}, (C,))


def test_business_hours_leave_nights_and_the_weekend_uncovered() -> None:
    gaps = coverage_gaps([BUSINESS_HOURS], datetime(2026, 1, 12))
    assert local(gaps) == [
        ("Mon 01-12 00:00", "Mon 01-12 09:00"),
        ("Mon 01-12 17:00", "Tue 01-13 09:00"),
        ("Tue 01-13 17:00", "Wed 01-14 09:00"),
        ("Wed 01-14 17:00", "Thu 01-15 09:00"),
        ("Thu 01-15 17:00", "Fri 01-16 09:00"),
        ("Fri 01-16 17:00", "Mon 01-19 00:00"),
    ]
    assert all(g.start.tzinfo == LA for g in gaps)
    assert gaps[1].duration == timedelta(hours=16)
    assert str(gaps[1]) == (
        "Mon 17:00 to Tue 09:00 America/Los_Angeles (2026-01-12 17:00 to 2026-01-13 09:00, 16 h)"
    )


def test_around_the_clock_rotation_has_no_gap() -> None:
    assert coverage_gaps([AROUND_THE_CLOCK], datetime(2026, 1, 12)) == []


def test_follow_the_sun_closes_the_gap() -> None:
    assert coverage_gaps([LA_DAY], datetime(2026, 1, 12)) != []
    assert coverage_gaps([LA_DAY, DUBLIN_DAY], datetime(2026, 1, 12)) == []


def test_follow_the_sun_opens_an_hour_while_only_one_zone_is_on_dst() -> None:
    # The user guide's warning: LA moves to PDT on 8 March, Dublin to IST on 29 March. In
    # between, 21:00 PDT is 04:00 in Dublin, an hour before the Dublin rotation starts.
    gaps = coverage_gaps([LA_DAY, DUBLIN_DAY], datetime(2026, 3, 9))
    assert local(gaps) == [
        (f"{day} 03-{9 + i:02d} 21:00", f"{day} 03-{9 + i:02d} 22:00")
        for i, day in enumerate(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))
    ]
    in_dublin = coverage_gaps([LA_DAY, DUBLIN_DAY], datetime(2026, 3, 9), "Europe/Dublin")
    assert local(in_dublin)[0] == ("Mon 03-09 04:00", "Mon 03-09 05:00")
    assert all(g.start.tzinfo == DUBLIN for g in in_dublin)
    assert coverage_gaps([LA_DAY, DUBLIN_DAY], datetime(2026, 3, 30)) == []


def test_week_across_a_dst_change_is_seven_local_days() -> None:
    assert coverage_gaps([AROUND_THE_CLOCK], datetime(2026, 3, 2)) == []
    [whole] = coverage_gaps([], datetime(2026, 3, 2), "America/Los_Angeles")
    assert (whole.start, whole.end) == (
        datetime(2026, 3, 2, tzinfo=LA),
        datetime(2026, 3, 9, tzinfo=LA),
    )
    assert whole.duration == timedelta(hours=167)


def test_time_before_the_rotation_starts_is_a_gap() -> None:
    late = rotation("UTC", 9, None, start="2026-01-14T12:00:00Z")
    assert local(coverage_gaps([late], datetime(2026, 1, 12))) == [
        ("Mon 01-12 00:00", "Wed 01-14 12:00")
    ]


def test_override_with_nobody_is_a_gap() -> None:
    utc = rotation("UTC", 9, None)
    nobody = Override(
        (), datetime.fromisoformat("2026-01-13T02:00Z"), datetime.fromisoformat("2026-01-13T03:00Z")
    )
    gaps = coverage_gaps([utc], datetime(2026, 1, 12), overrides={0: [nobody]})
    assert local(gaps) == [("Tue 01-13 02:00", "Tue 01-13 03:00")]


def test_aware_week_start_is_shown_in_the_chosen_zone() -> None:
    week = datetime(2026, 1, 12, 8, tzinfo=ZoneInfo("UTC"))  # Monday 00:00 in Los Angeles
    assert coverage_gaps([BUSINESS_HOURS], week) == coverage_gaps(
        [BUSINESS_HOURS], datetime(2026, 1, 12)
    )


def test_rotations_given_as_api_dicts_work_too() -> None:
    assert coverage_gaps([BUSINESS_HOURS.to_api()], datetime(2026, 1, 12)) == coverage_gaps(
        [BUSINESS_HOURS], datetime(2026, 1, 12)
    )
