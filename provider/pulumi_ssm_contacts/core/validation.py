"""Preview-time validation every resource shares: the botocore model, tags, region, keys.

Every failure names the bag's property path (``plan.stages[0].targets[1]``) and the rule
it breaks, never the value: inputs may be secrets (a reason says at most a string's
length). Values unknown at preview are skipped; they are checked again when known,
before anything is created. Nothing is dropped silently: unknown keys and ``None``
where a value is needed are failures too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pulumi.output import Unknown
from pulumi.runtime.rpc import UNKNOWN

from . import bag as bags
from .ownership import OWNER_KEY, OWNER_TAG, RESERVED_PREFIX
from .regions import region_problem
from .service_model import (
    Violation,
    input_shape,
    service_model,
    unknown_members,
    validate_shape,
)

MAX_TAGS = 49
"""AWS allows 50 tags per resource; one is the owner tag (``ownership.OWNER_TAG``)."""

CONTACT_TYPE_HINT = "contactType"
"""What a ContactPlan's program knows of its contact: the Contact's ``type``. Check reads it
from the inputs to apply the type's plan rules; normalize drops it, so state never holds it."""

BOOKKEEPING_KEYS = ("arn", "__provider", OWNER_KEY, "importArn", CONTACT_TYPE_HINT)
"""Keys of a bag that are not the resource's own: outputs, the provider, owner, import, the
program's hint of a plan's contact type."""


@dataclass(frozen=True)
class Failure:
    """A property path of the bag and the rule its value breaks."""

    property: str
    reason: str

    def text(self) -> str:
        """``"<path>: <rule>"`` in the engine's camelCase form (a YAML or native front end's)."""
        return f"{self.property}: {self.reason}"

    def python_text(self) -> str:
        """``"<path>: <rule>"`` as a Python program wrote it: every property named in
        snake_case, in the path and in the rule (``plan.stages[0].duration_in_minutes``)."""
        said = self.reason.removeprefix("import_ ") if self.property == "importArn" else self.reason
        return f"{python_path(self.property)}: {python_words(said)}"


PYTHON_NAMES = {"importArn": "opts.import_"}
"""Bag keys a Python program does not write as their snake_case."""


def python_path(path: str) -> str:
    """A bag path as a Python program wrote it; map keys (tag keys, shift-coverage days)
    are the program's own and stay as they are."""
    maps = _map_properties()
    parts = path.split(".")
    out: list[str] = []
    index = 0
    while index < len(parts):
        name, bracket, rest = parts[index].partition("[")
        out.append(PYTHON_NAMES.get(name, bags.snake(name)) + bracket + rest)
        if name == "tags" and not bracket:
            out += parts[index + 1 :]  # a tag key may hold dots
            break
        if name in maps and not bracket and index + 1 < len(parts):
            index += 1
            out.append(parts[index])
        index += 1
    return ".".join(out)


_CAMEL_WORD = re.compile(r"\b[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+\b")


def python_words(text: str) -> str:
    """``text`` with every property name it mentions in snake_case (``handOffTime`` ->
    ``hand_off_time``); other words, enum values and patterns unchanged."""
    names = _property_names()
    return _CAMEL_WORD.sub(
        lambda found: (
            PYTHON_NAMES.get(found.group(0), bags.snake(found.group(0)))
            if found.group(0) in names
            else found.group(0)
        ),
        text,
    )


@functools.cache
def _property_names() -> frozenset[str]:
    """Every member name of the service model in bag form, and the bookkeeping keys."""
    from botocore.model import StructureShape

    model = service_model()
    names = set(BOOKKEEPING_KEYS)
    for shape_name in model.shape_names:
        shape = model.shape_for(shape_name)
        if isinstance(shape, StructureShape):
            names.update(bags.lower_first(member) for member in shape.members)
    return frozenset(names)


@functools.cache
def _map_properties() -> frozenset[str]:
    """Bag keys whose value is a map: the next path part is a key, not a property."""
    from botocore.model import MapShape, StructureShape

    model = service_model()
    found = {"tags"}
    for shape_name in model.shape_names:
        shape = model.shape_for(shape_name)
        if isinstance(shape, StructureShape):
            found.update(
                bags.lower_first(name)
                for name, member in shape.members.items()
                if isinstance(member, MapShape)
            )
    return frozenset(found)


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


UNKNOWN_MEMBER = "Unknown member, must be one of: "


def reason(violation: Violation) -> str:
    """The rule, and for a string its length: never the value itself (it may be secret).
    Members are named as the bag names them (``dayOfWeek``), not as the API does."""
    rule = violation.rule.removeprefix("Member ")
    if rule.startswith(UNKNOWN_MEMBER):
        members = rule.removeprefix(UNKNOWN_MEMBER).split(", ")
        return UNKNOWN_MEMBER + ", ".join(bags.lower_first(m) for m in members)
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
