"""Who owns an AWS resource: the owner tag that ties it to one Pulumi resource in one stack.

Every taggable resource this package creates carries the tag ``pulumi-ssm-contacts/owner``
whose value names its owner: ``<project>/<stack>/<resource name>``. The tag is written in the
same call that creates the resource, so a resource can never exist without it. It is what lets
a create that lost its response adopt its own contact on the next run, what makes a second
owner's create fail, and what ``audit`` uses to find the orphans of a killed deploy.
The owner is not secret: project, stack and resource names are in every URN.
"""

from __future__ import annotations

import functools
import hashlib

import regex

OWNER_TAG = "pulumi-ssm-contacts/owner"
"""Tag key (AWS tag keys allow ``/`` but not ``:``)."""

PLAN_OWNER_TAG = "pulumi-ssm-contacts/plan-owner"
"""On a contact: the one resource that manages its plan (a ContactPlan, or the Contact
itself when its program sets ``plan``)."""

RESERVED_PREFIX = "pulumi-ssm-contacts/"
"""Tag keys under this prefix are this package's; programs cannot set them."""

OWNER_KEY = "owner"
"""Key of the owner in the property bag."""

_TAG_VALUE_MAX = 256


@functools.cache
def _tag_value_pattern() -> regex.Pattern[str]:
    from .service_model import service_model

    return regex.compile(service_model().shape_for("TagValue").metadata["pattern"])


def owner_id(project: str, stack: str, resource_name: str) -> str:
    """The owner tag's value for a resource of a stack: readable where AWS's rules allow.

    A resource name that a tag value cannot hold (characters outside AWS's tag value
    pattern, or too long) is replaced by ``sha256-`` and 32 hex digits of its digest.
    """
    readable = f"{project}/{stack}/{resource_name}"
    if len(readable) <= _TAG_VALUE_MAX and _tag_value_pattern().fullmatch(readable):
        return readable
    digest = hashlib.sha256(resource_name.encode()).hexdigest()[:32]
    return f"{project}/{stack}/sha256-{digest}"


def stack_of(owner: str) -> tuple[str, str] | None:
    """``(project, stack)`` of an owner value, or None if it is not one of ours."""
    parts = owner.split("/", 2)
    if len(parts) != 3 or not all(parts):
        return None
    return parts[0], parts[1]
