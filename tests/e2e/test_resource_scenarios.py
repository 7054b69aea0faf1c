"""The scenarios every resource passes, under the real CLI, from the protocol tier's case table.

One program (resource_program) declares the resource a case describes; each step changes the
stack's config and runs the engine again: basic, disappears, update_<property>,
replace_on_<property>, import and its mismatch, bad input, conflict (a second stack),
throttled-then-succeeds.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pulumi import automation as auto

from pulumi_ssm_contacts.core.bag import snake
from tests.protocol.resource_cases import CASES, Context, ResourceCase

from .harness import Emulator, StackFactory, changes

pytestmark = pytest.mark.e2e

E2E_CASES = [case for case in CASES if case.name != "Contact"]
"""Contact's scenarios run under the CLI in test_contact_engine.py and test_ownership.py."""

PROGRAM = Path(__file__).with_name("resource_program")


@pytest.fixture(params=E2E_CASES, ids=[case.name for case in E2E_CASES])
def case(request: pytest.FixtureRequest) -> ResourceCase:
    found: ResourceCase = request.param
    return found


@pytest.fixture
def ctx(case: ResourceCase, emulator: Emulator) -> Context:
    return case.setup(emulator.client)


def spec(case: ResourceCase, inputs: dict[str, Any], **extra: Any) -> str:
    """The program's `resource` config: the case's resource type, its inputs, options."""
    return json.dumps({"type": case.name, "inputs": inputs, **extra})


def declare(stack: auto.Stack, case: ResourceCase, inputs: dict[str, Any], **extra: Any) -> None:
    stack.set_config("resource", auto.ConfigValue(spec(case, inputs, **extra)))


def stack_for(
    new_stack: StackFactory, case: ResourceCase, inputs: dict[str, Any], name: str = "e2e"
) -> auto.Stack:
    return new_stack(PROGRAM, stack_name=name, config={"resource": spec(case, inputs)})


def test_basic_up_no_op_destroy(
    new_stack: StackFactory, case: ResourceCase, ctx: Context, emulator: Emulator
) -> None:
    stack = stack_for(new_stack, case, case.inputs(ctx))
    id_ = stack.up().outputs["id"].value
    assert case.live(emulator.client, id_) is not None
    emulator.control.clear_calls()
    assert changes(stack.preview().change_summary) == {}
    assert emulator.operations() == [], "preview makes no API call"
    stack.destroy()
    assert case.live(emulator.client, id_) is None


def test_disappears_refresh_drops_it_and_up_makes_it_again(
    new_stack: StackFactory, case: ResourceCase, ctx: Context, emulator: Emulator
) -> None:
    stack = stack_for(new_stack, case, case.inputs(ctx))
    id_ = stack.up().outputs["id"].value
    case.delete_out_of_band(emulator.client, id_)
    assert changes(stack.refresh().summary.resource_changes) == {"delete": 1}
    declare(stack, case, case.inputs(case.restore(emulator.client, ctx)))
    again = stack.up()
    assert changes(again.summary.resource_changes) == {"create": 1}
    assert case.live(emulator.client, again.outputs["id"].value) is not None


def test_update_each_property_in_place(
    new_stack: StackFactory, case: ResourceCase, ctx: Context, emulator: Emulator
) -> None:
    stack = stack_for(new_stack, case, case.inputs(ctx))
    id_ = stack.up().outputs["id"].value
    inputs = case.inputs(ctx)
    for prop, (overrides, operation) in case.updates.items():
        inputs = {**inputs, **overrides(ctx)}
        declare(stack, case, inputs)
        emulator.control.clear_calls()
        result = stack.up()
        assert changes(result.summary.resource_changes) == {"update": 1}, prop
        assert result.outputs["id"].value == id_, prop
        assert emulator.control.counts().get(operation) == 1, prop
    assert changes(stack.preview().change_summary) == {}


def test_replace_on_each_property(
    new_stack: StackFactory, case: ResourceCase, ctx: Context, emulator: Emulator
) -> None:
    stack = stack_for(new_stack, case, case.inputs(ctx))
    stack.up()
    for prop, overrides in case.replaces.items():
        declare(stack, case, {**case.inputs(ctx), **overrides(ctx)})
        result = stack.up()
        assert changes(result.summary.resource_changes) == {"replace": 1}, prop
        assert case.live(emulator.client, result.outputs["id"].value) is not None, prop


def test_import_then_no_diff_and_mismatch_fails(
    new_stack: StackFactory, case: ResourceCase, ctx: Context, emulator: Emulator
) -> None:
    existing = case.make_existing(emulator.client, ctx)
    prop, (overrides, _) = next(iter(case.updates.items()))
    stack = new_stack(PROGRAM)
    declare(stack, case, {**case.inputs(ctx), **overrides(ctx)}, **{"import": existing})
    with pytest.raises(auto.CommandError) as mismatch:
        stack.up()
    assert snake(prop) in str(mismatch.value), "named as the Python program wrote it"

    declare(stack, case, case.inputs(ctx), **{"import": existing})
    emulator.control.clear_calls()
    assert stack.up().outputs["id"].value == existing
    assert not [op for op in emulator.operations() if op.startswith("Create")], "adopted"
    declare(stack, case, case.inputs(ctx))  # the import option has done its job
    assert changes(stack.preview().change_summary) == {}


def test_bad_input_fails_preview_with_no_call(
    new_stack: StackFactory, case: ResourceCase, ctx: Context, emulator: Emulator
) -> None:
    kind, (overrides, prop) = next(iter(case.bad.items()))
    stack = stack_for(new_stack, case, {**case.inputs(ctx), **overrides})
    emulator.control.clear_calls()
    with pytest.raises(auto.CommandError) as failure:
        stack.preview()
    assert f"{prop}: " in str(failure.value), kind
    assert emulator.operations() == []


@pytest.mark.parametrize(
    "case",
    [case for case in E2E_CASES if case.conflict],
    ids=[case.name for case in E2E_CASES if case.conflict],
    indirect=True,
)
def test_conflict_a_second_stack_fails_and_the_first_keeps_it(
    new_stack: StackFactory, case: ResourceCase, ctx: Context, emulator: Emulator
) -> None:
    first = stack_for(new_stack, case, case.inputs(ctx), name="prod")
    id_ = first.up().outputs["id"].value
    before = case.live(emulator.client, id_)
    second = stack_for(new_stack, case, case.inputs(ctx), name="staging")
    with pytest.raises(auto.CommandError) as failure:
        second.up()
    assert "another Pulumi resource" in str(failure.value) or "names another" in str(failure.value)
    second.destroy()
    assert case.live(emulator.client, id_) == before
    assert changes(first.preview().change_summary) == {}


def test_throttled_then_succeeds(
    new_stack: StackFactory, case: ResourceCase, ctx: Context, emulator: Emulator
) -> None:
    stack = stack_for(new_stack, case, case.inputs(ctx))
    emulator.control.set_faults(throttle_rate=0.5, seed=7)
    result = stack.up()
    emulator.control.clear_faults()
    assert case.live(emulator.client, result.outputs["id"].value) is not None
