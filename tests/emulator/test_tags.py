"""Tags on contacts and rotations: tag, untag, list, limits and constraints."""

from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.exceptions import ClientError

from .helpers import (
    Emulator,
    SSMContactsClient,
    email_channel,
    error_code,
    error_field,
    ok,
    personal,
    rotation,
)
from .raw_http import api_headers, send

ARN_PREFIX = "arn:aws:ssm-contacts:us-east-1:123456789012"


def _tags(client: SSMContactsClient, arn: str) -> dict[str, str]:
    listed = ok("ListTagsForResource", client.list_tags_for_resource(ResourceARN=arn))
    return {t["Key"]: t["Value"] for t in listed["Tags"]}


def test_tags_given_at_creation_are_listed(client: SSMContactsClient) -> None:
    contact = personal(client, "akuam", Tags=[{"Key": "team", "Value": "payments"}])
    rotation_arn = client.create_rotation(
        Name="primary",
        ContactIds=[contact],
        TimeZoneId="UTC",
        Recurrence={"NumberOfOnCalls": 1, "RecurrenceMultiplier": 1},
        Tags=[{"Key": "tier", "Value": "1"}],
    )["RotationArn"]
    assert _tags(client, contact) == {"team": "payments"}
    assert _tags(client, rotation_arn) == {"tier": "1"}


@pytest.mark.parametrize("kind", ["contact", "rotation"])
def test_tag_untag_round_trip(client: SSMContactsClient, kind: str) -> None:
    contact = personal(client, "akuam")
    arn = contact if kind == "contact" else rotation(client, [contact])
    ok(
        "TagResource",
        client.tag_resource(
            ResourceARN=arn, Tags=[{"Key": "a", "Value": "1"}, {"Key": "b", "Value": "2"}]
        ),
    )
    client.tag_resource(ResourceARN=arn, Tags=[{"Key": "a", "Value": "changed"}])
    assert _tags(client, arn) == {"a": "changed", "b": "2"}
    ok("UntagResource", client.untag_resource(ResourceARN=arn, TagKeys=["a", "absent"]))
    assert _tags(client, arn) == {"b": "2"}


def test_more_than_50_tags_in_one_request_is_validation_error(client: SSMContactsClient) -> None:
    arn = personal(client, "akuam")
    tags = [{"Key": f"k{i}", "Value": "v"} for i in range(51)]
    with pytest.raises(ClientError) as error:
        client.tag_resource(ResourceARN=arn, Tags=tags)  # type: ignore[arg-type]
    assert error_code(error) == "ValidationException"


def test_more_than_50_tags_on_a_resource_is_quota_exceeded(client: SSMContactsClient) -> None:
    arn = personal(client, "akuam", Tags=[{"Key": f"old{i}", "Value": "v"} for i in range(30)])
    with pytest.raises(ClientError) as error:
        client.tag_resource(
            ResourceARN=arn, Tags=[{"Key": f"new{i}", "Value": "v"} for i in range(21)]
        )
    assert error_code(error) == "ServiceQuotaExceededException"
    assert len(_tags(client, arn)) == 30


@pytest.mark.parametrize(
    "tag",
    [
        {"Key": "has space", "Value": "v"},
        {"Key": "k" * 129, "Value": "v"},
        {"Key": "k", "Value": "v" * 257},
        {"Key": "k", "Value": ""},
        {"Key": "k", "Value": "semi;colon"},
    ],
)
def test_tag_key_and_value_constraints(emulator: Emulator, tag: dict[str, str]) -> None:
    client = emulator.client
    arn = personal(client, "akuam")
    unchecked = emulator.new_client(validate=False)  # boto3 would catch the empty value itself
    with pytest.raises(ClientError) as error:
        unchecked.tag_resource(ResourceARN=arn, Tags=[tag])  # type: ignore[list-item]
    assert error_code(error) == "ValidationException"
    assert _tags(client, arn) == {}


@pytest.mark.parametrize("operation", ["tag_resource", "untag_resource", "list_tags_for_resource"])
def test_missing_resource_is_not_found(client: SSMContactsClient, operation: str) -> None:
    arn = "arn:aws:ssm-contacts:us-east-1:123456789012:contact/nobody"
    extras: dict[str, dict[str, Any]] = {
        "tag_resource": {"Tags": [{"Key": "a", "Value": "b"}]},
        "untag_resource": {"TagKeys": ["a"]},
        "list_tags_for_resource": {},
    }
    extra = extras[operation]
    with pytest.raises(ClientError) as error:
        getattr(client, operation)(ResourceARN=arn, **extra)
    assert error_code(error) == "ResourceNotFoundException"


def test_contact_channels_are_not_taggable(client: SSMContactsClient) -> None:
    channel = email_channel(client, personal(client, "akuam"))
    with pytest.raises(ClientError) as error:
        client.tag_resource(ResourceARN=channel, Tags=[{"Key": "a", "Value": "b"}])
    assert error_code(error) == "ResourceNotFoundException"
    assert error_field(error, "ResourceType") == "CONTACT_CHANNEL"
    assert error_field(error, "ResourceId") == channel


@pytest.mark.parametrize(
    ("arn", "resource_type"),
    [
        (f"{ARN_PREFIX}:contact/nobody", "CONTACT"),
        (f"{ARN_PREFIX}:contact-channel/nobody/1a2b", "CONTACT_CHANNEL"),
        (f"{ARN_PREFIX}:rotation/1a2b", "ROTATION"),
    ],
    ids=["contact", "contact-channel", "rotation"],
)
def test_not_found_names_the_kind_the_arn_names(
    client: SSMContactsClient, arn: str, resource_type: str
) -> None:
    for call in (
        lambda: client.tag_resource(ResourceARN=arn, Tags=[{"Key": "a", "Value": "b"}]),
        lambda: client.untag_resource(ResourceARN=arn, TagKeys=["a"]),
        lambda: client.list_tags_for_resource(ResourceARN=arn),
    ):
        with pytest.raises(ClientError) as error:
            call()
        assert error_code(error) == "ResourceNotFoundException"
        assert error_field(error, "ResourceType") == resource_type


# -- a tag's members: the model makes Key and Value optional -----------------------------


@pytest.mark.parametrize("kind", ["contact", "rotation"])
def test_key_only_tag_is_accepted_and_listed_without_a_value(
    client: SSMContactsClient, kind: str
) -> None:
    contact = personal(client, "akuam")
    arn = contact if kind == "contact" else rotation(client, [contact])
    ok("TagResource", client.tag_resource(ResourceARN=arn, Tags=[{"Key": "team"}]))
    listed = ok("ListTagsForResource", client.list_tags_for_resource(ResourceARN=arn))
    assert listed["Tags"] == [{"Key": "team"}]


def test_key_only_tag_replaces_a_value_and_a_value_replaces_it(client: SSMContactsClient) -> None:
    arn = personal(client, "akuam", Tags=[{"Key": "team", "Value": "payments"}])
    client.tag_resource(ResourceARN=arn, Tags=[{"Key": "team"}])
    assert client.list_tags_for_resource(ResourceARN=arn)["Tags"] == [{"Key": "team"}]
    client.tag_resource(ResourceARN=arn, Tags=[{"Key": "team", "Value": "search"}])
    assert _tags(client, arn) == {"team": "search"}


def test_key_only_tag_at_creation_is_sent_without_a_value(emulator: Emulator) -> None:
    """On the wire, not only through botocore (which drops a ``null`` member)."""
    arn = personal(emulator.client, "akuam", Tags=[{"Key": "team"}])
    body = json.dumps({"ResourceARN": arn}).encode()
    response = send(emulator, body, api_headers("ListTagsForResource"))
    assert response.status == 200, response.body
    assert response.json() == {"Tags": [{"Key": "team"}]}


def test_tag_without_a_key_is_a_validation_error(emulator: Emulator) -> None:
    client = emulator.client
    arn = personal(client, "akuam")
    with pytest.raises(ClientError) as error:
        client.tag_resource(ResourceARN=arn, Tags=[{"Key": "a", "Value": "1"}, {"Value": "v"}])
    assert error_code(error) == "ValidationException"
    assert error_field(error, "Fields") == [
        {"Name": "tags.2.member.key", "Message": "Member must not be null"}
    ]
    assert _tags(client, arn) == {}


@pytest.mark.parametrize("operation", ["create_contact", "create_rotation"])
def test_create_with_a_tag_without_a_key_creates_nothing(
    client: SSMContactsClient, operation: str
) -> None:
    member = personal(client, "akuam")
    with pytest.raises(ClientError) as error:
        if operation == "create_contact":
            personal(client, "other", Tags=[{"Value": "v"}])
        else:
            client.create_rotation(
                Name="primary",
                ContactIds=[member],
                TimeZoneId="UTC",
                Recurrence={"NumberOfOnCalls": 1, "RecurrenceMultiplier": 1},
                Tags=[{"Value": "v"}],
            )
    assert error_code(error) == "ValidationException"
    assert [c["Alias"] for c in client.list_contacts()["Contacts"]] == ["akuam"]
    assert client.list_rotations()["Rotations"] == []


def test_tags_go_with_a_deleted_contact(client: SSMContactsClient) -> None:
    arn = personal(client, "akuam", Tags=[{"Key": "a", "Value": "b"}])
    client.delete_contact(ContactId=arn)
    assert _tags(client, personal(client, "akuam")) == {}


def test_tags_are_per_region(emulator: Emulator) -> None:
    arn = personal(emulator.client, "akuam", Tags=[{"Key": "a", "Value": "b"}])
    west = emulator.new_client("eu-west-1")
    with pytest.raises(ClientError) as error:
        west.list_tags_for_resource(ResourceARN=arn)
    assert error_code(error) == "ResourceNotFoundException"
