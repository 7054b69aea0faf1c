"""`export` end to end: a boto3-made setup in the emulator, exported, adopted by the real CLI.

Per language, one project and one stack through every step: the export (its output and files
hold no delivery address), the README's own secret-config lines run as written (with a stand-in
`aws` that reads the emulator), a preview with no warning, a first `up` that adopts everything
with no create, update or delete call, a second `up` with no changes, then a changed display
name updated in place. The setup (tests/emulator/test_export.py) has the awkward cases too: an
alias that is no identifier, a repeated channel name, a plan engaging a contact the export
leaves out (another stack's), a channel not activated, a rotation override.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pulumi.automation._stack import StackInitMode

from tests.emulator.test_export import CANARIES, make_setup

from .harness import (
    REGION,
    E2EStack,
    E2EWorkspace,
    Emulator,
    PulumiInvocation,
    StackFactory,
    changes,
    with_plugins_on_path,
)

STACK = "e2e"
RESOURCES = 13
"""What the export declares of the setup (tests/emulator/test_export.py names them)."""
WRITES = ("Create", "Update", "Delete", "Untag")

FAKE_AWS = f"""\
#!{sys.executable}
# `aws ssm-contacts get-contact-channel ... --query DeliveryAddress.SimpleAddress --output FORMAT`
import json
import sys
import boto3
args = sys.argv[1:]
arn = args[args.index("--contact-channel-id") + 1]
client = boto3.client("ssm-contacts", region_name=args[args.index("--region") + 1])
found = client.get_contact_channel(ContactChannelId=arn)["DeliveryAddress"]["SimpleAddress"]
print(json.dumps(found) if args[args.index("--output") + 1] == "json" else found)
"""


def _export(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pulumi_ssm_contacts", "export", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def _no_canary(text: str, where: str) -> None:
    for canary in CANARIES:
        assert canary not in text, f"a delivery address in {where}"


def _set_secrets_as_the_readme_says(project: Path, env: dict[str, str], bin_dir: Path) -> None:
    readme = (project / "README.md").read_text()
    block = re.search(r"### Secret config\n.*?```sh\n(.*?)```", readme, re.S)
    assert block, readme
    (bin_dir / "aws").write_text(FAKE_AWS)
    (bin_dir / "aws").chmod(0o755)
    done = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", block.group(1)],
        cwd=project,
        env={**os.environ, **env, "PATH": f"{bin_dir}{os.pathsep}{env['PATH']}"},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    _no_canary(done.stdout + done.stderr, "the secret config lines' output")


def _first(adopt: str) -> dict[str, int]:
    """A first preview or up: every resource adopted, and the stack itself created."""
    return {"create": RESOURCES + 1} if adopt == "create" else {adopt: RESOURCES, "create": 1}


def _operations(emulator: Emulator) -> list[str]:
    return emulator.operations()


@pytest.mark.parametrize("language", ["python", "yaml"])
def test_an_export_adopts_the_live_setup(
    language: str,
    emulator: Emulator,
    new_stack: StackFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    codes = emulator.control.activation_codes
    make_setup(emulator.client, lambda arn: codes()[arn])
    project = tmp_path / f"exported-{language}"
    # The region comes from the exported stack config alone, as on a user's machine.
    for name in ("AWS_REGION", "AWS_DEFAULT_REGION"):
        monkeypatch.delenv(name, raising=False)
    env = {
        k: v for k, v in with_plugins_on_path(new_stack.env).items() if k != "AWS_DEFAULT_REGION"
    }

    exported = _export(
        env,
        "--region",
        REGION,
        "--language",
        language,
        "--output",
        str(project),
        "--stack-name",
        STACK,
    )
    assert exported.returncode == 0, exported.stderr
    _no_canary(exported.stdout + exported.stderr, "the export's output")
    for written in project.iterdir():
        _no_canary(written.read_text(), str(written.name))
    assert "export: read 6 contacts, 5 channels, 5 plans, 1 rotations" in exported.stderr
    assert "README.md lists 1 left out" in exported.stdout

    if language == "python":
        settings = project / "Pulumi.yaml"
        settings.write_text(
            settings.read_text().replace("virtualenv: venv", f"virtualenv: {sys.prefix}")
        )
    workspace = E2EWorkspace(work_dir=str(project), pulumi_command=new_stack.command, env_vars=env)
    stack = E2EStack(STACK, workspace, StackInitMode.CREATE)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _set_secrets_as_the_readme_says(project, env, bin_dir)

    emulator.control.clear_calls()
    preview = stack.preview()
    adopt = "create" if language == "python" else "import"
    assert changes(preview.change_summary) == _first(adopt)
    assert "warning" not in preview.stdout.lower(), preview.stdout
    assert not [op for op in _operations(emulator) if op.startswith(WRITES)]

    emulator.control.clear_calls()
    first = stack.up()
    assert changes(first.summary.resource_changes) == _first(adopt)
    calls = _operations(emulator)
    assert not [op for op in calls if op.startswith(WRITES)], calls
    assert "warning" not in first.stdout.lower(), first.stdout
    _no_canary(first.stdout + first.stderr, "pulumi up's output")

    second = stack.up()
    assert changes(second.summary.resource_changes) == {}

    program = project / ("__main__.py" if language == "python" else "Pulumi.yaml")
    source = program.read_text()
    assert source.count("Akua Mensah") == 1
    program.write_text(source.replace("Akua Mensah", "Akua A. Mensah"))
    emulator.control.clear_calls()
    renamed = stack.up()
    assert changes(renamed.summary.resource_changes) == {"update": 1}
    assert [op for op in _operations(emulator) if op.startswith(WRITES)] == ["UpdateContact"]
    akua = emulator.client.get_contact(
        ContactId=f"arn:aws:ssm-contacts:{REGION}:123456789012:contact/akua"
    )
    assert akua["DisplayName"] == "Akua A. Mensah"


def test_the_import_file_is_what_pulumi_import_reads(
    emulator: Emulator, new_stack: StackFactory, tmp_path: Path
) -> None:
    """`--format import-file` writes import.json; `pulumi import --file` takes it as is."""
    make_setup(emulator.client, lambda arn: emulator.control.activation_codes()[arn])
    output = tmp_path / "import"
    env = with_plugins_on_path(new_stack.env)
    exported = _export(env, "--region", REGION, "--format", "import-file", "--output", str(output))
    assert exported.returncode == 0, exported.stderr
    assert sorted(p.name for p in output.iterdir()) == ["README.md", "import.json"]
    _no_canary((output / "import.json").read_text(), "import.json")

    project = tmp_path / "importer"
    project.mkdir()
    (project / "Pulumi.yaml").write_text("name: importer\nruntime: yaml\nresources: {}\n")
    (project / f"Pulumi.{STACK}.yaml").write_text(f"config:\n  aws:region: {REGION}\n")
    workspace = E2EWorkspace(work_dir=str(project), pulumi_command=new_stack.command, env_vars=env)
    stack = E2EStack(STACK, workspace, StackInitMode.CREATE)
    emulator.control.clear_calls()
    imported = PulumiInvocation.of(
        stack,
        [
            "import",
            "--file",
            str(output / "import.json"),
            "--yes",
            "--generate-code=false",
            "--protect=false",
        ],
    ).run()
    assert imported.returncode == 0, imported.stdout + imported.stderr
    summary = stack.info()
    assert summary is not None
    assert changes(summary.resource_changes) == {"import": RESOURCES, "create": 1}
    assert not [op for op in _operations(emulator) if op.startswith(WRITES)]
