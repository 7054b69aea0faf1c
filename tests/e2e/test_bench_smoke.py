"""`make bench` keeps working: its tiny mode runs every figure once and writes every table.

Tiny means one resource per stack and one run of everything, through the real CLI like
`make bench`; nothing here looks at a timing (docs/BENCHMARKS.md holds the figures).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .harness import REPO

pytestmark = pytest.mark.e2e

BENCH = (sys.executable, "-m", "benchmarks")
SECTIONS = (
    "## Machine",
    "## Goals (issue 10)",
    "## 1. The engine: N contacts through `pulumi`",
    "## 2. API calls per resource and lifecycle step",
    "## 3. State per resource",
    "## 4. Hook latency in-process",
    "## 5. Start-up",
)


def test_tiny_bench_writes_every_table(tmp_path: Path) -> None:
    out, raw = tmp_path / "BENCHMARKS.md", tmp_path / "results.json"
    done = subprocess.run(
        [*BENCH, "--mode", "tiny", "--before", "", "--out", str(out), "--json", str(raw)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    page = out.read_text()
    for section in SECTIONS:
        assert section in page, section
    for provider in ("no-op provider (floor)", "naive boto3 provider in `__main__`"):
        assert f"| 1 | {provider} |" in page
    for resource in ("Contact", "ContactChannel", "ContactPlan"):
        assert re.search(rf"\n\| {resource} \| [1-9]", page), f"{resource}'s create makes calls"
    results = json.loads(raw.read_text())
    failed = [(r["provider"], r["failed"]) for r in results["engine"] if r["failed"]]
    failed += [(n, r["failed"]) for n, r in results["calls"]["sets"].items() if r["failed"]]
    assert failed == [], failed
