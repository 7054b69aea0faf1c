"""The virtualenv a `runtime: python` project runs in, resolved as Pulumi's own host resolves it.

Pulumi's `pulumi-language-python` (sdk/python/toolchain: `resolveVirtualEnvironmentPath`,
`newUv`, `newPoetry`, `NewVirtualEnvError`, `ActivateVirtualEnv`) reads the project's runtime
options from `RunRequest.info.options`:

- `virtualenv`: a path, relative to the project's root directory (the one with `Pulumi.yaml`);
- `toolchain: uv` without `virtualenv`: `.venv` next to the nearest `uv.lock`, else the nearest
  `pyproject.toml`, searching up from the root, else `<root>/.venv`;
- `toolchain: poetry`: the environment `poetry env info --path` names, run in the program's
  directory;
- neither: no virtualenv (the interpreter on `PULUMI_PYTHON_CMD`, else the default one).

A virtualenv is a directory holding `bin/python`. The program runs with that interpreter and an
activated environment (its `bin` first on PATH, `VIRTUAL_ENV` set, `PYTHONHOME` unset).
Standard library only: the language host imports it before anything heavy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PYTHON = Path("bin", "python")


class VirtualenvError(Exception):
    """The project names a virtualenv that cannot be used; the message says how to make it."""


@dataclass(frozen=True)
class Virtualenv:
    """A project's virtualenv: where it is and what Pulumi.yaml said."""

    path: Path
    option: str
    """The `virtualenv` value as written in Pulumi.yaml (or how the toolchain chose it)."""

    @property
    def python(self) -> Path:
        """Its interpreter."""
        return self.path / PYTHON

    def check(self) -> None:
        """Raise VirtualenvError unless it holds an interpreter, with the commands that make it."""
        if self.python.is_file():
            return
        state = "doesn't exist" if not self.path.exists() else "doesn't appear to be a virtualenv"
        raise VirtualenvError(
            f"The 'virtualenv' option in Pulumi.yaml is set to {self.option!r}, but "
            f"{str(self.path)!r} {state}; create it and install the program's dependencies into "
            f"it:\n\n    python3 -m venv {self.path}\n"
            f"    {self.python} -m pip install -r requirements.txt\n"
        )

    def activated(self, environ: Mapping[str, str]) -> dict[str, str]:
        """`environ` with this virtualenv activated, as Pulumi's `ActivateVirtualEnv` does."""
        env = {k: v for k, v in environ.items() if k not in ("PYTHONHOME", "VIRTUAL_ENV")}
        bin_dir = str(self.path / PYTHON.parent)
        path = env.get("PATH")
        env["PATH"] = f"{bin_dir}{os.pathsep}{path}" if path else bin_dir
        env["VIRTUAL_ENV"] = str(self.path)
        return env


def project_virtualenv(
    options: Mapping[str, object], root: Path, program_directory: Path
) -> Virtualenv | None:
    """The virtualenv the runtime `options` name for a project rooted at `root`; None if none."""
    option = options.get("virtualenv")
    toolchain = options.get("toolchain") or "pip"
    if toolchain == "poetry":
        return _poetry_virtualenv(program_directory)
    if isinstance(option, str) and option:
        return Virtualenv(_absolute(option.rstrip("/") or "/", root), option)
    if toolchain == "uv":
        for marker in ("uv.lock", "pyproject.toml"):
            found = _search_up(root, marker)
            if found is not None:
                return Virtualenv(found / ".venv", f"{found / '.venv'} (uv, next to {marker})")
        return Virtualenv(root / ".venv", f"{root / '.venv'} (uv)")
    return None


def _absolute(path: str, root: Path) -> Path:
    candidate = Path(path).expanduser()
    return candidate if candidate.is_absolute() else root / candidate


def _search_up(start: Path, name: str) -> Path | None:
    for directory in (start, *start.parents):
        if (directory / name).exists():
            return directory
    return None


def _poetry_virtualenv(program_directory: Path) -> Virtualenv:
    poetry = shutil.which("poetry")
    if poetry is None:
        raise VirtualenvError(
            "Pulumi.yaml sets `toolchain: poetry`, but no `poetry` is on PATH; install Poetry "
            "(https://python-poetry.org) or remove the toolchain option."
        )
    found = subprocess.run(
        [poetry, "env", "info", "--path"],
        cwd=program_directory,
        capture_output=True,
        text=True,
        check=False,
    )
    path = found.stdout.strip()
    if found.returncode != 0 or not path:
        raise VirtualenvError(
            "Pulumi.yaml sets `toolchain: poetry`, but `poetry env info --path` names no "
            f"environment in {program_directory}: run `poetry install` there first."
        )
    return Virtualenv(Path(path), f"{path} (poetry)")
