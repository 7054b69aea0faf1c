"""Two resources of one program that claim one AWS resource fail at preview, naming both.

An alias (per region) names one contact, and a contact's plan has one owner: twins used to
pass preview and then fail at `up` after one was made, or fight over the plan (the later write
won). Rotation names are not unique in AWS: twins there are a warning.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pulumi import automation as auto

from .harness import Emulator, StackFactory, changes

pytestmark = pytest.mark.e2e

PROGRAM = Path(__file__).with_name("twins_program")


def twins_stack(new_stack: StackFactory, twins: str) -> auto.Stack:
    stack = new_stack(PROGRAM)
    stack.set_config("twins", auto.ConfigValue(twins))
    return stack


@pytest.mark.parametrize(
    ("twins", "first", "second", "claim"),
    [
        ("alias", "Contact 'first'", "Contact 'second'", "`alias` 'oncall' in us-east-1"),
        ("alias-outputs", "Contact 'first'", "Contact 'second'", "`alias` 'oncall' in us-east-1"),
        ("plan-output", "ContactPlan 'day'", "ContactPlan 'night'", "one `contact_id`"),
        ("plan-arn", "ContactPlan 'day'", "ContactPlan 'night'", "`contact_id` 'arn:aws:"),
    ],
)
def test_conflict_twins_fail_preview_naming_both_with_no_call(
    new_stack: StackFactory, emulator: Emulator, twins: str, first: str, second: str, claim: str
) -> None:
    stack = twins_stack(new_stack, twins)

    with pytest.raises(auto.CommandError) as failure:
        stack.preview()

    output = str(failure.value)
    assert first in output and second in output
    assert claim in output
    assert "Traceback" not in output
    # Each claimant's error once, as a diagnostic: never gRPC's wrapper of a leftover task's.
    assert "Exception calling application" not in output
    assert f"{second} and {first}" not in output, "one message, in the order declared"
    assert emulator.operations() == []


@pytest.mark.parametrize("twins", ["alias", "plan-output"])
def test_conflict_twins_fail_up_before_either_is_made(
    new_stack: StackFactory, emulator: Emulator, twins: str
) -> None:
    stack = twins_stack(new_stack, twins)

    with pytest.raises(auto.CommandError) as failure:
        stack.up()  # the Automation API's up skips the preview

    assert "both claim" in str(failure.value) and "Traceback" not in str(failure.value)
    made = [op for op in emulator.operations() if op in ("CreateContact", "UpdateContact")]
    # plan-output: the contact both plans name is made; neither plan is written.
    assert made == ([] if twins == "alias" else ["CreateContact"])


def test_basic_one_alias_in_two_regions_is_no_twin(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    stack = twins_stack(new_stack, "alias-regions")

    assert changes(stack.preview().change_summary) == {"create": 3}
    assert emulator.operations() == []


def test_rotation_name_twins_warn_naming_both_and_both_are_made(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    stack = twins_stack(new_stack, "rotation-name")

    preview = stack.preview()
    result = stack.up()

    warning = "Rotation 'london' and Rotation 'sydney' both use `name` 'follow-the-sun'"
    assert warning in preview.stdout
    assert changes(result.summary.resource_changes) == {"create": 4}
    assert len(emulator.client.list_rotations()["Rotations"]) == 2
    stack.destroy()
