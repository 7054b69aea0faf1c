"""examples/oncall under the real engine: rotations, an on-call schedule over them, coverage."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pulumi import automation as auto

from .harness import REPO, Emulator, StackFactory, changes, contact_arn

pytestmark = pytest.mark.e2e

ONCALL = REPO / "examples" / "oncall"
GAP_WARNING = "nobody is on call for"


def test_oncall_goes_up_is_a_no_op_then_and_destroys_to_nothing(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    stack = new_stack(ONCALL)

    preview = stack.preview()
    result = stack.up()

    assert GAP_WARNING not in preview.stdout, "the follow-the-sun twin closes every gap"
    schedule = emulator.client.get_contact(ContactId=contact_arn("sre-oncall"))
    assert schedule["Type"] == "ONCALL_SCHEDULE"
    assert len(schedule["Plan"]["RotationIds"]) == 2
    escalation = emulator.client.get_contact(ContactId=contact_arn("sre-escalation"))["Plan"]
    first = escalation["Stages"][0]["Targets"][0]["ContactTargetInfo"]["ContactId"]
    assert first == contact_arn("sre-oncall"), "the escalation engages the schedule first"
    assert changes(stack.up().summary.resource_changes) == {}

    table = subprocess.run(
        [
            sys.executable,
            "-m",
            "pulumi_ssm_contacts",
            "shifts",
            "--rotation-id",
            result.outputs["london"].value,
            "--region",
            "us-east-1",
            # What `make demo` prints (scripts/demo.py): the rotation's first week.
            "--start",
            "2026-12-07T00:00:00Z",
            "--days",
            "7",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**stack.workspace.env_vars, "PATH": ""},
    )
    assert table.returncode == 0, table.stderr
    assert "akua" in table.stdout
    # 08:00-20:00 London time each day (Monday's split by the 09:00 hand-off): the shifts of
    # Monday 7th to Sunday 13th, no more.
    rows = [line.split("|") for line in table.stdout.splitlines()[2:]]
    shifts = [row for row in rows if "nobody" not in row[1]]
    assert sorted({row[2].split()[1] for row in shifts}) == [
        f"2026-12-{date:02}" for date in range(7, 14)
    ], table.stdout
    assert rows[-1][3].strip() == "Sun 2026-12-13 20:00 GMT", table.stdout

    stack.destroy()
    assert emulator.aliases() == []
    assert emulator.client.list_rotations()["Rotations"] == []


def test_a_schedule_with_a_gap_warns_at_preview_and_changes_rotations_in_place(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    stack = new_stack(ONCALL)
    stack.up()
    stack.set_config("followTheSun", auto.ConfigValue("false"))
    emulator.control.clear_calls()

    preview = stack.preview()
    result = stack.up()

    assert GAP_WARNING in preview.stdout
    assert "Europe/London" in preview.stdout
    assert emulator.control.counts().get("CreateContact") is None
    assert changes(result.summary.resource_changes) == {"update": 1, "delete": 1}
    plan = emulator.client.get_contact(ContactId=contact_arn("sre-oncall"))["Plan"]
    assert plan["RotationIds"] == [result.outputs["london"].value]
