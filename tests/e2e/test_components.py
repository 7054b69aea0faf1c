"""One resource name under several components: each child owns its own AWS resource.

Pulumi keeps `sms` under `acme:index:Pager` apart from `sms` under `acme:index:Escalator` (their
URNs differ), so their owners, owner tags and owner-derived tokens must differ too: a shared
owner made the second channel's create answer the first one's channel and delete it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .harness import Emulator, StackFactory, changes

pytestmark = pytest.mark.e2e

PROGRAM = Path(__file__).with_name("components_program")
ALIASES = ["alpha", "beta", "gamma"]
OWNER_TAG = "pulumi-ssm-contacts/owner"
PLAN_OWNER_TAG = "pulumi-ssm-contacts/plan-owner"
CONTACT_TYPE = "pulumi-python:dynamic/ssm-contacts:Contact"
DELETES = ("DeleteContact", "DeleteContactChannel", "DeleteRotation", "UntagResource")


def tags_of(emulator: Emulator, arn: str) -> dict[str, str]:
    found = emulator.client.list_tags_for_resource(ResourceARN=arn)["Tags"]
    return {t["Key"]: t.get("Value", "") for t in found}


def test_basic_same_child_names_under_three_parents_are_distinct_resources(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    stack = new_stack(PROGRAM)

    result = stack.up()

    # 4 components (Team holds a Pager), 4 resources under each of 3, and the stack.
    assert changes(result.summary.resource_changes) == {"create": 17}
    assert not [op for op in emulator.operations() if op in DELETES], "nothing deleted or untagged"
    contacts = emulator.client.list_contacts()["Contacts"]
    assert sorted(c["Alias"] for c in contacts) == ALIASES
    owners = {tags_of(emulator, c["ContactArn"])[OWNER_TAG] for c in contacts}
    plan_owners = {tags_of(emulator, c["ContactArn"])[PLAN_OWNER_TAG] for c in contacts}
    assert owners == {
        "e2e-contacts/e2e/acme:index:Pager::person",
        "e2e-contacts/e2e/acme:index:Escalator::person",
        "e2e-contacts/e2e/acme:index:Team+acme:index:Pager::person",
    }
    assert len(plan_owners) == 3
    channel_arns = set()
    for contact in contacts:
        channels = emulator.client.list_contact_channels(ContactId=contact["ContactArn"])
        assert [ch["Name"] for ch in channels["ContactChannels"]] == ["sms"], contact["Alias"]
        channel_arn = channels["ContactChannels"][0]["ContactChannelArn"]
        channel_arns.add(channel_arn)
        plan = emulator.client.get_contact(ContactId=contact["ContactArn"])["Plan"]
        engaged = plan["Stages"][0]["Targets"][0]["ChannelTargetInfo"]["ContactChannelId"]
        assert engaged == channel_arn, "each plan engages its own contact's channel"
    assert len(channel_arns) == 3
    rotations = emulator.client.list_rotations()["Rotations"]
    assert sorted(r["Name"] for r in rotations) == [f"{a}-rotation" for a in ALIASES]
    assert len({tags_of(emulator, r["RotationArn"])[OWNER_TAG] for r in rotations}) == 3

    emulator.control.clear_calls()
    again = stack.up()

    assert changes(again.summary.resource_changes) == {}
    assert not [op for op in emulator.operations() if op in DELETES]
    assert len(emulator.client.list_rotations()["Rotations"]) == 3
    stack.destroy()
    assert emulator.aliases() == []
    assert emulator.client.list_rotations()["Rotations"] == []


def test_state_from_an_earlier_release_keeps_its_owner_under_a_component(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    """Earlier releases' owner of a child was `<project>/<stack>/<name>`: such a resource keeps
    it (state and tag), so later runs neither retag it nor lose track of it."""
    stack = new_stack(PROGRAM)
    stack.up()
    old_owner = "e2e-contacts/e2e/person"
    deployment = stack.export_stack()
    assert deployment.deployment is not None
    urn = f"urn:pulumi:e2e::e2e-contacts::acme:index:Pager${CONTACT_TYPE}::person"
    (resource,) = [r for r in deployment.deployment["resources"] if r["urn"] == urn]
    arn = resource["outputs"]["arn"]
    resource["inputs"]["owner"] = resource["outputs"]["owner"] = old_owner
    stack.import_stack(deployment)
    emulator.client.tag_resource(ResourceARN=arn, Tags=[{"Key": OWNER_TAG, "Value": old_owner}])

    assert changes(stack.preview().change_summary) == {}
    assert changes(stack.up().summary.resource_changes) == {}
    assert tags_of(emulator, arn)[OWNER_TAG] == old_owner
    resources = (stack.export_stack().deployment or {})["resources"]
    assert [r["inputs"]["owner"] for r in resources if r["urn"] == urn] == [old_owner]
    stack.destroy()
    assert emulator.aliases() == []
