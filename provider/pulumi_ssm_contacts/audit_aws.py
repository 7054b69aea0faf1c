"""What AWS holds for the audit: one paginated list per audited type, then tags where needed.

Calls: the type's list operation, page by page, then one ListTagsForResource for each resource
the export does not hold (a held resource is never an orphan, so its owner tag is not needed).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from .audit import AuditedType, LiveResource
from .ownership import OWNER_TAG

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient


def list_live(
    client: SSMContactsClient, kinds: Iterable[AuditedType], held: Collection[str]
) -> dict[str, list[LiveResource]]:
    """Every resource of each type in the client's account and region, by type token."""
    return {kind.token: _list_type(client, kind, held) for kind in kinds}


def _list_type(
    client: SSMContactsClient, kind: AuditedType, held: Collection[str]
) -> list[LiveResource]:
    paginator = client.get_paginator(kind.list_operation)  # type: ignore[call-overload]
    found: list[LiveResource] = []
    for page in paginator.paginate():
        for item in page.get(kind.list_key, []):
            arn = item[kind.arn_key]
            found.append(LiveResource(arn, None if arn in held else owner_tag(client, arn)))
    return found


def owner_tag(client: SSMContactsClient, arn: str) -> str | None:
    """The value of the resource's owner tag, or None when it has none."""
    tags = client.list_tags_for_resource(ResourceARN=arn).get("Tags", [])
    return next((tag["Value"] for tag in tags if tag["Key"] == OWNER_TAG), None)
