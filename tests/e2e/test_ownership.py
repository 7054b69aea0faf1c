"""One owner per contact under the real engine: two stacks, twin resources, lost responses.

Every contact carries the owner tag of the one Pulumi resource that manages it (docs/contact.md,
"Ownership"); these scenarios are the ways a second owner used to appear.
"""

from __future__ import annotations

import pytest
from pulumi import automation as auto

from .harness import (
    CONTACTS_PROGRAM,
    Contacts,
    Emulator,
    StackFactory,
    changes,
    contact_state,
    set_contacts,
)

pytestmark = pytest.mark.e2e

OWNER_TAG = "pulumi-ssm-contacts/owner"
AKUAM: Contacts = [
    {"name": "akuam", "alias": "akuam", "display_name": "Akua Mansa", "type": "PERSONAL"}
]


def owner_of(emulator: Emulator, arn: str) -> str | None:
    tags = emulator.client.list_tags_for_resource(ResourceARN=arn)["Tags"]
    return next((t["Value"] for t in tags if t["Key"] == OWNER_TAG), None)


def test_conflict_second_stack_with_the_same_alias_fails_and_first_keeps_it(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    prod = new_stack(CONTACTS_PROGRAM, AKUAM, stack_name="prod")
    arn = prod.up().outputs["akuam"].value
    staging = new_stack(CONTACTS_PROGRAM, AKUAM, stack_name="staging")

    with pytest.raises(auto.CommandError) as failure:
        staging.up()

    assert "managed by another Pulumi resource (e2e-contacts/prod/akuam)" in str(failure.value)
    assert contact_state(staging, "akuam") is None, "the second stack owns nothing"
    staging.destroy()
    assert emulator.client.get_contact(ContactId=arn)["DisplayName"] == "Akua Mansa"
    assert owner_of(emulator, arn) == "e2e-contacts/prod/akuam"
    assert changes(prod.preview().change_summary) == {}


def test_conflict_twin_resources_in_one_program_get_no_contact(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    """Refused in the program, before either is made (test_twins.py has the other claims)."""
    twins: Contacts = [
        {"name": "first", "alias": "oncall", "type": "PERSONAL"},
        {"name": "second", "alias": "oncall", "type": "PERSONAL"},
    ]
    stack = new_stack(CONTACTS_PROGRAM, twins)

    with pytest.raises(auto.CommandError) as failure:
        stack.up()

    assert "Contact 'first' and Contact 'second' both claim `alias` 'oncall'" in str(failure.value)
    assert emulator.aliases() == []
    assert [name for name in ("first", "second") if contact_state(stack, name)] == []


@pytest.mark.parametrize("display_name", ["Akua Mansa", "Akua M. Mansa"], ids=["same", "changed"])
def test_lost_responses_then_a_rerun_converge_with_no_duplicate(
    new_stack: StackFactory, emulator: Emulator, display_name: str
) -> None:
    stack = new_stack(CONTACTS_PROGRAM, AKUAM)
    emulator.control.set_faults(drop_response_rate=1.0, operations=["CreateContact"])
    with pytest.raises(auto.CommandError) as failure:
        stack.up()  # AWS created the contact; every answer was lost
    emulator.control.clear_faults()
    assert "no answer from AWS" in str(failure.value)
    assert "Traceback" not in str(failure.value)
    assert emulator.aliases() == ["akuam"]

    set_contacts(stack, [{**AKUAM[0], "display_name": display_name}])
    result = stack.up()

    assert changes(result.summary.resource_changes) == {"create": 1}
    assert emulator.aliases() == ["akuam"], "no duplicate"
    arn = result.outputs["akuam"].value
    assert emulator.client.get_contact(ContactId=arn)["DisplayName"] == display_name
    assert changes(stack.preview().change_summary) == {}


@pytest.mark.parametrize("policy", ["forget_on_delete", "remember"])
def test_destroy_then_up_makes_the_contact_again_under_either_token_policy(
    new_stack: StackFactory, emulator: Emulator, policy: str
) -> None:
    """An AWS that replays tokens after a delete must not hand back the deleted contact."""
    emulator.control.set_token_policy(policy)
    stack = new_stack(CONTACTS_PROGRAM, AKUAM)
    stack.up()
    stack.destroy()
    assert emulator.aliases() == []

    result = stack.up()

    arn = result.outputs["akuam"].value
    assert emulator.client.get_contact(ContactId=arn)["DisplayName"] == "Akua Mansa"
    assert owner_of(emulator, arn) == "e2e-contacts/e2e/akuam"
    assert changes(stack.refresh().summary.resource_changes) == {}
