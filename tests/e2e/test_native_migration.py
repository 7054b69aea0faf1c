"""Moving a stack from the dynamic classes to the native ones, with no AWS change (docs/native.md).

The documented path: mark the dynamic resources `retain_on_delete` and `up` (the engine then
forgets them without a delete call), then declare the same resources, with the same names, with
`pulumi_ssm_contacts.native`'s classes and `import_=<ARN>`, and `up`: each is imported by ID
(reads only), its owner tag, computed by the native plugin from the URN, the one the dynamic
provider wrote. The next preview is a no-op.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pulumi import automation as auto

from .harness import Emulator, StackFactory, changes

pytestmark = pytest.mark.e2e

PROGRAM = Path(__file__).with_name("migration_program")
NAMES = ("akuam", "akuam-email", "akuam-plan")
OWNER_TAG = "pulumi-ssm-contacts/owner"


def _writes(operations: list[str]) -> list[str]:
    """The calls that change something in AWS."""
    reads = ("Get", "List", "Describe")
    return [op for op in operations if not op.startswith(reads)]


def _owner(emulator: Emulator, arn: str) -> str | None:
    tags = emulator.client.list_tags_for_resource(ResourceARN=arn)["Tags"]
    return next((t["Value"] for t in tags if t["Key"] == OWNER_TAG), None)


def _channel(emulator: Emulator, arn: str) -> dict[str, object]:
    found = dict(emulator.client.get_contact_channel(ContactChannelId=arn))
    found.pop("ResponseMetadata")
    return found


def _types(stack: auto.Stack) -> dict[str, str]:
    """Resource name -> type token, of the stack's state."""
    exported = stack.export_stack().deployment or {}
    return {
        r["urn"].rsplit("::", 1)[1]: r["type"]
        for r in exported.get("resources", [])
        if r["type"] not in ("pulumi:pulumi:Stack",)
        and not r["type"].startswith("pulumi:providers")
    }


def test_a_stack_moves_from_the_dynamic_to_the_native_classes_with_no_aws_change(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    stack = new_stack(PROGRAM, config={"front": "dynamic"})
    outputs = stack.up().outputs
    ids = {name: outputs[name].value for name in NAMES}
    owner = _owner(emulator, ids["akuam"])
    assert owner == "e2e-contacts/e2e/akuam"
    channel = _channel(emulator, ids["akuam-email"])

    stack.set_config("front", auto.ConfigValue("retained"))
    emulator.control.clear_calls()
    stack.up()
    assert _writes(emulator.operations()) == []

    stack.set_config("front", auto.ConfigValue("native"))
    stack.set_config("ids", auto.ConfigValue(json.dumps(ids)))
    emulator.control.clear_calls()
    result = stack.up()
    assert _writes(emulator.operations()) == [], "import by ID: reads only"
    assert changes(result.summary.resource_changes) == {"import": 3, "delete": 3}
    assert {name: result.outputs[name].value for name in NAMES} == ids
    assert set(_types(stack).values()) == {
        "ssm-contacts:index:Contact",
        "ssm-contacts:index:ContactChannel",
        "ssm-contacts:index:ContactPlan",
    }

    emulator.control.clear_calls()
    assert changes(stack.preview().change_summary) == {}
    assert _writes(emulator.operations()) == []
    assert _owner(emulator, ids["akuam"]) == owner
    assert _channel(emulator, ids["akuam-email"]) == channel
