"""The ssm-contacts service model from botocore: shapes, constraints and their checks.

Validation is derived from the model (required members, enums, lengths, patterns,
ranges) rather than copied from it, so it follows botocore as AWS evolves the API.
The same checks serve the provider's ``check`` hook and the emulator's
``ValidationException`` answers.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import regex
    from botocore.model import OperationModel, ServiceModel, Shape, StructureShape

# botocore's model and session load with the model, and regex with the first pattern, not
# with this module: a Pulumi program imports the resources (and so this) but never
# validates; the provider process does.

SERVICE_NAME = "ssm-contacts"


class MapKey(str):
    """A map's key in a violation's path (``MON``): the program's own, never renamed."""


def _map_key(key: Any) -> Any:
    return MapKey(key) if isinstance(key, str) else key


@dataclass(frozen=True)
class Violation:
    """One broken rule: where (API member path) and what (AWS's constraint wording)."""

    path: tuple[str | int, ...]
    """Member names and list indexes from the request root, e.g. ``("Plan", "Stages", 0)``."""
    rule: str
    """The constraint, worded as AWS words it: ``Member must have length ...``."""
    value: Any = None

    def dotted(self, *, lower_first: bool = False) -> str:
        """The path as ``Plan.Stages[0].Targets`` (or ``plan.stages[0].targets``)."""
        out = ""
        for part in self.path:
            if isinstance(part, int):
                out += f"[{part}]"
            else:
                lower = lower_first and not isinstance(part, MapKey)
                name = part[:1].lower() + part[1:] if lower else part
                out += f".{name}" if out else name
        return out

    def aws_path(self) -> str:
        """The path as AWS writes it in a ValidationException: ``plan.stages.1.member.x``."""
        parts: list[str] = []
        for part in self.path:
            if isinstance(part, int):
                parts.append(f"{part + 1}.member")
            else:
                parts.append(part[:1].lower() + part[1:])
        return ".".join(parts)


@functools.lru_cache(maxsize=1)
def service_model() -> ServiceModel:
    """The botocore model of ssm-contacts (loaded once)."""
    import botocore.session

    return botocore.session.get_session().get_service_model(SERVICE_NAME)


def operation(name: str) -> OperationModel:
    """The model of one operation, by its API name (``CreateContact``)."""
    return service_model().operation_model(name)


def input_shape(name: str) -> StructureShape:
    """The input structure of an operation (every ssm-contacts operation has one)."""
    from botocore.model import StructureShape

    shape = operation(name).input_shape
    if not isinstance(shape, StructureShape):
        raise LookupError(f"{name} has no input shape")
    return shape


@functools.cache
def _compiled(pattern: str) -> regex.Pattern[str]:
    """A model pattern, compiled by the regex package (AWS's use ``\\p{L}``, which ``re``
    lacks), imported on the first check: a refresh or a destroy checks nothing."""
    import regex

    return regex.compile(pattern)


def _type_rule(shape: Shape) -> str | None:
    """The rule a value of the wrong Python type breaks, if the shape has one."""
    return {
        "string": "Member must be a string",
        "integer": "Member must be an integer",
        "long": "Member must be an integer",
        "boolean": "Member must be a boolean",
        "structure": "Member must be an object",
        "list": "Member must be a list",
        "map": "Member must be a map",
    }.get(shape.type_name)


def _type_ok(shape: Shape, value: Any) -> bool:
    kind = shape.type_name
    if kind == "string":
        return isinstance(value, str)
    if kind in ("integer", "long"):
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "structure":
        return isinstance(value, Mapping)
    if kind == "list":
        return isinstance(value, (list, tuple))
    if kind == "map":
        return isinstance(value, Mapping)
    return True


def _scalar_violations(shape: Shape, value: Any) -> list[str]:
    meta = shape.metadata
    rules: list[str] = []
    if shape.type_name == "string":
        enum = meta.get("enum")
        if enum and value not in enum:
            rules.append(f"Member must satisfy enum value set: [{', '.join(enum)}]")
        if "min" in meta and len(value) < meta["min"]:
            rules.append(f"Member must have length greater than or equal to {meta['min']}")
        if "max" in meta and len(value) > meta["max"]:
            rules.append(f"Member must have length less than or equal to {meta['max']}")
        pattern = meta.get("pattern")
        if pattern and not _compiled(pattern).fullmatch(value):
            rules.append(f"Member must satisfy regular expression pattern: {pattern}")
    elif shape.type_name in ("integer", "long"):
        if "min" in meta and value < meta["min"]:
            rules.append(f"Member must have value greater than or equal to {meta['min']}")
        if "max" in meta and value > meta["max"]:
            rules.append(f"Member must have value less than or equal to {meta['max']}")
    elif shape.type_name in ("list", "map"):
        if "min" in meta and len(value) < meta["min"]:
            rules.append(f"Member must have length greater than or equal to {meta['min']}")
        if "max" in meta and len(value) > meta["max"]:
            rules.append(f"Member must have length less than or equal to {meta['max']}")
    return rules


def validate_shape(shape: Shape, value: Any, path: tuple[str | int, ...] = ()) -> list[Violation]:
    """Every rule of ``shape`` that ``value`` breaks, depth first, in member order."""
    from botocore.model import ListShape, MapShape, StructureShape

    if not _type_ok(shape, value):
        return [Violation(path, _type_rule(shape) or "Member has the wrong type", value)]
    found = [Violation(path, rule, value) for rule in _scalar_violations(shape, value)]
    if isinstance(shape, StructureShape):
        for name in shape.required_members:
            if value.get(name) is None:
                found.append(Violation((*path, name), "Member must not be null"))
        for name, member in shape.members.items():
            if value.get(name) is not None:
                found.extend(validate_shape(member, value[name], (*path, name)))
    elif isinstance(shape, ListShape):
        for index, item in enumerate(value):
            found.extend(validate_shape(shape.member, item, (*path, index)))
    elif isinstance(shape, MapShape):
        for key, item in value.items():
            found.extend(validate_shape(shape.key, key, path))
            found.extend(validate_shape(shape.value, item, (*path, _map_key(key))))
    return found


def unknown_members(shape: Shape, value: Any, path: tuple[str | int, ...] = ()) -> list[Violation]:
    """Members of ``value`` that ``shape`` does not have, at any depth (botocore's
    ``Unknown parameter`` rule); the violation names the member, never its value."""
    from botocore.model import ListShape, MapShape, StructureShape

    found: list[Violation] = []
    if isinstance(shape, StructureShape) and isinstance(value, Mapping):
        for name, item in value.items():
            member = shape.members.get(name)
            if member is None:
                allowed = ", ".join(shape.members)
                found.append(Violation((*path, name), f"Unknown member, must be one of: {allowed}"))
            else:
                found.extend(unknown_members(member, item, (*path, name)))
    elif isinstance(shape, ListShape) and isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            found.extend(unknown_members(shape.member, item, (*path, index)))
    elif isinstance(shape, MapShape) and isinstance(value, Mapping):
        for key, item in value.items():
            found.extend(unknown_members(shape.value, item, (*path, _map_key(key))))
    return found


def validate_input(operation_name: str, params: Mapping[str, Any]) -> list[Violation]:
    """Every rule of the operation's input shape that ``params`` breaks."""
    shape = operation(operation_name).input_shape
    return validate_shape(shape, params) if shape is not None else []


def validate_output(operation_name: str, result: Mapping[str, Any]) -> list[Violation]:
    """Every rule of the operation's output shape that ``result`` breaks (for tests)."""
    shape = operation(operation_name).output_shape
    if shape is None:
        return [] if not result else [Violation((), "Operation has no output shape", result)]
    found = validate_shape(shape, result)
    unknown = set(result) - set(shape.members) - {"ResponseMetadata"}
    found.extend(Violation((name,), "Member is not in the output shape") for name in unknown)
    return found


def aws_validation_message(violations: list[Violation]) -> str:
    """A ValidationException message in AWS's wording (``1 validation error detected: ...``)."""
    count = len(violations)
    noun = "error" if count == 1 else "errors"
    details = "; ".join(
        f"Value {_show(v.value)} at '{v.aws_path()}' failed to satisfy constraint: {v.rule}"
        for v in violations
    )
    return f"{count} validation {noun} detected: {details}"


def _show(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return f"'{value}'"
    return f"'{value!r}'" if not isinstance(value, (list, dict)) else "'[...]'"
