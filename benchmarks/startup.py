"""Start-up figures: importing the package, a provider server's first answers, the pytest plugin.

Every variant of a figure is run once per round, in turn, for ``runs`` rounds, so that
whatever else the machine is doing weighs on each alike; medians and min-max are quoted.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .figures import Sample
from .machine import REPO
from .provider_host import HOST_SERVER, SDK_SERVER, HostProcess, Server, serialized

NOOP_PROGRAM = Path(__file__).resolve().parent / "programs" / "noop"

IMPORTS: dict[str, str] = {
    "python -c pass": "pass",
    "import pulumi.dynamic": "import pulumi.dynamic",
    "import pulumi_ssm_contacts": "import pulumi_ssm_contacts",
    "from pulumi_ssm_contacts import Contact, ContactChannel, ContactPlan": (
        "from pulumi_ssm_contacts import Contact, ContactChannel, ContactPlan"
    ),
    "import boto3": "import boto3",
}


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PYTEST_"))}


def _wall(argv: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(argv, cwd=cwd, env=_clean_env(), check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def import_times(runs: int) -> dict[str, Sample]:
    """Wall time of a fresh interpreter running each import statement."""
    times: dict[str, list[float]] = {label: [] for label in IMPORTS}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            for label, code in IMPORTS.items():
                times[label].append(_wall([sys.executable, "-c", code], Path(tmp)))
    return {label: Sample.of(values) for label, values in times.items()}


@dataclass(frozen=True)
class ProviderStart:
    """Seconds from spawning a server to its port, its first answer, its first Check."""

    port: Sample
    first_answer: Sample
    first_check: Sample


def _providers() -> dict[str, tuple[Path, str, dict[str, Any]]]:
    """Label -> (the server's working directory, serialized provider, Check inputs)."""
    from pulumi_ssm_contacts.contact_provider import ContactProvider

    sys.path.insert(0, str(NOOP_PROGRAM))
    try:
        noop: Any = importlib.import_module("noop_provider")
    finally:
        sys.path.remove(str(NOOP_PROGRAM))
    return {
        "no-op provider (floor)": (
            NOOP_PROGRAM,
            serialized(noop.NoopProvider()),
            {"alias": "bench-0", "type": "PERSONAL", "display_name": "Before"},
        ),
        "Contact": (
            REPO,
            serialized(ContactProvider()),
            {"alias": "bench-0", "type": "PERSONAL", "displayName": "Before"},
        ),
    }


def provider_start(runs: int) -> dict[tuple[str, str], ProviderStart]:
    """(server, provider) -> start-up figures, for the SDK's server and our host."""
    providers = _providers()
    samples: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    env = {"AWS_DEFAULT_REGION": "us-east-1", "AWS_CONFIG_FILE": os.devnull}
    servers: tuple[Server, ...] = (SDK_SERVER, HOST_SERVER)
    for _ in range(runs):
        for server in servers:
            for label, (cwd, provider, props) in providers.items():
                with HostProcess(server, cwd, env) as host:
                    host.plugin_info()
                    answered = host.since_start()
                    host.check(provider, props)
                    checked = host.since_start()
                samples.setdefault((server.label, label), []).append(
                    (host.port_seconds, answered, checked)
                )
    return {
        key: ProviderStart(
            Sample.of(v[0] for v in values),
            Sample.of(v[1] for v in values),
            Sample.of(v[2] for v in values),
        )
        for key, values in samples.items()
    }


TRIVIAL_TEST = "def test_nothing() -> None:\n    assert True\n"
PLUGIN = "ssm_contacts_emulator"


def pytest_plugin_cost(runs: int) -> dict[str, Sample]:
    """A one-test pytest session with the package's plugin and without it (``-p no:``)."""
    argv = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_trivial.py"]
    variants = {
        f"pytest -p no:{PLUGIN}": [*argv, "-p", f"no:{PLUGIN}"],
        "pytest (plugin loaded)": argv,
    }
    times: dict[str, list[float]] = {label: [] for label in variants}
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "test_trivial.py").write_text(TRIVIAL_TEST)
        for _ in range(runs):
            for label, command in variants.items():
                times[label].append(_wall(command, Path(tmp)))
    return {label: Sample.of(values) for label, values in times.items()}
