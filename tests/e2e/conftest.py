"""Fixtures of the e2e tier: the real `pulumi` CLI (from `make cli`) against the emulator server."""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

import pytest
from pulumi import automation as auto
from semver import VersionInfo

from pulumi_ssm_contacts.emulator_harness.control import EmulatorControl

from .harness import REGION, REPO, Emulator, StackFactory


def pinned_pulumi_version() -> str:
    """The release of the `pulumi` SDK pinned in pyproject.toml (`pulumi==X.Y.Z`)."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    for requirement in project["dependencies"]:
        name, _, version = str(requirement).partition("==")
        if name.strip() == "pulumi":
            return version.strip()
    raise AssertionError("pyproject.toml pins no pulumi==X.Y.Z")


@pytest.fixture(scope="session")
def pulumi_command() -> auto.PulumiCommand:
    """The CLI chosen by scripts/ensure-pulumi; without one the tier fails, it never skips."""
    record = REPO / ".tools" / "pulumi-bin-dir"
    if not record.is_file():
        pytest.fail(
            "the e2e tier needs the Pulumi CLI and none is provisioned: run `make cli` "
            "(`make test` does it first)",
            pytrace=False,
        )
    bin_dir = Path(record.read_text().strip())
    if bin_dir.name != "bin" or not os.access(bin_dir / "pulumi", os.X_OK):
        pytest.fail(
            f"{record} names {bin_dir}, with no pulumi in it: rerun `make cli`", pytrace=False
        )
    return auto.PulumiCommand(
        root=str(bin_dir.parent), version=VersionInfo.parse(pinned_pulumi_version())
    )


@pytest.fixture
def emulator(ssm_contacts_endpoint: str) -> Emulator:
    """The session's emulator server, reset for this test."""
    control = EmulatorControl(ssm_contacts_endpoint)
    return Emulator(ssm_contacts_endpoint, control.client(REGION), control)


@pytest.fixture
def new_stack(
    tmp_path: Path,
    pulumi_command: auto.PulumiCommand,
    emulator: Emulator,
    monkeypatch: pytest.MonkeyPatch,
) -> StackFactory:
    """This test's stack factory: file backend in tmp_path, the engine's environment pinned down."""
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_REGION"):
        monkeypatch.delenv(name, raising=False)
    state = tmp_path / "state"
    state.mkdir()
    env = {
        "PULUMI_BACKEND_URL": state.as_uri(),
        "PULUMI_HOME": str(REPO / ".tools" / "pulumi-home"),
        "PULUMI_CONFIG_PASSPHRASE": "e2e",
        "PULUMI_SKIP_UPDATE_CHECK": "true",
        "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
        "PULUMI_PYTHON_CMD": sys.executable,
        "AWS_ENDPOINT_URL_SSM_CONTACTS": emulator.endpoint,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": REGION,
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    }
    return StackFactory(tmp_path, pulumi_command, env)
