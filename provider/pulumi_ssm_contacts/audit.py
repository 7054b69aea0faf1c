"""Audit a stack against AWS: orphans, drift, pending operations and unmanaged resources.

Pure classification: a stack export (stack_export.py) and the resources AWS lists in one
account and region go in, an ``AuditReport`` comes out; audit_aws.py does the listing and
audit_command.py the command line. The audited resource types are rows of ``AUDITED_TYPES``.

- orphan: in AWS, its owner tag (ownership.py) names this export's project and stack, and no
  resource of the export holds its ARN (typically left by a killed deploy);
- drift: an ARN the export holds (in this region) that AWS no longer has;
- pending: an operation the export says began and never ended, with what AWS has for it;
- unmanaged (informational): no owner tag and not held; owned by another stack: only counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .ownership import owner_id, stack_of
from .stack_export import StackExport, StateResource


@dataclass(frozen=True)
class AuditedType:
    """One resource type of this package: its type token in state and how AWS lists it."""

    token: str
    noun: str
    list_operation: str
    """boto3 paginator (``list_contacts``) whose pages list every resource of the type."""
    list_key: str
    arn_key: str
    delete_command: str
    """The AWS CLI command that deletes one, with ``{arn}`` for its ARN."""


AUDITED_TYPES: tuple[AuditedType, ...] = (
    AuditedType(
        token="pulumi-python:dynamic/ssm-contacts:Contact",
        noun="contact",
        list_operation="list_contacts",
        list_key="Contacts",
        arn_key="ContactArn",
        delete_command="aws ssm-contacts delete-contact --contact-id {arn}",
    ),
)


@dataclass(frozen=True)
class LiveResource:
    """A resource AWS lists, with the value of its owner tag (None: no tag, or not read).

    Tags are only read for resources the export does not hold: a held one is never an orphan.
    """

    arn: str
    owner: str | None = None


@dataclass(frozen=True)
class Orphan:
    """A resource this stack's owner tag claims that no resource in the export holds."""

    arn: str
    owner: str
    resource_name: str | None
    """The owning resource's name, when the tag names it readably (not ``sha256-...``)."""
    pending: str | None
    """The pending operation of the export for that resource (``creating``), if any."""


@dataclass(frozen=True)
class Drifted:
    """A resource of the export whose ARN AWS no longer has."""

    urn: str
    arn: str


@dataclass(frozen=True)
class PendingFinding:
    """A pending operation of the export, with what AWS has for its resource."""

    operation: str
    urn: str
    type: str
    held_arn: str | None
    """The ARN a resource of the export with the same URN holds (the entry is then stale)."""
    existing: tuple[str, ...]
    """ARNs in AWS that are its resource: its ID, or an unheld resource its owner tag names."""


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


def audit(
    export: StackExport,
    region: str,
    live: Mapping[str, Iterable[LiveResource]],
    types: Iterable[AuditedType] = AUDITED_TYPES,
) -> AuditReport:
    """Classify what AWS lists (``live``, by type token) against what the export holds."""
    listed = {token: list(resources) for token, resources in live.items()}
    type_audits = tuple(
        _audit_type(export, region, kind, listed.get(kind.token, [])) for kind in types
    )
    pending = tuple(
        _pending_finding(export, op.operation, op.resource, listed.get(op.resource.type, []))
        for op in export.pending
    )
    return AuditReport(export.project, export.stack, region, type_audits, pending)


def expected_owner(export: StackExport, resource: StateResource) -> str:
    """The owner tag value of a resource of the export: its recorded ``owner`` or the rule's."""
    return resource.owner or owner_id(export.project, export.stack, resource.name)


def _audit_type(
    export: StackExport, region: str, kind: AuditedType, live: list[LiveResource]
) -> TypeAudit:
    held = [r for r in export.of_type(kind.token) if r.id]
    here = [r for r in held if region_of(r.id) == region]
    held_arns = {r.id for r in held}
    live_arns = {r.arn for r in live}
    pending_by_owner = {
        expected_owner(export, op.resource): op.operation
        for op in export.pending
        if op.resource.type == kind.token
    }
    orphans: list[Orphan] = []
    unmanaged: list[str] = []
    other_stacks = 0
    for resource in live:
        if resource.arn in held_arns:
            continue
        owner = resource.owner
        owning_stack = stack_of(owner) if owner else None
        if owner is None or owning_stack is None:
            unmanaged.append(resource.arn)
        elif owning_stack != (export.project, export.stack):
            other_stacks += 1
        else:
            name = _resource_name(owner)
            orphans.append(Orphan(resource.arn, owner, name, pending_by_owner.get(owner)))
    return TypeAudit(
        kind=kind,
        held=len(here),
        live=len(live),
        orphans=tuple(orphans),
        drift=tuple(Drifted(r.urn, r.id) for r in here if r.id not in live_arns),
        unmanaged=tuple(unmanaged),
        other_stacks=other_stacks,
        other_regions=len(held) - len(here),
    )


def _pending_finding(
    export: StackExport, operation: str, resource: StateResource, live: Iterable[LiveResource]
) -> PendingFinding:
    held = next((r.id for r in export.resources if r.urn == resource.urn and r.id), None)
    owner = expected_owner(export, resource)
    existing = tuple(
        r.arn for r in live if r.arn == resource.id or (r.owner == owner and r.arn != held)
    )
    return PendingFinding(operation, resource.urn, resource.type, held, existing)


def _resource_name(owner: str) -> str | None:
    name = owner.split("/", 2)[-1]
    return None if name.startswith("sha256-") else name
