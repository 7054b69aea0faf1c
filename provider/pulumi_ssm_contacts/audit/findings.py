"""Audit a stack against AWS: orphans, drift, pending operations and unmanaged resources.

Pure classification: a stack export (stack_export.py) and what AWS lists in one account and
region go in (``LiveAccount``), an ``AuditReport`` comes out; audit_aws.py does the listing
and audit_command.py the command line. Every resource type of the package is audited (rows
of ``AUDITED_TYPES``); how each is found:

- contact, rotation: listed; the owner tag (ownership.py) names the Pulumi resource;
- plan: a contact's ``pulumi-ssm-contacts/plan-owner`` tag names the resource managing it;
- channel: listed on the contacts that matter to this stack; the contact's marker tag
  (channel_markers.py) names the resource managing it.

Findings:

- orphan: in AWS, claimed by this export's project and stack (owner tag, plan-owner tag,
  channel marker), or an unmarked channel on a contact this stack owns, or an unheld channel
  whose contact, name and type match a pending create; no resource of the export holds it;
- drift: a resource the export holds (in this region) that AWS no longer has, or whose tag
  now names another owner;
- pending: an operation the export says began and never ended, with what AWS has for it;
- unmanaged (informational): claimed by no stack and not held; other stacks': only counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..core.channel_markers import channel_uuid
from ..core.ownership import PLAN_OWNER_TAG, stack_of
from ..core.stack_export import StackExport, StateResource

PREFIX = "pulumi-python:dynamic/ssm-contacts:"


@dataclass(frozen=True)
class AuditedType:
    """One resource type of this package: its type token in state and how to undo an orphan."""

    token: str
    noun: str
    delete_command: str
    """The AWS CLI command(s) that delete (or give up) one, with ``{arn}`` for its ARN."""


CONTACT = AuditedType(
    token=f"{PREFIX}Contact",
    noun="contact",
    delete_command="aws ssm-contacts delete-contact --contact-id {arn}",
)
CHANNEL = AuditedType(
    token=f"{PREFIX}ContactChannel",
    noun="channel",
    delete_command="aws ssm-contacts delete-contact-channel --contact-channel-id {arn}",
)
PLAN = AuditedType(
    token=f"{PREFIX}ContactPlan",
    noun="plan",
    delete_command=(
        "aws ssm-contacts update-contact --contact-id {arn} --plan '{{\"Stages\": []}}' && "
        f"aws ssm-contacts untag-resource --resource-arn {{arn}} --tag-keys {PLAN_OWNER_TAG}"
    ),
)
ROTATION = AuditedType(
    token=f"{PREFIX}Rotation",
    noun="rotation",
    delete_command="aws ssm-contacts delete-rotation --rotation-id {arn}",
)
AUDITED_TYPES: tuple[AuditedType, ...] = (CONTACT, CHANNEL, PLAN, ROTATION)


@dataclass(frozen=True)
class LiveResource:
    """A contact or rotation AWS lists, with the value of its owner tag (None: no tag).

    A contact also carries its plan-owner tag and its channel markers (``(uuid, owner)``).
    """

    arn: str
    owner: str | None = None
    plan_owner: str | None = None
    markers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class LiveChannel:
    """A channel AWS lists on one of the contacts the audit looked at (no address kept)."""

    arn: str
    contact: str
    name: str
    type: str


@dataclass(frozen=True)
class LiveAccount:
    """What AWS holds in one account and region, as the audit needs it."""

    contacts: tuple[LiveResource, ...] = ()
    rotations: tuple[LiveResource, ...] = ()
    channels: tuple[LiveChannel, ...] = ()
    channel_contacts: frozenset[str] = frozenset()
    """The contacts whose channels were listed (``channels`` are theirs)."""

    def marker_of(self, channel: str, contact: str) -> str | None:
        """The owner the contact's marker names for a channel, or None."""
        found = next((c for c in self.contacts if c.arn == contact), None)
        return dict(found.markers).get(channel_uuid(channel)) if found else None


@dataclass(frozen=True)
class Orphan:
    """A resource in AWS that belongs to this stack and that no resource in the export holds."""

    arn: str
    owner: str | None
    """What claims it for this stack (None: an unmarked channel on a contact of this stack)."""
    resource_name: str | None
    """The owning resource's name, when the claim names it readably (not ``sha256-...``)."""
    pending: str | None
    """The pending operation of the export for that resource (``creating``), if any."""


@dataclass(frozen=True)
class Drifted:
    """A resource of the export that AWS no longer has (or gives to another owner)."""

    urn: str
    arn: str
    reason: str = "gone"
    """``gone``, ``gone with its contact``, or ``owned by <owner>``."""


@dataclass(frozen=True)
class PendingFinding:
    """A pending operation of the export, with what AWS has for its resource."""

    operation: str
    urn: str
    type: str
    held_arn: str | None
    """The ARN a resource of the export with the same URN holds (the entry is then stale)."""
    existing: tuple[str, ...]
    """ARNs in AWS that are its resource: its ID, or an unheld resource claimed for it."""


@dataclass(frozen=True)
class TypeAudit:
    """The findings for one audited type."""

    kind: AuditedType
    held: int
    live: int
    orphans: tuple[Orphan, ...] = ()
    drift: tuple[Drifted, ...] = ()
    unmanaged: tuple[str, ...] = ()
    other_stacks: int = 0
    other_regions: int = 0


@dataclass(frozen=True)
class AuditReport:
    """Everything the audit found for one stack in one region."""

    project: str
    stack: str
    region: str
    types: tuple[TypeAudit, ...]
    pending: tuple[PendingFinding, ...] = field(default=())

    @property
    def orphans(self) -> list[tuple[AuditedType, Orphan]]:
        return [(t.kind, o) for t in self.types for o in t.orphans]

    @property
    def drift(self) -> list[tuple[AuditedType, Drifted]]:
        return [(t.kind, d) for t in self.types for d in t.drift]

    @property
    def unmanaged(self) -> list[tuple[AuditedType, str]]:
        return [(t.kind, arn) for t in self.types for arn in t.unmanaged]

    def failed(self, strict: bool = False) -> bool:
        """Orphans, drift or pending operations; with ``strict``, unmanaged resources too."""
        return bool(self.orphans or self.drift or self.pending or (strict and self.unmanaged))


def region_of(arn: str) -> str:
    """The region field of an ARN (``arn:aws:ssm-contacts:<region>:...``); "" if it has none."""
    parts = arn.split(":", 5)
    return parts[3] if len(parts) == 6 else ""


def channel_contacts(export: StackExport, contacts: Iterable[LiveResource]) -> set[str]:
    """The live contacts whose channels the audit lists: those this stack holds, owns or has
    marked a channel on, and those its channels and pending channel creates name."""
    here = (export.project, export.stack)
    named = {r.id for r in export.of_type(CONTACT.token) if r.id}
    named |= {str(r.props.get("contactId")) for r in export.of_type(CHANNEL.token)}
    named |= {str(op.resource.props.get("contactId")) for op in export.pending}
    return {
        c.arn
        for c in contacts
        if c.arn in named
        or _of(c.owner) == here
        or any(_of(owner) == here for _, owner in c.markers)
    }


def audit(
    export: StackExport,
    region: str,
    live: LiveAccount | Mapping[str, Iterable[LiveResource]],
) -> AuditReport:
    """Classify what AWS holds against what the export holds.

    ``live`` may also be ``{type token: [LiveResource]}`` for contacts and rotations only.
    """
    if not isinstance(live, LiveAccount):
        live = LiveAccount(
            contacts=tuple(live.get(CONTACT.token, ())),
            rotations=tuple(live.get(ROTATION.token, ())),
        )
    types = (
        _audit_tagged(export, region, CONTACT, live.contacts),
        _audit_channels(export, region, live),
        _audit_plans(export, region, live.contacts),
        _audit_tagged(export, region, ROTATION, live.rotations),
    )
    pending = tuple(
        _pending_finding(export, op.operation, op.resource, live) for op in export.pending
    )
    return AuditReport(export.project, export.stack, region, types, pending)


# -- contacts and rotations: the owner tag ------------------------------------------------


def _audit_tagged(
    export: StackExport, region: str, kind: AuditedType, live: Iterable[LiveResource]
) -> TypeAudit:
    held, here, other_regions = _held(export, kind, region)
    live = list(live)
    by_arn = {r.arn: r for r in live}
    pending = _pending_by_owner(export, kind)
    orphans: list[Orphan] = []
    unmanaged: list[str] = []
    other_stacks = 0
    for resource in live:
        if resource.arn in held:
            continue
        verdict = _claim(export, resource.owner)
        if verdict == "ours":
            orphans.append(_orphan(resource.arn, resource.owner, pending))
        elif verdict == "other":
            other_stacks += 1
        else:
            unmanaged.append(resource.arn)
    drift = []
    for r in here:
        found = by_arn.get(r.id)
        if found is None:
            drift.append(Drifted(r.urn, r.id))
        elif found.owner and r.owner and found.owner != r.owner:
            drift.append(Drifted(r.urn, r.id, f"owned by {found.owner}"))
    return TypeAudit(
        kind,
        len(here),
        len(live),
        tuple(orphans),
        tuple(drift),
        tuple(unmanaged),
        other_stacks,
        other_regions,
    )


# -- plans: the contact's plan-owner tag --------------------------------------------------


def _audit_plans(export: StackExport, region: str, contacts: Iterable[LiveResource]) -> TypeAudit:
    held, here, other_regions = _held(export, PLAN, region)
    contacts = list(contacts)
    by_arn = {c.arn: c for c in contacts}
    # A plan is held by a ContactPlan, or by a Contact that manages its own plan.
    claims = {
        (r.id, r.owner) for r in (*export.of_type(PLAN.token), *export.of_type(CONTACT.token))
    }
    pending = _pending_by_owner(export, PLAN)
    planned = [c for c in contacts if c.plan_owner]
    orphans: list[Orphan] = []
    unmanaged: list[str] = []
    other_stacks = 0
    for contact in planned:
        if (contact.arn, contact.plan_owner) in claims:
            continue
        verdict = _claim(export, contact.plan_owner)
        if verdict == "ours":
            orphans.append(_orphan(contact.arn, contact.plan_owner, pending))
        elif verdict == "other":
            other_stacks += 1
        elif contact.arn not in held:
            unmanaged.append(contact.arn)
    drift = []
    for r in here:
        found = by_arn.get(r.id)
        if found is None:
            drift.append(Drifted(r.urn, r.id, "gone with its contact"))
        elif found.plan_owner and r.owner and found.plan_owner != r.owner:
            drift.append(Drifted(r.urn, r.id, f"owned by {found.plan_owner}"))
    return TypeAudit(
        PLAN,
        len(here),
        len(planned),
        tuple(orphans),
        tuple(drift),
        tuple(unmanaged),
        other_stacks,
        other_regions,
    )


# -- channels: listed on the contacts that matter, the contact's marker -----------------


def _audit_channels(export: StackExport, region: str, live: LiveAccount) -> TypeAudit:
    held, here, other_regions = _held(export, CHANNEL, region)
    live_arns = {c.arn for c in live.channels}
    contact_arns = {c.arn for c in live.contacts}
    ours = {c.arn for c in live.contacts if _of(c.owner) == (export.project, export.stack)}
    ours |= {r.id for r in export.of_type(CONTACT.token) if r.id}
    pending = _pending_by_owner(export, CHANNEL)
    orphans: list[Orphan] = []
    unmanaged: list[str] = []
    other_stacks = 0
    for channel in live.channels:
        if channel.arn in held:
            continue
        marker = live.marker_of(channel.arn, channel.contact)
        verdict = _claim(export, marker) if marker else None
        creating = _pending_channel_create(export, channel)
        if verdict == "ours":
            orphans.append(_orphan(channel.arn, marker, pending))
        elif verdict == "other":
            other_stacks += 1
        elif creating is not None:
            orphans.append(_orphan(channel.arn, creating.owner, {creating.owner or "": "creating"}))
        elif channel.contact in ours:
            orphans.append(Orphan(channel.arn, None, None, None))
        else:
            unmanaged.append(channel.arn)
    drift = []
    for r in here:
        contact = r.props.get("contactId")
        marker = live.marker_of(r.id, str(contact))
        if contact not in contact_arns:
            drift.append(Drifted(r.urn, r.id, "gone with its contact"))
        elif r.id not in live_arns and contact in live.channel_contacts:
            drift.append(Drifted(r.urn, r.id))
        elif marker and r.owner and marker != r.owner:
            drift.append(Drifted(r.urn, r.id, f"owned by {marker}"))
    return TypeAudit(
        CHANNEL,
        len(here),
        len(live.channels),
        tuple(orphans),
        tuple(drift),
        tuple(unmanaged),
        other_stacks,
        other_regions,
    )


def _pending_channel_create(export: StackExport, channel: LiveChannel) -> StateResource | None:
    """The pending channel create whose contact, name and type are this channel's."""
    for op in export.pending:
        props = op.resource.props
        if (
            op.resource.type == CHANNEL.token
            and op.operation == "creating"
            and (props.get("contactId"), props.get("name"), props.get("type"))
            == (channel.contact, channel.name, channel.type)
        ):
            return op.resource
    return None


# -- pending operations -------------------------------------------------------------------


def _pending_finding(
    export: StackExport, operation: str, resource: StateResource, live: LiveAccount
) -> PendingFinding:
    held = next((r.id for r in export.resources if r.urn == resource.urn and r.id), None)
    held_of_type = {r.id for r in export.of_type(resource.type) if r.id}
    owner = resource.owner
    candidates: list[str] = []
    if resource.type in (CONTACT.token, ROTATION.token):
        listed = live.contacts if resource.type == CONTACT.token else live.rotations
        candidates = [r.arn for r in listed if r.arn == resource.id or (owner and r.owner == owner)]
    elif resource.type == PLAN.token:
        contact_id = resource.props.get("contactId")
        candidates = [
            c.arn
            for c in live.contacts
            if c.arn == resource.id or (owner and c.plan_owner == owner and c.arn == contact_id)
        ]
    elif resource.type == CHANNEL.token:
        candidates = [
            c.arn
            for c in live.channels
            if c.arn == resource.id
            or (owner and live.marker_of(c.arn, c.contact) == owner)
            or (
                operation == "creating"
                and (c.contact, c.name, c.type)
                == tuple(resource.props.get(k) for k in ("contactId", "name", "type"))
            )
        ]
    existing = tuple(
        dict.fromkeys(a for a in candidates if a == resource.id or a not in held_of_type)
    )
    return PendingFinding(operation, resource.urn, resource.type, held, existing)


# -- shared -------------------------------------------------------------------------------


def _held(
    export: StackExport, kind: AuditedType, region: str
) -> tuple[set[str], list[StateResource], int]:
    """The ARNs the export holds for a type, those in this region, and how many are not."""
    held = [r for r in export.of_type(kind.token) if r.id]
    here = [r for r in held if region_of(r.id) == region]
    return {r.id for r in held}, here, len(held) - len(here)


def _pending_by_owner(export: StackExport, kind: AuditedType) -> dict[str, str]:
    """``{recorded owner: pending operation}`` for the export's pending operations of a type."""
    return {
        op.resource.owner: op.operation
        for op in export.pending
        if op.resource.type == kind.token and op.resource.owner
    }


def _of(owner: str | None) -> tuple[str, str] | None:
    return stack_of(owner) if owner else None


def _claim(export: StackExport, owner: str | None) -> str | None:
    """``ours`` when an owner value names this export's stack, ``other`` another stack's,
    None when it names no stack."""
    owning = _of(owner)
    if owning is None:
        return None
    return "ours" if owning == (export.project, export.stack) else "other"


def _orphan(arn: str, owner: str | None, pending: Mapping[str, str]) -> Orphan:
    name = owner.split("/", 2)[-1] if owner else None
    readable = None if name is None or name.startswith("sha256-") else name
    return Orphan(arn, owner, readable, pending.get(owner or ""))
