"""Helpers of the e2e tier: a stack per test from a program directory, and the emulator's view.

Each stack lives in a project directory of its own with a local file backend; the real `pulumi`
CLI runs its program in our `pulumi-language-python` host like any `pulumi up`.

Every `pulumi` the Automation API starts costs a process, and one that decrypts (any
`--show-secrets`) also derives the passphrase key (PBKDF2, 1,000,000 rounds): about 0.25 s of
CPU each. `E2EStack` skips the ones a test never reads: the stack's first config is written into
`Pulumi.<stack>.yaml` before `stack init` (no `config set` each), outputs are read in plain text
only when one is secret, and the summary after an operation comes from `stack history` without
`--show-secrets` (it holds the resource changes either way; only its copy of the config differs).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from mypy_boto3_ssm_contacts import SSMContactsClient
from pulumi import automation as auto
from pulumi.automation._stack import StackInitMode

from pulumi_ssm_contacts.emulator_harness.control import EmulatorControl

from .processes import Process, helpers_of, is_alive

REPO = Path(__file__).resolve().parents[2]
TOOLS_BIN = REPO / ".tools" / "bin"
"""Where scripts/ensure-pulumi puts our plugins and `pulumi-language-yaml`."""
CONTACTS_PROGRAM = Path(__file__).with_name("contacts_program")
QUICKSTART = REPO / "examples" / "quickstart"
REGION = "us-east-1"
PROJECT = "e2e-contacts"
ACCOUNT = "123456789012"

Contacts = list[dict[str, Any]]


def with_plugins_on_path(env: Mapping[str, str]) -> dict[str, str]:
    """`env` with .tools/bin on PATH, for a CLI from elsewhere (ensure-pulumi takes a recent
    enough `pulumi` from PATH): the engine finds the plugins there on $PATH. The Automation API
    puts the CLI's own directory first; the native provider plugin is in .tools/pulumi-home."""
    path = env.get("PATH", os.environ.get("PATH", ""))
    return {**env, "PATH": os.pathsep.join([str(TOOLS_BIN), path])}


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


SECRET_SENTINEL = "[secret]"
"""What `pulumi stack output --json` shows for a secret output."""


class E2EWorkspace(auto.LocalWorkspace):
    """A LocalWorkspace that reads outputs in plain text only when one of them is secret."""

    def stack_outputs(self, stack_name: str) -> auto.OutputMap:
        masked = json.loads(
            self._run_pulumi_cmd_sync(["stack", "output", "--json", "--stack", stack_name]).stdout
        )
        if SECRET_SENTINEL not in masked.values():
            return {key: auto.OutputValue(value, secret=False) for key, value in masked.items()}
        return super().stack_outputs(stack_name)


class E2EStack(auto.Stack):
    """A Stack whose summaries come from `stack history` without `--show-secrets`."""

    def info(self, show_secrets: bool = True) -> auto.UpdateSummary | None:
        history = self.history(page_size=1, show_secrets=False)
        return history[0] if history else None


@dataclass(frozen=True)
class StackFactory:
    """Creates the test's stack from a program directory, in a project of its own."""

    root: Path
    command: auto.PulumiCommand
    env: Mapping[str, str]

    def __call__(
        self,
        program: Path,
        contacts: Contacts | None = None,
        virtualenv: str = sys.prefix,
        stack_name: str = "e2e",
        config: Mapping[str, str] | None = None,
    ) -> auto.Stack:
        """A stack `stack_name` of a new project running `program`/__main__.py in `virtualenv`,
        its config `aws:region`, `contacts` (see set_contacts) and `config` (plain values; a key
        without a namespace is the project's, as with `pulumi config set`).

        The default virtualenv is the one running these tests, which has this package installed.
        Each stack gets a project directory of its own (one backend, one project name).
        """
        project = self.root / ("project" if stack_name == "e2e" else f"project-{stack_name}")
        project.mkdir()
        shutil.copy(program / "__main__.py", project / "__main__.py")
        (project / "Pulumi.yaml").write_text(
            f"name: {PROJECT}\n"
            "runtime:\n"
            "  name: python\n"
            "  options:\n"
            f"    virtualenv: {json.dumps(virtualenv)}\n"
        )
        values = {"aws:region": REGION, **(config or {})}
        if contacts is not None:
            values["contacts"] = json.dumps(contacts)
        # `stack init` keeps what the stack's file holds already: no `config set` per value.
        (project / f"Pulumi.{stack_name}.yaml").write_text(
            "config:\n"
            + "".join(
                f"  {json.dumps(key if ':' in key else f'{PROJECT}:{key}')}: {json.dumps(value)}\n"
                for key, value in values.items()
            )
        )
        workspace = E2EWorkspace(
            work_dir=str(project),
            pulumi_command=self.command,
            env_vars=with_plugins_on_path(self.env),
        )
        return E2EStack(stack_name, workspace, StackInitMode.CREATE)

    def yaml_project(
        self,
        program: Path,
        stack_name: str = "e2e",
        config: Mapping[str, str] | None = None,
    ) -> auto.Stack:
        """A stack `stack_name` of a copy of the Pulumi YAML project in directory `program` (its
        Pulumi.yaml, project name kept), its config `aws:region` and `config` (plain values; a key
        without a namespace is the project's). The program runs in the CLI's YAML language host and
        reaches the native provider plugin on PATH; edit `<work_dir>/Pulumi.yaml` to change it."""
        project = self.root / f"yaml-{stack_name}"
        project.mkdir()
        text = (program / "Pulumi.yaml").read_text()
        (project / "Pulumi.yaml").write_text(text)
        found = re.search(r"^name:\s*(\S+)", text, re.MULTILINE)
        assert found, f"{program / 'Pulumi.yaml'} names no project"
        name = found.group(1)
        values = {"aws:region": REGION, **(config or {})}
        (project / f"Pulumi.{stack_name}.yaml").write_text(
            "config:\n"
            + "".join(
                f"  {json.dumps(key if ':' in key else f'{name}:{key}')}: {json.dumps(value)}\n"
                for key, value in values.items()
            )
        )
        workspace = E2EWorkspace(
            work_dir=str(project),
            pulumi_command=self.command,
            env_vars=with_plugins_on_path(self.env),
        )
        return E2EStack(stack_name, workspace, StackInitMode.CREATE)


def set_contacts(stack: auto.Stack, contacts: Contacts) -> None:
    """Declare `contacts` (see contacts_program/__main__.py) as the program's desired state."""
    stack.set_config("contacts", auto.ConfigValue(json.dumps(contacts)))


def changes(summary: Mapping[auto.OpType, int] | Mapping[str, int] | None) -> dict[str, int]:
    """An engine change summary (operation -> count) without its unchanged resources."""
    counts = {str(getattr(op, "value", op)): n for op, n in (summary or {}).items()}
    return {op: n for op, n in counts.items() if op != "same" and n}


def contact_state(stack: auto.Stack, name: str) -> dict[str, Any] | None:
    """Outputs of the Contact resource `name` in the stack's state (None when it has none)."""
    # `stack export` without the Automation API's --show-secrets: a Contact's outputs hold none.
    exported = stack.workspace.pulumi_command.run(
        ["stack", "export", "--stack", stack.name],
        stack.workspace.work_dir,
        dict(stack.workspace.env_vars),
    ).stdout
    deployment = json.loads(exported).get("deployment") or {}
    for resource in deployment.get("resources", []):
        if resource["urn"].endswith(f"::{name}") and resource["type"].endswith("Contact"):
            outputs: dict[str, Any] = resource.get("outputs", {})
            return outputs
    return None


def contact_arn(alias: str) -> str:
    """The documented ARN form of a contact in the test region and account."""
    return f"arn:aws:ssm-contacts:{REGION}:{ACCOUNT}:contact/{alias}"


@dataclass(frozen=True)
class PulumiInvocation:
    """A `pulumi` command line for a stack, as the Automation API runs it: argv, cwd, env."""

    argv: list[str]
    cwd: str
    env: dict[str, str]

    @classmethod
    def of(cls, stack: auto.Stack, args: list[str]) -> PulumiInvocation:
        """`pulumi --non-interactive ARGS --stack NAME` in the stack's project and environment."""
        command = stack.workspace.pulumi_command.command
        env = {**os.environ, **stack.workspace.env_vars, "PULUMI_AUTOMATION_API": "true"}
        env["PATH"] = os.pathsep.join([os.path.dirname(command), env.get("PATH", "")])
        argv = [command, "--non-interactive", *args, "--stack", stack.name]
        return cls(argv, stack.workspace.work_dir, env)

    def start(self, output: IO[str]) -> subprocess.Popen[str]:
        """Start it without waiting (to kill it, say); stdout and stderr go to `output`."""
        return subprocess.Popen(
            self.argv,
            cwd=self.cwd,
            env=self.env,
            stdout=output,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def run(self, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        """Run it to the end; output captured, exit status left to the caller."""
        return subprocess.run(
            self.argv,
            cwd=self.cwd,
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )


def personal_contacts(count: int) -> Contacts:
    """`count` personal contacts `person-0` ... (resource name = alias)."""
    return [
        {"name": f"person-{i}", "alias": f"person-{i}", "type": "PERSONAL"} for i in range(count)
    ]


def wait_for(condition: str, check: Callable[[], bool], timeout: float) -> None:
    """Poll `check()` every 0.1 s until true; fail naming `condition` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting until {condition}")
        time.sleep(0.1)


def run_audit(
    *args: str, stdin: str = "", env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m pulumi_ssm_contacts audit ARGS` with the test's environment (the emulator's
    endpoint and dummy credentials, from `ssm_contacts_endpoint`); an empty value in `env`
    unsets that variable."""
    environment = {
        **os.environ,
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "AWS_MAX_ATTEMPTS": "1",
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "pulumi_ssm_contacts", "audit", *args],
        input=stdin,
        env={name: value for name, value in environment.items() if value},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


@dataclass(frozen=True)
class KilledDeploy:
    """A `pulumi up` killed with SIGKILL: the CLI's helper processes just before, and when."""

    helpers: list[Process]
    killed_at: float
    log: str


def kill_up_while_creating(
    stack: auto.Stack, emulator: Emulator, log: Path, creates: int = 1
) -> KilledDeploy:
    """Start `pulumi up` and `kill -9` the CLI once `creates` CreateContact calls reached the
    emulator (give CreateContact latency so the deploy is still busy then)."""
    with log.open("w") as output:
        cli = PulumiInvocation.of(stack, ["up", "--yes", "--skip-preview"]).start(output)
    try:
        wait_for(
            f"the provider has called CreateContact {creates} time(s)",
            lambda: (
                emulator.operations().count("CreateContact") >= creates or cli.poll() is not None
            ),
            timeout=120,
        )
        assert cli.poll() is None, f"pulumi up ended before it was killed:\n{log.read_text()}"
        helpers = helpers_of(cli.pid)
        os.kill(cli.pid, signal.SIGKILL)
    finally:
        if cli.poll() is None:
            os.kill(cli.pid, signal.SIGKILL)
        cli.wait()
    return KilledDeploy(helpers, time.monotonic(), log.read_text())


def wait_until_gone(processes: list[Process], timeout: float) -> list[Process]:
    """Wait up to `timeout` seconds for `processes` to end; those still alive then."""
    deadline = time.monotonic() + timeout
    alive = [p for p in processes if is_alive(p)]
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [p for p in alive if is_alive(p)]
    return alive
