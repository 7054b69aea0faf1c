"""The Contact resource under the real engine: `pulumi up`, preview, refresh, import and destroy.

Scenario names follow terraform-provider-aws's acceptance tests (basic, disappears, update_*,
replace_on_*, import); every step runs the `pulumi` CLI against the emulator server.
"""

from __future__ import annotations

import re

import pytest
from pulumi import automation as auto

from .harness import (
    CONTACTS_PROGRAM,
    QUICKSTART,
    Contacts,
    Emulator,
    StackFactory,
    changes,
    contact_arn,
    contact_state,
    set_contacts,
)

pytestmark = pytest.mark.e2e

CONTACT_ARN = re.compile(r"arn:aws:ssm-contacts:[a-z]{2}(-[a-z]+)+-\d:\d{12}:contact/[a-z0-9_\-]+")

AKUAM: Contacts = [
    {"name": "akuam", "alias": "akuam", "display_name": "Akua Mansa", "type": "PERSONAL"}
]
AKUAM_AND_ESCALATION: Contacts = [
    *AKUAM,
    {
        "name": "escalation",
        "alias": "akuam-escalation",
        "type": "ESCALATION",
        "engages": ["akuam"],
        "tags": {"team": "payments"},
    },
]


def test_basic_quickstart_up_creates_contacts_and_destroy_leaves_none(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    stack = new_stack(QUICKSTART)

    # The escalation plan's target is akuam's ARN, unknown until akuam exists.
    preview = stack.preview()
    calls_in_preview = emulator.operations()
    result = stack.up()

    # The stack, 2 contacts, akuam's channel and plan.
    assert changes(preview.change_summary) == {"create": 5}
    assert calls_in_preview == []
    assert changes(result.summary.resource_changes) == {"create": 5}
    akuam, escalation = result.outputs["akuam_arn"].value, result.outputs["escalation_arn"].value
    assert CONTACT_ARN.fullmatch(akuam) and CONTACT_ARN.fullmatch(escalation)
    assert (akuam, escalation) == (contact_arn("akuam"), contact_arn("akuam-escalation"))
    person = emulator.client.get_contact(ContactId=akuam)
    assert (person["Alias"], person["DisplayName"], person["Type"]) == (
        "akuam",
        "Akua Mansa",
        "PERSONAL",
    )
    [channel] = emulator.client.list_contact_channels(ContactId=akuam)["ContactChannels"]
    assert [stage["Targets"] for stage in person["Plan"]["Stages"]] == [
        [{"ChannelTargetInfo": {"ContactChannelId": channel["ContactChannelArn"]}}]
    ]
    plan = emulator.client.get_contact(ContactId=escalation)["Plan"]
    assert [stage["Targets"] for stage in plan["Stages"]] == [
        [{"ContactTargetInfo": {"ContactId": akuam, "IsEssential": True}}]
    ]
    emulator.control.clear_calls()

    destroyed = stack.destroy()  # the destroy scenario, on the stack basic made

    assert changes(destroyed.summary.resource_changes) == {"delete": 5}
    assert emulator.control.counts().get("DeleteContact") == 2
    assert emulator.aliases() == []


def test_preview_after_up_changes_nothing_and_calls_no_api(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    stack = new_stack(CONTACTS_PROGRAM, AKUAM_AND_ESCALATION)
    stack.up()
    emulator.control.clear_calls()

    preview = stack.preview()

    assert changes(preview.change_summary) == {}
    assert emulator.operations() == []


def test_update_display_name_updates_in_place(new_stack: StackFactory, emulator: Emulator) -> None:
    stack = new_stack(CONTACTS_PROGRAM, AKUAM)
    arn = stack.up().outputs["akuam"].value
    set_contacts(stack, [{**AKUAM[0], "display_name": "Akua M. Mansa"}])
    emulator.control.clear_calls()

    result = stack.up()

    assert changes(result.summary.resource_changes) == {"update": 1}
    assert result.outputs["akuam"].value == arn
    assert emulator.client.get_contact(ContactId=arn)["DisplayName"] == "Akua M. Mansa"
    writes = [op for op in emulator.operations() if op in {"CreateContact", "DeleteContact"}]
    assert (emulator.control.counts().get("UpdateContact"), writes) == (1, [])


def test_replace_on_alias_creates_new_contact_and_deletes_old(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    stack = new_stack(CONTACTS_PROGRAM, AKUAM)
    old_arn = stack.up().outputs["akuam"].value
    set_contacts(stack, [{**AKUAM[0], "alias": "akua-mansa"}])

    result = stack.up()

    assert changes(result.summary.resource_changes) == {"replace": 1}
    assert result.outputs["akuam"].value == contact_arn("akua-mansa") != old_arn
    with pytest.raises(emulator.client.exceptions.ResourceNotFoundException):
        emulator.client.get_contact(ContactId=old_arn)
    assert emulator.aliases() == ["akua-mansa"]


def test_replace_on_type_deletes_before_creating(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    team: Contacts = [{"name": "team", "alias": "team", "type": "PERSONAL"}]
    stack = new_stack(CONTACTS_PROGRAM, team)
    stack.up()
    set_contacts(stack, [{**team[0], "type": "ESCALATION"}])
    emulator.control.clear_calls()

    result = stack.up()  # create-before-delete would fail: the alias is still taken

    assert changes(result.summary.resource_changes) == {"replace": 1}
    writes = [op for op in emulator.operations() if op in {"CreateContact", "DeleteContact"}]
    assert writes == ["DeleteContact", "CreateContact"]
    assert emulator.aliases() == ["team"]
    assert emulator.client.get_contact(ContactId=contact_arn("team"))["Type"] == "ESCALATION"


def test_drift_display_name_then_disappears_refresh_sees_each_and_up_restores_it(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    """Two scenarios on one stack: drift (changed out of band), then disappears (deleted)."""
    stack = new_stack(CONTACTS_PROGRAM, AKUAM)
    arn = stack.up().outputs["akuam"].value
    emulator.client.update_contact(ContactId=arn, DisplayName="Changed Out Of Band")

    refreshed = stack.refresh()

    assert changes(refreshed.summary.resource_changes) == {"update": 1}
    assert (contact_state(stack, "akuam") or {}).get("displayName") == "Changed Out Of Band"
    assert changes(stack.up().summary.resource_changes) == {"update": 1}
    assert emulator.client.get_contact(ContactId=arn)["DisplayName"] == "Akua Mansa"

    emulator.client.delete_contact(ContactId=arn)

    refreshed = stack.refresh()

    assert changes(refreshed.summary.resource_changes) == {"delete": 1}
    assert contact_state(stack, "akuam") is None
    assert changes(stack.up().summary.resource_changes) == {"create": 1}
    assert emulator.client.get_contact(ContactId=arn)["DisplayName"] == "Akua Mansa"


def test_import_by_arn_then_up_has_no_diff(new_stack: StackFactory, emulator: Emulator) -> None:
    arn = emulator.client.create_contact(
        Alias="adopted", DisplayName="Adopted Person", Type="PERSONAL", Plan={"Stages": []}
    )["ContactArn"]
    adopted = {"name": "adopted", "alias": "adopted", "display_name": "Adopted Person"}
    stack = new_stack(CONTACTS_PROGRAM, [{**adopted, "type": "PERSONAL", "import": arn}])
    emulator.control.clear_calls()

    imported = stack.up()

    assert imported.outputs["adopted"].value == arn
    assert "CreateContact" not in emulator.operations()
    assert emulator.aliases() == ["adopted"]
    assert changes(stack.up().summary.resource_changes) == {}
    set_contacts(stack, [{**adopted, "type": "PERSONAL"}])  # the import option has done its job
    assert changes(stack.preview().change_summary) == {}


def test_bad_input_fails_preview_naming_the_property(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    stack = new_stack(CONTACTS_PROGRAM, [{"name": "bad", "alias": "Bad Alias", "type": "PERSONAL"}])

    with pytest.raises(auto.CommandError) as failure:
        stack.preview()

    message = str(failure.value)
    assert re.search(r"\balias\b", message), message
    assert "pattern" in message, message
    assert emulator.operations() == []
    assert emulator.aliases() == []
