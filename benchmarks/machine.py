"""What the figures were measured on: cores, CPU, Python, the pulumi CLI, the load."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def pulumi_bin_dir() -> Path:
    """The CLI's directory from `make cli` (`.tools/pulumi-bin-dir`); exits without one."""
    record = REPO / ".tools" / "pulumi-bin-dir"
    if not record.is_file():
        sys.exit("no Pulumi CLI provisioned: run `make cli`")
    return Path(record.read_text().strip())


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return float("nan")


@dataclass(frozen=True)
class Machine:
    """One line per fact, for the top of docs/BENCHMARKS.md."""

    cores: int
    cpu: str
    memory_gib: float
    python: str
    pulumi: str
    system: str

    @classmethod
    def here(cls) -> Machine:
        pulumi = subprocess.run(
            [str(pulumi_bin_dir() / "pulumi"), "version"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        return cls(
            cores=os.cpu_count() or 0,
            cpu=_cpu_model(),
            memory_gib=_memory_gib(),
            python=platform.python_version(),
            pulumi=pulumi or "unknown",
            system=f"{platform.system()} {platform.release()}",
        )

    def markdown(self) -> str:
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        return "\n".join(
            [
                f"- cores (`nproc`): {self.cores}; CPU: {self.cpu}; memory: "
                f"{self.memory_gib:.0f} GiB; {self.system}",
                f"- Python {self.python}; pulumi CLI {self.pulumi} (`make cli`), with this "
                "repository's language host and dynamic provider host (docs/engine.md)",
                f"- load average when the run ended: {load} (other work on the machine "
                "shares the cores; every ratio compares runs interleaved in one pass)",
            ]
        )
