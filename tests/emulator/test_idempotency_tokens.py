"""Idempotency tokens under both policies: ``forget_on_delete`` (default) and ``remember``."""

from __future__ import annotations

import time

import pytest
from botocore.exceptions import ClientError

from .helpers import RECURRENCE, Emulator, SSMContactsClient, error_code, personal


def rotation_with_token(client: SSMContactsClient, member: str, token: str) -> str:
    arn: str = client.create_rotation(
        Name="primary",
        ContactIds=[member],
        TimeZoneId="UTC",
        Recurrence=RECURRENCE,
        IdempotencyToken=token,
    )["RotationArn"]
    return arn


def contact_with_token(client: SSMContactsClient, token: str, alias: str = "akuam") -> str:
    arn: str = client.create_contact(
        Alias=alias, Type="PERSONAL", Plan={"Stages": []}, IdempotencyToken=token
    )["ContactArn"]
    return arn


def test_default_policy_is_forget_on_delete(emulator: Emulator) -> None:
    assert emulator.token_policy().policy == "forget_on_delete"


def test_forget_on_delete_token_makes_a_new_rotation_after_delete(emulator: Emulator) -> None:
    client = emulator.client
    member = personal(client, "member")
    first = rotation_with_token(client, member, "T")
    client.delete_rotation(RotationId=first)
    second = rotation_with_token(client, member, "T")
    assert second != first
    assert client.get_rotation(RotationId=second)["RotationArn"] == second


def test_forget_on_delete_token_makes_a_new_contact_after_delete(emulator: Emulator) -> None:
    client = emulator.client
    first = contact_with_token(client, "T")
    client.delete_contact(ContactId=first)
    assert contact_with_token(client, "T") == first
    assert [c["Alias"] for c in client.list_contacts()["Contacts"]] == ["akuam"]


def test_remember_replays_a_deleted_rotations_arn(emulator: Emulator) -> None:
    emulator.set_token_policy("remember")
    client = emulator.client
    member = personal(client, "member")
    first = rotation_with_token(client, member, "T")
    client.delete_rotation(RotationId=first)
    assert rotation_with_token(client, member, "T") == first
    with pytest.raises(ClientError) as error:
        client.get_rotation(RotationId=first)
    assert error_code(error) == "ResourceNotFoundException"
    assert client.list_rotations()["Rotations"] == []


def test_remember_replays_a_deleted_contacts_arn_and_creates_nothing(emulator: Emulator) -> None:
    emulator.set_token_policy("remember")
    client = emulator.client
    first = contact_with_token(client, "T")
    client.delete_contact(ContactId=first)
    assert contact_with_token(client, "T") == first
    assert client.list_contacts()["Contacts"] == []


def test_remember_forgets_the_token_after_its_window(emulator: Emulator) -> None:
    emulator.set_token_policy("remember", window_s=1)
    client = emulator.client
    member = personal(client, "member")
    first = rotation_with_token(client, member, "T")
    client.delete_rotation(RotationId=first)
    assert rotation_with_token(client, member, "T") == first
    time.sleep(1.2)
    second = rotation_with_token(client, member, "T")
    assert second != first
    assert client.get_rotation(RotationId=second)["RotationArn"] == second


def test_remember_window_also_ends_replay_of_live_resources(emulator: Emulator) -> None:
    emulator.set_token_policy("remember", window_s=1)
    client = emulator.client
    contact_with_token(client, "T")
    time.sleep(1.2)
    with pytest.raises(ClientError) as error:
        contact_with_token(client, "T")
    assert error_code(error) == "ConflictException"


@pytest.mark.parametrize("policy", ["forget_on_delete", "remember"])
def test_token_replayed_with_other_parameters_returns_the_first_result(
    emulator: Emulator, policy: str
) -> None:
    emulator.set_token_policy(policy)
    client = emulator.client
    first = contact_with_token(client, "T", alias="akuam")
    assert contact_with_token(client, "T", alias="other") == first
    assert [c["Alias"] for c in client.list_contacts()["Contacts"]] == ["akuam"]


def test_policy_applies_per_operation(emulator: Emulator) -> None:
    emulator.set_token_policy("remember")
    client = emulator.client
    contact = contact_with_token(client, "T")
    member = personal(client, "member")
    rotation = rotation_with_token(client, member, "T")
    assert rotation != contact
    assert client.get_rotation(RotationId=rotation)["RotationArn"] == rotation


def test_reset_forgets_tokens_and_restores_the_default(emulator: Emulator) -> None:
    emulator.set_token_policy("remember")
    first = contact_with_token(emulator.client, "T")
    emulator.client.delete_contact(ContactId=first)
    emulator.reset()
    assert emulator.token_policy().policy == "forget_on_delete"
    contact_with_token(emulator.client, "T")
    assert [c["Alias"] for c in emulator.client.list_contacts()["Contacts"]] == ["akuam"]


def channel_with_token(client: SSMContactsClient, contact: str, token: str) -> str:
    arn: str = client.create_contact_channel(
        ContactId=contact,
        Name="sms",
        Type="SMS",
        DeliveryAddress={"SimpleAddress": "+15550100"},
        IdempotencyToken=token,
    )["ContactChannelArn"]
    return arn


def test_forget_on_delete_token_makes_a_new_channel_after_delete(emulator: Emulator) -> None:
    client = emulator.client
    akuam = personal(client, "akuam")
    first = channel_with_token(client, akuam, "T")
    client.delete_contact_channel(ContactChannelId=first)
    second = channel_with_token(client, akuam, "T")
    assert second != first
    assert client.get_contact_channel(ContactChannelId=second)["ContactArn"] == akuam


def test_remember_replays_a_deleted_channels_arn(emulator: Emulator) -> None:
    """ContactChannel then finds the replayed channel gone and tries its next token."""
    emulator.set_token_policy("remember")
    client = emulator.client
    akuam = personal(client, "akuam")
    first = channel_with_token(client, akuam, "T")
    client.delete_contact_channel(ContactChannelId=first)
    assert channel_with_token(client, akuam, "T") == first
    with pytest.raises(ClientError) as error:
        client.get_contact_channel(ContactChannelId=first)
    assert error_code(error) == "ResourceNotFoundException"
    assert client.list_contact_channels(ContactId=akuam)["ContactChannels"] == []


def test_channel_token_replayed_for_another_contact_returns_the_first_channel(
    emulator: Emulator,
) -> None:
    client = emulator.client
    akuam = personal(client, "akuam")
    first = channel_with_token(client, akuam, "T")
    assert channel_with_token(client, personal(client, "mateo"), "T") == first
    assert client.get_contact_channel(ContactChannelId=first)["ContactArn"] == akuam


def test_forget_on_delete_forgets_the_tokens_of_a_deleted_contacts_channels(
    emulator: Emulator,
) -> None:
    client = emulator.client
    akuam = personal(client, "akuam")
    first = channel_with_token(client, akuam, "T")
    client.delete_contact(ContactId=akuam)
    akuam = personal(client, "akuam")
    second = channel_with_token(client, akuam, "T")
    assert second != first
    assert client.get_contact_channel(ContactChannelId=second)["ContactArn"] == akuam
