"""`make bench` keeps working: its tiny mode runs every figure once and writes every table.

Tiny means one resource per stack and one run of every figure of our two front ends, through
the real CLI like `make bench`; nothing here looks at a timing (docs/BENCHMARKS.md holds the
figures).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .harness import REPO

pytestmark = pytest.mark.e2e

BENCH = (sys.executable, "-m", "benchmarks")
GROUPS = {
    "engine": ("## Goals (issue 10)", "## 1. The engine: N contacts", "## 3. State per resource"),
    "startup,hooks,concurrency": ("## 4. Hook latency in-process", "## 5. Start-up"),
}
"""The figures in two runs (two workers run them at once), and the sections each writes. The call
table's lifecycles (one per resource set) are left to `make bench`: the tiers below count
every hook's calls already (tests/protocol/resource_cases.py's create_calls)."""
KEPT = "<!-- export figure: begin -->\nexport rows\n<!-- export figure: end -->"


@pytest.mark.parametrize("only", GROUPS, ids=[g.split(",")[0] for g in GROUPS])
def test_tiny_bench_writes_its_tables(tmp_path: Path, only: str) -> None:
    out, raw = tmp_path / "BENCHMARKS.md", tmp_path / "results.json"
    out.write_text(f"# old page\n\n{KEPT}\n")
    args = ["--mode", "tiny", "--only", only, "--before", "", "--out", str(out), "--json", str(raw)]
    done = subprocess.run(
        [*BENCH, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    page = out.read_text()
    for section in ("## Machine", *GROUPS[only]):
        assert section in page, section
    assert KEPT in page, "the export figure's section is kept"
    assert "# old page" not in page
    results = json.loads(raw.read_text())
    if only == "engine":
        for provider in ("pulumi_ssm_contacts", "pulumi_ssm_contacts.native (the native plugin)"):
            assert f"| 1 | {provider} |" in page
        failed = [(r["provider"], r["failed"]) for r in results["engine"] if r["failed"]]
        assert failed == [], failed
