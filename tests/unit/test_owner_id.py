"""The owner value: unique exactly when the resource's URN is, earlier releases' values kept."""

from __future__ import annotations

import pytest

from pulumi_ssm_contacts.core.ownership import owner_id, parents_of_urn, stack_of
from pulumi_ssm_contacts.resources.contact import ContactEngine

PAGER = "acme:index:Pager"
TEAM = "acme:index:Team"


def test_basic_top_level_owner_is_unchanged_from_earlier_releases() -> None:
    assert owner_id("proj", "dev", "sms") == "proj/dev/sms"


def test_child_owner_names_the_parent_type_chain_outermost_first() -> None:
    assert owner_id("proj", "dev", "sms", (PAGER,)) == "proj/dev/acme:index:Pager::sms"
    assert owner_id("proj", "dev", "sms", (TEAM, PAGER)) == (
        "proj/dev/acme:index:Team+acme:index:Pager::sms"
    )


def test_one_name_under_two_parents_gives_two_owners() -> None:
    owners = {
        owner_id("proj", "dev", "sms"),
        owner_id("proj", "dev", "sms", (PAGER,)),
        owner_id("proj", "dev", "sms", (TEAM,)),
        owner_id("proj", "dev", "sms", (TEAM, PAGER)),
        owner_id("proj", "dev", "sms", (PAGER, TEAM)),
    }
    assert len(owners) == 5


def test_top_level_name_with_double_colon_cannot_read_as_a_child() -> None:
    child = owner_id("proj", "dev", "sms", (PAGER,))
    top = owner_id("proj", "dev", f"{PAGER}::sms")
    assert top != child
    assert top.startswith("proj/dev/sha256-")


def test_values_a_tag_cannot_hold_are_digests_distinct_from_top_level_ones() -> None:
    long_name = "x" * 300
    child = owner_id("proj", "dev", long_name, (PAGER,))
    assert child.startswith("proj/dev/sha256-") and len(child) == len("proj/dev/sha256-") + 32
    # The same text as a top-level name digests differently (the chain is NUL-separated).
    assert child != owner_id("proj", "dev", f"{PAGER}::{long_name}")
    assert owner_id("proj", "dev", "bad$name", (PAGER,)).startswith("proj/dev/sha256-")
    assert owner_id("proj", "dev", "bad$name") != owner_id("proj", "dev", "bad$name", (PAGER,))


@pytest.mark.parametrize("parents", [(), (PAGER,), (TEAM, PAGER)])
def test_every_form_keeps_its_stack(parents: tuple[str, ...]) -> None:
    for name in ("sms", "x" * 300, "a::b"):
        assert stack_of(owner_id("proj", "dev", name, parents)) == ("proj", "dev")


def test_parents_of_a_urn_are_its_types_and_none_for_the_root_stack() -> None:
    assert parents_of_urn("urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev") == ()
    assert parents_of_urn("urn:pulumi:dev::proj::acme:index:Pager::pager") == (PAGER,)
    assert parents_of_urn(f"urn:pulumi:dev::proj::{TEAM}${PAGER}::a::b") == (TEAM, PAGER)
    with pytest.raises(ValueError):
        parents_of_urn("not-a-urn")


def test_check_keeps_the_owner_the_state_records() -> None:
    """State written before the parent chain joined the owner keeps its owner (and its tag)."""
    news = {"alias": "akuam", "type": "PERSONAL", "owner": "proj/dev/acme:index:Pager::akuam"}
    olds = {**news, "owner": "proj/dev/akuam", "arn": "arn:aws:ssm-contacts:::contact/akuam"}

    bag, failures = ContactEngine().check(news, olds)

    assert failures == []
    assert bag["owner"] == "proj/dev/akuam"
    created, _ = ContactEngine().check(news, {})
    assert created["owner"] == "proj/dev/acme:index:Pager::akuam"
