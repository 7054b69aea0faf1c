"""``python -m pulumi_ssm_contacts page``: who an incident pages, when, on which channel.

If an incident engaged the contact at ``--at`` and nobody acknowledged, who would be paged in
the first ``--minutes``? Computed offline by :mod:`.paging` (the engine the emulator's
StartEngagement runs) from the live setup (read with boto3) or from a stack export
(``--stack-export``). Printed as a Markdown table; delivery addresses are never printed.
Exit status: 0 someone is paged, 1 nobody is, 2 usage, input or AWS errors.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime, timedelta

from ..command_arguments import moment, positive, read_text
from ..core.stack_export import ExportError, read_export
from . import page_table, paging, setup_sources, shifts

NAME = "page"
HELP = "print who an incident engaging a contact pages, when and on which channel"
DESCRIPTION = """\
Print, as a Markdown table for review, who is paged when and on which channel if an incident
engages --contact (an alias or ARN) at --at and nobody acknowledges: the contact's plan stage
by stage, whoever is on call then in a schedule's rotations (overrides included), each
person's channels with their retry intervals. Channels that are not ACTIVATED are shown as not
paged; a contact that pages nobody is shown as a dead end. Read from ssm-contacts (boto3's
standard credentials) or, with --stack-export, from `pulumi stack export` (activation status as
of the last up or refresh). The same engine serves the emulator's StartEngagement. Delivery
addresses are never printed. Exit status: 0 someone is paged, 1 nobody is, 2 usage, input or
AWS error. See docs/oncall.md."""

EXIT_PAGED, EXIT_NOBODY, EXIT_ERROR = 0, 1, 2
DEFAULT_MINUTES = 60


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's options."""
    parser.add_argument("--contact", required=True, metavar="ALIAS|ARN", help="the contact engaged")
    parser.add_argument(
        "--at",
        type=moment("--at"),
        help="when the incident starts, ISO 8601 with offset (default: now)",
    )
    parser.add_argument(
        "--minutes",
        type=positive,
        default=DEFAULT_MINUTES,
        help=f"how long to follow the engagement (default {DEFAULT_MINUTES})",
    )
    parser.add_argument(
        "--stack-export",
        metavar="FILE",
        help="read the setup from `pulumi stack export` output (- for stdin) instead of AWS",
    )
    parser.add_argument("--region", help="AWS region (default: the profile's)")
    parser.add_argument("--time-zone", default="UTC", help="show times in this IANA zone")


def run(args: argparse.Namespace) -> int:
    """Compute the timeline; print the table on stdout or one paragraph on stderr."""
    at: datetime = args.at or datetime.now(UTC)
    try:
        tz = shifts.zone(args.time_zone, "--time-zone")
        if args.stack_export:
            export = read_text(args.stack_export, setup_sources.SetupError)
            setup = setup_sources.from_export(read_export(export))
            contact = setup_sources.resolve_in(setup, args.contact)
        else:
            setup, contact = _from_aws(args.contact, args.region, at, args.minutes)
        rows = timeline_rows(setup, contact, at, args.minutes)
    except (setup_sources.SetupError, ExportError, shifts.RotationSpecError) as error:
        print(f"page: {error}", file=sys.stderr)
        return EXIT_ERROR
    print(page_table.render(rows, tz))
    return EXIT_PAGED if any(r.paged for r in rows) else EXIT_NOBODY


def timeline_rows(
    setup: paging.Setup, contact_arn: str, at: datetime, minutes: int
) -> list[page_table.Row]:
    """The table's rows: what engaging the contact at ``at`` does in ``minutes``."""
    timeline = paging.engage(setup, contact_arn, at)
    return page_table.rows(setup, timeline, at, minutes)


def _from_aws(
    contact: str, region: str | None, at: datetime, minutes: int
) -> tuple[paging.Setup, str]:
    from botocore.exceptions import BotoCoreError, ClientError, NoRegionError

    from ..core import aws_client

    try:
        client = aws_client.client(region)
    except NoRegionError:
        raise setup_sources.SetupError("no AWS region: pass --region or set AWS_REGION.") from None
    try:
        arn = setup_sources.resolve_contact(client, contact)
        end = at + timedelta(minutes=minutes)
        setup = setup_sources.from_client(client, arn, at, end)
    except ClientError as error:
        details = error.response.get("Error", {})
        raise setup_sources.SetupError(
            f"AWS refused {error.operation_name}: {details.get('Code')}: "
            f"{details.get('Message')}. The command needs credentials allowed ssm-contacts:"
            "GetContact, ListContacts, ListContactChannels, GetRotation and "
            "ListRotationOverrides, in the contact's region."
        ) from None
    except BotoCoreError as error:
        raise setup_sources.SetupError(
            f"could not reach ssm-contacts: {error}. Check the credentials, the network, or "
            "AWS_ENDPOINT_URL_SSM_CONTACTS if it is set."
        ) from None
    if arn not in setup.contacts:
        raise setup_sources.SetupError(
            f"there is no contact {arn} in {client.meta.region_name}; pass its region with "
            "--region."
        )
    return setup, arn
