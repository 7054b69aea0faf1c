"""Timestamp members must be epoch seconds a client can read back (issue 13, finding 19).

Before, CreateRotation stored any ``StartTime`` and every later ListRotations failed for
every client. Sent as raw JSON: botocore would refuse these values before sending them.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from .helpers import RECURRENCE, Emulator, ok, personal, rotation
from .raw_http import api_headers, send

BAD_START_TIMES = [
    pytest.param("yesterday", "SerializationException", id="a-string"),
    pytest.param("2026-01-05T09:00:00Z", "SerializationException", id="an-iso-string"),
    pytest.param([], "SerializationException", id="a-list"),
    pytest.param({}, "SerializationException", id="an-object"),
    pytest.param(True, "SerializationException", id="true"),
    pytest.param(1e308, "ValidationException", id="1e308"),
    pytest.param(-1e15, "ValidationException", id="before-year-1"),
    pytest.param(253402300800, "ValidationException", id="year-10000"),
]


def _call(emulator: Emulator, operation: str, params: dict[str, Any]) -> tuple[int, Any]:
    response = send(emulator, json.dumps(params).encode(), api_headers(operation))
    return response.status, response.json()


def _assert_refused(status: int, body: Any, code: str) -> None:
    assert (status, body["__type"]) == (400, code), body
    assert "startTime" in body["message"]


def _reads_still_work(emulator: Emulator) -> None:
    """What every client reads afterwards parses (checked by the helpers' output check)."""
    rotations = ok("ListRotations", emulator.client.list_rotations())["Rotations"]
    for found in rotations:
        ok("GetRotation", emulator.client.get_rotation(RotationId=found["RotationArn"]))


@pytest.mark.parametrize(("start_time", "code"), BAD_START_TIMES)
def test_create_rotation_with_bad_start_time_is_refused_and_stores_nothing(
    emulator: Emulator, start_time: Any, code: str
) -> None:
    member = personal(emulator.client, "akuam")
    params = {
        "Name": "primary",
        "ContactIds": [member],
        "StartTime": start_time,
        "TimeZoneId": "UTC",
        "Recurrence": RECURRENCE,
    }
    _assert_refused(*_call(emulator, "CreateRotation", params), code)
    assert emulator.client.list_rotations()["Rotations"] == []
    _reads_still_work(emulator)


@pytest.mark.parametrize(("start_time", "code"), BAD_START_TIMES)
def test_update_rotation_with_bad_start_time_is_refused_and_keeps_the_old(
    emulator: Emulator, start_time: Any, code: str
) -> None:
    arn = rotation(emulator.client, [personal(emulator.client, "akuam")])
    before = emulator.client.get_rotation(RotationId=arn)["StartTime"]
    params = {"RotationId": arn, "StartTime": start_time, "Recurrence": RECURRENCE}
    _assert_refused(*_call(emulator, "UpdateRotation", params), code)
    assert emulator.client.get_rotation(RotationId=arn)["StartTime"] == before
    _reads_still_work(emulator)


@pytest.mark.parametrize("start_time", [0, 1767600000, 1767600000.5, -62135596800])
def test_epoch_seconds_are_accepted_and_read_back(emulator: Emulator, start_time: float) -> None:
    member = personal(emulator.client, "akuam")
    params = {
        "Name": "primary",
        "ContactIds": [member],
        "StartTime": start_time,
        "TimeZoneId": "UTC",
        "Recurrence": RECURRENCE,
    }
    status, body = _call(emulator, "CreateRotation", params)
    assert status == 200, body
    found = emulator.client.get_rotation(RotationId=body["RotationArn"])["StartTime"]
    assert found.timestamp() == start_time
    _reads_still_work(emulator)


def test_bad_timestamp_in_a_nested_member_names_its_path(emulator: Emulator) -> None:
    member = personal(emulator.client, "akuam")
    params = {
        "EndTime": 1767600000,
        "Members": [member],
        "TimeZoneId": "UTC",
        "Recurrence": RECURRENCE,
        "Overrides": [{"NewMembers": [member], "StartTime": "soon", "EndTime": 1767600000}],
    }
    status, body = _call(emulator, "ListPreviewRotationShifts", params)
    assert (status, body["__type"]) == (400, "SerializationException"), body
    assert "overrides.1.member.startTime" in body["message"]
    assert "soon" not in body["message"]
