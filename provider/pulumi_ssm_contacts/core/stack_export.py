"""What a ``pulumi stack export`` says about a stack: its name, resources and pending operations.

Only the parts the operator commands need are read: ``deployment.resources[]`` (``urn``,
``type``, ``id``, ``outputs``) and ``deployment.pending_operations[]`` (``resource`` with its
``inputs``, ``type``).
Project and stack come from the URNs, ``urn:pulumi:<stack>::<project>::<type>::<name>``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .ownership import OWNER_KEY


class ExportError(ValueError):
    """The input is not a stack export this package can read; the message says why."""


@dataclass(frozen=True)
class StateResource:
    """One resource in the export (``id`` is empty for a pending create)."""

    urn: str
    type: str
    name: str
    id: str
    owner: str | None
    """The ``owner`` key of its outputs (inputs for a pending operation); older states lack it."""
    props: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """Its outputs (inputs for a pending operation), secrets still encrypted: the audit
    reads only names and ARNs from them (a channel's ``contactId``, ``name``, ``type``)."""


@dataclass(frozen=True)
class PendingOperation:
    """An operation the engine began and never saw end (``creating``, ``updating``...)."""

    operation: str
    resource: StateResource


@dataclass(frozen=True)
class StackExport:
    """The project and stack an export belongs to, its resources and its pending operations."""

    project: str
    stack: str
    resources: tuple[StateResource, ...]
    pending: tuple[PendingOperation, ...]

    def of_type(self, token: str) -> list[StateResource]:
        """The resources of one type token, in export order."""
        return [r for r in self.resources if r.type == token]


def parse_urn(urn: str) -> tuple[str, str, str, str]:
    """``(stack, project, type, name)`` of a URN; the type of a child is its last segment."""
    head, sep, rest = urn.partition("::")
    parts = rest.split("::", 2)
    if not head.startswith("urn:pulumi:") or not sep or len(parts) != 3:
        raise ExportError(f"not a Pulumi URN: {urn!r}.")
    project, qualified_type, name = parts
    return head.removeprefix("urn:pulumi:"), project, qualified_type.rsplit("$", 1)[-1], name


def read_export(text: str) -> StackExport:
    """Parse the JSON of ``pulumi stack export``; ExportError when it is not one."""
    if not text.strip():
        raise ExportError("the input is empty; is it the output of `pulumi stack export`?")
    try:
        document = json.loads(text)
    except ValueError as error:
        raise ExportError(f"the input is not JSON ({error}).") from None
    deployment = document.get("deployment") if isinstance(document, dict) else None
    if not isinstance(deployment, dict):
        raise ExportError("the input has no `deployment` object: is it `pulumi stack export`?")
    resources = tuple(_resource(r, "outputs") for r in deployment.get("resources") or [])
    pending = tuple(
        PendingOperation(str(op.get("type", "")), _resource(op.get("resource") or {}, "inputs"))
        for op in deployment.get("pending_operations") or []
    )
    stacks = {parse_urn(r.urn)[:2] for r in (*resources, *(p.resource for p in pending))}
    if not stacks:
        raise ExportError(
            "the export holds no resources, so it names no project and stack (a stack that was "
            "never deployed has nothing to audit)."
        )
    if len(stacks) > 1:
        names = ", ".join(sorted(f"{project}/{stack}" for stack, project in stacks))
        raise ExportError(f"the export mixes resources of several stacks ({names}).")
    ((stack, project),) = stacks
    return StackExport(project, stack, resources, pending)


def _resource(raw: Mapping[str, Any], properties: str) -> StateResource:
    urn = raw.get("urn")
    if not isinstance(urn, str):
        raise ExportError(f"a resource of the export has no URN: {dict(raw)!r:.200}.")
    _, _, qualified_type, name = parse_urn(urn)
    props = raw.get(properties)
    props = props if isinstance(props, dict) else {}
    owner = props.get(OWNER_KEY)
    return StateResource(
        urn=urn,
        type=str(raw.get("type") or qualified_type),
        name=name,
        id=str(raw.get("id") or ""),
        owner=owner if isinstance(owner, str) and owner else None,
        props=props,
    )
