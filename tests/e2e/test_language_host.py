"""Our `pulumi-language-python` plugin (tools/plugins) as the engine runs it.

Every e2e scenario already runs its program through this host; these tests pin down how it
reports what goes wrong. They apply to our host only: a `pulumi` from PATH brings its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pulumi import automation as auto

from .harness import REPO, StackFactory

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


def test_virtualenv_other_than_the_hosts_is_refused_with_the_fix(
    new_stack: StackFactory, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "other-venv"
    stack = new_stack(FAILING_PROGRAM, virtualenv=str(elsewhere))

    with pytest.raises(auto.CommandError) as failure:
        stack.preview()

    message = str(failure.value)
    assert f"the project's virtualenv is {elsewhere}" in message
    assert "PULUMI_PYTHON_CMD" in message
    assert "no contacts file" not in message  # the program did not run
