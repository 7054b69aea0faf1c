"""One stack's life through the CLI: create, no-op preview, no-op up, refresh, update, destroy.

Each step is timed, its API calls are read from the emulator's call log, and the state after
create is measured. A step that fails ends the life (the rest are not run) and is reported.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pulumi_ssm_contacts.emulator_harness.control import EmulatorControl

from .cli_stack import CliStack, Command

PROGRAMS = Path(__file__).resolve().parent / "programs"

STEPS = ("up (create)", "preview (no-op)", "up (no-op)", "refresh", "up (update all)", "destroy")
"""The figures' column order; each is one CLI command."""

UP = ("up", "--yes", "--skip-preview")
COMMANDS: dict[str, tuple[str, ...]] = {
    "up (create)": UP,
    "preview (no-op)": ("preview",),
    "up (no-op)": UP,
    "refresh": ("refresh", "--yes", "--skip-preview"),
    "up (update all)": UP,
    "destroy": ("destroy", "--yes", "--skip-preview"),
}


@dataclass(frozen=True)
class Provider:
    """A provider under test: its program and the plugin's environment."""

    key: str
    label: str
    program: str
    """A directory under benchmarks/programs."""
    env: dict[str, str] = field(default_factory=dict)
    config: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class StateSize:
    """Bytes of state per resource (its JSON in `pulumi stack export`), and of `__provider`."""

    resource_bytes: float
    provider_bytes: float


@dataclass
class Life:
    """What one stack's life measured; ``failed`` names the step that failed, if one did."""

    seconds: dict[str, float] = field(default_factory=dict)
    calls: dict[str, dict[str, int]] = field(default_factory=dict)
    peak_rss_mib: dict[str, float] = field(default_factory=dict)
    cpu_seconds: dict[str, float] = field(default_factory=dict)
    """The CLI and its plugins."""
    emulator_cpu_seconds: dict[str, float] = field(default_factory=dict)
    state: StateSize | None = None
    failed: str | None = None
    failure: str = ""


def state_size(deployment: dict[str, Any], count: int) -> StateSize:
    """Mean bytes of the dynamic or native resources in an exported deployment, as JSON
    without spaces.

    ``__provider`` is measured as stored: a secret (the SDK's default) is its ciphertext (a
    native resource has none).
    """
    resources = [
        r
        for r in deployment.get("deployment", {}).get("resources", [])
        if r.get("type", "").startswith(("pulumi-python:", "ssm-contacts:"))
    ]
    if not resources:
        return StateSize(0.0, 0.0)
    total = sum(_json_bytes(r) for r in resources)
    provider = sum(_json_bytes(r.get("outputs", {}).get("__provider", "")) for r in resources)
    return StateSize(total / len(resources), provider / len(resources))


def _json_bytes(value: Any) -> int:
    return len(json.dumps(value, separators=(",", ":")).encode())


def live(
    provider: Provider,
    count: int,
    pulumi: Path,
    control: EmulatorControl,
    parallel: int | None = None,
    on_step: Callable[[str, Command], None] | None = None,
    emulator_cpu: Callable[[], float] | None = None,
) -> Life:
    """Run every step of :data:`STEPS` on a fresh stack of ``count`` resources."""
    stack = CliStack(pulumi, PROGRAMS / provider.program, control.endpoint, provider.env)
    life = Life()
    extra = ("--parallel", str(parallel)) if parallel else ()
    try:
        for step in STEPS:
            display = "After" if step in ("up (update all)", "destroy") else "Before"
            stack.configure({"count": str(count), "display": display, **provider.config})
            control.clear_calls()
            emulator_before = emulator_cpu() if emulator_cpu else float("nan")
            command = stack.run(*COMMANDS[step], *extra)
            emulator_after = emulator_cpu() if emulator_cpu else float("nan")
            if on_step is not None:
                on_step(step, command)
            if not command.ok:
                life.failed, life.failure = step, command.output[-2000:]
                break
            life.seconds[step] = command.seconds
            life.peak_rss_mib[step] = command.peak_rss_mib
            life.cpu_seconds[step] = command.cpu_seconds
            life.emulator_cpu_seconds[step] = emulator_after - emulator_before
            life.calls[step] = control.counts()
            if step == "up (create)":
                life.state = state_size(stack.export(), count)
    finally:
        stack.close()
    return life
