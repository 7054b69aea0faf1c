"""The audit's two outputs: text that says what to do about each finding, and JSON for pipelines.

JSON (``--json``), one object; every list item names its resource ``type`` token (Contact,
ContactChannel, ContactPlan, Rotation; a plan's ARN is its contact's):

- ``project``, ``stack``, ``region``, ``clean`` (no orphans, drift or pending operations, nor
  with ``--strict`` unmanaged resources: exit status 0) and
  ``counts`` (``orphans``, ``drift``, ``pending_operations``, ``unmanaged``, ``other_stacks``);
- ``orphans[]``: ``arn``, ``owner`` (null for an unmarked channel on a contact of this stack),
  ``resource_name`` (null when the claim holds a digest, or there is none), ``pending`` (the
  export's pending operation for it, or null), ``delete_command``;
- ``drift[]``: ``urn``, ``arn``, ``reason`` (``gone``, ``gone with its contact``,
  ``owned by <owner>``);
- ``pending_operations[]``: ``operation``, ``urn``, ``held_arn``, ``existing[]``;
- ``unmanaged[]``: ``arn``;
- ``types[]``: per audited type, ``held`` (in this region), ``live`` (channels: on the
  contacts audited; plans: contacts with a plan-owner tag), ``other_stacks``,
  ``other_regions`` (held resources in other regions, not audited).
"""

from __future__ import annotations

from typing import Any

from .findings import CHANNEL, PLAN, AuditedType, AuditReport, Orphan, TypeAudit


def to_json(report: AuditReport, strict: bool = False) -> dict[str, Any]:
    """The report as the JSON object described above."""
    return {
        "project": report.project,
        "stack": report.stack,
        "region": report.region,
        "clean": not report.failed(strict),
        "counts": {
            "orphans": len(report.orphans),
            "drift": len(report.drift),
            "pending_operations": len(report.pending),
            "unmanaged": len(report.unmanaged),
            "other_stacks": sum(t.other_stacks for t in report.types),
        },
        "orphans": [
            {
                "type": kind.token,
                "arn": o.arn,
                "owner": o.owner,
                "resource_name": o.resource_name,
                "pending": o.pending,
                "delete_command": kind.delete_command.format(arn=o.arn),
            }
            for kind, o in report.orphans
        ],
        "drift": [
            {"type": kind.token, "urn": d.urn, "arn": d.arn, "reason": d.reason}
            for kind, d in report.drift
        ],
        "pending_operations": [
            {
                "type": p.type,
                "operation": p.operation,
                "urn": p.urn,
                "held_arn": p.held_arn,
                "existing": list(p.existing),
            }
            for p in report.pending
        ],
        "unmanaged": [{"type": kind.token, "arn": arn} for kind, arn in report.unmanaged],
        "types": [
            {
                "type": t.kind.token,
                "held": t.held,
                "live": t.live,
                "other_stacks": t.other_stacks,
                "other_regions": t.other_regions,
            }
            for t in report.types
        ],
    }


def to_text(report: AuditReport, strict: bool = False) -> str:
    """The report for a person: each finding with the commands that resolve it."""
    lines = [f"Audit of stack {report.project}/{report.stack} in {report.region}"]
    for t in report.types:
        lines.append(_count_line(t))
    if report.pending:
        lines += ["", f"Pending operations ({len(report.pending)}): begun, never seen to end"]
        for p in report.pending:
            lines += _pending_lines(p.operation, p.urn, p.held_arn, p.existing)
        lines += [
            "  To clear them: `pulumi cancel` if the stack is still locked, then",
            "  `pulumi refresh --clear-pending-creates` and `pulumi up` (docs/recovery.md).",
        ]
    if report.orphans:
        count = len(report.orphans)
        lines += ["", f"Orphans ({count}): this stack's, held by no resource of its state"]
        for kind, orphan in report.orphans:
            lines += _orphan_lines(kind, orphan)
    if report.drift:
        lines += ["", f"Drift ({len(report.drift)}): in the state, no longer in AWS"]
        lines += [
            f"  {kind.noun} {drifted.arn}  ({drifted.urn}): {drifted.reason}"
            for kind, drifted in report.drift
        ]
        lines.append(
            "  To resolve: `pulumi refresh` drops them from the state; "
            "the next `pulumi up` creates them again."
        )
    if report.unmanaged:
        count = len(report.unmanaged)
        lines += ["", f"Unmanaged ({count}, informational): claimed by no stack, not in this state"]
        lines += [f"  {arn}" for _, arn in report.unmanaged]
    others = sum(t.other_stacks for t in report.types)
    if others:
        lines += ["", f"Owned by other stacks: {others} (not listed)"]
    lines += ["", _verdict(report, strict)]
    return "\n".join(lines)


def _pending_lines(
    operation: str, urn: str, held_arn: str | None, existing: tuple[str, ...]
) -> list[str]:
    if held_arn:
        seen = f"already held by the state as {held_arn}: the entry is stale"
    elif existing:
        seen = "exists in AWS: " + ", ".join(existing)
    else:
        seen = "nothing in AWS"
    return [f"  {operation} {urn}", f"    {seen}"]


def _count_line(t: TypeAudit) -> str:
    elsewhere = f" ({t.other_regions} more in other regions)" if t.other_regions else ""
    if t.kind is CHANNEL:
        live = f"{t.live} on the contacts audited"
    elif t.kind is PLAN:
        live = f"{t.live} contact(s) with a plan-owner tag"
    else:
        live = f"{t.live} in AWS"
    return f"  {t.kind.noun}s: {t.held} in the state{elsewhere}, {live}"


def _orphan_lines(kind: AuditedType, orphan: Orphan) -> list[str]:
    if orphan.owner is None:
        return [
            f"  {kind.noun} {orphan.arn}  on a contact of this stack, with no marker",
            "    made by a deploy killed before it marked the contact, by a release before",
            "      markers, or by hand. A killed deploy's: run `pulumi up` again, the resource",
            "      that made it takes it back (its idempotency token). Otherwise add",
            f'      opts=pulumi.ResourceOptions(import_="{orphan.arn}") to the ContactChannel',
            "      that should hold it, run `pulumi up`, then remove the option.",
            f"    delete: {kind.delete_command.format(arn=orphan.arn)}",
        ]
    name = f'"{orphan.resource_name}"' if orphan.resource_name else f"owned as {orphan.owner}"
    lines = [f"  {kind.noun} {orphan.arn}  owner {orphan.owner}"]
    if orphan.pending:
        lines.append(f"    (the export has a pending {orphan.pending} operation for it)")
    how = {
        "contact": "adopts the contact its own owner tag names",
        "rotation": "is answered with this rotation (its idempotency token) and adopts it",
        "channel": "is answered with this channel (its idempotency token) and adopts it",
        "plan": "claims this contact's plan again (its plan-owner tag names the resource)",
    }[kind.noun]
    lines += [
        "    adopt: after a killed deploy, run `pulumi up` again: the create of the resource",
        f"      {name} {how}. Otherwise add",
        f'      opts=pulumi.ResourceOptions(import_="{orphan.arn}")',
        f"      to the resource {name}, run `pulumi up`, then remove the option.",
        f"    delete: {kind.delete_command.format(arn=orphan.arn)}",
    ]
    return lines


def _verdict(report: AuditReport, strict: bool) -> str:
    found = [
        f"{len(report.orphans)} orphan(s)" if report.orphans else "",
        f"{len(report.drift)} drifted" if report.drift else "",
        f"{len(report.pending)} pending operation(s)" if report.pending else "",
        f"{len(report.unmanaged)} unmanaged (--strict)" if strict and report.unmanaged else "",
    ]
    found = [f for f in found if f]
    if not found:
        return "Clean: the state and AWS agree."
    return "Found " + ", ".join(found) + "."
