"""diff: replacement for alias/type/region, in-place for the rest, equivalents are no change."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_ssm_contacts import ContactProvider

ARN = "arn:aws:ssm-contacts:us-east-1:123456789012:contact/akuam"
CONTACT = "arn:aws:ssm-contacts:us-east-1:123456789012:contact/boss"


def state(**overrides: Any) -> dict[str, Any]:
    """Old outputs as the engine stores them (with ``arn`` and the provider)."""
    base = {
        "alias": "akuam",
        "type": "ESCALATION",
        "displayName": "Akua Mansa",
        "plan": {
            "stages": [
                {
                    "durationInMinutes": 5,
                    "targets": [{"contactTargetInfo": {"contactId": CONTACT, "isEssential": True}}],
                }
            ]
        },
        "tags": {"team": "sre", "env": "prod"},
        "arn": ARN,
        "__provider": "gASV...",
    }
    return {**base, **overrides}


def inputs(**overrides: Any) -> dict[str, Any]:
    bag = state(**overrides)
    bag.pop("arn")
    return bag


def test_identical_inputs_are_no_change() -> None:
    result = ContactProvider().diff(ARN, state(), inputs())
    assert result.changes is False
    assert result.replaces == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param({"plan": {"stages": []}}, {"plan": None}, id="state-0.1-plan-vs-unmanaged"),
        pytest.param(
            {"plan": {"stages": [{"durationInMinutes": 1, "targets": []}]}},
            {"plan": None},
            id="unmanaged-plan-ignored",
        ),
        pytest.param(
            {"plan": {"stages": []}},
            {"plan": {"stages": [], "rotationIds": []}},
            id="empty-rotations",
        ),
        pytest.param({"tags": None}, {"tags": {}}, id="missing-vs-empty-tags"),
        pytest.param(
            {"tags": {"a": "1", "b": "2"}}, {"tags": {"b": "2", "a": "1"}}, id="tag-order"
        ),
        pytest.param({"displayName": None}, {"displayName": ""}, id="missing-vs-empty-name"),
        pytest.param({"region": "us-east-1"}, {"region": None}, id="region-left-to-config"),
    ],
)
def test_equivalent_values_are_no_change(old: dict[str, Any], new: dict[str, Any]) -> None:
    result = ContactProvider().diff(ARN, state(**old), inputs(**new))
    assert result.changes is False, result.__dict__


@pytest.mark.parametrize(
    "change",
    [
        {"displayName": "Akua M."},
        {"plan": {"stages": []}},
        {"tags": {"team": "sre"}},
    ],
    ids=["display-name", "plan", "tags"],
)
def test_other_changes_update_in_place(change: dict[str, Any]) -> None:
    result = ContactProvider().diff(ARN, state(), inputs(**change))
    assert result.changes is True
    assert result.replaces == []


def test_alias_change_replaces_create_before_delete() -> None:
    result = ContactProvider().diff(ARN, state(), inputs(alias="akua"))
    assert result.replaces == ["alias"]
    assert result.delete_before_replace is False


def test_type_change_with_same_alias_deletes_before_replacing() -> None:
    result = ContactProvider().diff(ARN, state(), inputs(type="PERSONAL", plan=None))
    assert result.replaces == ["type"]
    assert result.delete_before_replace is True


def test_alias_and_type_change_together_need_no_delete_first() -> None:
    result = ContactProvider().diff(ARN, state(), inputs(type="PERSONAL", alias="other"))
    assert sorted(result.replaces or []) == ["alias", "type"]
    assert result.delete_before_replace is False


def test_explicit_region_change_replaces() -> None:
    result = ContactProvider().diff(ARN, state(region="us-east-1"), inputs(region="eu-west-1"))
    assert result.replaces == ["region"]


def test_writing_down_the_region_it_lives_in_is_no_change() -> None:
    """A region set where there was none, the one the ARN names: the same contact, not a
    replacement (whose create would find this very contact, and whose delete would then
    remove it). Another region still replaces."""
    same = ContactProvider().diff(ARN, state(), inputs(region="us-east-1"))
    assert (same.changes, same.replaces) == (False, [])
    other = ContactProvider().diff(ARN, state(), inputs(region="eu-west-1"))
    assert other.replaces == ["region"]
