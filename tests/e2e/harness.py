"""Helpers of the e2e tier: a stack per test from a program directory, and the emulator's view.

Each stack lives in a project directory of its own with a local file backend; the real `pulumi`
CLI runs its program in our `pulumi-language-python` host like any `pulumi up`.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mypy_boto3_ssm_contacts import SSMContactsClient
from pulumi import automation as auto

from pulumi_ssm_contacts.emulator.control import EmulatorControl

REPO = Path(__file__).resolve().parents[2]
CONTACTS_PROGRAM = Path(__file__).with_name("contacts_program")
QUICKSTART = REPO / "examples" / "quickstart"
REGION = "us-east-1"
ACCOUNT = "123456789012"

Contacts = list[dict[str, Any]]


@dataclass(frozen=True)
class Emulator:
    """The emulator server as the tests see it: its boto3 client and its control API."""

    endpoint: str
    client: SSMContactsClient
    control: EmulatorControl

    def aliases(self) -> list[str]:
        """Aliases of every contact it holds (one ListContacts call)."""
        return sorted(c["Alias"] for c in self.client.list_contacts()["Contacts"])

    def operations(self) -> list[str]:
        """The operations it has served since the log was last cleared, in order."""
        return [call.operation for call in self.control.calls()]


@dataclass(frozen=True)
class StackFactory:
    """Creates the test's stack from a program directory, in a project of its own."""

    root: Path
    command: auto.PulumiCommand
    env: Mapping[str, str]

    def __call__(
        self, program: Path, contacts: Contacts | None = None, virtualenv: str = sys.prefix
    ) -> auto.Stack:
        """A stack `e2e` of a new project running `program`/__main__.py in `virtualenv`.

        The default virtualenv is the one running these tests, which has this package installed.
        """
        project = self.root / "project"
        project.mkdir()
        shutil.copy(program / "__main__.py", project / "__main__.py")
        (project / "Pulumi.yaml").write_text(
            "name: e2e-contacts\n"
            "runtime:\n"
            "  name: python\n"
            "  options:\n"
            f"    virtualenv: {json.dumps(virtualenv)}\n"
        )
        stack = auto.create_stack(
            "e2e",
            work_dir=str(project),
            opts=auto.LocalWorkspaceOptions(pulumi_command=self.command, env_vars=dict(self.env)),
        )
        stack.set_config("aws:region", auto.ConfigValue(REGION))
        if contacts is not None:
            set_contacts(stack, contacts)
        return stack


def set_contacts(stack: auto.Stack, contacts: Contacts) -> None:
    """Declare `contacts` (see contacts_program/__main__.py) as the program's desired state."""
    stack.set_config("contacts", auto.ConfigValue(json.dumps(contacts)))


def changes(summary: Mapping[auto.OpType, int] | Mapping[str, int] | None) -> dict[str, int]:
    """An engine change summary (operation -> count) without its unchanged resources."""
    counts = {str(getattr(op, "value", op)): n for op, n in (summary or {}).items()}
    return {op: n for op, n in counts.items() if op != "same" and n}


def contact_state(stack: auto.Stack, name: str) -> dict[str, Any] | None:
    """Outputs of the Contact resource `name` in the stack's state (None when it has none)."""
    deployment = stack.export_stack().deployment or {}
    for resource in deployment.get("resources", []):
        if resource["urn"].endswith(f"::{name}") and resource["type"].endswith("Contact"):
            outputs: dict[str, Any] = resource.get("outputs", {})
            return outputs
    return None


def contact_arn(alias: str) -> str:
    """The documented ARN form of a contact in the test region and account."""
    return f"arn:aws:ssm-contacts:{REGION}:{ACCOUNT}:contact/{alias}"
