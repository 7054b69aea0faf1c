"""Which virtualenv our language host runs a project's program in (tools/plugins), as Pulumi's
own host chooses it: the `virtualenv` option relative to the project, or the toolchain's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.plugins.project_virtualenv import Virtualenv, VirtualenvError, project_virtualenv


def test_no_option_means_no_virtualenv(tmp_path: Path) -> None:
    assert project_virtualenv({}, tmp_path, tmp_path) is None
    assert project_virtualenv({"toolchain": "pip"}, tmp_path, tmp_path) is None


def test_relative_virtualenv_is_relative_to_the_project_root(tmp_path: Path) -> None:
    program = tmp_path / "src"
    found = project_virtualenv({"virtualenv": "venv/"}, tmp_path, program)
    assert found == Virtualenv(tmp_path / "venv", "venv/")
    assert project_virtualenv({"virtualenv": "/opt/env"}, tmp_path, program) == Virtualenv(
        Path("/opt/env"), "/opt/env"
    )


def uv_virtualenv(project: Path) -> Path:
    found = project_virtualenv({"toolchain": "uv"}, project, project)
    assert found is not None
    return found.path


def test_uv_without_virtualenv_uses_dot_venv_next_to_the_nearest_lock_or_pyproject(
    tmp_path: Path,
) -> None:
    project = tmp_path / "repo" / "infra"
    project.mkdir(parents=True)
    assert uv_virtualenv(project) == project / ".venv"
    (tmp_path / "repo" / "pyproject.toml").write_text("")
    assert uv_virtualenv(project) == tmp_path / "repo" / ".venv"
    (project / "uv.lock").write_text("")
    assert uv_virtualenv(project) == project / ".venv"


def test_a_virtualenv_that_does_not_exist_says_how_to_make_it(tmp_path: Path) -> None:
    venv = Virtualenv(tmp_path / "venv", "venv")
    with pytest.raises(VirtualenvError) as missing:
        venv.check()
    message = str(missing.value)
    assert "The 'virtualenv' option in Pulumi.yaml is set to 'venv'" in message
    assert "doesn't exist" in message and f"python3 -m venv {tmp_path / 'venv'}" in message
    (tmp_path / "venv").mkdir()
    with pytest.raises(VirtualenvError, match="doesn't appear to be a virtualenv"):
        venv.check()


def test_activated_environment_puts_the_virtualenv_first(tmp_path: Path) -> None:
    venv = Virtualenv(tmp_path / "venv", "venv")
    env = venv.activated({"PATH": "/usr/bin", "PYTHONHOME": "/x", "VIRTUAL_ENV": "/other"})
    assert env == {"PATH": f"{tmp_path / 'venv' / 'bin'}:/usr/bin", "VIRTUAL_ENV": str(venv.path)}


def test_poetry_without_poetry_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(VirtualenvError, match="no `poetry` is on PATH"):
        project_virtualenv({"toolchain": "poetry"}, tmp_path, tmp_path)
