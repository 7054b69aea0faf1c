"""The preview tells the truth: for every in-place change of every resource, in a stack where
others depend on it, `pulumi preview` shows per resource exactly the operations `pulumi up` then
performs, and no dependent is replaced; a replacing change previews the replacements `up` makes.

One stack per resource family (preview_program), the table's changes applied in sequence:
preview, then up, per row. Operations come from the engine's events (the steps `--json` shows).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pulumi import automation as auto

from .harness import Emulator, StackFactory

pytestmark = pytest.mark.e2e

PROGRAM = Path(__file__).with_name("preview_program")

Operations = dict[str, list[str]]
"""Resource name -> the engine's step operations on it (`same` left out), sorted."""


@dataclass(frozen=True)
class Row:
    """One change: its name in failures, the resource it changes, the settings it sets."""

    name: str
    subject: str
    settings: dict[str, Any]
    replaces: bool = False


PERSONAL_ROWS = [
    Row("Contact update_display_name", "person", {"display_name": "Pat Doe"}),
    Row("Contact update_tags", "person", {"tags": {"team": "b"}}),
    Row("ContactChannel update_name", "email", {"email_name": "work-email"}),
    Row("ContactChannel update_delivery_address", "email", {"email": "pat@example.org"}),
    Row("ContactPlan update_stages", "person-plan", {"minutes": 10}),
    Row("Contact replace_on_alias", "person", {"alias": "pat-2"}, replaces=True),
]
ONCALL_ROWS = [
    Row("Rotation update_contact_ids", "rota", {"members": ["sam", "alex"]}),
    Row("Rotation update_start_time", "rota", {"start_time": "2026-12-08T09:00:00Z"}),
    Row("Rotation update_time_zone_id", "rota", {"time_zone_id": "Europe/London"}),
    Row("Rotation update_recurrence", "rota", {"hand_off_hour": 10}),
    Row("Rotation update_tags", "rota", {"tags": {"team": "b"}}),
    Row("Contact update_plan", "schedule", {"schedule_rotations": 2}),
    Row("ContactPlan update_rotation_ids", "imported-plan", {"imported_rotations": 2}),
]


class Steps:
    """An `on_event` callback that records each resource's step operations."""

    def __init__(self) -> None:
        self.found: defaultdict[str, set[str]] = defaultdict(set)

    def __call__(self, event: auto.EngineEvent) -> None:
        pre = event.resource_pre_event
        if pre is None or pre.metadata.op == auto.OpType.SAME:
            return
        if not pre.metadata.type.startswith("pulumi:providers:"):  # config changes update it
            self.found[pre.metadata.urn.rsplit("::", 1)[-1]].add(pre.metadata.op.value)

    def operations(self) -> Operations:
        return {name: sorted(ops) for name, ops in sorted(self.found.items())}


def mismatches(stack: auto.Stack, rows: list[Row]) -> list[str]:
    """Apply the rows in sequence (preview, then up); what each row got wrong."""
    settings: dict[str, Any] = {}
    wrong = []
    for row in rows:
        settings = {**settings, **row.settings}
        stack.set_config("settings", auto.ConfigValue(json.dumps(settings)))
        preview, up = Steps(), Steps()
        stack.preview(on_event=preview)
        stack.up(on_event=up)
        previewed, done = preview.operations(), up.operations()
        if previewed != done:
            wrong.append(f"{row.name}: preview showed {previewed}, up did {done}")
        if row.subject not in done:
            wrong.append(f"{row.name}: up did not change {row.subject} ({done})")
        if not row.replaces:
            replaced = [name for name, ops in {**previewed, **done}.items() if "replace" in ops]
            if replaced:
                wrong.append(f"{row.name}: an in-place change replaced {replaced}")
            elif done != {row.subject: ["update"]}:
                wrong.append(f"{row.name}: up did {done}, not one update of {row.subject}")
    return wrong


def test_personal_family_preview_equals_up(new_stack: StackFactory) -> None:
    stack = new_stack(PROGRAM)
    stack.set_config("family", auto.ConfigValue("personal"))
    stack.up()
    wrong = mismatches(stack, PERSONAL_ROWS)
    assert not wrong, "\n".join(wrong)


def test_oncall_family_preview_equals_up(new_stack: StackFactory, emulator: Emulator) -> None:
    aws = emulator.client
    console = aws.create_contact(Alias="console-person", Type="PERSONAL", Plan={"Stages": []})
    rotation = aws.create_rotation(
        Name="console-made",
        ContactIds=[console["ContactArn"]],
        TimeZoneId="Europe/Paris",
        Recurrence={
            "NumberOfOnCalls": 1,
            "RecurrenceMultiplier": 1,
            "DailySettings": [{"HourOfDay": 9, "MinuteOfHour": 0}],
        },
    )["RotationArn"]
    imported = aws.create_contact(
        Alias="imported-oncall", Type="ONCALL_SCHEDULE", Plan={"RotationIds": [rotation]}
    )["ContactArn"]
    stack = new_stack(PROGRAM)
    stack.set_config("family", auto.ConfigValue("oncall"))
    stack.set_config("imported", auto.ConfigValue(imported))
    stack.up()
    wrong = mismatches(stack, ONCALL_ROWS)
    assert not wrong, "\n".join(wrong)
