"""The scenarios every resource passes, under the real CLI, from the protocol tier's case table.

One program (resource_program) declares the resource a case describes; each step changes the
stack's config and runs the engine again. Two stacks per resource walk every scenario:
basic (its first up throttled), update_<property>, disappears, replace_on_<property> and
destroy in one; bad input, import and its mismatch, and conflict (a second stack) in the
other. (The protocol tier runs each scenario on its own, on both front ends.)
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


def test_basic_no_op_update_each_disappears_replace_each_destroy(
    new_stack: StackFactory, case: ResourceCase, ctx: Context, emulator: Emulator
) -> None:
    """One stack through the whole life: basic (up, throttled half the time, then a no-op
    preview with no call), update_<each property> in place, disappears (refresh drops it, up
    makes it again), replace_on_<each property>, and destroy leaves nothing."""
    stack = stack_for(new_stack, case, case.inputs(ctx))
    emulator.control.set_faults(throttle_rate=0.5, seed=7)  # throttled, retried, done
    id_ = stack.up().outputs["id"].value
    emulator.control.clear_faults()
    assert case.live(emulator.client, id_) is not None
    emulator.control.clear_calls()
    assert changes(stack.preview().change_summary) == {}
    assert emulator.operations() == [], "preview makes no API call"

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

    case.delete_out_of_band(emulator.client, id_)
    assert changes(stack.refresh().summary.resource_changes) == {"delete": 1}
    ctx = case.restore(emulator.client, ctx)
    declare(stack, case, case.inputs(ctx))
    again = stack.up()
    assert changes(again.summary.resource_changes) == {"create": 1}
    id_ = again.outputs["id"].value
    assert case.live(emulator.client, id_) is not None

    for prop, overrides in case.replaces.items():
        declare(stack, case, {**case.inputs(ctx), **overrides(ctx)})
        result = stack.up()
        assert changes(result.summary.resource_changes) == {"replace": 1}, prop
        id_ = result.outputs["id"].value
        assert case.live(emulator.client, id_) is not None, prop

    stack.destroy()
    assert case.live(emulator.client, id_) is None


def test_bad_input_then_import_mismatch_then_import_then_a_second_stack_conflicts(
    new_stack: StackFactory, case: ResourceCase, ctx: Context, emulator: Emulator
) -> None:
    """Bad input fails the preview with no call; on the same stack, an import whose inputs
    differ from the live resource fails naming the property as Python wrote it, and one that
    matches adopts it with no create and no diff after; then (where the resource has a unique
    name) a second stack declaring the same fails and the first keeps it."""
    kind, (bad, bad_prop) = next(iter(case.bad.items()))
    stack = stack_for(new_stack, case, {**case.inputs(ctx), **bad})
    emulator.control.clear_calls()
    with pytest.raises(auto.CommandError) as failure:
        stack.preview()
    assert f"{bad_prop}: " in str(failure.value), kind
    assert emulator.operations() == []

    existing = case.make_existing(emulator.client, ctx)
    prop, (overrides, _) = next(iter(case.updates.items()))
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
    if not case.conflict:
        return

    before = case.live(emulator.client, existing)
    second = stack_for(new_stack, case, case.inputs(ctx), name="staging")
    with pytest.raises(auto.CommandError) as failure:
        second.up()
    assert "another Pulumi resource" in str(failure.value) or "names another" in str(failure.value)
    second.destroy()
    assert case.live(emulator.client, existing) == before
    assert changes(stack.preview().change_summary) == {}
