"""`pulumi import` of the native resources: a console-made setup (boto3) into a stack, then code.

A contact, its channel, its plan and a rotation made with boto3 are imported with the real CLI
(`pulumi import ssm-contacts:index:Contact akuam <ARN>`, the others from an import file); the next
preview shows no change; the YAML code `--generate-code` wrote, as the program of a new project
directory on the same stack, deploys with no create, update or delete call. A contact whose owner
tag names another stack's resource is refused with our one paragraph.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped]
from pulumi.automation._stack import StackInitMode

from .harness import (
    PROJECT,
    REPO,
    E2EStack,
    E2EWorkspace,
    Emulator,
    PulumiInvocation,
    StackFactory,
    changes,
    with_plugins_on_path,
)

pytestmark = pytest.mark.e2e

OWNER_TAG = "pulumi-ssm-contacts/owner"
EMPTY_PROGRAM = Path(__file__).with_name("empty_program")
TOKEN = "ssm-contacts:index:"
SECRET_SIG = "4dabf18193072939515e22adb298388d"
"""The key that marks a secret value in a Pulumi deployment."""


def _writes(operations: list[str]) -> list[str]:
    """The calls that change something in AWS."""
    return [op for op in operations if not op.startswith(("Get", "List", "Describe"))]


def _yaml_stack(new_stack: StackFactory, directory: str, program: str, init: StackInitMode) -> Any:
    """Stack `e2e` of project e2e-contacts (YAML) in `directory`, `program` its resources."""
    project = new_stack.root / directory
    project.mkdir()
    (project / "Pulumi.yaml").write_text(
        f"name: {PROJECT}\nruntime: yaml\nconfig:\n  aws:region: us-east-1\n{program}"
    )
    workspace = E2EWorkspace(
        work_dir=str(project),
        pulumi_command=new_stack.command,
        env_vars=with_plugins_on_path(new_stack.env),
    )
    return E2EStack("e2e", workspace, init)


def _console_setup(emulator: Emulator) -> dict[str, str]:
    """What a team made in the console: a person, an email channel, a plan, a rotation."""
    client = emulator.client
    contact = client.create_contact(
        Alias="akuam", DisplayName="Akua Mansa", Type="PERSONAL", Plan={"Stages": []}
    )
    arn = contact["ContactArn"]
    channel = client.create_contact_channel(
        ContactId=arn,
        Name="work email",
        Type="EMAIL",
        DeliveryAddress={"SimpleAddress": "akuam@example.com"},
    )["ContactChannelArn"]
    client.update_contact(
        ContactId=arn,
        Plan={
            "Stages": [
                {
                    "DurationInMinutes": 5,
                    "Targets": [
                        {
                            "ChannelTargetInfo": {
                                "ContactChannelId": channel,
                                "RetryIntervalInMinutes": 1,
                            }
                        }
                    ],
                }
            ]
        },
    )
    rotation = client.create_rotation(
        Name="primary",
        ContactIds=[arn],
        TimeZoneId="Europe/London",
        Recurrence={
            "NumberOfOnCalls": 1,
            "RecurrenceMultiplier": 1,
            "DailySettings": [{"HourOfDay": 9, "MinuteOfHour": 0}],
        },
        Tags=[{"Key": "team", "Value": "payments"}],
    )["RotationArn"]
    return {"contact": arn, "channel": channel, "plan": arn, "rotation": rotation}


def _import(stack: Any, *args: str) -> str:
    done = PulumiInvocation.of(stack, ["import", "--yes", *args]).run()
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def _resources(code: Path) -> dict[str, Any]:
    resources: dict[str, Any] = yaml.safe_load(code.read_text())["resources"]
    return resources


def test_a_console_made_setup_imports_and_its_generated_yaml_deploys_as_a_no_op(
    new_stack: StackFactory, emulator: Emulator, tmp_path: Path
) -> None:
    ids = _console_setup(emulator)
    stack = _yaml_stack(new_stack, "imported", "", StackInitMode.CREATE)

    contact_code, rest_code = tmp_path / "contact.yaml", tmp_path / "rest.yaml"
    _import(
        stack,
        f"{TOKEN}Contact",
        "akuam",
        ids["contact"],
        "--generate-code",
        "--out",
        str(contact_code),
    )
    import_file = tmp_path / "import.json"
    import_file.write_text(
        json.dumps(
            {
                "resources": [
                    {"type": f"{TOKEN}ContactChannel", "name": "akuam-email", "id": ids["channel"]},
                    {"type": f"{TOKEN}ContactPlan", "name": "akuam-plan", "id": ids["plan"]},
                    {"type": f"{TOKEN}Rotation", "name": "primary", "id": ids["rotation"]},
                ]
            }
        )
    )
    _import(stack, "--file", str(import_file), "--generate-code", "--out", str(rest_code))

    resources = {**_resources(contact_code), **_resources(rest_code)}
    # Pulumi YAML writes `ssm-contacts:Contact` for `ssm-contacts:index:Contact`.
    assert {name: r["type"] for name, r in resources.items()} == {
        "akuam": "ssm-contacts:Contact",
        "akuam-email": "ssm-contacts:ContactChannel",
        "akuam-plan": "ssm-contacts:ContactPlan",
        "primary": "ssm-contacts:Rotation",
    }
    # The address is imported a secret: the state keeps it encrypted, inputs and outputs.
    # (Pulumi's code generator still writes its value into the code: docs/native.md.)
    state = stack.export_stack().deployment["resources"]
    channel = next(r for r in state if r["urn"].endswith("::akuam-email"))
    for kind in ("inputs", "outputs"):
        assert SECRET_SIG in channel[kind]["deliveryAddress"], kind
    program = yaml.safe_dump({"resources": resources}, sort_keys=False)
    generated = _yaml_stack(new_stack, "generated-yaml", program, StackInitMode.SELECT)
    emulator.control.clear_calls()
    assert changes(generated.preview().change_summary) == {}
    result = generated.up()
    assert changes(result.summary.resource_changes) == {}
    assert _writes(emulator.operations()) == []


def test_importing_a_contact_another_stack_owns_is_refused_in_one_paragraph(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    arn = emulator.client.create_contact(
        Alias="akuam",
        Type="PERSONAL",
        Plan={"Stages": []},
        Tags=[{"Key": OWNER_TAG, "Value": f"{PROJECT}/prod/akuam"}],
    )["ContactArn"]
    stack = _yaml_stack(new_stack, "staging", "", StackInitMode.CREATE)

    done = PulumiInvocation.of(stack, ["import", "--yes", f"{TOKEN}Contact", "akuam", arn]).run()

    output = done.stdout + done.stderr
    assert done.returncode != 0
    assert f"its owner tag ({PROJECT}/prod/akuam) names another Pulumi resource" in output
    assert "Traceback" not in output
    assert stack.export_stack().deployment.get("resources") is None, "nothing was imported"


@pytest.fixture
def sdk_codegen() -> None:
    """Our Python language host generates code with sdk-codegen (tools/plugins/program_codegen)."""
    subprocess.run(
        [str(REPO / "scripts" / "ensure-sdk-toolchain")], check=True, capture_output=True
    )


def test_generated_python_code_deploys_as_a_no_op(
    new_stack: StackFactory, emulator: Emulator, tmp_path: Path, sdk_codegen: None
) -> None:
    ids = _console_setup(emulator)
    stack = new_stack(EMPTY_PROGRAM)
    import_file = tmp_path / "import.json"
    import_file.write_text(
        json.dumps(
            {
                "resources": [
                    {"type": f"{TOKEN}Contact", "name": "akuam", "id": ids["contact"]},
                    {"type": f"{TOKEN}ContactChannel", "name": "akuam-email", "id": ids["channel"]},
                    {"type": f"{TOKEN}Rotation", "name": "primary", "id": ids["rotation"]},
                ]
            }
        )
    )
    code = tmp_path / "generated.py"
    _import(stack, "--file", str(import_file), "--generate-code", "--out", str(code))
    text = code.read_text()
    assert "import pulumi_ssm_contacts.native as ssm_contacts" in text
    assert "ssm_contacts.Contact(" in text and "ssm_contacts.Rotation(" in text

    # The generated code as the program of the stack, from a new project directory.
    project = Path(stack.workspace.work_dir)
    moved = project.with_name("generated-python")
    project.rename(moved)
    (moved / "__main__.py").write_text(text)
    generated = E2EStack(
        stack.name,
        E2EWorkspace(
            work_dir=str(moved),
            pulumi_command=new_stack.command,
            env_vars=with_plugins_on_path(new_stack.env),
        ),
        StackInitMode.SELECT,
    )
    emulator.control.clear_calls()
    assert changes(generated.preview().change_summary) == {}
    result = generated.up()
    assert changes(result.summary.resource_changes) == {}
    assert _writes(emulator.operations()) == []
