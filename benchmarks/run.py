"""Run the figures a mode asks for against one emulator server; results as plain JSON data."""

from __future__ import annotations

import dataclasses
import os
import sys
import time
from collections.abc import Collection
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .cli_stack import Command
from .emulator_process import EmulatorProcess
from .hook_latency import hook_latency
from .host_concurrency import host_concurrency
from .lifecycle import Provider, live
from .machine import Machine, pulumi_bin_dir
from .modes import OURS, PROVIDERS, Mode
from .startup import import_times, provider_start, pytest_plugin_cost

FIGURES = ("startup", "hooks", "concurrency", "engine", "calls")
RESOURCE_SETS = {
    "Contact": "contact",
    "ContactChannel": "contact,channel",
    "ContactPlan": "contact,channel,plan",
}
"""Each set adds one resource type per contact to the one before: a type's calls are the
difference."""


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _values(samples: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v.values) for k, v in samples.items()}


def _life_record(
    provider: Provider,
    size: int,
    latency_ms: int,
    parallel: int | None,
    pulumi: Path,
    emulator: EmulatorProcess,
) -> dict[str, Any]:
    control = emulator.control
    control.reset()
    control.set_faults(latency_ms=latency_ms)
    started = time.perf_counter()

    def step_done(step: str, command: Command) -> None:
        mark = "" if command.ok else "  FAILED"
        say(f"    {step:<16} {command.seconds:7.2f} s{mark}")

    say(
        f"  {provider.key} x{size} at {latency_ms} ms"
        + (f", --parallel {parallel}" if parallel else "")
    )
    life = live(provider, size, pulumi, control, parallel, step_done, emulator.cpu_seconds)
    control.reset()
    return {
        "provider": provider.key,
        "size": size,
        "latency_ms": latency_ms,
        "parallel": parallel,
        "seconds": life.seconds,
        "calls": life.calls,
        "peak_rss_mib": life.peak_rss_mib,
        "cpu_s": life.cpu_seconds,
        "emulator_cpu_s": life.emulator_cpu_seconds,
        "state": dataclasses.asdict(life.state) if life.state else None,
        "failed": life.failed,
        "failure": life.failure,
        "wall_s": time.perf_counter() - started,
    }


def engine_figures(mode: Mode, pulumi: Path, emulator: EmulatorProcess) -> list[dict[str, Any]]:
    """Every cell's lifecycles; within a round, sizes and providers take turns."""
    records = []
    for cell in mode.cells:
        for round_ in range(cell.rounds):
            say(f"engine: {cell.latency_ms} ms, round {round_ + 1} of {cell.rounds}")
            for size in cell.sizes:
                for key in cell.providers:
                    record = _life_record(
                        PROVIDERS[key], size, cell.latency_ms, cell.parallel, pulumi, emulator
                    )
                    records.append({**record, "round": round_})
    return records


def call_figures(mode: Mode, pulumi: Path, emulator: EmulatorProcess) -> dict[str, Any]:
    """Calls per step of each resource set (at 0 ms), for per-type differences."""
    out: dict[str, Any] = {"size": mode.call_count_size, "sets": {}}
    for name, resources in RESOURCE_SETS.items():
        provider = dataclasses.replace(
            OURS, key=f"ours:{resources}", config={"resources": resources}
        )
        out["sets"][name] = _life_record(provider, mode.call_count_size, 0, None, pulumi, emulator)
    return out


def run(mode: Mode, only: Collection[str]) -> dict[str, Any]:
    """Every figure in ``only`` for ``mode``, as JSON-able data (see report.py)."""
    began = time.perf_counter()
    results: dict[str, Any] = {
        "mode": mode.name,
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": dataclasses.asdict(Machine.here()),
        "engine_default_parallel": 4 * (os.cpu_count() or 1),
        "mode_settings": dataclasses.asdict(mode),
    }
    pulumi = pulumi_bin_dir() / "pulumi"
    if "startup" in only:
        say("startup: imports")
        results["imports"] = _values(import_times(mode.import_runs))
        say("startup: provider servers")
        results["provider_start"] = [
            {
                "server": server,
                "provider": provider,
                "port": list(figures.port.values),
                "first_answer": list(figures.first_answer.values),
                "first_check": list(figures.first_check.values),
            }
            for (server, provider), figures in provider_start(mode.start_runs).items()
        ]
        say("startup: pytest plugin")
        results["pytest"] = _values(pytest_plugin_cost(mode.pytest_runs))
    with EmulatorProcess() as emulator:
        control = emulator.control
        if "hooks" in only:
            results["hooks"] = {}
            for latency, iterations in mode.hook_iterations:
                say(f"hooks: {latency} ms, {iterations} lifecycles")
                found = hook_latency(control, latency, iterations)
                results["hooks"][str(latency)] = {k: _values(v) for k, v in found.items()}
        if "concurrency" in only:
            say(f"concurrency: {mode.concurrent_reads} Reads at once")
            results["concurrency"] = {
                "concurrent": mode.concurrent_reads,
                "seconds": _values(
                    host_concurrency(control, mode.concurrent_reads, mode.concurrency_rounds)
                ),
            }
        if "engine" in only:
            results["engine"] = engine_figures(mode, pulumi, emulator)
        if "calls" in only:
            say("calls: Contact, ContactChannel, ContactPlan")
            results["calls"] = call_figures(mode, pulumi, emulator)
    results["duration_s"] = time.perf_counter() - began
    results["load_average"] = list(os.getloadavg())
    return results
