"""The files of an exported project, written into a new (or empty) directory.

``program``: Pulumi.yaml, the program (``__main__.py`` and requirements.txt for Python; the
resources in Pulumi.yaml for YAML), Pulumi.<stack>.yaml with the region (``aws:region`` for the
dynamic provider, ``ssm-contacts:region`` for the native one: the engine hands a plugin only
its own package's config), README.md.
``import-file``: import.json and README.md. No file holds a delivery address.
"""

from __future__ import annotations

import json
from pathlib import Path

from .. import __version__
from . import import_file, python_program, readme, yaml_program
from .declarations import Export
from .naming import region_key, slug

IMPORT_FILE = "import.json"


class ProjectError(Exception):
    """The project cannot be written there; the message says why."""


def project_name(output: Path) -> str:
    """The project's name: the directory's, as a name Pulumi takes."""
    return slug(output.resolve().name, "ssm-contacts")


def files(
    export: Export, *, language: str, fmt: str, stack: str, project: str, command: str
) -> dict[str, str]:
    """File name -> text of the project."""
    about = f"Incident Manager setup of {export.region}, exported by pulumi-ssm-contacts"
    if fmt == "import-file":
        return {
            IMPORT_FILE: import_file.render(export),
            "README.md": readme.render(
                export,
                language=language,
                stack=stack,
                fmt=fmt,
                program_file=IMPORT_FILE,
                command=command,
            ),
        }
    out: dict[str, str] = {}
    if language == "python":
        out["Pulumi.yaml"] = (
            f"name: {project}\n"
            f"description: {json.dumps(about)}\n"
            "runtime:\n"
            "  name: python\n"
            "  options:\n"
            "    toolchain: pip\n"
            "    virtualenv: venv\n"
        )
        header = (
            f"{about}.\n\nEvery resource is adopted by its `import_` option on the first "
            "`pulumi up` (README.md).\n"
        )
        out["__main__.py"] = python_program.render(export, header)
        out["requirements.txt"] = f"pulumi-ssm-contacts=={__version__}\n"
        out[".gitignore"] = "venv/\n__pycache__/\n"
        program_file = "__main__.py"
    else:
        out["Pulumi.yaml"] = yaml_program.render(export, project, about)
        program_file = "Pulumi.yaml"
    out[f"Pulumi.{stack}.yaml"] = (
        f"config:\n  {region_key(language)}: {json.dumps(export.region)}\n"
    )
    out["README.md"] = readme.render(
        export, language=language, stack=stack, fmt=fmt, program_file=program_file, command=command
    )
    return out


def check_output(output: Path) -> None:
    """Refuse an ``output`` that exists and is not an empty directory (before any AWS call)."""
    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        raise ProjectError(
            f"{output} exists and is not an empty directory: choose a new --output (an export "
            "never overwrites a project)."
        )


def write(output: Path, contents: dict[str, str]) -> None:
    """Write the files into ``output``, which must not exist or be empty."""
    check_output(output)
    try:
        output.mkdir(parents=True, exist_ok=True)
        for name, text in contents.items():
            (output / name).write_text(text)
    except OSError as failure:
        raise ProjectError(f"cannot write {output}: {failure.strerror}.") from None
