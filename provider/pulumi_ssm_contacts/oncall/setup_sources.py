"""Where a paging setup comes from: ssm-contacts itself (boto3), or a stack export.

:func:`from_client` reads only what an engagement of the contact can reach: the contact, its
plan's contacts and rotations (with the overrides in the window), each person's channels.
:func:`from_export` reads the outputs a ``pulumi stack export`` holds (activation status as of
the last ``up`` or ``refresh``). Neither reads or keeps a delivery address.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..core.bag import to_api
from ..core.stack_export import StackExport
from . import shifts
from .paging import ChannelInfo, ContactInfo, Setup

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient

TYPE_PREFIX = "pulumi-python:dynamic/ssm-contacts:"


class SetupError(Exception):
    """The setup could not be read; the message says why."""


def resolve_contact(client: SSMContactsClient, contact: str) -> str:
    """The ARN of the contact named by ARN or alias."""
    if contact.startswith("arn:"):
        return contact
    for page in client.get_paginator("list_contacts").paginate(AliasPrefix=contact):
        for item in page["Contacts"]:
            if item["Alias"] == contact:
                return item["ContactArn"]
    raise SetupError(
        f"there is no contact with alias {contact!r} in {client.meta.region_name}. Check the "
        "alias (`aws ssm-contacts list-contacts`), or pass its ARN, and the region with --region."
    )


def from_client(
    client: SSMContactsClient, contact_arn: str, start: datetime, end: datetime
) -> Setup:
    """What an engagement of ``contact_arn`` can reach, read from ssm-contacts."""
    contacts: dict[str, ContactInfo] = {}
    channels: dict[str, ChannelInfo] = {}
    rotations: dict[str, shifts.RotationSpec] = {}
    overrides: dict[str, list[shifts.Override]] = {}
    pending = [contact_arn]
    while pending:
        arn = pending.pop()
        if arn in contacts:
            continue
        try:
            found = client.get_contact(ContactId=arn)
        except client.exceptions.ResourceNotFoundException:
            continue  # the engine reports a dead end: the contact does not exist
        plan: dict[str, Any] = dict(found.get("Plan") or {})
        contacts[arn] = ContactInfo(arn, found["Alias"], found["Type"], plan)
        for stage in plan.get("Stages") or []:
            for target in stage.get("Targets") or []:
                if target.get("ContactTargetInfo"):
                    pending.append(target["ContactTargetInfo"]["ContactId"])
        for rotation_arn in plan.get("RotationIds") or []:
            if rotation_arn in rotations:
                continue
            try:
                rotation = client.get_rotation(RotationId=rotation_arn)
            except client.exceptions.ResourceNotFoundException:
                continue
            rotations[rotation_arn] = shifts.RotationSpec.from_api(dict(rotation))
            overrides[rotation_arn] = [
                shifts.Override(tuple(o["NewContactIds"]), o["StartTime"], o["EndTime"])
                for page in client.get_paginator("list_rotation_overrides").paginate(
                    RotationId=rotation_arn, StartTime=start, EndTime=end
                )
                for o in page["RotationOverrides"]
            ]
            pending.extend(rotation["ContactIds"])
        if found["Type"] == "PERSONAL":
            for page in client.get_paginator("list_contact_channels").paginate(ContactId=arn):
                for c in page["ContactChannels"]:
                    channels[c["ContactChannelArn"]] = ChannelInfo(
                        c["ContactChannelArn"],
                        c["ContactArn"],
                        c["Name"],
                        c["Type"],
                        c.get("ActivationStatus") == "ACTIVATED",
                    )
    return Setup(contacts, channels, rotations, overrides)


def from_export(export: StackExport) -> Setup:
    """The setup a stack's state describes (each ContactPlan's plan in place of its contact's)."""
    plans = {
        str(r.props.get("contactId")): {
            "Stages": to_api(r.props.get("stages") or []),
            "RotationIds": list(r.props.get("rotationIds") or []),
        }
        for r in export.of_type(f"{TYPE_PREFIX}ContactPlan")
    }
    contacts: dict[str, ContactInfo] = {}
    for r in export.of_type(f"{TYPE_PREFIX}Contact"):
        if not r.id:
            continue
        plan = plans.get(r.id) or to_api(_mapping(r.props.get("plan")))
        contacts[r.id] = ContactInfo(
            r.id, str(r.props.get("alias") or r.name), str(r.props.get("type")), plan
        )
    channels = {
        r.id: ChannelInfo(
            r.id,
            str(r.props.get("contactId")),
            str(r.props.get("name")),
            str(r.props.get("type")),
            r.props.get("activationStatus") == "ACTIVATED",
        )
        for r in export.of_type(f"{TYPE_PREFIX}ContactChannel")
        if r.id
    }
    rotations = {
        r.id: shifts.RotationSpec.from_api(_rotation(r.props))
        for r in export.of_type(f"{TYPE_PREFIX}Rotation")
        if r.id
    }
    return Setup(contacts, channels, rotations)


def resolve_in(setup: Setup, contact: str) -> str:
    """The ARN of the contact (ARN or alias) in an exported setup."""
    if contact in setup.contacts:
        return contact
    for arn, info in setup.contacts.items():
        if info.alias == contact:
            return arn
    raise SetupError(
        f"the stack export holds no contact {contact!r}; its contacts: "
        f"{', '.join(sorted(c.alias for c in setup.contacts.values())) or 'none'}."
    )


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _rotation(props: Mapping[str, Any]) -> dict[str, Any]:
    """CreateRotation's members from a Rotation's outputs (``contactIds`` -> ``ContactIds``)."""
    keys: Iterable[str] = ("contactIds", "startTime", "timeZoneId", "recurrence")
    rotation: dict[str, Any] = to_api({k: props.get(k) for k in keys})
    return rotation
