"""The docs and examples name nested inputs one way: after their owner, as pulumi-aws does.

Release 0.1.0's names (``PlanArgs``, ``StageArgs``, ``TargetArgs``...) stay importable as
aliases of the same classes, but what a reader copies uses the owner-named ones.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import pulumi_ssm_contacts

REPO = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted(
    [REPO / "README.md", *(REPO / "docs").glob("*.md"), *(REPO / "examples").rglob("*.py")]
)
ARGS_NAME = re.compile(r"\b[A-Z][A-Za-z]*Args(?:Dict)?\b")


def aliases() -> dict[str, str]:
    """Exported names that are another name for a class: alias -> the class's own name."""
    found = {}
    for name in pulumi_ssm_contacts.__all__:
        value = getattr(pulumi_ssm_contacts, name)
        own = getattr(value, "__name__", name)
        if isinstance(value, type) and own != name:
            found[name] = own
    return found


def test_release_0_1_names_still_import_as_the_owner_named_classes() -> None:
    found = aliases()
    assert found["PlanArgs"] == "ContactEngagementPlanArgs"
    assert found["StageArgs"] == "PlanStageArgs"
    assert found["TargetArgs"] == "PlanStageTargetArgs"
    assert found["ContactTargetInfoArgs"] == "PlanStageTargetContactTargetInfoArgs"
    assert found["ChannelTargetInfoArgs"] == "PlanStageTargetChannelTargetInfoArgs"
    for alias, own in found.items():
        assert getattr(pulumi_ssm_contacts, alias) is getattr(pulumi_ssm_contacts, own)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: str(path.relative_to(REPO)))
def test_docs_and_examples_use_the_owner_named_inputs(document: Path) -> None:
    old = aliases()
    used = set(ARGS_NAME.findall(document.read_text()))
    stale = {name: old[name] for name in sorted(used) if name in old}
    assert not stale, f"{document.relative_to(REPO)} uses release 0.1.0 names (use: {stale})"
