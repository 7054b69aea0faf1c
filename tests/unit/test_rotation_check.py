"""Rotation check and diff: one canonical start time, in-place changes, rules named at preview."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from pulumi_ssm_contacts import RotationProvider
from pulumi_ssm_contacts.resources.rotation import canonical_time
from tests.protocol.drivers import failures_by_path

CONTACTS = [
    "arn:aws:ssm-contacts:us-east-1:123456789012:contact/akuam",
    "arn:aws:ssm-contacts:us-east-1:123456789012:contact/mateo",
]
WEEKLY = {
    "numberOfOnCalls": 1,
    "recurrenceMultiplier": 1,
    "weeklySettings": [{"dayOfWeek": "MON", "handOffTime": {"hourOfDay": 9, "minuteOfHour": 0}}],
    "shiftCoverages": {
        "MON": [
            {
                "start": {"hourOfDay": 9, "minuteOfHour": 0},
                "end": {"hourOfDay": 17, "minuteOfHour": 0},
            }
        ]
    },
}


def rotation(**overrides: Any) -> dict[str, Any]:
    return {
        "name": "primary",
        "contactIds": CONTACTS,
        "startTime": "2026-12-07T08:00:00Z",
        "timeZoneId": "Europe/Paris",
        "recurrence": WEEKLY,
        **overrides,
    }


@pytest.mark.parametrize(
    "spelling",
    [
        dt.datetime(2026, 12, 7, 8, 0, tzinfo=dt.UTC).isoformat(),
        "2026-12-07T08:00:00Z",
        "2026-12-07T08:00:00+00:00",
        "2026-12-07T09:00:00+01:00",
        "2026-12-07T08:00:00.000Z",
    ],
)
def test_equivalent_start_time_spellings_are_no_diff(spelling: str) -> None:
    provider = RotationProvider()
    state = provider.check({}, rotation()).inputs
    news = provider.check(state, rotation(startTime=spelling))
    assert news.failures == []
    assert news.inputs["startTime"] == "2026-12-07T08:00:00Z"
    assert provider.diff("arn", state, news.inputs).changes is False


def test_a_changed_time_zone_updates_in_place() -> None:
    provider = RotationProvider()
    state = provider.check({}, rotation()).inputs
    diff = provider.diff(
        "arn", state, provider.check(state, rotation(timeZoneId="Asia/Tokyo")).inputs
    )
    assert (diff.changes, diff.replaces) == (True, [])


def test_a_changed_name_replaces() -> None:
    provider = RotationProvider()
    state = provider.check({}, rotation()).inputs
    diff = provider.diff("arn", state, provider.check(state, rotation(name="secondary")).inputs)
    assert diff.replaces == ["name"]


@pytest.mark.parametrize(
    ("overrides", "path", "rule"),
    [
        ({"startTime": "2026-12-07T08:00:00"}, "start_time", "zone-aware"),
        ({"startTime": "next monday"}, "start_time", "ISO 8601"),
        ({"timeZoneId": "Mars/Olympus"}, "time_zone_id", "IANA"),
        ({"recurrence": {**WEEKLY, "weeklySettings": None}}, "recurrence", "exactly one of"),
        (
            {"recurrence": {**WEEKLY, "numberOfOnCalls": 3}},
            "recurrence.number_of_on_calls",
            "at most",
        ),
        ({"contactIds": []}, "contact_ids", "greater than or equal to 1"),
        (
            {"recurrence": {**WEEKLY, "shiftCoverages": {"MONDAY": []}}},
            "recurrence.shift_coverages",
            "enum",
        ),
        ({"recurrence": {**WEEKLY, "hourly": True}}, "recurrence.hourly", "Unknown member"),
    ],
)
def test_bad_input_names_the_property(overrides: dict[str, Any], path: str, rule: str) -> None:
    failures = failures_by_path(RotationProvider().check({}, rotation(**overrides)).failures)
    assert path in failures, failures
    assert rule in failures[path]


def test_canonical_time_keeps_what_it_cannot_read() -> None:
    assert canonical_time("soon") == "soon"
    assert canonical_time(dt.datetime(2026, 1, 1, 12)) == dt.datetime(2026, 1, 1, 12)
