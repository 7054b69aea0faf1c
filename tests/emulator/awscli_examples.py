"""The AWS CLI's own ``ssm-contacts`` examples, read as operations, parameters and outputs.

The ``.rst`` files are vendored from the ``awscli`` package (data/awscli_examples/README.md).
Each example is a command (``aws ssm-contacts <op> --opt value ...``), then either
``Output::`` and the JSON the CLI printed, or "This command produces no output". Options are
mapped to members and values parsed with botocore's model, as the CLI does for these
examples: a string as given, a list of strings from the words that follow the option, a
structure or a list of structures as JSON (no example uses the shorthand syntax; one that
did would fail here, not be skipped).
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from botocore import xform_name
from botocore.model import ListShape, Shape, StructureShape

from pulumi_ssm_contacts.core.service_model import service_model

EXAMPLES_DIR = Path(__file__).parent / "data" / "awscli_examples" / "ssm-contacts"

_COMMAND = re.compile(r"^ {4}aws ssm-contacts .*?(?=\n\s*\n)", re.MULTILINE | re.DOTALL)
_OUTPUT = re.compile(r"Output::\s*\n((?:\n| {4}.*\n)+)")


@dataclass(frozen=True)
class Example:
    """One documented command and what the CLI printed for it."""

    source: str
    """``get-contact.rst#2``: the file and the command's place in it."""
    operation: str
    params: dict[str, Any]
    output: Any
    """The documented output as JSON; ``{}`` for "This command produces no output"."""
    output_repaired: str | None = None
    """Why the documented output was not JSON as printed and how it was read, if so."""


def _operations_by_command() -> dict[str, str]:
    model = service_model()
    return {xform_name(name, "-"): name for name in model.operation_names}


def _value(shape: Shape, words: list[str], option: str) -> Any:
    kind = shape.type_name
    if isinstance(shape, ListShape) and shape.member.type_name == "string":
        return list(words)
    if len(words) != 1:
        raise ValueError(f"{option} takes one value, got {words}")
    word = words[0]
    if isinstance(shape, (StructureShape, ListShape)) or kind == "map":
        if not word.lstrip().startswith(("{", "[")):
            raise ValueError(f"{option}: shorthand syntax is not supported here")
        return json.loads(word)
    if kind in ("integer", "long"):
        return int(word)
    if kind == "boolean":
        return word.lower() == "true"
    return word


def parse_command(text: str) -> tuple[str, dict[str, Any]]:
    """``aws ssm-contacts get-contact --contact-id "..."`` → ("GetContact", {"ContactId": ...})."""
    words = shlex.split(text.replace("\\\n", " "))
    if words[:2] != ["aws", "ssm-contacts"]:
        raise ValueError(f"not an ssm-contacts command: {text[:60]}")
    operation = _operations_by_command()[words[2]]
    shape = service_model().operation_model(operation).input_shape
    members = {xform_name(name, "-"): name for name in shape.members} if shape else {}
    params: dict[str, Any] = {}
    rest = words[3:]
    while rest:
        option = rest.pop(0)
        if not option.startswith("--") or option[2:] not in members:
            raise ValueError(f"{operation}: unknown option {option}")
        values: list[str] = []
        while rest and not rest[0].startswith("--"):
            values.append(rest.pop(0))
        member = members[option[2:]]
        assert shape is not None
        params[member] = _value(shape.members[member], values, option)
    return operation, params


def _output(block: str | None, operation: str) -> tuple[Any, str | None]:
    if block is None:
        return {}, None
    text = "\n".join(line[4:] for line in block.splitlines()).strip()
    try:
        return json.loads(text), None
    except json.JSONDecodeError:
        pass
    # list-contact-channels prints ``{ [ ... ] }``: a list with its member name lost. Read it
    # as the output shape's one list member (ContactChannels).
    inner = text.removeprefix("{").removesuffix("}").strip()
    output_shape = service_model().operation_model(operation).output_shape
    assert output_shape is not None
    lists = [name for name, m in output_shape.members.items() if m.type_name == "list"]
    if inner.startswith("[") and len(lists) == 1:
        return {lists[0]: json.loads(inner)}, f"printed as {{ [...] }}; read as {lists[0]}"
    raise ValueError(f"{operation}: documented output is not JSON")


def examples() -> list[Example]:
    """Every command of every vendored example file, in file order."""
    found: list[Example] = []
    for path in sorted(EXAMPLES_DIR.glob("*.rst")):
        text = path.read_text(encoding="utf-8")
        commands = list(_COMMAND.finditer(text))
        for index, command in enumerate(commands, start=1):
            end = commands[index].start() if index < len(commands) else len(text)
            after = text[command.end() : end]
            output = _OUTPUT.search(after)
            operation, params = parse_command(command.group(0).strip())
            value, repaired = _output(output.group(1) if output else None, operation)
            found.append(Example(f"{path.name}#{index}", operation, params, value, repaired))
    return found


def shape_of(value: Any) -> Any:
    """What a JSON value looks like without its values: a dict's keys (recursively), a
    list's items merged (the union of their keys), any scalar as ``"scalar"``."""
    if isinstance(value, dict):
        return {key: shape_of(item) for key, item in sorted(value.items())}
    if isinstance(value, list):
        merged: Any = None
        for item in value:
            merged = _merge(merged, shape_of(item))
        return [merged] if merged is not None else []
    return "scalar"


def _merge(left: Any, right: Any) -> Any:
    if left is None:
        return right
    if isinstance(left, dict) and isinstance(right, dict):
        keys = sorted(set(left) | set(right))
        return {k: _merge(left.get(k), right.get(k)) for k in keys}
    if isinstance(left, list) and isinstance(right, list):
        return [_merge(left[0] if left else None, right[0] if right else None)]
    return left if left == right else f"{left} | {right}"
