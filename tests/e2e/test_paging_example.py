"""examples/paging under the real engine: a contact that pages someone, its number kept secret."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pulumi import automation as auto

from .harness import REPO, Emulator, StackFactory, changes, contact_arn

pytestmark = pytest.mark.e2e

PAGING = REPO / "examples" / "paging"
NUMBER = "+15550100"
SECRET_SIG = "4dabf18193072939515e22adb298388d"
"""The key Pulumi marks a secret value with in `pulumi stack export`."""


def places_of(value: Any, needle: str, inside_secret: bool = False) -> list[bool]:
    """For each place `needle` occurs in an export, whether it sits inside a secret envelope."""
    if isinstance(value, dict):
        secret = inside_secret or SECRET_SIG in value
        return [hit for item in value.values() for hit in places_of(item, needle, secret)]
    if isinstance(value, list):
        return [hit for item in value for hit in places_of(item, needle, inside_secret)]
    return [inside_secret] if isinstance(value, str) and needle in value else []


@pytest.fixture
def paging(new_stack: StackFactory) -> auto.Stack:
    stack = new_stack(PAGING)
    stack.set_config("smsNumber", auto.ConfigValue(NUMBER, secret=True))
    return stack


def export(stack: auto.Stack, *flags: str) -> str:
    """`pulumi stack export` as a user runs it (the Automation API's adds --show-secrets)."""
    return stack.workspace.pulumi_command.run(
        ["stack", "export", *flags, "--stack", stack.name],
        stack.workspace.work_dir,
        stack.workspace.env_vars,
    ).stdout


def test_paging_goes_up_pages_email_then_sms_keeps_the_number_secret_and_destroys_to_nothing(
    paging: auto.Stack, emulator: Emulator
) -> None:
    """Three scenarios on one stack: basic (up, then a no-op up), the secret, destroy."""
    result = paging.up()

    assert emulator.aliases() == ["alejr", "mateoj", "payments-escalation"]
    channels = emulator.client.list_contact_channels(ContactId=contact_arn("alejr"))
    by_name = {c["Name"]: c for c in channels["ContactChannels"]}
    assert by_name["Phone"]["DeliveryAddress"]["SimpleAddress"] == NUMBER
    plan = emulator.client.get_contact(ContactId=contact_arn("alejr"))["Plan"]
    engaged = [s["Targets"][0]["ChannelTargetInfo"]["ContactChannelId"] for s in plan["Stages"]]
    assert engaged == [
        by_name["Work email"]["ContactChannelArn"],
        result.outputs["sms_channel"].value,
    ]
    assert [s["DurationInMinutes"] for s in plan["Stages"]] == [5, 0]

    # The SMS number is only ever inside a secret.
    assert NUMBER not in export(paging), "the plain export has ciphertext only"
    assert NUMBER not in result.stdout
    places = places_of(json.loads(export(paging, "--show-secrets")), NUMBER)
    assert len(places) >= 2 and all(places), "every copy is inside a secret envelope"

    assert changes(paging.up().summary.resource_changes) == {}

    paging.destroy()

    assert emulator.aliases() == []
