"""The package's folders keep to what their docstrings say they may import.

Each part names the parts it may import (``core`` none, ``resources`` the core, each front
end the core and the resource definitions...). An import outside those, at module level or
inside a function, fails here with the file and the line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "provider" / "pulumi_ssm_contacts"
NAME = "pulumi_ssm_contacts"

MAY_IMPORT: dict[str, set[str]] = {
    "core": set(),
    "resources": {"core"},
    "dynamic": {"core", "resources", "oncall", "providers"},
    "native": {"core", "resources", "plugin_process"},
    "oncall": {"core", "command_arguments"},
    "audit": {"core", "resources", "command_arguments"},
    "export": {"core", "resources", "command_arguments"},
    "emulator": {"core", "oncall"},
    "emulator_harness": {"core", "emulator"},
    "plugin_process": set(),
}
"""Per part, the other parts it may import (itself and the package's ``__version__`` always)."""

EXCEPTIONS = {
    "oncall/coverage.py": {"dynamic"},
    "oncall/dead_end_warnings.py": {"dynamic"},
    "emulator/__main__.py": {"emulator_harness"},
}
"""Modules that may import one part more: the on-call checks that run in a Pulumi program at
preview (the ``dynamic`` classes), and ``python -m pulumi_ssm_contacts.emulator`` (a shortcut
to the harness's server)."""

PROVIDER_PATHS = {"contact_provider", "contact_channel_provider", "contact_plan_provider"}
PROVIDER_PATHS |= {"rotation_provider"}


def _part_of(module: str) -> str:
    """``pulumi_ssm_contacts.core.engine`` -> ``core``; the four provider paths -> providers."""
    parts = module.split(".")
    if len(parts) < 2:
        return ""
    top = parts[1]
    return "providers" if top in PROVIDER_PATHS else top


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every package-internal module ``path`` imports, absolute, with its line."""
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    package = list(rel.parts[:-1])
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if target == NAME:  # `from .. import x`: x may be a module
                found += [(node.lineno, f"{NAME}.{alias.name}") for alias in node.names]
            elif target.startswith(NAME + "."):
                found.append((node.lineno, target))
                found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith(NAME + ".")]
    return found


def _violations(part: str) -> list[str]:
    allowed = MAY_IMPORT[part] | {part, "__version__"}
    bad = []
    for path in sorted((PACKAGE / part).rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        extra = EXCEPTIONS.get(rel, set())
        for line, module in _imports(path):
            target = _part_of(module)
            if target and target not in allowed | extra:
                bad.append(f"{rel}:{line} imports {module} ({part} may not import {target})")
    return bad


@pytest.mark.parametrize("part", sorted(p for p in MAY_IMPORT if (PACKAGE / p).is_dir()))
def test_each_part_imports_only_what_it_may(part: str) -> None:
    assert _violations(part) == []


def test_every_folder_of_the_package_is_a_known_part() -> None:
    folders = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert folders <= set(MAY_IMPORT), folders - set(MAY_IMPORT)


def test_the_rule_resolves_relative_imports() -> None:
    """The check itself: relative imports resolve to the absolute modules they name."""
    probe = PACKAGE / "core" / "engine.py"
    lines = [module for _, module in _imports(probe)]
    assert f"{NAME}.core.bag" in lines  # relative imports resolve to absolute names
    assert _part_of(f"{NAME}.dynamic.provider") not in MAY_IMPORT["core"]
