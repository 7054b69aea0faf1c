"""``python -m pulumi_ssm_contacts COMMAND``: operator commands for stacks that use this package.

Each command is a module with ``NAME``, ``HELP``, ``DESCRIPTION``, ``add_arguments(parser)`` and
``run(args) -> exit status``; adding one is one entry in ``COMMANDS``. Command modules import
boto3 and other heavy dependencies only when they run.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Protocol

from .audit import command as audit_command
from .export import command as export_command
from .oncall import page_command, shifts_command


class Command(Protocol):
    """What ``COMMANDS`` needs of a command module."""

    NAME: str
    HELP: str
    DESCRIPTION: str

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


COMMANDS: tuple[Command, ...] = (audit_command, shifts_command, page_command, export_command)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line, run the command, return its exit status (argparse: 2 on misuse)."""
    parser = argparse.ArgumentParser(
        prog="python -m pulumi_ssm_contacts",
        description="Operator commands for stacks that use pulumi-ssm-contacts.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        sub = commands.add_parser(command.NAME, help=command.HELP, description=command.DESCRIPTION)
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)
    args = parser.parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
