"""How long the real engine takes to run Contact stacks against the emulator server.

For stacks of 1 and 10 PERSONAL contacts: `up` that creates them, a no-op `preview`, a no-op `up`,
an `up` that updates every display name, and `destroy`; median of ROUNDS rounds, each on a fresh
stack. Everything goes through the `pulumi` CLI from `make cli`, our language host and the
dynamic provider plugin, so the figures include process start-up. Results: docs/engine.md.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pulumi import automation as auto

from pulumi_ssm_contacts.emulator_harness.process import EmulatorServer

REPO = Path(__file__).resolve().parent.parent
PROGRAM = REPO / "tests" / "e2e" / "contacts_program" / "__main__.py"
ROUNDS = 3
SIZES = (1, 10)


def engine_env(state: Path, endpoint: str) -> dict[str, str]:
    return {
        "PULUMI_BACKEND_URL": state.as_uri(),
        "PULUMI_HOME": str(REPO / ".tools" / "pulumi-home"),
        "PULUMI_CONFIG_PASSPHRASE": "bench",
        "PULUMI_SKIP_UPDATE_CHECK": "true",
        "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
        "PULUMI_PYTHON_CMD": sys.executable,
        "AWS_ENDPOINT_URL_SSM_CONTACTS": endpoint,
        "AWS_ACCESS_KEY_ID": "bench",
        "AWS_SECRET_ACCESS_KEY": "bench",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    }


def contacts(count: int, display: str) -> str:
    return json.dumps(
        [
            {"name": f"c{i}", "alias": f"bench-{i}", "type": "PERSONAL", "display_name": display}
            for i in range(count)
        ]
    )


def new_stack(root: Path, command: auto.PulumiCommand, env: dict[str, str]) -> auto.Stack:
    project = root / "project"
    project.mkdir()
    shutil.copy(PROGRAM, project / "__main__.py")
    (project / "Pulumi.yaml").write_text(
        "name: bench-contacts\nruntime:\n  name: python\n  options:\n"
        f"    virtualenv: {json.dumps(sys.prefix)}\n"
    )
    (root / "state").mkdir()
    stack = auto.create_stack(
        "bench",
        work_dir=str(project),
        opts=auto.LocalWorkspaceOptions(pulumi_command=command, env_vars=env),
    )
    stack.set_config("aws:region", auto.ConfigValue("us-east-1"))
    return stack


def timed(action: Callable[[], Any]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def one_round(count: int, command: auto.PulumiCommand, endpoint: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        stack = new_stack(root, command, engine_env(root / "state", endpoint))
        stack.set_config("contacts", auto.ConfigValue(contacts(count, "Before")))
        figures = {
            "up (create)": timed(stack.up),
            "preview (no-op)": timed(stack.preview),
            "up (no-op)": timed(stack.up),
        }
        stack.set_config("contacts", auto.ConfigValue(contacts(count, "After")))
        figures["up (update all)"] = timed(stack.up)
        figures["destroy"] = timed(stack.destroy)
        return figures


def main() -> None:
    record = REPO / ".tools" / "pulumi-bin-dir"
    if not record.is_file():
        sys.exit("no Pulumi CLI provisioned: run `make cli`")
    command = auto.PulumiCommand(root=str(Path(record.read_text().strip()).parent))
    print(f"pulumi {command.version}; median of {ROUNDS} rounds, seconds")
    print(
        "| contacts | "
        + " | ".join(["up (create)", "preview (no-op)", "up (no-op)", "up (update all)", "destroy"])
        + " |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    with EmulatorServer() as server:
        for count in SIZES:
            rounds = []
            for _ in range(ROUNDS):
                server.control.reset()
                rounds.append(one_round(count, command, server.endpoint))
            medians = [statistics.median(r[k] for r in rounds) for k in rounds[0]]
            print(f"| {count} | " + " | ".join(f"{m:.2f}" for m in medians) + " |", flush=True)


if __name__ == "__main__":
    main()
