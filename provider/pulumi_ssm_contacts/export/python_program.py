"""The exported program in Python: ``__main__.py`` over this package's dynamic classes.

Each resource gets ``opts=pulumi.ResourceOptions(import_=<ARN>)``; references are the
declared resources' ``arn`` outputs; delivery addresses come from secret config
(``config.require_secret``). Keyword names are the classes' snake_case arguments, and so
are nested keys (``duration_in_minutes``): the classes turn them back into the bag's
camelCase. Tag keys are kept as written.
"""

from __future__ import annotations

import json
from typing import Any

from ..core.bag import snake
from .declarations import Declaration, Export, Ref, SecretConfig
from .naming import python_name

INDENT = "    "
RAW_KEYS = frozenset({"tags"})
"""Inputs whose map keys are data, not argument names."""


def render(export: Export, header: str) -> str:
    """The whole ``__main__.py``."""
    kinds = sorted({d.kind for d in export.declarations})
    lines = [
        f'"""{header}"""',
        "",
        "import pulumi",
    ]
    if kinds:
        lines.append(f"from pulumi_ssm_contacts import {', '.join(kinds)}")
    if export.secrets:
        lines += ["", "config = pulumi.Config()"]
    for declaration in export.declarations:
        lines += ["", *_declaration(declaration)]
    return "\n".join(lines) + "\n"


def _declaration(declaration: Declaration) -> list[str]:
    args = [f"{INDENT}{json.dumps(declaration.name)},"]
    for key, value in declaration.inputs.items():
        text = value_text(value, INDENT, raw=key in RAW_KEYS)
        args.append(f"{INDENT}{snake(key)}={text},")
    args.append(
        f"{INDENT}opts=pulumi.ResourceOptions(import_={json.dumps(declaration.import_id)}),"
    )
    return [f"{python_name(declaration.name)} = {declaration.kind}(", *args, ")"]


def value_text(value: Any, indent: str, raw: bool = False) -> str:
    """``value`` as a Python expression, nested values one indent deeper each."""
    if isinstance(value, Ref):
        return f"{python_name(value.name)}.arn"
    if isinstance(value, SecretConfig):
        return f"config.require_secret({json.dumps(value.key)})"
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    inner = indent + INDENT
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [
            f"{inner}{json.dumps(k if raw else snake(k), ensure_ascii=False)}: "
            f"{value_text(v, inner, raw=raw or k in RAW_KEYS)},"
            for k, v in value.items()
        ]
        return "{\n" + "\n".join(items) + f"\n{indent}}}"
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + "\n".join(f"{inner}{value_text(v, inner)}," for v in value) + f"\n{indent}]"
    raise TypeError(f"cannot write {type(value).__name__} in a program")
