"""A ContactPlan that owns an on-call schedule's rotations, under the real engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from pulumi import automation as auto

from .harness import Emulator, StackFactory, changes

pytestmark = pytest.mark.e2e

PROGRAM = Path(__file__).with_name("schedule_plan_program")


def test_contact_plan_sets_a_schedules_rotations_and_changes_them_in_place(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    aws = emulator.client
    person = aws.create_contact(Alias="akuam", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    console = aws.create_rotation(
        Name="console-made",
        ContactIds=[person],
        TimeZoneId="Europe/Paris",
        Recurrence={
            "NumberOfOnCalls": 1,
            "RecurrenceMultiplier": 1,
            "DailySettings": [{"HourOfDay": 9, "MinuteOfHour": 0}],
        },
    )["RotationArn"]
    schedule = aws.create_contact(
        Alias="imported-oncall", Type="ONCALL_SCHEDULE", Plan={"RotationIds": [console]}
    )["ContactArn"]
    stack = new_stack(PROGRAM)
    stack.set_config("schedule", auto.ConfigValue(schedule))
    stack.set_config("person", auto.ConfigValue(person))

    first = stack.up()
    assert (
        aws.get_contact(ContactId=schedule)["Plan"]["RotationIds"]
        == first.outputs["rotations"].value
    )
    stack.set_config("rotations", auto.ConfigValue("2"))
    emulator.control.clear_calls()
    second = stack.up()

    assert changes(second.summary.resource_changes) == {"create": 1, "update": 1}
    assert "CreateContact" not in emulator.operations()
    assert (
        aws.get_contact(ContactId=schedule)["Plan"]["RotationIds"]
        == second.outputs["rotations"].value
    )
    assert changes(stack.preview().change_summary) == {}
