"""One owner per channel across stacks (issue 13, finding 14), under the real CLI.

A channel cannot be tagged, so its owner is marked on its contact
(`pulumi-ssm-contacts/channel/<uuid>`, channel_markers.py). Each stack here runs
resource_program with one resource, `subject`; its owner is `e2e-contacts/<stack>/subject`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pulumi import automation as auto

from .harness import Emulator, PulumiInvocation, StackFactory

pytestmark = pytest.mark.e2e

RESOURCE_PROGRAM = Path(__file__).with_name("resource_program")
MARKER = "pulumi-ssm-contacts/channel/"


def one_resource(
    new_stack: StackFactory, stack_name: str, type_: str, inputs: dict[str, Any], **extra: Any
) -> auto.Stack:
    stack = new_stack(RESOURCE_PROGRAM, stack_name=stack_name)
    spec = {"type": type_, "inputs": inputs, **extra}
    stack.set_config("resource", auto.ConfigValue(json.dumps(spec)))
    return stack


def channel_inputs(contact: str, name: str = "mobile") -> dict[str, Any]:
    return {"contactId": contact, "name": name, "type": "SMS", "deliveryAddress": "+15550100"}


def markers(emulator: Emulator, contact: str) -> dict[str, str]:
    tags = emulator.client.list_tags_for_resource(ResourceARN=contact)["Tags"]
    return {t["Key"]: t["Value"] for t in tags if t["Key"].startswith(MARKER)}


def pulumi_run(stack: auto.Stack, *args: str) -> tuple[int, str]:
    done = PulumiInvocation.of(stack, list(args)).run()
    return done.returncode, done.stdout + done.stderr


def test_import_of_another_stacks_channel_is_refused(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    contact = emulator.client.create_contact(Alias="akuam", Type="PERSONAL", Plan={"Stages": []})[
        "ContactArn"
    ]
    prod = one_resource(new_stack, "prod", "ContactChannel", channel_inputs(contact))
    channel = prod.up().outputs["id"].value
    assert markers(emulator, contact) == {
        MARKER + channel.rsplit("/", 1)[-1]: "e2e-contacts/prod/subject"
    }
    staging = one_resource(
        new_stack, "staging", "ContactChannel", channel_inputs(contact), **{"import": channel}
    )

    with pytest.raises(auto.CommandError) as refused:
        staging.up()

    assert "another Pulumi resource (e2e-contacts/prod/subject) manages this channel" in str(
        refused.value
    )
    assert "Traceback" not in str(refused.value), "our paragraph alone, no frames before it"
    # Renaming there then cannot touch prod's channel: staging holds nothing.
    staging.destroy()
    assert emulator.client.get_contact_channel(ContactChannelId=channel)["Name"] == "mobile"
    assert prod.preview().change_summary.get(auto.OpType.SAME) == 2


def test_destroy_of_the_contacts_stack_refuses_then_the_other_stacks_refresh_says_why(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    people = one_resource(new_stack, "people", "Contact", {"alias": "akuam", "type": "PERSONAL"})
    contact = people.up().outputs["id"].value
    paging = one_resource(new_stack, "paging", "ContactChannel", channel_inputs(contact))
    channel = paging.up().outputs["id"].value

    # The contact's stack may not delete the other stack's channel with its contact.
    status, output = pulumi_run(people, "destroy", "--yes", "--skip-preview")
    assert status != 0
    assert "stack(s) e2e-contacts/paging manage channels on this contact" in output
    assert f"{channel} (managed by e2e-contacts/paging/subject)" in output
    assert "Traceback" not in output
    assert emulator.client.get_contact_channel(ContactChannelId=channel)["Name"] == "mobile"

    # The documented way to go ahead anyway: remove the marker, destroy again.
    [key] = markers(emulator, contact)
    emulator.client.untag_resource(ResourceARN=contact, TagKeys=[key])
    people.destroy()

    status, output = pulumi_run(paging, "refresh", "--yes", "--skip-preview")
    assert status == 0, output
    assert f"ContactChannel {channel} (e2e-contacts/paging/subject) is gone: its contact" in output
    assert "was deleted" in output
    deployment = paging.export_stack().deployment or {}
    assert not any(r["type"].endswith("ContactChannel") for r in deployment["resources"])


def test_destroy_of_a_stack_with_its_own_contact_and_channel_is_not_refused(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    """The channel's marker names the contact's own stack: no refusal (contacts_program has
    no channel, so this one makes a contact and marks it as this stack's by hand)."""
    people = one_resource(new_stack, "people", "Contact", {"alias": "akuam", "type": "PERSONAL"})
    contact = people.up().outputs["id"].value
    channel = emulator.client.create_contact_channel(
        ContactId=contact, Name="x", Type="SMS", DeliveryAddress={"SimpleAddress": "+15550100"}
    )["ContactChannelArn"]
    key = MARKER + channel.rsplit("/", 1)[-1]
    emulator.client.tag_resource(
        ResourceARN=contact, Tags=[{"Key": key, "Value": "e2e-contacts/people/sms"}]
    )

    people.destroy()

    assert emulator.aliases() == []
