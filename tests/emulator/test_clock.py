"""The emulator's clock: set and advanced through the control API (``EmulatorControl``) or
in-process; reset gives it back to real time; what means "now" follows it."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta

import pytest

from pulumi_ssm_contacts.emulator.clock import CLOCK, Clock
from pulumi_ssm_contacts.emulator_harness.process import EmulatorServer

from .helpers import RECURRENCE, Emulator, personal

NOON = datetime(2026, 12, 8, 12, 0, tzinfo=UTC)


def test_clock_set_advance_release() -> None:
    clock = Clock()

    clock.set(NOON.timestamp())
    first = clock.now()
    clock.advance(90)
    second = clock.now()
    clock.release()

    assert (first, second) == (NOON.timestamp(), NOON.timestamp() + 90)
    assert abs(clock.now() - time.time()) < 60
    with pytest.raises(ValueError):
        clock.advance(-1)


def test_control_clock_set_advance_and_reset(ssm_contacts_server: EmulatorServer) -> None:
    control = ssm_contacts_server.control

    control.set_clock(NOON)
    moved = control.advance_clock(minutes=5)
    seen = control.clock()
    control.reset()

    assert moved == seen == NOON + timedelta(minutes=5)
    assert abs(control.clock() - datetime.now(UTC)) < timedelta(minutes=1)


def test_control_clock_refuses_a_non_number_and_going_back(
    ssm_contacts_server: EmulatorServer,
) -> None:
    endpoint = ssm_contacts_server.control.endpoint
    refusals = []
    for route, body in (("clock", {"now": "noon"}), ("clock/advance", {"seconds": -5})):
        request = urllib.request.Request(
            f"{endpoint}/_emulator/{route}",
            data=json.dumps(body).encode(),
            method="POST",
            headers={"Content-Type": "application/json"},
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10).close()
        refusals.append((refused.value.code, json.loads(refused.value.read())["error"]))

    assert refusals == [
        (400, "'now' must be a number, not 'noon'"),
        (400, "the clock only moves forward, not by -5.0 seconds"),
    ]


def test_rotation_without_a_start_time_starts_at_the_clock(emulator: Emulator) -> None:
    contact = personal(emulator.client, "akuam")
    if emulator.control:
        emulator.control.set_clock(NOON)
    else:
        CLOCK.set(NOON.timestamp())

    arn = emulator.client.create_rotation(
        Name="r", ContactIds=[contact], TimeZoneId="UTC", Recurrence=RECURRENCE
    )["RotationArn"]

    assert emulator.client.get_rotation(RotationId=arn)["StartTime"] == NOON
