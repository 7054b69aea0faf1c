"""`kill -9` of the `pulumi` CLI mid-deploy: no plugin process outlives it.

Our plugins (tools/plugins, and the native provider plugin) watch the engine
(plugin_process/engine_watchdog.py) as Pulumi's Go plugins do; without that, the language host
and the dynamic provider kept serving for about 16 minutes.
A CLI that is only stopped (Ctrl-Z) keeps its plugins: the deploy goes on once it continues.
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest
from pulumi import automation as auto

from .harness import (
    CONTACTS_PROGRAM,
    REPO,
    Emulator,
    PulumiInvocation,
    StackFactory,
    kill_up_while_creating,
    personal_contacts,
    wait_for,
    wait_until_gone,
)
from .processes import helpers_of, is_alive

pytestmark = pytest.mark.e2e

NATIVE_PROGRAM = Path(__file__).with_name("native_program")
LATENCY_MS = 2000
"""Each CreateContact takes this long, so the deploy is still creating when the CLI is killed."""


@pytest.fixture(autouse=True)
def _our_plugins(pulumi_command: auto.PulumiCommand) -> None:
    host = Path(pulumi_command.command).with_name("pulumi-language-python")
    if not host.resolve().is_relative_to(REPO / "tools" / "plugins"):
        pytest.skip(f"the CLI in use brings its own plugins ({host})")


def test_kill_9_of_the_cli_mid_deploy_leaves_no_plugin_running(
    new_stack: StackFactory, emulator: Emulator, tmp_path: Path
) -> None:
    stack = new_stack(CONTACTS_PROGRAM, personal_contacts(12))
    emulator.control.set_faults(latency_ms=LATENCY_MS, operations=["CreateContact"])

    killed = kill_up_while_creating(stack, emulator, tmp_path / "up.log")

    commands = [p.command for p in killed.helpers]
    assert any("language_host.py" in c for c in commands), commands
    assert any("dynamic_provider_host.py" in c for c in commands), commands
    survivors = wait_until_gone(killed.helpers, timeout=10 - (time.monotonic() - killed.killed_at))
    assert [p.command for p in survivors] == []

    # CreateContact calls already in the emulator finish after their latency; let them, so
    # none lands in the next test's freshly reset emulator.
    time.sleep(max(0.0, killed.killed_at + LATENCY_MS / 1000 + 1 - time.monotonic()))
    emulator.control.clear_faults()


def test_kill_9_of_the_cli_mid_native_deploy_leaves_no_plugin_running(
    new_stack: StackFactory, emulator: Emulator, tmp_path: Path
) -> None:
    contacts = [
        {"type": "Contact", "name": f"c{i}", "props": {"alias": f"native-{i}", "type": "PERSONAL"}}
        for i in range(12)
    ]
    stack = new_stack(NATIVE_PROGRAM, config={"resources": json.dumps(contacts)})
    emulator.control.set_faults(latency_ms=LATENCY_MS, operations=["CreateContact"])

    killed = kill_up_while_creating(stack, emulator, tmp_path / "up.log")

    commands = [p.command for p in killed.helpers]
    assert any("pulumi-resource-ssm-contacts" in c for c in commands), commands
    survivors = wait_until_gone(killed.helpers, timeout=10 - (time.monotonic() - killed.killed_at))
    assert [p.command for p in survivors] == []

    time.sleep(max(0.0, killed.killed_at + LATENCY_MS / 1000 + 1 - time.monotonic()))
    emulator.control.clear_faults()


def test_cli_stopped_mid_deploy_keeps_its_plugins_and_finishes_once_continued(
    new_stack: StackFactory, emulator: Emulator, tmp_path: Path
) -> None:
    stack = new_stack(CONTACTS_PROGRAM, personal_contacts(6))
    emulator.control.set_faults(latency_ms=1000, operations=["CreateContact"])
    log = tmp_path / "up.log"
    with log.open("w") as output:
        cli = PulumiInvocation.of(stack, ["up", "--yes", "--skip-preview"]).start(output)
    try:
        wait_for(
            "the provider calls CreateContact",
            lambda: "CreateContact" in emulator.operations(),
            120,
        )
        helpers = helpers_of(cli.pid)
        os.kill(cli.pid, signal.SIGSTOP)
        time.sleep(6)  # longer than the watchdog takes to give up on an engine that is gone
        stopped_survivors = [p for p in helpers if is_alive(p)]
        os.kill(cli.pid, signal.SIGCONT)
        status = cli.wait(timeout=120)
    finally:
        if cli.poll() is None:
            os.kill(cli.pid, signal.SIGKILL)
            cli.wait()
    emulator.control.clear_faults()

    assert stopped_survivors == helpers
    assert status == 0, log.read_text()
    assert len(emulator.aliases()) == 6
