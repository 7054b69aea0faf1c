"""``python -m pulumi_ssm_contacts export``: a region's live setup as a Pulumi project.

Reads every contact, channel, plan and rotation (live.py), declares them
(declarations.py) and writes the project (project.py). Progress goes to stderr, the summary
to stdout; neither, nor any file, holds a delivery address. Exit status: 0 written, 2 usage,
AWS or file errors (one paragraph on stderr). boto3 is imported only when the command runs.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .declarations import Export

NAME = "export"
HELP = (
    "write a region's contacts, channels, plans and rotations as a Pulumi project that adopts them"
)
DESCRIPTION = """\
Read every contact, contact channel, plan and rotation of one account and region
and write a Pulumi project in --output that declares them as AWS holds them, each
with its import option, so that the first `pulumi up` adopts everything (no create,
update or delete call) and the second changes nothing. References between them
(a plan's channels and contacts, a rotation's members, a schedule's rotations) are
references, not ARNs. Delivery addresses are secret config: README.md has the
`pulumi config set --secret` line for each (it reads the address from AWS); no file
and no output holds one. README.md also lists what was left out and why.

--language python   __main__.py over pulumi_ssm_contacts' classes (dynamic provider)
--language yaml     Pulumi.yaml over the native provider's ssm-contacts:index:* types
--format import-file  instead: import.json for `pulumi import --file` (native provider)

It calls only read operations: ssm-contacts:ListContacts, GetContact,
ListContactChannels, ListRotations, ListRotationOverrides, ListTagsForResource.
Exit status: 0 written, 2 usage, AWS or file error. See docs/export.md."""

EXIT_OK, EXIT_ERROR = 0, 2


class ExportError(Exception):
    """The export could not run; the message says why and what to do."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The export's options."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("--region", help="AWS region (default: AWS_REGION or the profile's)")
    parser.add_argument(
        "--language", choices=("python", "yaml"), help="the program's language (--format program)"
    )
    parser.add_argument(
        "--output", type=Path, required=True, help="a new or empty directory for the project"
    )
    parser.add_argument("--stack-name", default="dev", help="the stack to set up (default: dev)")
    parser.add_argument(
        "--format",
        choices=("program", "import-file"),
        default="program",
        help="a program (default) or the JSON file `pulumi import --file` reads",
    )


def run(args: argparse.Namespace) -> int:
    """Export; print the summary on stdout or one paragraph on stderr; the exit status."""
    from .declarations import KINDS
    from .project import ProjectError, check_output, files, project_name, write

    if args.format == "program" and not args.language:
        print("export: pass --language python or --language yaml.", file=sys.stderr)
        return EXIT_ERROR
    try:
        check_output(args.output)
        export = read_and_declare(args.region)
        contents = files(
            export,
            language=args.language or "yaml",
            fmt=args.format,
            stack=args.stack_name,
            project=project_name(args.output),
            command=_command_line(args, export.region),
        )
        write(args.output, contents)
    except (ExportError, ProjectError) as error:
        print(f"export: {error}", file=sys.stderr)
        return EXIT_ERROR
    counts = ", ".join(f"{export.count(k)} {k}" for k in KINDS)
    print(f"wrote {args.output} ({', '.join(sorted(contents))}): {counts}.")
    if export.left_out or export.attention:
        print(
            f"README.md lists {len(export.left_out)} left out and {len(export.attention)} "
            "needing attention."
        )
    return EXIT_OK


def _progress(line: str) -> None:
    print(f"export: {line}", file=sys.stderr, flush=True)


def read_and_declare(region: str | None) -> Export:
    """Read the region with boto3's standard chain and declare what it holds."""
    from botocore.exceptions import BotoCoreError, ClientError, NoRegionError

    from ..core import aws_client
    from ..core.aws_errors import safe_aws_message
    from .declarations import declare
    from .live import READ_ACTIONS, read_setup

    try:
        client = aws_client.client(region)
    except NoRegionError:
        raise ExportError("no AWS region: pass --region or set AWS_REGION.") from None
    region = client.meta.region_name
    try:
        setup = read_setup(client, _progress)
    except ClientError as error:
        details = error.response.get("Error", {})
        code = str(details.get("Code", ""))
        operation = error.operation_name
        said = safe_aws_message(str(details.get("Message", "")))
        if code == "AccessDeniedException":
            advice = (
                f"the credentials may not call ssm-contacts:{operation}. Allow the IAM action "
                f"ssm-contacts:{operation} (an export needs "
                + ", ".join(f"ssm-contacts:{a}" for a in READ_ACTIONS)
                + ", all read only), or choose other credentials (AWS_PROFILE)."
            )
        elif code == "ThrottlingException":
            attempts = int(error.response.get("ResponseMetadata", {}).get("RetryAttempts", 0)) + 1
            advice = (
                f"AWS kept throttling after {attempts} attempts. Run the export again later, or "
                "with more attempts (AWS_MAX_ATTEMPTS=10)."
            )
        else:
            advice = "check the region and that Incident Manager is set up there."
        raise ExportError(
            f"{operation} in {region} failed: AWS said {code}: {said}\nWhat to do: {advice}"
        ) from None
    except BotoCoreError as error:
        raise ExportError(
            f"could not read ssm-contacts in {region}: {error}. Check the credentials "
            "(AWS_PROFILE, environment, SSO) and the network, or AWS_ENDPOINT_URL_SSM_CONTACTS "
            "if it is set."
        ) from None
    return declare(setup)


def _command_line(args: argparse.Namespace, region: str) -> str:
    words = ["python", "-m", "pulumi_ssm_contacts", "export", "--region", region]
    if args.format == "program":
        words += ["--language", args.language]
    else:
        words += ["--format", args.format]
    words += ["--output", str(args.output)]
    if args.stack_name != "dev":
        words += ["--stack-name", args.stack_name]
    return shlex.join(words)
