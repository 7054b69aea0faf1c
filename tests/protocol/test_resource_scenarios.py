"""The scenarios every resource passes, from one table of cases (resource_cases.py).

Names follow terraform-provider-aws's acceptance tests. Each runs once per resource and
per driver (in-process hooks, the dynamic provider's gRPC server, the native plugin's):
the same inputs, the same rules and messages on both front ends (property names as each
front end's programs write them: snake_case in Python, camelCase natively); call counts
come from the emulator's call log.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from pulumi_ssm_contacts.core.bag import snake
from pulumi_ssm_contacts.emulator_harness.control import EmulatorControl
from tests.protocol.conftest import driving
from tests.protocol.drivers import Driver, HookError, NativePlugin
from tests.protocol.resource_cases import CASES, Context, ResourceCase

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient


@pytest.fixture(params=CASES, ids=[case.name for case in CASES])
def case(request: pytest.FixtureRequest) -> ResourceCase:
    found: ResourceCase = request.param
    return found


@pytest.fixture(params=["hooks", "grpc", "native"])
def drive(
    request: pytest.FixtureRequest, case: ResourceCase, emulator_env: dict[str, str]
) -> Iterator[Driver]:
    plugin: NativePlugin | None = (
        request.getfixturevalue("native_plugin") if request.param == "native" else None
    )
    with driving(request.param, case.provider(), emulator_env, plugin) as made:
        yield made


@pytest.fixture
def ctx(case: ResourceCase, aws: SSMContactsClient) -> Context:
    return case.setup(aws)


def up(drive: Driver, news: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    inputs, failures = drive.check({}, news)
    assert failures == {}
    return drive.create(inputs)


def test_basic(
    drive: Driver, case: ResourceCase, ctx: Context, control: EmulatorControl, aws: Any
) -> None:
    control.clear_calls()
    inputs, failures = drive.check({}, case.inputs(ctx))
    assert (failures, control.counts()) == ({}, {}), "check makes no API call"

    id_, outs = drive.create(inputs)
    assert control.counts() == case.create_calls
    assert case.live(aws, id_) is not None

    control.clear_calls()
    read_id, read_outs, read_inputs = drive.read(id_, outs)
    assert (read_id, read_outs) == (id_, outs)
    assert drive.diff(id_, read_outs, read_inputs or inputs).changes is False

    drive.delete(id_, outs)
    assert case.live(aws, id_) is None


def test_disappears(drive: Driver, case: ResourceCase, ctx: Context, aws: Any) -> None:
    id_, outs = up(drive, case.inputs(ctx))
    case.delete_out_of_band(aws, id_)
    assert drive.read(id_, outs)[0] == "", "gone reads empty, so refresh drops it"
    drive.delete(id_, outs)  # already gone counts as deleted


def test_update_each_property_in_place(
    drive: Driver, case: ResourceCase, ctx: Context, control: EmulatorControl, aws: Any
) -> None:
    for prop, (overrides, operation) in case.updates.items():
        id_, outs = up(drive, case.inputs(ctx))
        news, _ = drive.check(outs, {**case.inputs(ctx), **overrides(ctx)})
        diff = drive.diff(id_, outs, news)
        assert (diff.changes, diff.replaces) == (True, []), prop
        control.clear_calls()
        updated = drive.update(id_, outs, news)
        counts = control.counts()
        assert counts.pop(operation) == 1, prop
        assert all(op.startswith(("Get", "List")) for op in counts), (prop, counts)
        assert drive.read(id_, updated)[1] == updated, "AWS has what the program says"
        drive.delete(id_, updated)


def test_replace_on_each_property(
    drive: Driver, case: ResourceCase, ctx: Context, control: EmulatorControl
) -> None:
    id_, outs = up(drive, case.inputs(ctx))
    for prop, overrides in case.replaces.items():
        news, _ = drive.check(outs, {**case.inputs(ctx), **overrides(ctx)})
        control.clear_calls()
        assert prop in drive.diff(id_, outs, news).replaces
        assert control.counts() == {}


def test_import_then_no_diff(
    drive: Driver, case: ResourceCase, ctx: Context, control: EmulatorControl, aws: Any
) -> None:
    existing = case.make_existing(aws, ctx)
    control.clear_calls()
    id_, outs = drive.import_(existing, case.inputs(ctx))
    assert id_ == existing
    assert not {op for op in control.counts() if op.startswith("Create")}, "adopted, not made"
    _, refreshed, _ = drive.read(id_, outs)
    program, _ = drive.check(refreshed, case.inputs(ctx))
    assert drive.diff(id_, refreshed, program).changes is False


def test_import_mismatch_names_the_difference_and_writes_nothing(
    drive: Driver, case: ResourceCase, ctx: Context, control: EmulatorControl, aws: Any
) -> None:
    existing = case.make_existing(aws, ctx)
    prop, (overrides, _) = next(iter(case.updates.items()))
    control.clear_calls()
    with pytest.raises(HookError) as raised:
        drive.import_(existing, {**case.inputs(ctx), **overrides(ctx)})
    assert drive.written(snake(prop)) in str(raised.value), "named as the program wrote it"
    assert all(op.startswith(("Get", "List")) for op in control.counts()), "reads only"


def test_bad_input_names_the_property_with_no_call(
    drive: Driver, case: ResourceCase, ctx: Context, control: EmulatorControl
) -> None:
    control.clear_calls()
    for kind, (overrides, prop) in case.bad.items():
        _, failures = drive.check({}, {**case.inputs(ctx), **overrides})
        assert drive.written(prop) in failures, (kind, failures)
    assert control.counts() == {}


@pytest.mark.parametrize(
    "case",
    [case for case in CASES if case.conflict],
    ids=[case.name for case in CASES if case.conflict],
    indirect=True,
)
def test_conflict_a_second_owner_fails(
    drive: Driver, case: ResourceCase, ctx: Context, control: EmulatorControl, aws: Any
) -> None:
    assert case.conflict is not None
    id_, _ = up(drive, case.inputs(ctx))
    before = case.live(aws, id_)
    inputs, _ = drive.check({}, {**case.inputs(ctx), **case.conflict(ctx)})
    with pytest.raises(HookError) as raised:
        drive.create(inputs)
    assert "another Pulumi resource" in str(raised.value) or "names another" in str(raised.value)
    assert case.live(aws, id_) == before


def test_throttled_then_succeeds(
    drive: Driver, case: ResourceCase, ctx: Context, control: EmulatorControl, aws: Any
) -> None:
    control.set_faults(throttle_rate=0.5, seed=3)
    control.clear_calls()
    id_, _ = up(drive, case.inputs(ctx))
    control.clear_faults()
    assert sum(control.counts().values()) > sum(case.create_calls.values()), "some were retried"
    assert case.live(aws, id_) is not None
