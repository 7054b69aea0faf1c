"""ContactChannel diff: contactId/type/region replace (delete first), name/address in place,
deferActivation never a change; no API call."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_ssm_contacts.contact_channel_provider import ContactChannelProvider

CONTACT = "arn:aws:ssm-contacts:us-east-1:123456789012:contact/akuam"
OTHER = "arn:aws:ssm-contacts:us-east-1:123456789012:contact/boss"
ARN = "arn:aws:ssm-contacts:us-east-1:123456789012:contact-channel/akuam/0a1b2c3d"


def state(**overrides: Any) -> dict[str, Any]:
    """Old outputs as the engine stores them (arn, status and provider included)."""
    base = {
        "contactId": CONTACT,
        "name": "mobile",
        "type": "SMS",
        "deliveryAddress": "+15550100",
        "owner": "contacts/prod/akuam-sms",
        "activationStatus": "NOT_ACTIVATED",
        "arn": ARN,
        "__provider": "gASV...",
    }
    return {**base, **overrides}


def inputs(**overrides: Any) -> dict[str, Any]:
    bag = state(**overrides)
    for key in ("arn", "activationStatus"):
        bag.pop(key)
    return bag


def diff(olds: dict[str, Any], news: dict[str, Any]) -> tuple[bool, list[str], bool]:
    result = ContactChannelProvider().diff(ARN, olds, news)
    return bool(result.changes), list(result.replaces or []), bool(result.delete_before_replace)


def test_no_change() -> None:
    assert diff(state(), inputs()) == (False, [], False)


@pytest.mark.parametrize(
    ("overrides", "replaces"),
    [
        ({"contactId": OTHER}, ["contactId"]),
        ({"type": "VOICE"}, ["type"]),
        ({"region": "us-west-2"}, ["region"]),
        (
            {"contactId": OTHER, "type": "EMAIL", "deliveryAddress": "a@example.com"},
            ["contactId", "type"],
        ),
    ],
    ids=["contactId", "type", "region", "several"],
)
def test_replace_deletes_first(overrides: dict[str, Any], replaces: list[str]) -> None:
    """The new channel's create would share the old one's idempotency token."""
    assert diff(state(), inputs(**overrides)) == (True, replaces, True)


@pytest.mark.parametrize(
    "overrides",
    [{"name": "phone"}, {"deliveryAddress": "+15550199"}, {"name": "x", "deliveryAddress": "+1"}],
    ids=["name", "deliveryAddress", "both"],
)
def test_update_in_place(overrides: dict[str, Any]) -> None:
    assert diff(state(), inputs(**overrides)) == (True, [], False)


@pytest.mark.parametrize(
    ("old", "new"),
    [(None, True), (True, None), (True, False), (False, True)],
    ids=["set", "unset", "true-to-false", "false-to-true"],
)
def test_defer_activation_is_never_a_change(old: bool | None, new: bool | None) -> None:
    """It matters only when the channel is created."""
    olds = state(deferActivation=old) if old is not None else state()
    news = inputs(deferActivation=new) if new is not None else inputs()
    assert diff(olds, news) == (False, [], False)


def test_activation_status_and_owner_are_not_changes() -> None:
    olds = state(activationStatus="ACTIVATED")
    assert diff(olds, inputs(owner=None)) == (False, [], False)


def test_region_from_config_is_not_a_change() -> None:
    assert diff(state(region="us-east-1"), inputs()) == (False, [], False)


def test_writing_down_the_region_it_lives_in_is_no_change() -> None:
    assert diff(state(), inputs(region="us-east-1")) == (False, [], False)
