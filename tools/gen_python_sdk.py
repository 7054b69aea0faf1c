"""Generate the Python classes of the native resources from the package schema.

``python tools/gen_python_sdk.py`` writes provider/pulumi_ssm_contacts/native/sdk/ with Pulumi's
own Python SDK generator (``sdk-codegen gen python``, tools/sdk-codegen, provisioned by
scripts/ensure-sdk-toolchain) from :func:`pulumi_ssm_contacts.native.schema.package_schema`.
``--out DIR`` writes elsewhere (tests/unit/test_native_classes.py checks that the committed files
are what it generates).

The schema's ``language.python.packageName`` is ``pulumi_ssm_contacts.native``: what
``pulumi import --generate-code`` imports in a Python program. The classes are generated as its
subpackage ``pulumi_ssm_contacts.native.sdk`` (beside the provider plugin's modules) and
``pulumi_ssm_contacts.native`` re-exports them, so the generated code's own module names are
those of the subpackage.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET = REPO / "provider" / "pulumi_ssm_contacts" / "native" / "sdk"
SUBPACKAGE = "pulumi_ssm_contacts.native.sdk"
DROPPED = ("README.md",)
"""Generated files not committed (the package's README says how to use the classes)."""


def codegen_binary() -> Path:
    """``sdk-codegen``: $SDK_CODEGEN, else the toolchain's (provisioned when missing)."""
    named = os.environ.get("SDK_CODEGEN")
    if named:
        return Path(named)
    binary = REPO / ".tools" / "sdk-toolchain" / "bin" / "sdk-codegen"
    if not os.access(binary, os.X_OK):
        subprocess.run(
            [str(REPO / "scripts" / "ensure-sdk-toolchain")], check=True, stdout=subprocess.DEVNULL
        )
    return binary


def sdk_schema() -> dict[str, object]:
    """The package schema, its Python package name that of the generated subpackage."""
    from pulumi_ssm_contacts.native.schema import package_schema

    schema = package_schema()
    language = schema["language"]
    assert isinstance(language, dict)
    language["python"] = {**language["python"], "packageName": SUBPACKAGE}
    return schema


def generate(out: Path) -> None:
    """Write the generated subpackage's files into ``out`` (replacing what it holds)."""
    with tempfile.TemporaryDirectory(prefix="python-sdk-") as scratch:
        schema_file = Path(scratch) / "schema.json"
        schema_file.write_text(json.dumps(sdk_schema(), indent=2))
        generated = Path(scratch) / "out"
        subprocess.run(
            [str(codegen_binary()), "gen", "python", str(schema_file), str(generated)], check=True
        )
        package = generated / SUBPACKAGE
        for name in DROPPED:
            (package / name).unlink(missing_ok=True)
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(package, out)
        for path in out.rglob("*"):
            if path.is_file():
                path.chmod(0o644)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=TARGET)
    args = parser.parse_args()
    generate(args.out)
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
