"""A throwaway stack driven through the real `pulumi` CLI: one command, its wall time, its memory.

Every command is `pulumi <args> --non-interactive --stack bench` in a project of its own with a
file backend in the same temporary directory, the engine pinned to the emulator and dummy
credentials (as `make demo` and the e2e tier do). Timing starts before the CLI process is
spawned and stops when it has exited, so start-up of the CLI, the language host and the
provider plugin is included.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .machine import REPO

PROJECT = "bench"
STACK = "bench"


def engine_env(state: Path, endpoint: str, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The CLI's environment: local backend, no plugin downloads, the emulator as AWS."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("AWS_", "PULUMI_")) or k == "PULUMI_DYNAMIC_PROVIDER_WORKERS"
    }
    env.update(
        {
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
    )
    env.update(extra or {})
    return env


@dataclass(frozen=True)
class Command:
    """One finished CLI command."""

    args: tuple[str, ...]
    seconds: float
    peak_rss_mib: float
    """Peak resident memory of the CLI or of any plugin process it waited for."""
    cpu_seconds: float
    """User and system CPU time of the CLI and of the plugin processes it waited for."""
    status: int
    output: str

    @property
    def ok(self) -> bool:
        return self.status == 0


class CliStack:
    """A project copied from ``program`` with a stack ``bench``; remove it with :meth:`close`."""

    def __init__(
        self,
        pulumi: Path,
        program: Path,
        endpoint: str,
        extra_env: dict[str, str] | None = None,
    ) -> None:
        self.pulumi = pulumi
        self.root = Path(tempfile.mkdtemp(prefix="bench-"))
        self.project = self.root / "project"
        shutil.copytree(program, self.project, ignore=shutil.ignore_patterns("__pycache__"))
        (self.project / "Pulumi.yaml").write_text(
            f"name: {PROJECT}\nruntime:\n  name: python\n  options:\n"
            f"    virtualenv: {json.dumps(sys.prefix)}\n"
        )
        state = self.root / "state"
        state.mkdir()
        self.env = engine_env(state, endpoint, extra_env)
        init = self.run("stack", "init")
        if not init.ok:
            raise RuntimeError(f"pulumi stack init failed:\n{init.output}")
        settings = self.project / f"Pulumi.{STACK}.yaml"
        self._header = settings.read_text() if settings.exists() else ""

    def configure(self, values: dict[str, str]) -> None:
        """Write the stack's whole configuration (plain values; ``aws:region`` always set)."""
        config = {"aws:region": "us-east-1", **values}
        lines = [self._header.rstrip("\n"), "config:"] if self._header.strip() else ["config:"]
        lines += [f"  {key}: {json.dumps(value)}" for key, value in config.items()]
        (self.project / f"Pulumi.{STACK}.yaml").write_text("\n".join(lines) + "\n")

    def run(self, *args: str) -> Command:
        """``pulumi ARGS --non-interactive --stack bench``, timed; never raises on failure."""
        argv = [str(self.pulumi), *args, "--non-interactive", "--stack", STACK]
        with tempfile.TemporaryFile("w+") as output:
            started = time.perf_counter()
            process = subprocess.Popen(
                argv, cwd=self.project, env=self.env, stdout=output, stderr=subprocess.STDOUT
            )
            _, status, usage = os.wait4(process.pid, 0)
            seconds = time.perf_counter() - started
            process.returncode = os.waitstatus_to_exitcode(status)
            output.seek(0)
            text = output.read()
        cpu = usage.ru_utime + usage.ru_stime
        return Command(tuple(args), seconds, usage.ru_maxrss / 1024, cpu, process.returncode, text)

    def export(self) -> dict[str, Any]:
        """The stack's deployment (`pulumi stack export`)."""
        argv = [str(self.pulumi), "stack", "export", "--non-interactive", "--stack", STACK]
        done = subprocess.run(
            argv, cwd=self.project, env=self.env, capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"pulumi stack export failed:\n{done.stderr}")
        deployment: dict[str, Any] = json.loads(done.stdout)
        return deployment

    def close(self) -> None:
        """Remove the project and its state (the emulator keeps whatever was not destroyed)."""
        shutil.rmtree(self.root, ignore_errors=True)
