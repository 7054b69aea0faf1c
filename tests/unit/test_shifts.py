"""shifts: who is on call when, against schedules computed by hand (docs/oncall.md)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from pulumi_ssm_contacts.oncall import shifts
from pulumi_ssm_contacts.oncall.shifts import (
    Override,
    RecurrenceSettings,
    RotationShift,
    RotationSpec,
    RotationSpecError,
    ShiftLimitError,
    next_shifts,
    rotation_shifts,
)

ACCOUNT = "arn:aws:ssm-contacts:us-east-1:111122223333:contact"
A, B, C = (f"{ACCOUNT}/{alias}" for alias in ("akuam", "alejr", "anaya"))
ALIAS = {A: "A", B: "B", C: "C"}


def at(text: str) -> datetime:
    """An ISO 8601 time with its offset."""
    return datetime.fromisoformat(text)


def hand_off(hour: int, minute: int = 0) -> dict[str, int]:
    return {"HourOfDay": hour, "MinuteOfHour": minute}


def daily(*times: tuple[int, int], on_calls: int = 1, every: int = 1) -> dict[str, Any]:
    return {
        "NumberOfOnCalls": on_calls,
        "RecurrenceMultiplier": every,
        "DailySettings": [hand_off(h, m) for h, m in times],
    }


def coverage(start: int, end: int) -> dict[str, Any]:
    return {"Start": hand_off(start), "End": hand_off(end)}


WEEKDAYS = ("MON", "TUE", "WED", "THU", "FRI")
ALL_DAYS = (*WEEKDAYS, "SAT", "SUN")


def rotation(
    recurrence: dict[str, Any],
    start: str = "2026-01-05T09:00:00+00:00",
    time_zone: str = "UTC",
    members: Sequence[str] = (A, B, C),
) -> RotationSpec:
    return RotationSpec.from_api(
        {
            "ContactIds": list(members),
            "StartTime": start,
            "TimeZoneId": time_zone,
            "Recurrence": recurrence,
        }
    )


def plan(found: Sequence[RotationShift]) -> list[tuple[str, str, str]]:
    """Shifts as (who, from, to), times in UTC; an override as ``C/A`` (C replaces A)."""

    def who(shift: RotationShift) -> str:
        names = "+".join(ALIAS[c] for c in shift.contact_ids) or "-"
        if shift.type == "OVERRIDDEN":
            names += "/" + "+".join(ALIAS[c] for c in shift.overridden_contact_ids)
        return names

    return [
        (who(s), f"{s.start.astimezone(UTC):%m-%d %H:%M}", f"{s.end.astimezone(UTC):%m-%d %H:%M}")
        for s in found
    ]


# -- daily -------------------------------------------------------------------------------------


def test_daily_hands_off_at_the_local_time_to_the_next_contact_wrapping() -> None:
    # Asia/Seoul is UTC+9 all year: 09:00 there is 00:00 UTC.
    seoul = rotation(daily((9, 0)), "2026-01-05T09:00:00+09:00", "Asia/Seoul")
    found = rotation_shifts(seoul, None, at("2026-01-09T00:00:00+00:00"))
    assert plan(found) == [
        ("A", "01-05 00:00", "01-06 00:00"),
        ("B", "01-06 00:00", "01-07 00:00"),
        ("C", "01-07 00:00", "01-08 00:00"),
        ("A", "01-08 00:00", "01-09 00:00"),
    ]
    assert all(s.type == "REGULAR" and s.overridden_contact_ids == () for s in found)


def test_daily_with_two_hand_off_times_makes_two_shifts_a_day() -> None:
    twice = rotation(daily((9, 0), (21, 0)))
    found = rotation_shifts(twice, None, at("2026-01-07T09:00:00+00:00"))
    assert plan(found) == [
        ("A", "01-05 09:00", "01-05 21:00"),
        ("B", "01-05 21:00", "01-06 09:00"),
        ("C", "01-06 09:00", "01-06 21:00"),
        ("A", "01-06 21:00", "01-07 09:00"),
    ]


def test_daily_multiplier_three_makes_three_day_shifts() -> None:
    found = rotation_shifts(rotation(daily((9, 0), every=3)), None, at("2026-01-14T09:00Z"))
    assert plan(found) == [
        ("A", "01-05 09:00", "01-08 09:00"),
        ("B", "01-08 09:00", "01-11 09:00"),
        ("C", "01-11 09:00", "01-14 09:00"),
    ]


def test_first_shift_runs_from_the_start_to_the_first_hand_off_after_it() -> None:
    late = rotation(daily((9, 0)), "2026-01-05T15:30:00+00:00")
    found = rotation_shifts(late, None, at("2026-01-07T09:00Z"))
    assert plan(found) == [
        ("A", "01-05 15:30", "01-06 09:00"),
        ("B", "01-06 09:00", "01-07 09:00"),
    ]


# -- weekly ------------------------------------------------------------------------------------


def weekly(*settings: tuple[str, int], every: int = 1) -> dict[str, Any]:
    return {
        "NumberOfOnCalls": 1,
        "RecurrenceMultiplier": every,
        "WeeklySettings": [{"DayOfWeek": d, "HandOffTime": hand_off(h)} for d, h in settings],
    }


def test_weekly_with_multiplier_two_hands_off_every_other_monday() -> None:
    # 2026-01-05 is a Monday.
    found = rotation_shifts(rotation(weekly(("MON", 9), every=2)), None, at("2026-03-02T09:00Z"))
    assert plan(found) == [
        ("A", "01-05 09:00", "01-19 09:00"),
        ("B", "01-19 09:00", "02-02 09:00"),
        ("C", "02-02 09:00", "02-16 09:00"),
        ("A", "02-16 09:00", "03-02 09:00"),
    ]


def test_weekly_multiplier_counts_weeks_from_the_week_the_rotation_starts_in() -> None:
    # Starts Wednesday 7 January: that week's Monday is past, the next active week is 19 January.
    midweek = rotation(weekly(("MON", 9), every=2), "2026-01-07T12:00:00+00:00")
    found = rotation_shifts(midweek, None, at("2026-02-02T09:00Z"))
    assert plan(found) == [
        ("A", "01-07 12:00", "01-19 09:00"),
        ("B", "01-19 09:00", "02-02 09:00"),
    ]


def test_weekly_with_two_days_hands_off_on_both() -> None:
    found = rotation_shifts(
        rotation(weekly(("MON", 9), ("THU", 17))), None, at("2026-01-15T17:00Z")
    )
    assert plan(found) == [
        ("A", "01-05 09:00", "01-08 17:00"),
        ("B", "01-08 17:00", "01-12 09:00"),
        ("C", "01-12 09:00", "01-15 17:00"),
    ]


# -- monthly -----------------------------------------------------------------------------------


def monthly(day: int, every: int = 1) -> dict[str, Any]:
    return {
        "NumberOfOnCalls": 1,
        "RecurrenceMultiplier": every,
        "MonthlySettings": [{"DayOfMonth": day, "HandOffTime": hand_off(9)}],
    }


def test_monthly_hands_off_on_the_day_of_the_month() -> None:
    found = rotation_shifts(
        rotation(monthly(1), "2026-01-01T09:00:00+00:00"), None, at("2026-04-01T09:00Z")
    )
    assert plan(found) == [
        ("A", "01-01 09:00", "02-01 09:00"),
        ("B", "02-01 09:00", "03-01 09:00"),
        ("C", "03-01 09:00", "04-01 09:00"),
    ]


def test_monthly_day_past_the_end_of_a_month_is_its_last_day() -> None:
    found = rotation_shifts(
        rotation(monthly(31), "2026-01-31T09:00:00+00:00"), None, at("2026-05-31T09:00Z")
    )
    assert plan(found) == [
        ("A", "01-31 09:00", "02-28 09:00"),
        ("B", "02-28 09:00", "03-31 09:00"),
        ("C", "03-31 09:00", "04-30 09:00"),
        ("A", "04-30 09:00", "05-31 09:00"),
    ]


def test_monthly_multiplier_three_is_quarterly() -> None:
    found = rotation_shifts(
        rotation(monthly(1, every=3), "2026-01-01T09:00:00+00:00"), None, at("2026-07-01T09:00Z")
    )
    assert plan(found) == [
        ("A", "01-01 09:00", "04-01 09:00"),
        ("B", "04-01 09:00", "07-01 09:00"),
    ]


# -- shift coverages ---------------------------------------------------------------------------


def with_coverage(recurrence: dict[str, Any], days: dict[str, list[Any]]) -> dict[str, Any]:
    return {**recurrence, "ShiftCoverages": days}


def test_coverage_with_a_gap_leaves_nobody_on_call_outside_it() -> None:
    business = with_coverage(daily((9, 0)), {d: [coverage(9, 17)] for d in WEEKDAYS})
    found = rotation_shifts(rotation(business), None, at("2026-01-13T00:00Z"))
    # Hand-offs go on at the weekend (Sat: C, Sun: A) with nobody on call; Monday is B's.
    assert plan(found) == [
        ("A", "01-05 09:00", "01-05 17:00"),
        ("B", "01-06 09:00", "01-06 17:00"),
        ("C", "01-07 09:00", "01-07 17:00"),
        ("A", "01-08 09:00", "01-08 17:00"),
        ("B", "01-09 09:00", "01-09 17:00"),
        ("B", "01-12 09:00", "01-12 17:00"),
    ]


def test_coverage_with_two_times_a_day_splits_the_shift() -> None:
    lunch = with_coverage(daily((9, 0)), {"MON": [coverage(9, 12), coverage(13, 17)]})
    found = rotation_shifts(rotation(lunch), None, at("2026-01-06T09:00Z"))
    assert plan(found) == [("A", "01-05 09:00", "01-05 12:00"), ("A", "01-05 13:00", "01-05 17:00")]


@pytest.mark.parametrize(
    "days",
    [
        {d: [coverage(0, 0)] for d in ALL_DAYS},  # 00:00 to 00:00: the whole day
        {d: [coverage(8, 20), coverage(20, 8)] for d in ALL_DAYS},  # 20:00 to 08:00: overnight
    ],
    ids=["whole_days", "day_and_overnight"],
)
def test_coverage_without_a_gap_gives_the_uncovered_rotations_shifts(
    days: dict[str, list[Any]],
) -> None:
    end = at("2026-01-09T09:00Z")
    covered = rotation_shifts(rotation(with_coverage(daily((9, 0)), days)), None, end)
    assert covered == rotation_shifts(rotation(daily((9, 0))), None, end)
    assert len(covered) == 4


def test_empty_coverage_map_means_around_the_clock() -> None:
    end = at("2026-01-07T09:00Z")
    empty = rotation_shifts(rotation(with_coverage(daily((9, 0)), {})), None, end)
    assert empty == rotation_shifts(rotation(daily((9, 0))), None, end)


def test_coverage_of_an_unlisted_day_is_none() -> None:
    mondays = with_coverage(daily((9, 0)), {"MON": [coverage(0, 0)]})
    found = rotation_shifts(rotation(mondays), None, at("2026-01-13T00:00Z"))
    assert plan(found) == [
        ("A", "01-05 09:00", "01-06 00:00"),
        ("A", "01-12 00:00", "01-12 09:00"),
        ("B", "01-12 09:00", "01-13 00:00"),
    ]


# -- two on call at once -----------------------------------------------------------------------


def test_two_on_calls_take_the_next_two_contacts_each_hand_off() -> None:
    found = rotation_shifts(rotation(daily((9, 0), on_calls=2)), None, at("2026-01-09T09:00Z"))
    assert plan(found) == [
        ("A+B", "01-05 09:00", "01-06 09:00"),
        ("C+A", "01-06 09:00", "01-07 09:00"),
        ("B+C", "01-07 09:00", "01-08 09:00"),
        ("A+B", "01-08 09:00", "01-09 09:00"),
    ]


def test_more_on_calls_than_contacts_puts_everyone_on_call_once() -> None:
    found = rotation_shifts(
        rotation(daily((9, 0), on_calls=3), members=(A, B)), None, at("2026-01-07T09:00Z")
    )
    assert plan(found) == [
        ("A+B", "01-05 09:00", "01-06 09:00"),
        ("B+A", "01-06 09:00", "01-07 09:00"),
    ]


# -- DST in the rotation's time zone (America/Los_Angeles: 8 March and 1 November 2026) ----------


def test_dst_start_makes_a_23_hour_daily_shift_at_the_same_local_time() -> None:
    la = rotation(daily((9, 0)), "2026-03-06T09:00:00-08:00", "America/Los_Angeles")
    found = rotation_shifts(la, None, at("2026-03-09T16:00Z"))
    assert plan(found) == [
        ("A", "03-06 17:00", "03-07 17:00"),
        ("B", "03-07 17:00", "03-08 16:00"),
        ("C", "03-08 16:00", "03-09 16:00"),
    ]
    assert [s.end - s.start for s in found] == [timedelta(hours=h) for h in (24, 23, 24)]


def test_dst_end_makes_a_25_hour_daily_shift() -> None:
    la = rotation(daily((9, 0)), "2026-10-31T09:00:00-07:00", "America/Los_Angeles")
    found = rotation_shifts(la, None, at("2026-11-02T17:00Z"))
    assert plan(found) == [("A", "10-31 16:00", "11-01 17:00"), ("B", "11-01 17:00", "11-02 17:00")]


def test_hand_off_in_the_skipped_hour_moves_forward_by_the_gap() -> None:
    # 02:30 does not exist on 8 March: read with the offset before the change, it is 03:30 PDT.
    la = rotation(daily((2, 30)), "2026-03-07T02:30:00-08:00", "America/Los_Angeles")
    found = rotation_shifts(la, None, at("2026-03-09T09:30Z"))
    assert plan(found) == [("A", "03-07 10:30", "03-08 10:30"), ("B", "03-08 10:30", "03-09 09:30")]


def test_hand_off_in_the_repeated_hour_is_the_first_one() -> None:
    # 01:30 happens twice on 1 November: the first (PDT, UTC-7) is the hand-off.
    la = rotation(daily((1, 30)), "2026-10-31T01:30:00-07:00", "America/Los_Angeles")
    found = rotation_shifts(la, None, at("2026-11-02T09:30Z"))
    assert plan(found) == [("A", "10-31 08:30", "11-01 08:30"), ("B", "11-01 08:30", "11-02 09:30")]


def test_coverage_keeps_local_business_hours_across_dst() -> None:
    business = with_coverage(daily((9, 0)), {d: [coverage(9, 17)] for d in WEEKDAYS})
    la = rotation(business, "2026-03-06T09:00:00-08:00", "America/Los_Angeles")
    found = rotation_shifts(la, None, at("2026-03-10T00:00Z"))
    assert plan(found) == [("A", "03-06 17:00", "03-07 01:00"), ("A", "03-09 16:00", "03-10 00:00")]


# -- overrides ---------------------------------------------------------------------------------


def test_override_replaces_who_is_on_call_across_a_hand_off() -> None:
    change = Override((C,), at("2026-01-05T12:00Z"), at("2026-01-06T12:00Z"))
    found = rotation_shifts(rotation(daily((9, 0))), None, at("2026-01-07T09:00Z"), [change])
    assert plan(found) == [
        ("A", "01-05 09:00", "01-05 12:00"),
        ("C/A", "01-05 12:00", "01-06 09:00"),
        ("C/B", "01-06 09:00", "01-06 12:00"),
        ("B", "01-06 12:00", "01-07 09:00"),
    ]
    assert found[1].to_api()["ShiftDetails"] == {"OverriddenContactIds": [A]}
    assert "ShiftDetails" not in found[0].to_api()


def test_later_override_wins_and_an_empty_one_leaves_nobody() -> None:
    overrides = [
        Override((B,), at("2026-01-05T10:00Z"), at("2026-01-05T20:00Z")),
        Override((), at("2026-01-05T12:00Z"), at("2026-01-05T14:00Z")),
    ]
    found = rotation_shifts(rotation(daily((9, 0))), None, at("2026-01-06T09:00Z"), overrides)
    assert plan(found) == [
        ("A", "01-05 09:00", "01-05 10:00"),
        ("B/A", "01-05 10:00", "01-05 12:00"),
        ("-/A", "01-05 12:00", "01-05 14:00"),
        ("B/A", "01-05 14:00", "01-05 20:00"),
        ("A", "01-05 20:00", "01-06 09:00"),
    ]


def test_override_outside_coverage_puts_nobody_on_call() -> None:
    business = with_coverage(daily((9, 0)), {d: [coverage(9, 17)] for d in WEEKDAYS})
    night = Override((C,), at("2026-01-05T18:00Z"), at("2026-01-05T20:00Z"))
    found = rotation_shifts(rotation(business), None, at("2026-01-06T00:00Z"), [night])
    assert plan(found) == [("A", "01-05 09:00", "01-05 17:00")]


def test_override_from_api_reads_preview_override() -> None:
    item = {"NewMembers": [C], "StartTime": 1767614400, "EndTime": "2026-01-06T12:00:00Z"}
    assert Override.from_api(item) == Override(
        (C,), at("2026-01-05T12:00Z"), at("2026-01-06T12:00Z")
    )


# -- the window --------------------------------------------------------------------------------


def test_window_returns_whole_shifts_that_overlap_it() -> None:
    found = rotation_shifts(
        rotation(daily((9, 0))), at("2026-01-05T12:00Z"), at("2026-01-06T10:00Z")
    )
    assert plan(found) == [("A", "01-05 09:00", "01-06 09:00"), ("B", "01-06 09:00", "01-07 09:00")]


def test_window_far_after_the_start_keeps_the_order() -> None:
    found = rotation_shifts(
        rotation(daily((9, 0))), at("2026-04-15T00:00Z"), at("2026-04-15T12:00Z")
    )
    # 14 April's hand-off is the 99th after 5 January's: 99 % 3 == 0, A's turn.
    assert plan(found) == [("A", "04-14 09:00", "04-15 09:00"), ("B", "04-15 09:00", "04-16 09:00")]


def test_window_before_the_rotation_starts_is_empty() -> None:
    assert (
        rotation_shifts(rotation(daily((9, 0))), at("2025-12-01T00:00Z"), at("2026-01-05T09:00Z"))
        == []
    )


def test_window_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(RotationSpecError, match="must end after it starts"):
        rotation_shifts(rotation(daily((9, 0))), at("2026-01-06T00:00Z"), at("2026-01-05T00:00Z"))


def test_window_with_too_many_shifts_is_refused() -> None:
    with pytest.raises(ShiftLimitError, match="more than 5 shifts"):
        rotation_shifts(rotation(daily((9, 0))), None, at("2026-02-01T00:00Z"), max_shifts=5)


def test_walking_too_many_hand_offs_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shifts, "MAX_HAND_OFFS", 50)
    with pytest.raises(ShiftLimitError, match="more than 50 hand-offs"):
        rotation_shifts(rotation(daily((9, 0))), at("2026-06-01T00:00Z"), at("2026-06-02T00:00Z"))


def test_next_shifts_are_the_first_that_end_after_the_time() -> None:
    found = next_shifts(rotation(daily((9, 0))), 2, after=at("2026-01-06T10:00Z"))
    assert plan(found) == [("B", "01-06 09:00", "01-07 09:00"), ("C", "01-07 09:00", "01-08 09:00")]


def test_next_shifts_of_a_rotation_never_on_call_is_empty() -> None:
    never = with_coverage(daily((9, 0)), {"MON": []})
    assert next_shifts(rotation(never), 3, after=at("2026-01-05T00:00Z")) == []


# -- reading the API's shapes ------------------------------------------------------------------

FULL_RECURRENCE: dict[str, Any] = {
    "NumberOfOnCalls": 2,
    "RecurrenceMultiplier": 1,
    "WeeklySettings": [{"DayOfWeek": "MON", "HandOffTime": hand_off(9, 30)}],
    "ShiftCoverages": {"MON": [coverage(9, 17)], "TUE": [coverage(22, 6)]},
}


def test_recurrence_round_trips_through_the_api_shape() -> None:
    assert RecurrenceSettings.from_api(FULL_RECURRENCE).to_api() == FULL_RECURRENCE


def test_snake_case_keys_read_the_same() -> None:
    snake = {
        "contact_ids": [A, B],
        "start_time": datetime(2026, 1, 5, 9, tzinfo=UTC),
        "time_zone_id": "UTC",
        "recurrence": {
            "number_of_on_calls": 2,
            "recurrence_multiplier": 1,
            "weekly_settings": [
                {"day_of_week": "MON", "hand_off_time": {"hour_of_day": 9, "minute_of_hour": 30}}
            ],
            "shift_coverages": {
                "MON": [{"start": hand_off(9), "end": {"hour_of_day": 17, "minute_of_hour": 0}}],
                "TUE": [{"start": "22:00", "end": "06:00"}],
            },
        },
    }
    assert RotationSpec.from_api(snake) == rotation(
        FULL_RECURRENCE, "2026-01-05T09:00:00Z", members=(A, B)
    )


@pytest.mark.parametrize(
    "start", ["2026-01-05T09:00:00Z", "2026-01-05T09:00:00+00:00", "2026-01-05T10:00:00+01:00",
              1767603600, 1767603600.0, datetime(2026, 1, 5, 9, tzinfo=UTC)],
)  # fmt: skip
def test_start_time_spellings_are_one_instant(start: Any) -> None:
    assert rotation(daily((9, 0)), start).start_time == datetime(2026, 1, 5, 9, tzinfo=UTC)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"TimeZoneId": "PST"}, "TimeZoneId must be an IANA time zone"),
        ({"StartTime": "2026-01-05T09:00:00"}, "StartTime must carry a time zone"),
        ({"ContactIds": []}, "ContactIds must name at least one contact"),
        ({"Recurrence": {"NumberOfOnCalls": 1, "RecurrenceMultiplier": 1}},
         "exactly one of DailySettings, WeeklySettings or MonthlySettings"),
        ({"Recurrence": {**daily((9, 0)), **weekly(("MON", 9))}},
         "got DailySettings and WeeklySettings"),
        ({"Recurrence": daily((24, 0))}, "Recurrence.DailySettings[0]: HourOfDay must be 0 to 23"),
        ({"Recurrence": daily((9, 0), on_calls=0)}, "NumberOfOnCalls must be at least 1"),
        ({"Recurrence": daily((9, 0), every=101)}, "RecurrenceMultiplier must be 1 to 100"),
        ({"Recurrence": weekly(("MONDAY", 9))}, "Recurrence.WeeklySettings[0]: DayOfWeek must"),
        ({"Recurrence": monthly(32)}, "Recurrence.MonthlySettings[0]: DayOfMonth must be 1 to 31"),
        ({"Recurrence": with_coverage(daily((9, 0)), {"MONDAY": []})},
         "ShiftCoverages keys must be days"),
        ({"Recurrence": {"NumberOfOnCalls": 1, "DailySettings": [hand_off(9)]}},
         "Recurrence.RecurrenceMultiplier is required"),
    ],
)  # fmt: skip
def test_bad_rotation_names_the_member(change: dict[str, Any], message: str) -> None:
    api = {**rotation(daily((9, 0))).to_api(), **change}
    with pytest.raises(RotationSpecError) as error:
        RotationSpec.from_api(api)
    assert message in str(error.value)


def test_shift_from_api_reads_list_rotation_shifts_items() -> None:
    start, end = datetime(2026, 1, 5, 9, tzinfo=UTC), datetime(2026, 1, 6, 9, tzinfo=UTC)
    item: dict[str, Any] = {
        "ContactIds": [C],
        "StartTime": start,
        "EndTime": end,
        "Type": "OVERRIDDEN",
        "ShiftDetails": {"OverriddenContactIds": [A]},
    }
    shift = RotationShift.from_api(item)
    assert shift == RotationShift((C,), start, end, "OVERRIDDEN", (A,))
    assert shift.to_api() == item
