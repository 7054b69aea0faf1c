"""``python -m pulumi_ssm_contacts shifts``: the next shifts of a rotation, as a table.

Either a rotation in AWS (``--rotation-id ARN``: GetRotation for its time zone, then
ListRotationShifts) or a rotation described in JSON (``--rotation-json FILE``, ``-`` for stdin:
CreateRotation's members, or what ``aws ssm-contacts get-rotation`` prints), computed offline by
:mod:`.shifts`. The table is Markdown, so it can go into a pull request. Exit status: 0 shifts
printed, 1 no shift in the horizon (nobody is ever on call), 2 usage, input or AWS errors.
boto3 is imported only for ``--rotation-id``.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..command_arguments import moment, positive, read_text
from . import shifts
from .shifts_table import render

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient

NAME = "shifts"
HELP = "print a rotation's next shifts as a table (from AWS, or offline from JSON)"
DESCRIPTION = """\
Print who is on call when, for the next --count shifts of a rotation (or every shift of
the --days days from --start): one in AWS
(--rotation-id ARN, via ListRotationShifts) or one described in a JSON file (--rotation-json,
computed offline with the semantics of ListPreviewRotationShifts; the file holds CreateRotation's
ContactIds, StartTime, TimeZoneId and Recurrence, e.g. the output of `aws ssm-contacts
get-rotation`, and may hold Overrides as in ListPreviewRotationShifts). The table is Markdown,
for a pull request. Exit status: 0 shifts printed, 1 none in the horizon, 2 usage, input or AWS
error. See docs/oncall.md."""

EXIT_SHIFTS, EXIT_NONE, EXIT_ERROR = 0, 1, 2
DEFAULT_COUNT = 10
DEFAULT_HORIZON_DAYS = 366


class ShiftsError(Exception):
    """The shifts could not be listed (bad input, no region, AWS refused); the message says why."""


@dataclass(frozen=True)
class Listing:
    """What the command prints: the shifts, and the zone to show their times in."""

    shifts: list[shifts.RotationShift]
    time_zone_id: str


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's options."""
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--rotation-id", metavar="ARN", help="a rotation in AWS (its ARN)")
    source.add_argument(
        "--rotation-json",
        metavar="FILE",
        help="a rotation as JSON (CreateRotation's members or get-rotation's output); - for stdin",
    )
    parser.add_argument("--region", help="AWS region for --rotation-id (default: the profile's)")
    amount = parser.add_mutually_exclusive_group()
    amount.add_argument(
        "--count",
        type=positive,
        default=DEFAULT_COUNT,
        help=f"how many shifts (default {DEFAULT_COUNT})",
    )
    amount.add_argument(
        "--days",
        type=positive,
        help="every shift of the DAYS days from --start instead (e.g. 7: one week)",
    )
    parser.add_argument(
        "--start",
        type=moment("--start"),
        help="list shifts that end after this ISO 8601 time (default: now)",
    )
    parser.add_argument(
        "--horizon-days",
        type=positive,
        default=DEFAULT_HORIZON_DAYS,
        help=f"look this many days past --start (default {DEFAULT_HORIZON_DAYS})",
    )
    parser.add_argument(
        "--time-zone", help="show times in this IANA zone (default: the rotation's)"
    )
    parser.add_argument("--json", action="store_true", help="print the shifts as JSON instead")


def run(args: argparse.Namespace) -> int:
    """List the shifts; print them on stdout or one paragraph on stderr; the exit status."""
    after: datetime = args.start or datetime.now(UTC)
    until = after + timedelta(days=args.days or args.horizon_days)
    count: int | None = None if args.days else args.count
    try:
        if args.rotation_id:
            listing = from_aws(args.rotation_id, args.region, after, until, count)
        else:
            listing = from_json(read_text(args.rotation_json, ShiftsError), after, until, count)
        tz = shifts.zone(args.time_zone or listing.time_zone_id, "--time-zone")
    except (ShiftsError, shifts.RotationSpecError) as error:
        print(f"shifts: {error}", file=sys.stderr)
        return EXIT_ERROR
    if args.json:
        print(json.dumps([_json(s) for s in listing.shifts], indent=2))
    elif listing.shifts:
        print(render(listing.shifts, tz, {}))
    else:
        print(
            f"shifts: nobody is on call between {after:%Y-%m-%d %H:%M} UTC and "
            f"{until:%Y-%m-%d %H:%M} UTC",
            file=sys.stderr,
        )
    return EXIT_SHIFTS if listing.shifts else EXIT_NONE


def from_json(text: str, after: datetime, until: datetime, count: int | None) -> Listing:
    """The next ``count`` shifts (None: all before ``until``) of the rotation the JSON
    describes, computed offline."""
    try:
        document = json.loads(text)
    except ValueError as error:
        raise ShiftsError(f"the rotation is not JSON: {error}") from None
    if not isinstance(document, dict):
        raise ShiftsError("the rotation JSON must be an object with ContactIds, StartTime, ...")
    spec = shifts.RotationSpec.from_api(document)
    raw_overrides = document.get("Overrides", document.get("overrides", []))
    if not isinstance(raw_overrides, list):
        raise ShiftsError("Overrides must be a list of {NewMembers, StartTime, EndTime}")
    overrides = [
        shifts.Override.from_api(o, f"Overrides[{i}]") for i, o in enumerate(raw_overrides)
    ]
    if count is None:
        found = list(shifts.iter_shifts(spec, overrides, after=after, until=until))
    else:
        found = shifts.next_shifts(spec, count, after, overrides, horizon=until - after)
    return Listing(found, spec.time_zone_id)


def from_aws(
    rotation_id: str, region: str | None, after: datetime, until: datetime, count: int | None
) -> Listing:
    """The next ``count`` shifts (None: all before ``until``) AWS lists for the rotation
    (GetRotation, ListRotationShifts)."""
    from botocore.exceptions import BotoCoreError, ClientError, NoRegionError

    from ..core import aws_client

    try:
        client = aws_client.client(region)
    except NoRegionError:
        raise ShiftsError("no AWS region: pass --region or set AWS_REGION.") from None
    try:
        return list_from_client(client, rotation_id, after, until, count)
    except ClientError as error:
        details = error.response.get("Error", {})
        if details.get("Code") == "ResourceNotFoundException":
            where = client.meta.region_name
            raise ShiftsError(
                f"there is no rotation {rotation_id} in {where}. Check the ARN (for a stack's "
                "rotation: `pulumi stack output`, or `aws ssm-contacts list-rotations --region "
                f"{where}`) and pass the rotation's region with --region."
            ) from None
        raise ShiftsError(
            f"AWS refused {error.operation_name} for {rotation_id}: {details.get('Code')}: "
            f"{details.get('Message')}. The command needs credentials from the standard AWS "
            "chain allowed ssm-contacts:GetRotation and ssm-contacts:ListRotationShifts, in the "
            "rotation's region."
        ) from None
    except BotoCoreError as error:
        raise ShiftsError(
            f"could not reach ssm-contacts for {rotation_id}: {error}. Check the credentials, "
            "the network, or AWS_ENDPOINT_URL_SSM_CONTACTS if it is set."
        ) from None


def list_from_client(
    client: SSMContactsClient,
    rotation_id: str,
    after: datetime,
    until: datetime,
    count: int | None,
) -> Listing:
    """GetRotation (for the time zone), then ListRotationShifts page by page, first ``count``
    (None: all of them)."""
    time_zone_id = client.get_rotation(RotationId=rotation_id)["TimeZoneId"]
    found: list[shifts.RotationShift] = []
    paginator = client.get_paginator("list_rotation_shifts")
    for page in paginator.paginate(RotationId=rotation_id, StartTime=after, EndTime=until):
        for item in page.get("RotationShifts", []):
            found.append(shifts.RotationShift.from_api(dict(item)))
            if len(found) == count:
                return Listing(found, time_zone_id)
    return Listing(found, time_zone_id)


def _json(shift: shifts.RotationShift) -> dict[str, Any]:
    item = shift.to_api()
    item["StartTime"] = shift.start.isoformat()
    item["EndTime"] = shift.end.isoformat()
    return item
