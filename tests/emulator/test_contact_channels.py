"""Contact channels: CRUD, activation, delivery address formats, missing resources."""

from __future__ import annotations

import re
from typing import Any

import pytest
from botocore.exceptions import ClientError

from pulumi_ssm_contacts.core.service_model import operation

from .helpers import (
    Emulator,
    SSMContactsClient,
    email_channel,
    error_code,
    error_message,
    ok,
    personal,
)

MISSING_CHANNEL = "arn:aws:ssm-contacts:us-east-1:123456789012:contact-channel/akuam/0000"
CHANNEL_ARN = re.compile(
    r"arn:aws:ssm-contacts:us-east-1:123456789012:contact-channel/akuam/"
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
)


def test_basic_create_and_get(client: SSMContactsClient) -> None:
    contact = personal(client, "akuam")
    created = ok(
        "CreateContactChannel",
        client.create_contact_channel(
            ContactId=contact,
            Name="phone",
            Type="SMS",
            DeliveryAddress={"SimpleAddress": "+15555550100"},
        ),
    )
    arn = created["ContactChannelArn"]
    assert CHANNEL_ARN.fullmatch(arn)
    got = ok("GetContactChannel", client.get_contact_channel(ContactChannelId=arn))
    assert got["ContactArn"] == contact
    assert (got["Name"], got["Type"]) == ("phone", "SMS")
    assert got["DeliveryAddress"] == {"SimpleAddress": "+15555550100"}
    assert got["ActivationStatus"] == "NOT_ACTIVATED"


def test_activation_with_sent_code(emulator: Emulator) -> None:
    client = emulator.client
    arn = email_channel(client, personal(client, "akuam"))
    code = emulator.activation_code(arn)
    ok(
        "ActivateContactChannel",
        client.activate_contact_channel(ContactChannelId=arn, ActivationCode=code),
    )
    got = client.get_contact_channel(ContactChannelId=arn)
    assert got["ActivationStatus"] == "ACTIVATED"


def test_deactivation_returns_channel_to_not_activated(emulator: Emulator) -> None:
    client = emulator.client
    arn = email_channel(client, personal(client, "akuam"))
    client.activate_contact_channel(
        ContactChannelId=arn, ActivationCode=emulator.activation_code(arn)
    )
    ok("DeactivateContactChannel", client.deactivate_contact_channel(ContactChannelId=arn))
    got = client.get_contact_channel(ContactChannelId=arn)
    assert got["ActivationStatus"] == "NOT_ACTIVATED"


def test_activation_with_wrong_code_is_rejected(emulator: Emulator) -> None:
    client = emulator.client
    arn = email_channel(client, personal(client, "akuam"))
    wrong = "999999" if emulator.activation_code(arn) != "999999" else "111111"
    with pytest.raises(ClientError) as error:
        client.activate_contact_channel(ContactChannelId=arn, ActivationCode=wrong)
    assert error_code(error) == "ValidationException"
    assert client.get_contact_channel(ContactChannelId=arn)["ActivationStatus"] == "NOT_ACTIVATED"


def test_deferred_activation_sends_no_code_until_asked(emulator: Emulator) -> None:
    client = emulator.client
    arn = email_channel(client, personal(client, "akuam"), DeferActivation=True)
    with pytest.raises(KeyError):
        emulator.activation_code(arn)
    ok("SendActivationCode", client.send_activation_code(ContactChannelId=arn))
    code = emulator.activation_code(arn)
    client.activate_contact_channel(ContactChannelId=arn, ActivationCode=code)
    assert client.get_contact_channel(ContactChannelId=arn)["ActivationStatus"] == "ACTIVATED"


def test_send_activation_code_replaces_the_previous_code(emulator: Emulator) -> None:
    client = emulator.client
    arn = email_channel(client, personal(client, "akuam"))
    codes = {emulator.activation_code(arn)}
    for _ in range(5):  # codes are random; six draws all equal would be a broken generator
        client.send_activation_code(ContactChannelId=arn)
        codes.add(emulator.activation_code(arn))
    assert len(codes) > 1
    client.activate_contact_channel(
        ContactChannelId=arn, ActivationCode=emulator.activation_code(arn)
    )


@pytest.mark.parametrize(
    ("channel_type", "address"),
    [("SMS", "5555550100"), ("VOICE", "+1 555"), ("EMAIL", "not-an-email")],
)
def test_delivery_address_must_match_channel_type(
    client: SSMContactsClient, channel_type: str, address: str
) -> None:
    contact = personal(client, "akuam")
    with pytest.raises(ClientError) as error:
        client.create_contact_channel(
            ContactId=contact,
            Name="channel",
            Type=channel_type,  # type: ignore[arg-type]
            DeliveryAddress={"SimpleAddress": address},
        )
    assert error_code(error) == "ValidationException"


def test_update_name_and_address(client: SSMContactsClient) -> None:
    arn = email_channel(client, personal(client, "akuam"))
    ok(
        "UpdateContactChannel",
        client.update_contact_channel(
            ContactChannelId=arn,
            Name="work email",
            DeliveryAddress={"SimpleAddress": "akua@example.org"},
        ),
    )
    got = client.get_contact_channel(ContactChannelId=arn)
    assert got["Name"] == "work email"
    assert got["DeliveryAddress"] == {"SimpleAddress": "akua@example.org"}


def test_update_with_bad_address_is_rejected(client: SSMContactsClient) -> None:
    arn = email_channel(client, personal(client, "akuam"))
    with pytest.raises(ClientError) as error:
        client.update_contact_channel(
            ContactChannelId=arn, DeliveryAddress={"SimpleAddress": "+15555550100"}
        )
    assert error_code(error) == "ValidationException"


def test_disappears_delete_then_get_is_not_found(client: SSMContactsClient) -> None:
    arn = email_channel(client, personal(client, "akuam"))
    ok("DeleteContactChannel", client.delete_contact_channel(ContactChannelId=arn))
    with pytest.raises(ClientError) as error:
        client.get_contact_channel(ContactChannelId=arn)
    assert error_code(error) == "ResourceNotFoundException"


def test_create_on_missing_contact_is_a_code_the_operation_has(
    client: SSMContactsClient,
) -> None:
    """CreateContactChannel's error list has no ResourceNotFoundException (issue 13, 10)."""
    missing = "arn:aws:ssm-contacts:us-east-1:123456789012:contact/nobody"
    with pytest.raises(ClientError) as error:
        client.create_contact_channel(
            ContactId=missing,
            Name="email",
            Type="EMAIL",
            DeliveryAddress={"SimpleAddress": "a@example.com"},
        )
    modeled = [e.name for e in operation("CreateContactChannel").error_shapes]
    assert error_code(error) in modeled
    assert error_code(error) == "ValidationException"
    assert missing in error_message(error)


@pytest.mark.parametrize(
    ("operation", "extra"),
    [
        ("get_contact_channel", {}),
        ("update_contact_channel", {"Name": "x"}),
        ("delete_contact_channel", {}),
        ("send_activation_code", {}),
        ("deactivate_contact_channel", {}),
        ("activate_contact_channel", {"ActivationCode": "123456"}),
    ],
)
def test_missing_channel_is_not_found(
    client: SSMContactsClient, operation: str, extra: dict[str, str]
) -> None:
    with pytest.raises(ClientError) as error:
        getattr(client, operation)(ContactChannelId=MISSING_CHANNEL, **extra)
    assert error_code(error) == "ResourceNotFoundException"


def test_idempotency_token_replay_creates_one_channel(client: SSMContactsClient) -> None:
    contact = personal(client, "akuam")
    first = email_channel(client, contact, IdempotencyToken="t1")
    again = email_channel(client, contact, IdempotencyToken="t1")
    assert first == again
    assert len(client.list_contact_channels(ContactId=contact)["ContactChannels"]) == 1


def test_list_pages_through_the_contacts_channels(client: SSMContactsClient) -> None:
    contact = personal(client, "akuam")
    other = personal(client, "other")
    created = [email_channel(client, contact) for _ in range(3)]
    email_channel(client, other)
    first = ok("ListContactChannels", client.list_contact_channels(ContactId=contact, MaxResults=2))
    assert "NextToken" in first
    second = ok(
        "ListContactChannels",
        client.list_contact_channels(ContactId=contact, MaxResults=2, NextToken=first["NextToken"]),
    )
    assert "NextToken" not in second
    listed = [c["ContactChannelArn"] for c in first["ContactChannels"] + second["ContactChannels"]]
    assert listed == created


def test_list_on_missing_contact_is_not_found(client: SSMContactsClient) -> None:
    with pytest.raises(ClientError) as error:
        client.list_contact_channels(
            ContactId="arn:aws:ssm-contacts:us-east-1:123456789012:contact/nobody"
        )
    assert error_code(error) == "ResourceNotFoundException"


def activated_email(emulator: Emulator) -> str:
    client = emulator.client
    arn = email_channel(client, personal(client, "akuam"))
    client.activate_contact_channel(
        ContactChannelId=arn, ActivationCode=emulator.activation_code(arn)
    )
    return arn


def test_update_address_of_an_activated_channel_needs_a_new_activation(
    emulator: Emulator,
) -> None:
    client = emulator.client
    arn = activated_email(emulator)
    old_code = emulator.activation_code(arn)
    client.update_contact_channel(
        ContactChannelId=arn, DeliveryAddress={"SimpleAddress": "akua@example.org"}
    )
    assert client.get_contact_channel(ContactChannelId=arn)["ActivationStatus"] == "NOT_ACTIVATED"
    with pytest.raises(KeyError):
        emulator.activation_code(arn)  # the old code went to the old address
    with pytest.raises(ClientError) as error:
        client.activate_contact_channel(ContactChannelId=arn, ActivationCode=old_code)
    assert error_code(error) == "ValidationException"
    client.send_activation_code(ContactChannelId=arn)
    client.activate_contact_channel(
        ContactChannelId=arn, ActivationCode=emulator.activation_code(arn)
    )
    assert client.get_contact_channel(ContactChannelId=arn)["ActivationStatus"] == "ACTIVATED"


@pytest.mark.parametrize(
    "change",
    [{"Name": "work email"}, {"DeliveryAddress": {"SimpleAddress": "oncall@example.com"}}],
    ids=["name", "same-address"],
)
def test_update_that_keeps_the_address_keeps_the_activation(
    emulator: Emulator, change: dict[str, Any]
) -> None:
    arn = activated_email(emulator)
    emulator.client.update_contact_channel(ContactChannelId=arn, **change)
    got = emulator.client.get_contact_channel(ContactChannelId=arn)
    assert got["ActivationStatus"] == "ACTIVATED"
