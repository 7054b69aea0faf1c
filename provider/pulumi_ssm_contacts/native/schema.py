"""The ``ssm-contacts`` Pulumi package schema, generated from the resource definitions.

Each engine (resources/*.py) says which keys it has, which replace, which are secret and
which botocore operation member each key is (``input_members``, ``output_members``); the
types, descriptions, enums, required members and nested object types come from
botocore's ssm-contacts model. Nothing here is kept by hand but the Pulumi names of the
nested types (:data:`TYPE_NAMES`, as pulumi-aws names them for ``aws.ssmcontacts``), the
package's own settings (``region``, ``profile``) and the lookups' arguments.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..core.bag import lower_first
from ..core.engine import Engine
from ..core.service_model import operation, service_model
from ..resources.contact import ContactEngine
from ..resources.contact_channel import ContactChannelEngine
from ..resources.contact_plan import ContactPlanEngine
from ..resources.rotation import RotationEngine

if TYPE_CHECKING:
    from botocore.model import Shape, StructureShape

PACKAGE = "ssm-contacts"
MODULE = "index"

ENGINES: tuple[type[Engine], ...] = (
    ContactEngine,
    ContactChannelEngine,
    ContactPlanEngine,
    RotationEngine,
)
"""Every resource the package serves, in schema order."""

TYPE_NAMES: Mapping[str, str] = {
    "Plan": "ContactEngagementPlan",
    "Stage": "PlanStage",
    "Target": "PlanStageTarget",
    "ChannelTargetInfo": "PlanStageTargetChannelTargetInfo",
    "ContactTargetInfo": "PlanStageTargetContactTargetInfo",
    "RecurrenceSettings": "RotationRecurrence",
    "HandOffTime": "RotationRecurrenceHandOffTime",
    "WeeklySetting": "RotationRecurrenceWeeklySetting",
    "MonthlySetting": "RotationRecurrenceMonthlySetting",
    "CoverageTime": "RotationRecurrenceShiftCoverage",
}
"""botocore structure name -> Pulumi type name (dynamic/inputs.py's names, without ``Args``).
Enums keep botocore's names (``ContactType``, ``ChannelType``, ``DayOfWeek``...)."""

REGION_DESCRIPTION = (
    "The AWS region of the resource. Defaults to the provider's `ssm-contacts:region`, then "
    "`aws:region`, then the environment (`AWS_REGION`, `AWS_DEFAULT_REGION`). Changing it "
    "replaces the resource."
)

CONFIG: Mapping[str, Mapping[str, Any]] = {
    "region": {
        "type": "string",
        "description": (
            "The AWS region to manage contacts in. Falls back to `aws:region`, then the "
            "environment (`AWS_REGION`, `AWS_DEFAULT_REGION`)."
        ),
    },
    "profile": {
        "type": "string",
        "description": (
            "The AWS shared-config profile to use. Falls back to `aws:profile`, then the "
            "environment (`AWS_PROFILE`)."
        ),
    },
}
"""The provider's configuration: ``ssm-contacts:region`` and ``ssm-contacts:profile``."""


def token(name: str) -> str:
    """``Contact`` -> ``ssm-contacts:index:Contact`` (resources, types and functions)."""
    return f"{PACKAGE}:{MODULE}:{name}"


def function_name(engine: type[Engine]) -> str:
    """``getContact`` for ``ContactEngine``: the lookup of a resource type."""
    return f"get{engine.type_name}"


# -- descriptions ------------------------------------------------------------------------


class _Markdown(HTMLParser):
    """botocore's HTML documentation as markdown: paragraphs, lists, code, links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._items = 0
        self._href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("ul", "ol") or (tag == "p" and not self._items):
            self.parts.append("\n\n")
        elif tag == "li":
            self._items += 1
            self.parts.append("\n- ")
        elif tag == "code":
            self.parts.append("`")
        elif tag == "a":
            self._href = dict(attrs).get("href")
            self.parts.append("[")

    def handle_endtag(self, tag: str) -> None:
        if tag == "li":
            self._items = max(0, self._items - 1)
        elif tag in ("ul", "ol"):
            self.parts.append("\n\n")
        elif tag == "code":
            self.parts.append("`")
        elif tag == "a":
            self.parts.append(f"]({self._href})" if self._href else "]")
            self._href = None

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def describe(documentation: str) -> str:
    """botocore's HTML documentation as markdown text (empty for none)."""
    parser = _Markdown()
    parser.feed(documentation)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"` (\S[^`]*?) `", r"`\1`", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# -- botocore shapes as schema types -------------------------------------------------------


def _is_tag_list(shape: Shape) -> bool:
    """AWS's ``[{Key, Value}]`` tag lists: a bag holds them as a string map."""
    from botocore.model import ListShape, StructureShape

    return (
        isinstance(shape, ListShape)
        and isinstance(shape.member, StructureShape)
        and set(shape.member.members) == {"Key", "Value"}
    )


class _Types:
    """The schema's object and enum types, collected while shapes are turned into specs."""

    def __init__(self) -> None:
        self.specs: dict[str, dict[str, Any]] = {}

    def spec(self, shape: Shape) -> dict[str, Any]:
        """A property's type spec for a botocore shape (refs register their types)."""
        from botocore.model import ListShape, MapShape, StructureShape

        kind = shape.type_name
        if kind == "string" and shape.metadata.get("enum"):
            return {"$ref": self._enum(shape)}
        if kind in ("string", "timestamp"):
            return {"type": "string"}
        if kind in ("integer", "long"):
            return {"type": "integer"}
        if kind in ("boolean", "float", "double"):
            return {"type": "boolean" if kind == "boolean" else "number"}
        if _is_tag_list(shape):
            return {"type": "object", "additionalProperties": {"type": "string"}}
        if isinstance(shape, ListShape):
            return {"type": "array", "items": self.spec(shape.member)}
        if isinstance(shape, MapShape):
            return {"type": "object", "additionalProperties": self.spec(shape.value)}
        if isinstance(shape, StructureShape):
            return {"$ref": self._object(shape)}
        raise LookupError(f"no schema type for botocore shape {shape.name} ({kind})")

    def _enum(self, shape: Shape) -> str:
        ref = f"#/types/{token(shape.name)}"
        if token(shape.name) not in self.specs:
            spec: dict[str, Any] = {
                "type": "string",
                "enum": [
                    {"name": value.title().replace("_", ""), "value": value}
                    for value in shape.metadata["enum"]
                ],
            }
            if shape.documentation:
                spec["description"] = describe(shape.documentation)
            self.specs[token(shape.name)] = spec
        return ref

    def _object(self, shape: StructureShape) -> str:
        name = TYPE_NAMES.get(shape.name)
        if name is None:
            raise LookupError(f"botocore structure {shape.name} has no Pulumi type name")
        if token(name) not in self.specs:
            self.specs[token(name)] = {}  # placeholder: shapes may nest themselves
            spec: dict[str, Any] = {"type": "object", "properties": {}}
            if shape.documentation:
                spec["description"] = describe(shape.documentation)
            for member_name, member in shape.members.items():
                spec["properties"][lower_first(member_name)] = self.property(member)
            required = [lower_first(m) for m in shape.required_members]
            if required:
                spec["required"] = required
            self.specs[token(name)] = spec
        return f"#/types/{token(name)}"

    def property(self, shape: Shape, documentation: str | None = None) -> dict[str, Any]:
        """A property spec: its type and its description."""
        spec = self.spec(shape)
        text = describe(documentation if documentation is not None else shape.documentation)
        return {**spec, "description": text} if text else spec


def member_shape(operation_name: str, path: str, *, output: bool = False) -> Shape:
    """The botocore shape of a dotted member path (``Plan.Stages``) of an operation's input
    (or output)."""
    from botocore.model import StructureShape

    model = operation(operation_name)
    shape: Shape | None = model.output_shape if output else model.input_shape
    for name in path.split("."):
        if not isinstance(shape, StructureShape) or name not in shape.members:
            raise LookupError(f"{operation_name} has no member {path}")
        shape = shape.members[name]
    if shape is None:
        raise LookupError(f"{operation_name} has no members")
    return shape


def member_required(operation_name: str, path: str) -> bool:
    """Whether the model requires the path's first member in the operation's input."""
    shape = operation(operation_name).input_shape
    return shape is not None and path.split(".")[0] in shape.required_members


def required_inputs(engine: type[Engine]) -> list[str]:
    """The inputs a program must set: what the model requires, but the keys a program may
    leave unmanaged (a Contact's ``plan``)."""
    return [
        key
        for key, (op, path) in engine.input_members.items()
        if member_required(op, path) and key not in engine.optional_managed_keys
    ]


def replace_on_changes(engine: type[Engine]) -> list[str]:
    """The keys whose change replaces the resource: its ``replace_keys`` and ``region``."""
    return [*engine.replace_keys, "region"]


def _input_properties(engine: type[Engine], types: _Types) -> dict[str, dict[str, Any]]:
    replaces = replace_on_changes(engine)
    properties: dict[str, dict[str, Any]] = {}
    for key in engine.input_keys:
        if key == "region":
            spec: dict[str, Any] = {"type": "string", "description": REGION_DESCRIPTION}
        else:
            op, path = engine.input_members[key]
            spec = types.property(member_shape(op, path))
        if key in replaces:
            spec["replaceOnChanges"] = True
        if key in engine.secret_keys:
            spec["secret"] = True
        properties[key] = spec
    return properties


def _output_properties(engine: type[Engine], types: _Types) -> dict[str, dict[str, Any]]:
    """``arn``, the inputs as the resource echoes them, and its ``output_keys``."""
    properties: dict[str, dict[str, Any]] = {}
    for key in ("arn", *engine.output_keys):
        op, path = engine.output_members[key]
        properties[key] = types.property(member_shape(op, path, output=True))
    for key, spec in _input_properties(engine, types).items():
        properties.setdefault(key, spec)
    return properties


def required_outputs(engine: type[Engine]) -> list[str]:
    """Outputs always set: ``arn`` and the required inputs."""
    return ["arn", *required_inputs(engine)]


def _description(engine: type[Engine]) -> str:
    return " ".join((engine.__doc__ or engine.type_name).split())


def _resource(engine: type[Engine], types: _Types) -> dict[str, Any]:
    return {
        "description": _description(engine),
        "inputProperties": _input_properties(engine, types),
        "requiredInputs": required_inputs(engine),
        "properties": _output_properties(engine, types),
        "required": required_outputs(engine),
    }


# -- the lookups ---------------------------------------------------------------------------

LOOKUP_ARGS: Mapping[str, tuple[tuple[str, str, str], ...]] = {
    "Contact": (
        ("arn", "GetContact", "ContactId"),
        ("alias", "CreateContact", "Alias"),
    ),
    "ContactChannel": (
        ("arn", "GetContactChannel", "ContactChannelId"),
        ("contactId", "CreateContactChannel", "ContactId"),
        ("name", "CreateContactChannel", "Name"),
    ),
    "ContactPlan": (
        ("contactId", "GetContact", "ContactId"),
        ("alias", "CreateContact", "Alias"),
    ),
    "Rotation": (
        ("arn", "GetRotation", "RotationId"),
        ("name", "CreateRotation", "Name"),
    ),
}
"""Per resource type, a lookup's arguments (key, operation, member), each optional: by ARN
or by name (a channel by its contact and name); functions.py says which combinations do."""

LOOKUP_HOW: Mapping[str, str] = {
    "Contact": "Look up a contact or escalation plan by its `arn` or its `alias`.",
    "ContactChannel": (
        "Look up a contact channel by its `arn`, or by its contact (`contactId`) and `name`."
    ),
    "ContactPlan": "Look up a contact's engagement plan by the contact's ARN (`contactId`) "
    "or its `alias`.",
    "Rotation": "Look up an on-call rotation by its `arn` or its `name`.",
}


def _function(engine: type[Engine], types: _Types) -> dict[str, Any]:
    inputs: dict[str, dict[str, Any]] = {}
    for key, op, member in LOOKUP_ARGS[engine.type_name]:
        spec = types.property(member_shape(op, member))
        inputs[key] = spec
    inputs["region"] = {
        "type": "string",
        "description": "The AWS region to look in. Defaults to the provider's region.",
    }
    outputs = _output_properties(engine, types)
    for spec in outputs.values():
        spec.pop("replaceOnChanges", None)
    return {
        "description": f"{LOOKUP_HOW[engine.type_name]} Returns the outputs a "
        f"`{engine.type_name}` resource has.",
        "inputs": {"properties": inputs},
        "outputs": {"properties": outputs, "required": required_outputs(engine)},
    }


def secret_outputs(engine: type[Engine]) -> tuple[str, ...]:
    """Outputs of a resource (and its lookup) that are always secret."""
    return engine.secret_keys


# -- the package ---------------------------------------------------------------------------


@functools.cache
def built_schema() -> dict[str, Any]:
    """The schema of the engines as they are when first asked (shared: do not change it)."""
    types = _Types()
    resources = {token(e.type_name): _resource(e, types) for e in ENGINES}
    functions = {token(function_name(e)): _function(e, types) for e in ENGINES}
    config = {k: dict(v) for k, v in CONFIG.items()}
    return {
        "name": PACKAGE,
        "displayName": "AWS Incident Manager Contacts",
        "version": __version__,
        "description": (
            "Incident Manager contacts, contact channels, engagement plans and on-call "
            "rotations (the AWS ssm-contacts API)."
        ),
        "keywords": ["pulumi", "aws", "ssm-contacts", "incident-manager", "category/cloud"],
        "license": "Apache-2.0",
        "publisher": "pulumi-ssm-contacts",
        "meta": {"moduleFormat": "(.*)"},
        "config": {"variables": config},
        "provider": {
            "description": "The ssm-contacts provider: its region and profile.",
            "inputProperties": {k: dict(v) for k, v in CONFIG.items()},
        },
        "resources": resources,
        "functions": functions,
        "types": dict(sorted(types.specs.items())),
        "language": {
            "nodejs": {
                "packageName": "@pulumi-ssm-contacts/ssm-contacts",
                "dependencies": {"@pulumi/pulumi": "^3.0.0"},
                "respectSchemaVersion": True,
            },
            "go": {
                "importBasePath": "github.com/pulumi-ssm-contacts/ssm-contacts/sdk/go/ssmcontacts",
                "generateResourceContainerTypes": True,
                "respectSchemaVersion": True,
            },
            "python": {
                "packageName": "pulumi_ssm_contacts.native",
                "respectSchemaVersion": True,
                "pyproject": {"enabled": True},
            },
        },
    }


def package_schema() -> dict[str, Any]:
    """The package schema (a fresh copy each call: callers may change it)."""
    import copy

    service_model()  # loaded once, before the walk
    return copy.deepcopy(built_schema())
