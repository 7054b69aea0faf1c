"""Who owns an AWS resource: the owner tag that ties it to one Pulumi resource in one stack.

Every taggable resource this package creates carries the tag ``pulumi-ssm-contacts/owner``
whose value names its owner: ``<project>/<stack>/<resource name>``, or for a resource with a
parent (a component) ``<project>/<stack>/<parent type chain>::<resource name>``, the chain
being the parents' types from the outermost down joined by ``+``: what makes its URN unique
(Pulumi allows one name under two parents). The tag is written in the
same call that creates the resource, so a resource can never exist without it. It is what lets
a create that lost its response adopt its own contact on the next run, what makes a second
owner's create fail, and what ``audit`` uses to find the orphans of a killed deploy.
The owner is not secret: project, stack and resource names are in every URN.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

OWNER_TAG = "pulumi-ssm-contacts/owner"
"""Tag key (AWS tag keys allow ``/`` but not ``:``)."""

PLAN_OWNER_TAG = "pulumi-ssm-contacts/plan-owner"
"""On a contact: the one resource that manages its plan (a ContactPlan, or the Contact
itself when its program sets ``plan``)."""

RESERVED_PREFIX = "pulumi-ssm-contacts/"
"""Tag keys under this prefix are this package's; programs cannot set them."""

ROOT_STACK_TYPE = "pulumi:pulumi:Stack"
"""The type of a program's root resource: its children are top-level (URNs leave it out)."""

PARENT_SEPARATOR = "+"
"""Joins parent types in an owner (a URN joins them with ``$``, which tag values cannot hold)."""

OWNER_KEY = "owner"
"""Key of the owner in the property bag."""

_TAG_VALUE_MAX = 256


@functools.cache
def _tag_value_pattern() -> regex.Pattern[str]:
    """AWS's TagValue pattern (\\p{L}...: the regex package's, as ``re`` has no ``\\p``),
    imported with it on first use: a refresh or destroy never checks an owner's value."""
    import regex

    from .service_model import service_model

    return regex.compile(service_model().shape_for("TagValue").metadata["pattern"])


def owner_id(project: str, stack: str, resource_name: str, parents: Sequence[str] = ()) -> str:
    """The owner tag's value for a resource of a stack: readable where AWS's rules allow.

    ``parents`` are the types of the resource's parents, outermost first (not the root
    ``pulumi:pulumi:Stack``), as its URN holds them. A value that a tag value cannot hold
    (characters outside AWS's tag value pattern, or too long), and a top-level name with
    ``::`` (it would read as a child's), is replaced by ``sha256-`` and 32 hex digits of a
    digest: of the name alone at the top level (as earlier releases did), of the chain and
    the name, NUL-separated, under a parent.
    """
    if parents:
        readable = f"{project}/{stack}/{PARENT_SEPARATOR.join(parents)}::{resource_name}"
        seed = "\0".join(("", *parents, resource_name))
    else:
        readable = f"{project}/{stack}/{resource_name}"
        seed = resource_name
    fits = len(readable) <= _TAG_VALUE_MAX and _tag_value_pattern().fullmatch(readable)
    if fits and (parents or "::" not in resource_name):
        return readable
    digest = hashlib.sha256(seed.encode()).hexdigest()[:32]
    return f"{project}/{stack}/sha256-{digest}"


def parents_of_urn(urn: str) -> tuple[str, ...]:
    """The parent type chain a child of the resource ``urn`` has: ``urn``'s types, outermost
    first (``urn:pulumi:<stack>::<project>::<a$b>::<name>`` gives ``("a", "b")``); none for
    the root stack, whose children are top-level."""
    parts = urn.split("::", 3)
    if len(parts) != 4:
        raise ValueError(f"not a Pulumi URN: {urn!r}")
    types = tuple(parts[2].split("$"))
    return () if types == (ROOT_STACK_TYPE,) else types


def stack_of(owner: str) -> tuple[str, str] | None:
    """``(project, stack)`` of an owner value, or None if it is not one of ours."""
    parts = owner.split("/", 2)
    if len(parts) != 3 or not all(parts):
        return None
    return parts[0], parts[1]
