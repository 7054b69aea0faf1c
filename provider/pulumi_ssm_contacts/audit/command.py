"""``python -m pulumi_ssm_contacts audit``: compare a stack export with AWS (see audit.py).

``pulumi stack export | python -m pulumi_ssm_contacts audit --region us-east-2``, or
``--file export.json``; ``--json`` for machine output (audit_report.py). Exit status: 0 clean,
1 orphans, drift or pending operations of any of the four types (or, with ``--strict``,
unmanaged resources), 2 usage or AWS errors. boto3 is imported only when the command runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..core.stack_export import ExportError, read_export
from .findings import AuditReport, audit
from .report import to_json, to_text

NAME = "audit"
HELP = (
    "find orphans, drift and pending operations of a stack's contacts, channels, plans and "
    "rotations (reads `pulumi stack export`)"
)
DESCRIPTION = """\
Compare a stack's state (`pulumi stack export`, on stdin or --file) with what
AWS holds in one account and region, for all four resource types: contacts,
contact channels, contact plans and rotations. It changes nothing.

orphans     in AWS, this stack's, held by no resource of its state (a killed
            deploy leaves them): contacts and rotations whose owner tag names
            this stack; plans whose contact's plan-owner tag names it;
            channels whose contact's marker tag names it, channels with no
            marker on a contact this stack owns, and unheld channels whose
            contact, name and type match a pending create.
drift       resources the state holds (in this region) that AWS no longer has,
            or whose tag now names another owner.
pending     operations the export says never ended, with what AWS has for each.
unmanaged   claimed by no stack, not in the state (informational; --strict).

What it cannot see: a channel with no marker on a contact this stack does not
own once the pending operations are cleared (a deploy killed between creating
the channel and marking its contact); values changed out of band (`pulumi
preview --refresh` shows those); other regions (audit each region in use).

Exit status: 0 when nothing of this stack is unaccounted for (no orphans, drift
or pending operations), 1 findings, 2 usage or AWS error. See docs/recovery.md."""

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class AuditError(Exception):
    """The audit could not run (bad input, no region, AWS refused); the message says why."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The audit's options (and its description's layout kept as written)."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("--region", help="AWS region (default: AWS_REGION or the profile's)")
    parser.add_argument("--file", type=Path, help="read the export from FILE instead of stdin")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--strict", action="store_true", help="unmanaged resources fail the audit too"
    )


def run(args: argparse.Namespace) -> int:
    """Run the audit; print the report on stdout or one paragraph on stderr; the exit status."""
    try:
        report = audit_stack(_read_input(args.file), args.region)
    except AuditError as error:
        print(f"audit: {error}", file=sys.stderr)
        return EXIT_ERROR
    if args.json:
        print(json.dumps(to_json(report, args.strict), indent=2))
    else:
        print(to_text(report, args.strict))
    return EXIT_FINDINGS if report.failed(args.strict) else EXIT_CLEAN


def audit_stack(export_text: str, region: str | None) -> AuditReport:
    """Parse the export, list AWS with boto3's standard chain, classify."""
    try:
        export = read_export(export_text)
    except ExportError as error:
        raise AuditError(f"cannot read the stack export: {error}") from None
    from botocore.exceptions import BotoCoreError, ClientError, NoRegionError

    from ..core import aws_client
    from .live import list_live

    try:
        client = aws_client.client(region)
    except NoRegionError:
        raise AuditError(
            "no AWS region: pass --region (the stack's `aws:region`) or set AWS_REGION."
        ) from None
    region = client.meta.region_name
    try:
        live = list_live(client, export)
    except ClientError as error:
        details = error.response.get("Error", {})
        raise AuditError(
            f"AWS refused {error.operation_name} in {region}: {details.get('Code')}: "
            f"{details.get('Message')}. The audit needs credentials from the standard AWS chain "
            "(AWS_PROFILE, environment, SSO, instance role) allowed ssm-contacts:ListContacts, "
            "ListRotations, ListContactChannels and ListTagsForResource, in a region where "
            "Incident Manager is set up."
        ) from None
    except BotoCoreError as error:
        raise AuditError(
            f"could not list ssm-contacts resources in {region}: {error}. Check the "
            "credentials (AWS_PROFILE, environment, SSO) and the network, or "
            "AWS_ENDPOINT_URL_SSM_CONTACTS if it is set."
        ) from None
    return audit(export, region, live)


def _read_input(file: Path | None) -> str:
    if file is not None:
        try:
            return file.read_text()
        except OSError as error:
            raise AuditError(f"cannot read {file}: {error.strerror}.") from None
    if sys.stdin.isatty():
        raise AuditError(
            "no stack export: pipe one in (`pulumi stack export | python -m pulumi_ssm_contacts "
            "audit --region R`) or pass --file export.json."
        )
    return sys.stdin.read()
