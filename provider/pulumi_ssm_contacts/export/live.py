"""What one region holds, read for an export: every contact, plan, channel and rotation.

Calls (read only): ListContacts and ListRotations page by page; per contact GetContact (its
plan) and ListTagsForResource, and ListContactChannels (paged) for a PERSONAL one; per
rotation ListTagsForResource and ListRotationOverrides (paged) for the coming year. The
per-resource calls go ``WORKERS`` at a time; botocore's standard retries (aws_client.py)
absorb throttling. A channel's delivery address is never kept: the export reads none.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from ..core import bag as bags

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient

WORKERS = 8
"""Per-resource calls in flight at once."""
OVERRIDE_WINDOW = timedelta(days=366)
"""How far ahead a rotation's overrides are looked for."""
PROGRESS_EVERY = 100
"""Contacts read between two progress lines."""

READ_ACTIONS = (
    "ListContacts",
    "GetContact",
    "ListContactChannels",
    "ListRotations",
    "ListRotationOverrides",
    "ListTagsForResource",
)
"""The IAM actions (``ssm-contacts:<action>``) an export needs, all read only."""

_T = TypeVar("_T")
_R = TypeVar("_R")


@dataclass(frozen=True)
class LiveChannel:
    """A contact channel, with no delivery address."""

    arn: str
    contact_arn: str
    name: str
    type: str
    activation_status: str


@dataclass(frozen=True)
class LiveContact:
    """A contact: its plan as the API returns it (``{"Stages": [...], "RotationIds": [...]}``)
    and its whole tag map (this package's tags included)."""

    arn: str
    alias: str
    type: str
    display_name: str | None
    plan: Mapping[str, Any]
    tags: Mapping[str, str]
    channels: tuple[LiveChannel, ...] = ()


@dataclass(frozen=True)
class LiveRotation:
    """A rotation as ListRotations returns it, its tags, and its coming overrides."""

    arn: str
    name: str
    contact_ids: tuple[str, ...]
    start_time: datetime | None
    time_zone_id: str
    recurrence: Mapping[str, Any]
    tags: Mapping[str, str]
    overrides: int = 0


@dataclass(frozen=True)
class LiveSetup:
    """Everything an export reads from one account and region."""

    region: str
    contacts: tuple[LiveContact, ...]
    rotations: tuple[LiveRotation, ...]
    gone: tuple[str, ...] = field(default=())
    """ARNs listed but deleted before they could be read."""

    @property
    def channels(self) -> tuple[LiveChannel, ...]:
        """Every contact's channels."""
        return tuple(channel for contact in self.contacts for channel in contact.channels)


def read_setup(
    client: SSMContactsClient, progress: Callable[[str], None] = lambda _: None
) -> LiveSetup:
    """The client's region, whole. ``progress`` gets a line per step (counts per type)."""
    region = client.meta.region_name
    listed = [
        item
        for page in client.get_paginator("list_contacts").paginate()
        for item in page["Contacts"]
    ]
    progress(f"{len(listed)} contacts listed in {region}")
    rotations_listed = [
        item
        for page in client.get_paginator("list_rotations").paginate()
        for item in page["Rotations"]
    ]
    progress(f"{len(rotations_listed)} rotations listed")
    counted = itertools.count(1)

    def one_contact(item: Mapping[str, Any]) -> LiveContact | None:
        found = _contact(client, item)
        done = next(counted)  # thread-safe under the GIL
        if done % PROGRESS_EVERY == 0 and done < len(listed):
            progress(f"{done} of {len(listed)} contacts read")
        return found

    with ThreadPoolExecutor(WORKERS, thread_name_prefix="export") as pool:
        contacts = _each(pool, one_contact, listed)
        rotations = _each(pool, lambda item: _rotation(client, item), rotations_listed)
    kept = tuple(c for _, c in contacts if c is not None)
    setup = LiveSetup(
        region,
        tuple(sorted(kept, key=lambda c: c.alias)),
        tuple(sorted((r for _, r in rotations if r is not None), key=lambda r: (r.name, r.arn))),
        tuple(
            sorted(
                [str(item["ContactArn"]) for item, c in contacts if c is None]
                + [str(item["RotationArn"]) for item, r in rotations if r is None]
            )
        ),
    )
    plans = sum(1 for c in setup.contacts if _has_plan(c.plan))
    progress(
        f"read {len(setup.contacts)} contacts, {len(setup.channels)} channels, {plans} plans, "
        f"{len(setup.rotations)} rotations"
    )
    return setup


def _has_plan(plan: Mapping[str, Any]) -> bool:
    return bool(plan.get("Stages") or plan.get("RotationIds"))


def _contact(client: SSMContactsClient, item: Mapping[str, Any]) -> LiveContact | None:
    arn = str(item["ContactArn"])
    found = _gone_as_none(lambda: client.get_contact(ContactId=arn))
    tags = _tags(client, arn)
    if found is None or tags is None:
        return None
    channels: tuple[LiveChannel, ...] = ()
    if found["Type"] == "PERSONAL":
        listed = _gone_as_none(lambda: _channels(client, arn))
        if listed is None:
            return None
        channels = listed
    return LiveContact(
        arn,
        found["Alias"],
        found["Type"],
        found.get("DisplayName") or None,
        dict(found.get("Plan") or {}),
        tags,
        channels,
    )


def _channels(client: SSMContactsClient, contact_arn: str) -> tuple[LiveChannel, ...]:
    paginator = client.get_paginator("list_contact_channels")
    return tuple(
        LiveChannel(
            c["ContactChannelArn"],
            c["ContactArn"],
            c["Name"],
            c["Type"],
            str(c.get("ActivationStatus") or "NOT_ACTIVATED"),
        )
        for page in paginator.paginate(ContactId=contact_arn)
        for c in page["ContactChannels"]
    )


def _rotation(client: SSMContactsClient, item: Mapping[str, Any]) -> LiveRotation | None:
    arn = str(item["RotationArn"])
    tags = _tags(client, arn)
    now = datetime.now(UTC)
    paginator = client.get_paginator("list_rotation_overrides")
    overrides = _gone_as_none(
        lambda: sum(
            len(page["RotationOverrides"])
            for page in paginator.paginate(
                RotationId=arn, StartTime=now, EndTime=now + OVERRIDE_WINDOW
            )
        )
    )
    if tags is None or overrides is None:
        return None
    return LiveRotation(
        arn,
        str(item["Name"]),
        tuple(item.get("ContactIds") or ()),
        item.get("StartTime"),
        str(item.get("TimeZoneId") or ""),
        dict(item.get("Recurrence") or {}),
        tags,
        overrides,
    )


def _tags(client: SSMContactsClient, arn: str) -> dict[str, str] | None:
    found = _gone_as_none(lambda: client.list_tags_for_resource(ResourceARN=arn))
    return None if found is None else bags.tags_from_api(found.get("Tags"))


def _gone_as_none(fn: Callable[[], _T]) -> _T | None:
    """``fn()``, or None when what it reads was deleted since it was listed."""
    from botocore.exceptions import ClientError

    try:
        return fn()
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") == "ResourceNotFoundException":
            return None
        raise


def _each(
    pool: ThreadPoolExecutor, fn: Callable[[_T], _R], items: Iterable[_T]
) -> list[tuple[_T, _R]]:
    items = list(items)
    return list(zip(items, pool.map(fn, items), strict=True))
