"""Our `pulumi-language-python` plugin (tools/plugins) as the engine runs it.

Every e2e scenario already runs its program through this host; these tests pin down how it
reports what goes wrong. They apply to our host only: a `pulumi` from PATH brings its own.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from pulumi import automation as auto

from .harness import REPO, Emulator, StackFactory

pytestmark = pytest.mark.e2e

FAILING_PROGRAM = Path(__file__).with_name("failing_program")


@pytest.fixture(autouse=True)
def _our_language_host(pulumi_command: auto.PulumiCommand) -> None:
    host = Path(pulumi_command.command).with_name("pulumi-language-python")
    if not host.resolve().is_relative_to(REPO / "tools" / "plugins"):
        pytest.skip(f"the CLI in use brings its own language host ({host})")


def test_program_error_is_reported_once_from_the_programs_frames(new_stack: StackFactory) -> None:
    stack = new_stack(FAILING_PROGRAM)

    with pytest.raises(auto.CommandError) as failure:
        stack.preview()

    message = str(failure.value)
    assert "ValueError: no contacts file: contacts.yaml" in message
    assert "line 5, in load_contacts" in message
    assert message.count("Traceback (most recent call last)") == 1
    assert "runpy" not in message and "language_host.py" not in message
    assert "an unhandled error occurred" not in message


def test_virtualenv_that_does_not_exist_is_refused_with_the_fix(
    new_stack: StackFactory, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "other-venv"
    stack = new_stack(FAILING_PROGRAM, virtualenv=str(elsewhere))

    with pytest.raises(auto.CommandError) as failure:
        stack.preview()

    message = str(failure.value)
    assert f"The 'virtualenv' option in Pulumi.yaml is set to '{elsewhere}'" in message
    assert "doesn't exist" in message
    assert f"python3 -m venv {elsewhere}" in message
    assert "no contacts file" not in message  # the program did not run


VIRTUALENV_PROGRAM = """\
import os
import sys

import pulumi
import only_in_the_project_virtualenv

from pulumi_ssm_contacts import Contact

Contact("venv-person", alias="venv-person", type="PERSONAL")
pulumi.export("prefix", sys.prefix)
pulumi.export("virtual_env", os.environ.get("VIRTUAL_ENV"))
pulumi.export("marker", only_in_the_project_virtualenv.MARKER)
"""


def make_project_virtualenv(path: Path) -> Path:
    """A virtualenv of the project's own: this interpreter's packages (a .pth, no pip), plus a
    module no other environment has."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", path], check=True)
    (site_packages,) = path.glob("lib/python*/site-packages")
    ours = sysconfig.get_paths()["purelib"]
    (site_packages / "test_interpreter.pth").write_text(f"import site; site.addsitedir({ours!r})\n")
    (site_packages / "only_in_the_project_virtualenv.py").write_text("MARKER = 'project venv'\n")
    return path


def test_project_virtualenv_runs_the_program_without_pulumi_python_cmd(
    new_stack: StackFactory,
    emulator: Emulator,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Pulumi.yaml's `virtualenv` (relative to the project) is used as Pulumi's own host uses
    it: no PULUMI_PYTHON_CMD needed, the program and the provider run with its packages."""
    monkeypatch.delenv("PULUMI_PYTHON_CMD", raising=False)
    program = tmp_path / "program"
    program.mkdir()
    (program / "__main__.py").write_text(VIRTUALENV_PROGRAM)
    factory = StackFactory(
        new_stack.root,
        new_stack.command,
        {k: v for k, v in new_stack.env.items() if k != "PULUMI_PYTHON_CMD"},
    )
    stack = factory(program, virtualenv="venv")
    venv = make_project_virtualenv(Path(stack.workspace.work_dir) / "venv")

    result = stack.up()

    outputs = {name: value.value for name, value in result.outputs.items()}
    assert outputs == {
        "prefix": str(venv),
        "virtual_env": str(venv),
        "marker": "project venv",
    }, result.stdout
    assert emulator.aliases() == ["venv-person"]
    assert "Traceback" not in result.stderr, result.stderr
