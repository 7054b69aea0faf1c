"""The exported program in Pulumi YAML: ``Pulumi.yaml`` over the native provider's types.

Types are ``ssm-contacts:index:<Kind>``, properties the bag keys (camelCase) as AWS holds
them, ``options: import:`` the ARN. References are ``${name.arn}``; delivery addresses are
secret project config (``config: <key>: {type: string, secret: true}``, what it holds
in a comment above), referenced as
``${key}``. Written by hand as block YAML whose scalars are JSON strings (YAML reads them as
double-quoted scalars), with ``$`` doubled in data (Pulumi YAML's escape for ``${``).
"""

from __future__ import annotations

import json
import re
from typing import Any

from .declarations import Declaration, Export, Ref, SecretConfig

PACKAGE = "ssm-contacts"
INDENT = "  "
_PLAIN_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def type_token(kind: str) -> str:
    """``ssm-contacts:index:Contact``."""
    return f"{PACKAGE}:index:{kind}"


def render(export: Export, project: str, description: str) -> str:
    """The whole ``Pulumi.yaml``: project, config and resources."""
    lines = [
        f"name: {_key(project)}",
        "runtime: yaml",
        f"description: {_scalar(description)}",
    ]
    if export.secrets:
        lines.append("config:")
        for secret in export.secrets:
            lines += [
                f"{INDENT}# {secret.what}".replace("\n", " "),
                f"{INDENT}{_key(secret.key)}:",
                f"{INDENT * 2}type: string",
                f"{INDENT * 2}secret: true",
            ]
    lines.append("resources:" if export.declarations else "resources: {}")
    for declaration in export.declarations:
        lines += _declaration(declaration)
    return "\n".join(lines) + "\n"


def _declaration(declaration: Declaration) -> list[str]:
    lines = [
        f"{INDENT}{_key(declaration.name)}:",
        f"{INDENT * 2}type: {type_token(declaration.kind)}",
        f"{INDENT * 2}properties:",
    ]
    for key, value in declaration.inputs.items():
        lines += _entry(key, value, INDENT * 3)
    lines += [f"{INDENT * 2}options:", f"{INDENT * 3}import: {_scalar(declaration.import_id)}"]
    return lines


def _entry(key: str, value: Any, indent: str) -> list[str]:
    """``key: value`` at ``indent``, a nested value on the lines below."""
    if isinstance(value, dict) and value:
        return [f"{indent}{_key(key)}:", *_mapping(value, indent + INDENT)]
    if isinstance(value, list) and value:
        return [f"{indent}{_key(key)}:", *_sequence(value, indent + INDENT)]
    return [f"{indent}{_key(key)}: {_inline(value)}"]


def _mapping(value: dict[str, Any], indent: str) -> list[str]:
    return [line for k, v in value.items() for line in _entry(k, v, indent)]


def _sequence(value: list[Any], indent: str) -> list[str]:
    lines: list[str] = []
    for item in value:
        if isinstance(item, dict) and item:
            nested = _mapping(item, indent + INDENT)
            lines.append(f"{indent}- {nested[0].lstrip()}")
            lines += nested[1:]
        elif isinstance(item, list) and item:
            nested = _sequence(item, indent + INDENT)
            lines.append(f"{indent}- {nested[0].lstrip()}")
            lines += nested[1:]
        else:
            lines.append(f"{indent}- {_inline(item)}")
    return lines


def _inline(value: Any) -> str:
    if isinstance(value, Ref):
        return json.dumps(f"${{{value.name}.arn}}")
    if isinstance(value, SecretConfig):
        return json.dumps(f"${{{value.key}}}")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return _scalar(value)
    if value == {}:
        return "{}"
    if value == []:
        return "[]"
    raise TypeError(f"cannot write {type(value).__name__} in a program")


def _scalar(text: str) -> str:
    """A data string: double-quoted, ``$`` doubled so that Pulumi YAML reads it as written."""
    return json.dumps(text.replace("$", "$$"), ensure_ascii=False)


def _key(key: str) -> str:
    return key if _PLAIN_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False)
