"""Preview-time validation every resource shares: the botocore model, tags, region, keys.

Every failure names the bag's property path (``plan.stages[0].targets[1]``) and the rule
it breaks, never the value: inputs may be secrets (a reason says at most a string's
length). Values unknown at preview are skipped; they are checked again when known,
before anything is created. Nothing is dropped silently: unknown keys and ``None``
where a value is needed are failures too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pulumi.output import Unknown
from pulumi.runtime.rpc import UNKNOWN

from .ownership import OWNER_KEY, OWNER_TAG, RESERVED_PREFIX
from .regions import region_problem
from .service_model import Violation, input_shape, unknown_members, validate_shape

MAX_TAGS = 49
"""AWS allows 50 tags per resource; one is the owner tag (``ownership.OWNER_TAG``)."""

BOOKKEEPING_KEYS = ("arn", "__provider", OWNER_KEY, "importArn")
"""Keys of a bag that are not the resource's own: outputs, the provider, owner, import."""


@dataclass(frozen=True)
class Failure:
    """A property path of the bag and the rule its value breaks."""

    property: str
    reason: str

    def text(self) -> str:
        """``"<path>: <rule>"``, how a check failure reads."""
        return f"{self.property}: {self.reason}"


def is_unknown(value: Any) -> bool:
    """Unknown at preview: the UNKNOWN sentinel, or another resource's unknown output."""
    return isinstance(value, Unknown) or (isinstance(value, str) and value == UNKNOWN)


def contains_unknown(value: Any) -> bool:
    """Whether ``value`` or anything inside it is unknown at preview."""
    if is_unknown(value):
        return True
    if isinstance(value, Mapping):
        return any(contains_unknown(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(contains_unknown(v) for v in value)
    return False


def reason(violation: Violation) -> str:
    """The rule, and for a string its length: never the value itself (it may be secret)."""
    rule = violation.rule.removeprefix("Member ")
    if isinstance(violation.value, str) and ("length" in rule or "pattern" in rule):
        return f"{rule} (got a string of {len(violation.value)} characters)"
    return rule


def model_failures(operation: str, request: Mapping[str, Any]) -> list[Failure]:
    """Failures of an operation's input shape: constraints and members it does not know."""
    shape = input_shape(operation)
    violations = validate_shape(shape, request) + unknown_members(shape, request)
    return [
        Failure(v.dotted(lower_first=True), reason(v))
        for v in violations
        if not contains_unknown(v.value)
    ]


def unknown_keys(news: Mapping[str, Any], type_name: str, inputs: Iterable[str]) -> list[Failure]:
    """Top-level keys that are neither inputs nor bookkeeping (nothing is dropped silently)."""
    names = tuple(inputs)
    allowed = set(names) | set(BOOKKEEPING_KEYS)
    return [
        Failure(str(key), f"is not an input of {type_name} (inputs: {', '.join(names)})")
        for key in news
        if key not in allowed
    ]


def tag_failures(tags: Any, operation: str) -> list[Failure]:
    """The tag map's rules: AWS's key and value shapes, the limit, no owner tag, no None."""
    if tags is None or is_unknown(tags):
        return []
    if not isinstance(tags, Mapping):
        return [Failure("tags", "must be a map of strings to strings")]
    failures = []
    if len(tags) > MAX_TAGS:
        failures.append(
            Failure(
                "tags",
                f"must have at most {MAX_TAGS} tags (got {len(tags)}): AWS allows 50 per "
                f"resource and one is the owner tag {OWNER_TAG}",
            )
        )
    from botocore.model import ListShape, StructureShape  # loaded by input_shape already

    tags_shape = input_shape(operation).members["Tags"]
    assert isinstance(tags_shape, ListShape)
    tag = tags_shape.member
    assert isinstance(tag, StructureShape)
    for position, (key, value) in enumerate(tags.items()):
        key_violations = validate_shape(tag.members["Key"], key)
        for violation in key_violations:
            failures.append(Failure("tags", f"key #{position + 1}: {reason(violation)}"))
        # A key that breaks the key rules is not shown: it may be part of a secret map.
        name = f"tags.{key}" if not key_violations else f"tags (key #{position + 1})"
        if isinstance(key, str) and key.startswith(RESERVED_PREFIX):
            failures.append(
                Failure(name, f"is reserved: this package sets {RESERVED_PREFIX}* tags")
            )
        if value is None:
            failures.append(Failure(name, "must be a string (remove the key to drop the tag)"))
        elif not is_unknown(value):
            failures.extend(
                Failure(name, reason(v)) for v in validate_shape(tag.members["Value"], value)
            )
    return failures


def region_failures(region: Any) -> list[Failure]:
    """A region must be a string naming a region that serves ssm-contacts."""
    if region is None or is_unknown(region):
        return []
    if not isinstance(region, str):
        return [Failure("region", "must be a string such as 'us-east-2'")]
    problem = region_problem(region)
    return [Failure("region", problem)] if problem else []


def member_failures(
    key: str, value: Any, operation: str, member: str, prefix: str = ""
) -> list[Failure]:
    """Failures of one bag value against one member of an operation (e.g. an import ARN)."""
    if value is None or contains_unknown(value):
        return []
    shape = input_shape(operation).members[member]
    return [Failure(key, f"{prefix}{reason(v)}") for v in validate_shape(shape, value)]


def owner_failures(owner: Any) -> list[Failure]:
    """The owner is a string set by the resource class."""
    if owner is None or is_unknown(owner) or isinstance(owner, str):
        return []
    return [Failure(OWNER_KEY, "must be a string (set by the resource class)")]
