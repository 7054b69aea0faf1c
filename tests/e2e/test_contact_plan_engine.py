"""ContactPlan under the real engine: no fight with its Contact, one owner per plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from pulumi import automation as auto

from .harness import Emulator, StackFactory, changes, contact_arn

pytestmark = pytest.mark.e2e

PLAN_PROGRAM = Path(__file__).with_name("plan_program")


def stage_minutes(emulator: Emulator) -> list[int]:
    plan = emulator.client.get_contact(ContactId=contact_arn("team"))["Plan"]
    return [stage["DurationInMinutes"] for stage in plan["Stages"]]


def test_contact_without_plan_and_its_contact_plan_do_not_fight(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    stack = new_stack(PLAN_PROGRAM)

    first = stack.up(refresh=True)
    second = stack.up(refresh=True)
    emulator.control.clear_calls()
    preview = stack.preview(refresh=True)

    assert changes(first.summary.resource_changes) == {"create": 5}
    assert changes(second.summary.resource_changes) == {}
    assert changes(preview.change_summary) == {}
    assert stage_minutes(emulator) == [5, 10], "the stages survive every refresh"
    writes = [op for op in emulator.operations() if not op.startswith(("Get", "List"))]
    assert writes == []


def test_update_stages_in_place_then_destroy_empties_the_plan(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    stack = new_stack(PLAN_PROGRAM)
    stack.up()
    stack.set_config("minutes", auto.ConfigValue("2"))
    emulator.control.clear_calls()

    result = stack.up()

    assert changes(result.summary.resource_changes) == {"update": 1}
    assert stage_minutes(emulator) == [2, 10]
    assert emulator.control.counts().get("UpdateContact") == 1
    stack.destroy()
    assert emulator.aliases() == []


def test_inline_plan_and_contact_plan_for_one_contact_fail_preview(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    stack = new_stack(PLAN_PROGRAM)
    stack.set_config("inline", auto.ConfigValue("true"))

    with pytest.raises(auto.CommandError) as failure:
        stack.preview()

    assert "its contact sets `plan` itself; a plan has one owner" in str(failure.value)
    assert "Remove `plan` from Contact 'team'" in str(failure.value)
    assert "Traceback" not in str(failure.value)
    assert emulator.operations() == []
