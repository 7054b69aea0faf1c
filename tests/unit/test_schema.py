"""The package schema agrees with the resource definitions and botocore's model: every engine
key is a property and no other, replaces and secrets are the engine's, required, types, enums
and descriptions are the model's; a change to a definition changes the schema."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from botocore.model import ListShape, Shape, StructureShape

import pulumi_ssm_contacts
from pulumi_ssm_contacts.core.bag import lower_first
from pulumi_ssm_contacts.core.engine import Engine
from pulumi_ssm_contacts.core.service_model import operation
from pulumi_ssm_contacts.dynamic import inputs
from pulumi_ssm_contacts.native import schema as schema_module
from pulumi_ssm_contacts.native.schema import (
    ENGINES,
    TYPE_NAMES,
    built_schema,
    describe,
    member_shape,
    package_schema,
    token,
)
from pulumi_ssm_contacts.resources.contact import ContactEngine
from pulumi_ssm_contacts.resources.contact_channel import ContactChannelEngine

SCHEMA = package_schema()
IDS = [engine.type_name for engine in ENGINES]


def resource(engine: type[Engine]) -> dict[str, Any]:
    return dict(SCHEMA["resources"][token(engine.type_name)])


def ref_type(spec: dict[str, Any]) -> dict[str, Any]:
    ref = spec["$ref"]
    assert ref.startswith("#/types/")
    return dict(SCHEMA["types"][ref.removeprefix("#/types/")])


def test_the_package_names_and_its_configuration() -> None:
    assert SCHEMA["name"] == "ssm-contacts"
    assert SCHEMA["version"] == pulumi_ssm_contacts.__version__
    assert set(SCHEMA["config"]["variables"]) == {"region", "profile"}
    assert SCHEMA["provider"]["inputProperties"] == SCHEMA["config"]["variables"]
    assert set(SCHEMA["resources"]) == {
        "ssm-contacts:index:Contact",
        "ssm-contacts:index:ContactChannel",
        "ssm-contacts:index:ContactPlan",
        "ssm-contacts:index:Rotation",
    }
    assert set(SCHEMA["functions"]) == {
        "ssm-contacts:index:getContact",
        "ssm-contacts:index:getContactChannel",
        "ssm-contacts:index:getContactPlan",
        "ssm-contacts:index:getRotation",
    }
    assert SCHEMA["language"]["python"]["packageName"] == "pulumi_ssm_contacts.native"


@pytest.mark.parametrize("engine", ENGINES, ids=IDS)
def test_inputs_are_the_engine_keys_and_no_other(engine: type[Engine]) -> None:
    spec = resource(engine)
    assert list(spec["inputProperties"]) == list(engine.input_keys)
    assert set(engine.input_members) == set(engine.input_keys) - {"region"}


@pytest.mark.parametrize("engine", ENGINES, ids=IDS)
def test_outputs_are_the_arn_the_inputs_and_the_output_keys(engine: type[Engine]) -> None:
    spec = resource(engine)
    assert set(spec["properties"]) == {"arn", *engine.input_keys, *engine.output_keys}
    assert set(engine.output_members) == {"arn", *engine.output_keys}
    function = SCHEMA["functions"][token(f"get{engine.type_name}")]
    assert function["outputs"]["properties"].keys() == spec["properties"].keys()


@pytest.mark.parametrize("engine", ENGINES, ids=IDS)
def test_replace_on_changes_is_the_replace_keys_and_region(engine: type[Engine]) -> None:
    for side in ("inputProperties", "properties"):
        replacing = {k for k, v in resource(engine)[side].items() if v.get("replaceOnChanges")}
        assert replacing == {*engine.replace_keys, "region"}, side


@pytest.mark.parametrize("engine", ENGINES, ids=IDS)
def test_secrets_are_the_secret_keys(engine: type[Engine]) -> None:
    function = SCHEMA["functions"][token(f"get{engine.type_name}")]["outputs"]
    for properties in (
        resource(engine)["inputProperties"],
        resource(engine)["properties"],
        function["properties"],
    ):
        assert {k for k, v in properties.items() if v.get("secret")} == set(engine.secret_keys)
    assert ContactChannelEngine.secret_keys == ("deliveryAddress",)


@pytest.mark.parametrize("engine", ENGINES, ids=IDS)
def test_required_inputs_are_the_model_required_members(engine: type[Engine]) -> None:
    required = set()
    for key, (op, path) in engine.input_members.items():
        shape = operation(op).input_shape
        assert shape is not None
        if path.split(".")[0] in shape.required_members:
            required.add(key)
    spec = resource(engine)
    assert set(spec["requiredInputs"]) == required - set(engine.optional_managed_keys)
    assert set(spec["required"]) == {"arn", *spec["requiredInputs"]}


def test_a_contacts_plan_is_optional_as_the_engine_leaves_it_unmanaged() -> None:
    assert "plan" not in resource(ContactEngine)["requiredInputs"]
    assert ContactEngine.optional_managed_keys == ("plan",)


def _walk(spec: dict[str, Any], shape: Shape, where: str) -> None:
    """The schema spec of a property matches its botocore shape, all the way down."""
    kind = shape.type_name
    if kind == "string" and shape.metadata.get("enum"):
        enum = ref_type(spec)
        assert [e["value"] for e in enum["enum"]] == shape.metadata["enum"], where
    elif kind in ("string", "timestamp"):
        assert spec["type"] == "string", where
    elif kind == "integer":
        assert spec["type"] == "integer", where
    elif kind == "boolean":
        assert spec["type"] == "boolean", where
    elif (
        isinstance(shape, ListShape)
        and shape.member.type_name == "structure"
        and (set(getattr(shape.member, "members", {})) == {"Key", "Value"})
    ):
        assert spec == {**spec, "type": "object", "additionalProperties": {"type": "string"}}
    elif isinstance(shape, ListShape):
        assert spec["type"] == "array", where
        _walk(spec["items"], shape.member, f"{where}[]")
    elif kind == "map":
        assert spec["type"] == "object", where
        _walk(spec["additionalProperties"], shape.value, f"{where}{{}}")  # type: ignore[attr-defined]
    else:
        assert isinstance(shape, StructureShape)
        nested = ref_type(spec)
        assert nested["type"] == "object", where
        assert list(nested["properties"]) == [lower_first(m) for m in shape.members], where
        assert set(nested.get("required", [])) == {lower_first(m) for m in shape.required_members}
        for name, member in shape.members.items():
            _walk(nested["properties"][lower_first(name)], member, f"{where}.{name}")


@pytest.mark.parametrize("engine", ENGINES, ids=IDS)
def test_types_enums_and_descriptions_are_the_models(engine: type[Engine]) -> None:
    spec = resource(engine)
    for key, (op, path) in engine.input_members.items():
        shape = member_shape(op, path)
        _walk(spec["inputProperties"][key], shape, f"{engine.type_name}.{key}")
        assert spec["inputProperties"][key]["description"] == describe(shape.documentation)
    for key, (op, path) in engine.output_members.items():
        shape = member_shape(op, path, output=True)
        _walk(spec["properties"][key], shape, f"{engine.type_name}.{key}")


def test_descriptions_are_botocores_documentation_as_markdown() -> None:
    channel_type = resource(ContactChannelEngine)["inputProperties"]["type"]["description"]
    assert channel_type == (
        "Incident Manager supports three types of contact channels:\n\n"
        "- `SMS`\n- `VOICE`\n- `EMAIL`"
    )
    alias = resource(ContactEngine)["inputProperties"]["alias"]["description"]
    assert alias.startswith("The short name to quickly identify a contact")
    for text in _descriptions(SCHEMA):
        assert "<" not in text and "&lt;" not in text, text


def _descriptions(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                yield value
            else:
                yield from _descriptions(value)
    elif isinstance(node, list):
        for value in node:
            yield from _descriptions(value)


def test_nested_types_have_the_dynamic_front_ends_names() -> None:
    objects = {k for k, v in SCHEMA["types"].items() if v["type"] == "object"}
    assert objects == {token(name) for name in TYPE_NAMES.values()}
    for name in TYPE_NAMES.values():
        assert hasattr(inputs, f"{name}Args"), name


def test_a_changed_definition_changes_the_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    built_schema.cache_clear()
    try:
        with monkeypatch.context() as patched:
            patched.setattr(ContactEngine, "replace_keys", ("alias",))
            patched.setattr(ContactEngine, "secret_keys", ("displayName",))
            changed = package_schema()["resources"][token("Contact")]["inputProperties"]
    finally:
        built_schema.cache_clear()
    assert not changed["type"].get("replaceOnChanges")
    assert changed["alias"]["replaceOnChanges"] is True
    assert changed["displayName"]["secret"] is True
    assert schema_module.package_schema() == SCHEMA  # built again from the real definitions
