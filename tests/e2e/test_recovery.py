"""docs/recovery.md, followed step by step after `kill -9` of `pulumi up` mid-deploy.

The killed deploy leaves contacts that AWS created but no state holds, and pending creates in the
state; the documented recovery must end with every contact held exactly once and a clean audit.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from pulumi import automation as auto

from .harness import (
    CONTACTS_PROGRAM,
    REGION,
    Emulator,
    PulumiInvocation,
    StackFactory,
    kill_up_while_creating,
    personal_contacts,
    run_audit,
    wait_until_gone,
)

pytestmark = pytest.mark.e2e

CONTACT = "pulumi-python:dynamic/ssm-contacts:Contact"
CONTACTS = 12
LATENCY_MS = 2000


def pulumi(stack: auto.Stack, *args: str) -> str:
    """Run `pulumi ARGS` for the stack as a user would; its output, after checking it succeeded."""
    done = PulumiInvocation.of(stack, list(args)).run()
    assert done.returncode == 0, f"pulumi {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def repair_checkpoint_attrs(stack: auto.Stack) -> list[Path]:
    """docs/recovery.md's fix for "failed to load checkpoint: EOF" on a `file://` backend: the
    kill truncated a `.attrs` sidecar file; remove the empty ones. The paths removed."""
    backend = Path(urlparse(stack.workspace.env_vars["PULUMI_BACKEND_URL"]).path)
    empty = [f for f in (backend / ".pulumi" / "stacks").rglob("*.attrs") if f.stat().st_size == 0]
    for attrs in empty:
        attrs.unlink()
    return empty


def audit(stack: auto.Stack) -> tuple[int, dict[str, Any]]:
    """`pulumi stack export | python -m pulumi_ssm_contacts audit --region R --json`."""
    done = run_audit("--region", REGION, "--json", stdin=pulumi(stack, "stack", "export"))
    assert done.returncode in (0, 1), done.stderr
    document: dict[str, Any] = json.loads(done.stdout)
    return done.returncode, document


def test_recovery_after_kill_9_mid_deploy_holds_every_contact_once(
    new_stack: StackFactory, emulator: Emulator, tmp_path: Path
) -> None:
    stack = new_stack(CONTACTS_PROGRAM, personal_contacts(CONTACTS))
    emulator.control.set_faults(latency_ms=LATENCY_MS, operations=["CreateContact"])
    # Kill once a second wave of creates has begun: some contacts are in the state by then,
    # others are being created.
    killed = kill_up_while_creating(stack, emulator, tmp_path / "up.log", creates=6)
    assert wait_until_gone(killed.helpers, timeout=10) == []
    time.sleep(max(0.0, killed.killed_at + LATENCY_MS / 1000 + 1 - time.monotonic()))
    emulator.control.clear_faults()

    # 1. The audit names what the killed deploy left. The kill may have truncated a file of the
    # backend (a race in the Pulumi CLI's file backend): then export fails until it is repaired.
    export = PulumiInvocation.of(stack, ["stack", "export"]).run()
    if export.returncode != 0:
        assert "failed to load checkpoint: EOF" in export.stderr, export.stderr
        assert repair_checkpoint_attrs(stack)
    status, found = audit(stack)
    assert status == 1
    assert found["pending_operations"], found
    assert {o["operation"] for o in found["pending_operations"]} == {"creating"}
    # The creates in flight at the kill completed in AWS: orphans of pending creates.
    assert found["orphans"], found
    assert all(o["pending"] == "creating" for o in found["orphans"]), found["orphans"]

    # 2. Unlock the stack, drop the pending creates, deploy again: it adopts its own orphans.
    pulumi(stack, "cancel", "--yes")
    pulumi(stack, "refresh", "--yes", "--skip-preview", "--clear-pending-creates")
    pulumi(stack, "up", "--yes", "--skip-preview")

    # 3. Every contact is held exactly once, and the audit is clean.
    deployment = stack.export_stack().deployment or {}
    held = Counter(r["id"] for r in deployment["resources"] if r["type"] == CONTACT)
    in_aws = sorted(c["ContactArn"] for c in emulator.client.list_contacts()["Contacts"])
    assert sorted(held) == in_aws and len(in_aws) == CONTACTS
    assert set(held.values()) == {1}
    assert deployment.get("pending_operations", []) == []
    status, found = audit(stack)
    assert (status, found["clean"], found["counts"]) == (
        0,
        True,
        {"orphans": 0, "drift": 0, "pending_operations": 0, "unmanaged": 0, "other_stacks": 0},
    )
