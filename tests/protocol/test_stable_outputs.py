"""The stable outputs diff declares are true: a real in-place update, over the dynamic
provider's gRPC server against the emulator, leaves every declared-stable output as it was.

The stables come from the engine in this process: the SDK's gRPC server does not forward
``DiffResult.stables`` (pulumi/dynamic/__main__.py builds its DiffResponse without them), and
the engine (pkg/resource/deploy/step.go) records but never reads them; the preview learns the
ARN from the ID instead (tests/unit/test_preview_outputs.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from pulumi_ssm_contacts.dynamic.provider import EngineProvider
from pulumi_ssm_contacts.emulator_harness.control import EmulatorControl
from tests.protocol.conftest import driving
from tests.protocol.drivers import Driver
from tests.protocol.resource_cases import CASES, Context

EXTRA_UPDATES: dict[str, dict[str, Callable[[Context], dict[str, Any]]]] = {
    "Contact": {"tags": lambda ctx: {"tags": {"team": "ops", "tier": "1"}}},
}
ROWS = [
    (case, prop, overrides)
    for case in CASES
    for prop, overrides in {
        **{prop: change for prop, (change, _) in case.updates.items()},
        **EXTRA_UPDATES.get(case.name, {}),
    }.items()
]


@pytest.fixture(params=ROWS, ids=[f"{case.name}-update_{prop}" for case, prop, _ in ROWS])
def row(request: pytest.FixtureRequest) -> Any:
    return request.param


@pytest.fixture
def drive(row: Any, emulator_env: dict[str, str]) -> Iterator[Driver]:
    with driving("grpc", row[0].provider(), emulator_env) as made:
        yield made


def test_update_leaves_declared_stables_as_they_were(
    row: Any, drive: Driver, aws: Any, control: EmulatorControl
) -> None:
    case, prop, overrides = row
    ctx = case.setup(aws)
    inputs, failures = drive.check({}, case.inputs(ctx))
    assert failures == {}
    id_, outs = drive.create(inputs)
    if case.name == "ContactChannel":  # activated, so that a status its update resets shows
        code = control.activation_codes()[id_]
        aws.activate_contact_channel(ContactChannelId=id_, ActivationCode=code)
        outs = drive.read(id_, outs)[1]
        assert outs["activationStatus"] == "ACTIVATED"
    news, failures = drive.check(outs, {**case.inputs(ctx), **overrides(ctx)})
    assert failures == {}
    provider = case.provider()
    assert isinstance(provider, EngineProvider)
    change = provider.engine.diff(outs, news)
    assert (change.changed, change.replaces) == ([prop], [])

    updated = drive.update(id_, outs, news)

    moved = {k for k in {*outs, *updated} if outs.get(k) != updated.get(k)}
    assert prop in moved, "the update wrote the change"
    assert "arn" in change.stables
    assert not moved & set(change.stables), f"declared stable, but changed: {moved}"
    drive.delete(id_, updated)
