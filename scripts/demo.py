"""`make demo`: deploy the examples with the real Pulumi CLI against the offline emulator.

Starts the SSM Contacts emulator on 127.0.0.1, runs `pulumi up --yes` on the `demo` stack of the
root project (examples/quickstart), of examples/paging and of examples/oncall (Python, the dynamic
provider, in us-east-1), then of their Pulumi YAML twins examples/yaml/paging and
examples/yaml/oncall (the native provider plugin, in eu-west-1: the same aliases in another
region), with state in .state/demo/ (a local file backend); prints the contacts and channels the
emulator then holds in each region and the on-call rotation's first week of shifts, and stops the
emulator. The emulator starts empty, so each run starts its stacks anew too: their state from an
earlier run is removed first (it would describe contacts that went with that run's emulator).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from pulumi_ssm_contacts.emulator_harness.control import EmulatorControl
from pulumi_ssm_contacts.emulator_harness.process import EmulatorServer

REPO = Path(__file__).resolve().parent.parent
STACK = "demo"
REGION = "us-east-1"
YAML_REGION = "eu-west-1"
"""Where the YAML examples go: their aliases are the Python ones', and aliases are per region."""
ROTATION_START = "2026-12-07T00:00:00Z"  # examples/oncall/__main__.py's START


def pulumi_bin_dir() -> Path:
    """The directory of the `pulumi` that scripts/ensure-pulumi chose (`make cli`)."""
    record = REPO / ".tools" / "pulumi-bin-dir"
    if not record.is_file():
        sys.exit("demo: no Pulumi CLI recorded in .tools/pulumi-bin-dir; run `make cli` first")
    return Path(record.read_text().strip())


def engine_env(bin_dir: Path, endpoint: str) -> dict[str, str]:
    """The environment of every `pulumi` run: local state, no cloud, no downloads, emulated AWS."""
    env = {
        key: value
        for key, value in os.environ.items()
        # Never let the demo reach a real account through the user's own AWS settings.
        if not key.startswith("AWS_")
    }
    state = REPO / ".state" / "demo"
    shutil.rmtree(state, ignore_errors=True)  # the last run's stacks went with its emulator
    state.mkdir(parents=True)
    env.update(
        # The CLI first, then .tools/bin (our plugins and the YAML host, for a CLI from elsewhere);
        # pulumi-resource-ssm-contacts is in PULUMI_HOME's plugin cache (scripts/ensure-pulumi).
        PATH=os.pathsep.join([str(bin_dir), str(REPO / ".tools" / "bin"), env.get("PATH", "")]),
        PULUMI_HOME=str(REPO / ".tools" / "pulumi-home"),
        PULUMI_BACKEND_URL=state.as_uri(),
        PULUMI_CONFIG_PASSPHRASE="demo",  # the demo stack's own; it holds no secrets
        PULUMI_SKIP_UPDATE_CHECK="true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION="true",
        AWS_ENDPOINT_URL_SSM_CONTACTS=endpoint,
        AWS_ACCESS_KEY_ID="demo",
        AWS_SECRET_ACCESS_KEY="demo",
        AWS_DEFAULT_REGION=REGION,
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
    )
    return env


def pulumi(env: Mapping[str, str], *args: str, cwd: Path = REPO, stdin: str | None = None) -> None:
    """Run one `pulumi` command in a project, its output going straight to the terminal; `stdin`
    (a secret config value, say) is piped in, never shown."""
    where = "" if cwd == REPO else f"(in {cwd.relative_to(REPO)}) "
    shown = " ".join(args) + (" <<< <secret>" if stdin is not None else "")
    print(f"$ {where}pulumi {shown}", flush=True)
    completed = subprocess.run(
        ["pulumi", *args], cwd=cwd, env=env, input=stdin, check=False, text=True
    )
    if completed.returncode != 0:
        raise SystemExit(f"demo: `pulumi {shown}` failed (exit {completed.returncode})")


def summary(endpoint: str, region: str) -> list[str]:
    """One line per contact the emulator holds in `region` (alias, type, ARN), its channels
    beneath."""
    client = EmulatorControl(endpoint).client(region)
    contacts = [
        c for page in client.get_paginator("list_contacts").paginate() for c in page["Contacts"]
    ]
    width = max((len(c["Alias"]) for c in contacts), default=5)
    lines = []
    for contact in contacts:
        alias, kind, arn = contact["Alias"], contact["Type"], contact["ContactArn"]
        lines.append(f"  {alias:<{width}}  {kind:<15}  {arn}")
        channels = client.list_contact_channels(ContactId=contact["ContactArn"])["ContactChannels"]
        lines.extend(
            f"  {'':<{width}}    channel {c['Name']!r} ({c['Type']}, {c['ActivationStatus']})"
            for c in channels
        )
    return lines


def deploy(
    env: Mapping[str, str],
    project: Path,
    config: Mapping[str, str],
    secrets: Mapping[str, str] | None = None,
) -> None:
    """`pulumi up` on the project's `demo` stack after setting its `config` (and `secrets`)."""
    pulumi(env, "stack", "select", "--create", STACK, cwd=project)
    for key, value in config.items():
        pulumi(env, "config", "set", key, value, cwd=project)
    for key, value in (secrets or {}).items():
        pulumi(env, "config", "set", "--secret", key, cwd=project, stdin=value)
    pulumi(env, "up", "--yes", cwd=project)


def week_of_shifts(env: Mapping[str, str], project: Path) -> str:
    """The shifts table of the oncall example's London rotation for its first week: every
    shift of the 7 days from its start (examples/oncall's START)."""
    arn = subprocess.run(
        ["pulumi", "stack", "output", "london"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    table = subprocess.run(
        [
            sys.executable,
            "-m",
            "pulumi_ssm_contacts",
            "shifts",
            "--rotation-id",
            arn,
            "--region",
            REGION,
            "--start",
            ROTATION_START,
            "--days",
            "7",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if table.returncode != 0:
        return f"  (shifts failed: {table.stderr.strip()})"
    return table.stdout.rstrip()


def main() -> None:
    bin_dir = pulumi_bin_dir()
    with EmulatorServer() as server:
        print(f"demo: SSM Contacts emulator serving at {server.endpoint}", flush=True)
        env = engine_env(bin_dir, server.endpoint)
        deploy(env, REPO, {"aws:region": REGION})
        examples = REPO / "examples"
        deploy(env, examples / "paging", {"aws:region": REGION}, {"smsNumber": "+15550100"})
        deploy(env, examples / "oncall", {"aws:region": REGION})
        # The YAML twins run on the native provider, configured under its own namespace.
        yaml = {"ssm-contacts:region": YAML_REGION}
        # JSON-quoted: Pulumi YAML reads a config value that looks like a number as a number.
        deploy(env, examples / "yaml" / "paging", yaml, {"smsNumber": '"+15550100"'})
        deploy(env, examples / "yaml" / "oncall", yaml)
        lines = {region: summary(server.endpoint, region) for region in (REGION, YAML_REGION)}
        shifts = week_of_shifts(env, examples / "oncall")
    print("demo: emulator stopped")
    for region, found in lines.items():
        made_by = "the Python examples" if region == REGION else "the YAML examples"
        print(f"\nContacts and channels in {region} ({made_by}) after `pulumi up`:")
        print("\n".join(found) if found else "  (none)")
    print(
        "\nEach channel is NOT_ACTIVATED, so the Python examples' `pulumi up` warned that Incident"
        "\nManager does not page it yet (the native plugin the YAML ones use does not warn of it):"
        "\non AWS its owner activates it with the code AWS sends to the address (the emulator"
        "\nhands its codes out: docs/contact_channel.md)."
    )
    print("\nThe London rotation's first week (python -m pulumi_ssm_contacts shifts):")
    print(shifts)
    print(
        "\nTo deploy the same program to a real AWS account (Incident Manager needs a"
        "\nreplication set in the region first), use your usual credentials and a backend:"
        "\n  export AWS_PROFILE=my-profile            # or any boto3 credentials"
        "\n  pulumi login --local                     # or Pulumi Cloud, S3..."
        "\n  pulumi stack init prod && pulumi config set aws:region us-east-1"
        "\n  pulumi up                                # run in the repo root (Pulumi.yaml)"
    )


if __name__ == "__main__":
    main()
