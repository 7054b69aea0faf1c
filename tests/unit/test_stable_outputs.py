"""Diff's stable outputs: what an in-place update leaves as it was, per resource; none for a
replacement. A preview may show a stable output as known (pulumi's DiffResult.stables)."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_ssm_contacts.core.engine import Engine
from pulumi_ssm_contacts.resources.contact import ContactEngine
from pulumi_ssm_contacts.resources.contact_channel import ContactChannelEngine
from pulumi_ssm_contacts.resources.contact_plan import ContactPlanEngine
from pulumi_ssm_contacts.resources.rotation import RotationEngine

CONTACT = "arn:aws:ssm-contacts:us-east-1:123456789012:contact/pat"
CHANNEL = "arn:aws:ssm-contacts:us-east-1:123456789012:contact-channel/pat/0a1b"
ROTATION = "arn:aws:ssm-contacts:us-east-1:123456789012:rotation/0a1b"
OWNER = "contacts/prod/subject"

STAGES = [
    {"durationInMinutes": 5, "targets": [{"channelTargetInfo": {"contactChannelId": CHANNEL}}]}
]
RECURRENCE = {
    "numberOfOnCalls": 1,
    "recurrenceMultiplier": 1,
    "dailySettings": [{"hourOfDay": 9, "minuteOfHour": 0}],
}
STATES: dict[str, tuple[Engine, dict[str, Any]]] = {
    "Contact": (
        ContactEngine(),
        {
            "alias": "pat",
            "type": "PERSONAL",
            "displayName": "Pat",
            "tags": {"team": "a"},
            "owner": OWNER,
            "arn": CONTACT,
        },
    ),
    "ContactChannel": (
        ContactChannelEngine(),
        {
            "contactId": CONTACT,
            "name": "email",
            "type": "EMAIL",
            "deliveryAddress": "pat@example.com",
            "activationStatus": "ACTIVATED",
            "owner": OWNER,
            "arn": CHANNEL,
        },
    ),
    "ContactPlan": (
        ContactPlanEngine(),
        {"contactId": CONTACT, "stages": STAGES, "owner": OWNER, "arn": CONTACT},
    ),
    "Rotation": (
        RotationEngine(),
        {
            "name": "rota",
            "contactIds": [CONTACT],
            "startTime": "2026-12-07T09:00:00Z",
            "timeZoneId": "Europe/Paris",
            "recurrence": RECURRENCE,
            "tags": {"team": "a"},
            "owner": OWNER,
            "arn": ROTATION,
        },
    ),
}
OUTPUTS_ONLY = {"arn", "activationStatus"}

UPDATES: list[tuple[str, str, Any, set[str]]] = [
    # resource, input, new value, outputs it changes besides itself
    ("Contact", "displayName", "Pat Doe", set()),
    ("Contact", "tags", {"team": "b"}, set()),
    ("Contact", "plan", {"stages": []}, set()),
    ("ContactChannel", "name", "work-email", set()),
    ("ContactChannel", "deliveryAddress", "pat@example.org", {"activationStatus"}),
    ("ContactPlan", "stages", [{**STAGES[0], "durationInMinutes": 10}], set()),
    ("ContactPlan", "rotationIds", [ROTATION], set()),
    ("Rotation", "contactIds", [CONTACT, CONTACT.replace("pat", "sam")], set()),
    ("Rotation", "startTime", "2026-12-08T09:00:00Z", set()),
    ("Rotation", "timeZoneId", "Europe/London", set()),
    ("Rotation", "recurrence", {**RECURRENCE, "recurrenceMultiplier": 2}, set()),
    ("Rotation", "tags", {"team": "b"}, set()),
]


def inputs_of(state: dict[str, Any]) -> dict[str, Any]:
    """The checked inputs a program gives for a state: no output-only keys."""
    return {k: v for k, v in state.items() if k not in OUTPUTS_ONLY}


@pytest.mark.parametrize(
    ("resource", "key", "value", "also"),
    UPDATES,
    ids=[f"{resource}-update_{key}" for resource, key, _, _ in UPDATES],
)
def test_update_keeps_every_other_output_stable(
    resource: str, key: str, value: Any, also: set[str]
) -> None:
    engine, state = STATES[resource]
    change = engine.diff(state, {**inputs_of(state), key: value})
    assert change.changed == [key]
    assert change.replaces == []
    assert "arn" in change.stables
    assert set(change.stables) == set(state) - {key} - also


@pytest.mark.parametrize("resource", sorted(STATES))
def test_replacement_keeps_nothing_stable(resource: str) -> None:
    engine, state = STATES[resource]
    key = next(k for k in engine.replace_keys if k in state)
    change = engine.diff(state, {**inputs_of(state), key: "renamed"})
    assert change.replaces == [key]
    assert change.stables == []


def test_region_following_config_leaves_region_not_stable() -> None:
    """An unset region is no change, but the update's outputs then hold no region."""
    engine, state = STATES["Rotation"]
    change = engine.diff({**state, "region": "us-east-1"}, {**inputs_of(state), "tags": {}})
    assert change.replaces == []
    assert "region" not in change.stables
    assert "arn" in change.stables


def test_declared_output_changes_name_real_keys() -> None:
    """Each engine's declaration names its own input and output keys (no typo hides one)."""
    for engine, _ in STATES.values():
        for key, outputs in engine.outputs_changed_by.items():
            assert key in engine.update_keys, (engine.type_name, key)
            assert set(outputs) <= set(engine.output_keys), (engine.type_name, outputs)
