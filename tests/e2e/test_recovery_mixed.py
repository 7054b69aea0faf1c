"""docs/recovery.md after `kill -9` of a deploy of every resource type (issue 13, finding 18).

Channels, plans and rotations that AWS made while nobody listened must each be reported by
the audit, before and after `pulumi refresh --clear-pending-creates`; the documented recovery
must then leave every AWS resource held exactly once, a clean audit, and a destroy that leaves
nothing behind.

The window is made wide, not raced: CreateContactChannel, CreateRotation and TagResource (a
plan's plan-owner tag) take LATENCY_MS, every create runs at once (`--parallel`), and the CLI
is killed once the emulator's call log shows every one of those calls arrived. The channels
are then made but never marked on their contacts, as in the finding.
"""

from __future__ import annotations

import json
import os
import signal
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pulumi import automation as auto

from .harness import (
    REGION,
    Emulator,
    PulumiInvocation,
    StackFactory,
    run_audit,
    wait_for,
    wait_until_gone,
)
from .processes import helpers_of
from .test_recovery import repair_checkpoint_attrs

pytestmark = pytest.mark.e2e

MIXED_PROGRAM = Path(__file__).with_name("mixed_program")
PREFIX = "pulumi-python:dynamic/ssm-contacts:"
CHANNEL, PLAN, ROTATION = (f"{PREFIX}{t}" for t in ("ContactChannel", "ContactPlan", "Rotation"))
PEOPLE, ESCALATIONS, ROTATIONS = 3, 3, 2
CHANNELS = 2 * PEOPLE
LATENCY_MS = 3000
MARKER = "pulumi-ssm-contacts/channel/"
PLAN_OWNER = "pulumi-ssm-contacts/plan-owner"


def pulumi(stack: auto.Stack, *args: str) -> str:
    done = PulumiInvocation.of(stack, list(args)).run()
    assert done.returncode == 0, f"pulumi {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def audit(stack: auto.Stack) -> tuple[int, dict[str, Any]]:
    done = run_audit("--region", REGION, "--json", stdin=pulumi(stack, "stack", "export"))
    assert done.returncode in (0, 1), done.stderr
    document: dict[str, Any] = json.loads(done.stdout)
    return done.returncode, document


def inventory(emulator: Emulator) -> dict[str, Any]:
    """What the emulator holds: channels, rotations, and each contact's package tags."""
    client = emulator.client
    contacts = [c["ContactArn"] for c in client.list_contacts()["Contacts"]]
    tags = {
        arn: {t["Key"]: t["Value"] for t in client.list_tags_for_resource(ResourceARN=arn)["Tags"]}
        for arn in contacts
    }
    channels = [
        ch["ContactChannelArn"]
        for arn in contacts
        for ch in client.list_contact_channels(ContactId=arn)["ContactChannels"]
    ]
    return {
        "contacts": contacts,
        "channels": channels,
        "rotations": [r["RotationArn"] for r in client.list_rotations()["Rotations"]],
        "plans": {arn: t[PLAN_OWNER] for arn, t in tags.items() if PLAN_OWNER in t},
        "markers": sum(1 for t in tags.values() for key in t if key.startswith(MARKER)),
    }


def held(stack: auto.Stack, type_: str) -> Counter[str]:
    deployment = stack.export_stack().deployment or {}
    return Counter(r["id"] for r in deployment["resources"] if r["type"] == type_ and r.get("id"))


def kill_when_all_slow_calls_arrived(stack: auto.Stack, emulator: Emulator, log: Path) -> None:
    """`pulumi up`, killed with SIGKILL once every channel and rotation create and every
    plan-owner tag is in the emulator (each then still has LATENCY_MS to go)."""
    up = PulumiInvocation.of(stack, ["up", "--yes", "--skip-preview", "--parallel", "64"])
    with log.open("w") as output:
        cli = up.start(output)
    try:
        wait_for(
            "every slow call reached the emulator",
            lambda: (
                (
                    (counts := Counter(emulator.operations()))["CreateContactChannel"] >= CHANNELS
                    and counts["CreateRotation"] >= ROTATIONS
                    and counts["TagResource"] >= ESCALATIONS
                )
                or cli.poll() is not None
            ),
            timeout=120,
        )
        assert cli.poll() is None, f"pulumi up ended before it was killed:\n{log.read_text()}"
        helpers = helpers_of(cli.pid)
        os.kill(cli.pid, signal.SIGKILL)
    finally:
        if cli.poll() is None:
            os.kill(cli.pid, signal.SIGKILL)
        cli.wait()
    assert wait_until_gone(helpers, timeout=15) == []


def test_recovery_after_kill_9_of_a_mixed_deploy_holds_every_resource_once(
    new_stack: StackFactory, emulator: Emulator, tmp_path: Path
) -> None:
    stack = new_stack(MIXED_PROGRAM)
    mixed = {"people": PEOPLE, "escalations": ESCALATIONS, "rotations": ROTATIONS}
    stack.set_config("mixed", auto.ConfigValue(json.dumps(mixed)))
    emulator.control.set_faults(
        latency_ms=LATENCY_MS, operations=["CreateContactChannel", "CreateRotation", "TagResource"]
    )

    kill_when_all_slow_calls_arrived(stack, emulator, tmp_path / "up.log")
    # The calls in flight at the kill complete in AWS after their latency.
    wait_for(
        "the calls in flight at the kill landed",
        lambda: (
            len((found := inventory(emulator))["channels"]) == CHANNELS
            and len(found["plans"]) == ESCALATIONS
            and len(found["rotations"]) == ROTATIONS
        ),
        timeout=60,
    )
    emulator.control.clear_faults()
    export = PulumiInvocation.of(stack, ["stack", "export"]).run()
    if export.returncode != 0:
        assert "failed to load checkpoint: EOF" in export.stderr, export.stderr
        assert repair_checkpoint_attrs(stack)

    # 1. Every channel, plan and rotation AWS has and the state does not is reported, and
    # each pending create lists the resource AWS made for it.
    found = inventory(emulator)
    leftovers = {
        *(a for a in found["channels"] if a not in held(stack, CHANNEL)),
        *(a for a in found["rotations"] if a not in held(stack, ROTATION)),
        *(a for a in found["plans"] if a not in held(stack, PLAN)),
    }
    assert len(leftovers) == CHANNELS + ESCALATIONS + ROTATIONS, "the kill left them all"
    status, report = audit(stack)
    assert status == 1
    assert {o["arn"] for o in report["orphans"]} == leftovers, report["orphans"]
    pending = {
        p["urn"].rsplit("::", 1)[-1]: p["existing"]
        for p in report["pending_operations"]
        if p["type"] in (CHANNEL, PLAN, ROTATION)
    }
    assert len(pending) == len(leftovers), report["pending_operations"]
    assert all(len(existing) == 1 for existing in pending.values()), pending
    assert {a for existing in pending.values() for a in existing} == leftovers

    # 2. Pending creates cleared: the leftovers are still orphans, and the audit still fails.
    pulumi(stack, "cancel", "--yes")
    pulumi(stack, "refresh", "--yes", "--skip-preview", "--clear-pending-creates")
    status, report = audit(stack)
    assert (status, report["clean"], report["counts"]["pending_operations"]) == (1, False, 0)
    assert {o["arn"] for o in report["orphans"]} == leftovers

    # 3. Deploy again: every leftover taken back, each AWS resource held exactly once.
    pulumi(stack, "up", "--yes", "--skip-preview")
    found = inventory(emulator)
    for type_, arns in ((CHANNEL, found["channels"]), (ROTATION, found["rotations"])):
        counts = held(stack, type_)
        assert sorted(counts) == sorted(arns) and set(counts.values()) == {1}, type_
    assert sorted(held(stack, PLAN)) == sorted(found["plans"])
    assert len(found["channels"]) == CHANNELS and found["markers"] == CHANNELS
    status, report = audit(stack)
    assert (status, report["clean"], report["counts"]) == (
        0,
        True,
        {"orphans": 0, "drift": 0, "pending_operations": 0, "unmanaged": 0, "other_stacks": 0},
    )

    # 4. Nothing outlives a destroy (the orphan rotation did).
    pulumi(stack, "destroy", "--yes", "--skip-preview")
    found = inventory(emulator)
    assert (found["contacts"], found["rotations"]) == ([], [])
