"""What AWS holds for the audit: contacts with their tags, rotations, and the channels that matter.

Calls (read only): ListContacts and ListRotations, page by page; one ListTagsForResource per
contact (its owner tag, plan-owner tag and channel markers: a held contact's matter too) and
per rotation the export does not hold (a held one is never an orphan); one ListContactChannels
(paged) per contact that matters to the stack (audit.channel_contacts). The per-resource calls
go ``WORKERS`` at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, TypeVar

from botocore.exceptions import ClientError

from ..core.channel_markers import markers
from ..core.ownership import OWNER_TAG, PLAN_OWNER_TAG
from ..core.stack_export import StackExport
from .findings import LiveAccount, LiveChannel, LiveResource, channel_contacts

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient

WORKERS = 8
"""Per-resource calls in flight at once."""

_T = TypeVar("_T")
_R = TypeVar("_R")


def list_live(client: SSMContactsClient, export: StackExport) -> LiveAccount:
    """Everything the audit of ``export`` needs from the client's account and region."""
    held = {r.id for r in export.resources if r.id}
    contact_arns = _list(client, "list_contacts", "Contacts", "ContactArn")
    rotation_arns = _list(client, "list_rotations", "Rotations", "RotationArn")
    with ThreadPoolExecutor(WORKERS, thread_name_prefix="audit") as pool:
        contact_tags = _each(pool, lambda arn: tags_of(client, arn), contact_arns)
        contacts = tuple(
            LiveResource(
                arn,
                tags.get(OWNER_TAG),
                tags.get(PLAN_OWNER_TAG),
                tuple(sorted(markers(tags).items())),
            )
            for arn, tags in contact_tags
            if tags is not None  # deleted since it was listed
        )
        unheld = [arn for arn in rotation_arns if arn not in held]
        rotation_tags = dict(_each(pool, lambda arn: tags_of(client, arn), unheld))
        rotations = tuple(
            LiveResource(arn, (rotation_tags.get(arn) or {}).get(OWNER_TAG))
            for arn in rotation_arns
            if arn in held or rotation_tags.get(arn) is not None
        )
        wanted = sorted(channel_contacts(export, contacts))
        listed = _each(pool, lambda arn: channels_of(client, arn), wanted)
    channels = tuple(channel for _, found in listed for channel in found or ())
    return LiveAccount(contacts, rotations, channels, frozenset(wanted))


def tags_of(client: SSMContactsClient, arn: str) -> dict[str, str] | None:
    """The resource's tags, or None when it is gone."""
    try:
        found = client.list_tags_for_resource(ResourceARN=arn).get("Tags", [])
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") == "ResourceNotFoundException":
            return None
        raise
    return {tag["Key"]: tag.get("Value", "") for tag in found}


def owner_tag(client: SSMContactsClient, arn: str) -> str | None:
    """The value of the resource's owner tag, or None when it has none."""
    return (tags_of(client, arn) or {}).get(OWNER_TAG)


def channels_of(client: SSMContactsClient, contact_arn: str) -> list[LiveChannel] | None:
    """The contact's channels (no delivery address kept), or None when it is gone."""
    paginator = client.get_paginator("list_contact_channels")
    try:
        return [
            LiveChannel(c["ContactChannelArn"], c["ContactArn"], c["Name"], c["Type"])
            for page in paginator.paginate(ContactId=contact_arn)
            for c in page.get("ContactChannels", [])
        ]
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") == "ResourceNotFoundException":
            return None
        raise


def _list(client: SSMContactsClient, operation: str, key: str, arn_key: str) -> list[str]:
    paginator = client.get_paginator(operation)  # type: ignore[call-overload]
    return [item[arn_key] for page in paginator.paginate() for item in page.get(key, [])]


def _each(
    pool: ThreadPoolExecutor, fn: Callable[[_T], _R], items: Iterable[_T]
) -> list[tuple[_T, _R]]:
    items = list(items)
    return list(zip(items, pool.map(fn, items), strict=True))
