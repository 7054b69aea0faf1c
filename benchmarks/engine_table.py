"""The engine figures grouped for tables: per (latency, --parallel, size, provider), per step."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .figures import Sample
from .lifecycle import STEPS


@dataclass
class Group:
    """Every round of one provider at one size, latency and parallelism."""

    seconds: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    cpu: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    """CPU seconds of the CLI and its plugins, per step."""
    emulator_cpu: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    calls: dict[str, dict[str, int]] = field(default_factory=dict)
    peak_rss_mib: list[float] = field(default_factory=list)
    state: dict[str, float] | None = None
    failures: list[str] = field(default_factory=list)

    def sample(self, step: str) -> Sample:
        return Sample.of(self.seconds.get(step, []))


Key = tuple[int, int | None, int, str]
"""(latency ms, --parallel or None, size, provider key)."""


def groups(records: list[dict[str, Any]]) -> dict[Key, Group]:
    out: dict[Key, Group] = defaultdict(Group)
    for record in records:
        key = (record["latency_ms"], record["parallel"], record["size"], record["provider"])
        group = out[key]
        for step, seconds in record["seconds"].items():
            group.seconds[step].append(seconds)
        for step, seconds in (record.get("cpu_s") or {}).items():
            group.cpu[step].append(seconds)
        for step, seconds in (record.get("emulator_cpu_s") or {}).items():
            group.emulator_cpu[step].append(seconds)
        if record["calls"] and not group.calls:
            group.calls = record["calls"]
        if record["peak_rss_mib"]:
            group.peak_rss_mib.append(max(record["peak_rss_mib"].values()))
        if record["state"] and group.state is None:
            group.state = record["state"]
        if record["failed"]:
            group.failures.append(record["failed"])
    return dict(out)


def median(found: dict[Key, Group], key: Key, step: str) -> float:
    group = found.get(key)
    return group.sample(step).median if group else float("nan")


def steps() -> tuple[str, ...]:
    return STEPS
