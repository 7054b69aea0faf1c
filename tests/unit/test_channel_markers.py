"""Channel markers: the key fits AWS's TagKey, who counts as another stack, and that a
Contact's own tag sync and delete respect them (recording fake client)."""

from __future__ import annotations

from typing import Any, cast

import pytest
import regex

from pulumi_ssm_contacts.core.aws_errors import ContactError
from pulumi_ssm_contacts.core.channel_markers import (
    is_marker,
    marker_key,
    markers,
    other_stacks_channels,
)
from pulumi_ssm_contacts.core.engine import Session
from pulumi_ssm_contacts.core.ownership import OWNER_TAG
from pulumi_ssm_contacts.core.service_model import service_model
from pulumi_ssm_contacts.resources.contact import ContactEngine

CONTACT = "arn:aws:ssm-contacts:us-east-1:123456789012:contact/akuam"
UUID = "4b1f0a7e-2c3d-4e5f-8a9b-0c1d2e3f4a5b"
CHANNEL = f"arn:aws:ssm-contacts:us-east-1:123456789012:contact-channel/akuam/{UUID}"
OTHER = "arn:aws:ssm-contacts:us-east-1:123456789012:contact-channel/akuam/other-uuid"


def test_marker_key_fits_the_models_tag_key() -> None:
    shape = service_model().shape_for("TagKey").metadata
    key = marker_key(CHANNEL)
    assert key == f"pulumi-ssm-contacts/channel/{UUID}"
    assert shape["min"] <= len(key) <= shape["max"]
    assert regex.fullmatch(shape["pattern"].strip("^$"), key)
    assert is_marker(key) and not is_marker(OWNER_TAG)


def test_other_stacks_channels_are_live_ones_of_another_stack_only() -> None:
    tags = {
        marker_key(CHANNEL): "contacts/paging/sms",
        marker_key(OTHER): "contacts/people/own-sms",
        marker_key("x/stale-uuid"): "contacts/paging/gone",
        OWNER_TAG: "contacts/people/akuam",
    }
    assert markers(tags)[UUID] == "contacts/paging/sms"
    live = [CHANNEL, OTHER]
    assert other_stacks_channels(tags, live, "contacts/people/akuam") == {
        CHANNEL: "contacts/paging/sms"
    }


class FakeClient:
    """A contact with tags and channels; records every request."""

    def __init__(self, tags: dict[str, str], channels: list[str]) -> None:
        self.tags = dict(tags)
        self.channels = channels
        self.requests: list[str] = []

    def list_tags_for_resource(self, **_: Any) -> dict[str, Any]:
        self.requests.append("ListTagsForResource")
        return {"Tags": [{"Key": k, "Value": v} for k, v in self.tags.items()]}

    def untag_resource(self, **request: Any) -> dict[str, Any]:
        self.requests.append("UntagResource")
        for key in request["TagKeys"]:
            self.tags.pop(key)
        return {}

    def tag_resource(self, **request: Any) -> dict[str, Any]:
        self.requests.append("TagResource")
        self.tags.update({t["Key"]: t["Value"] for t in request["Tags"]})
        return {}

    def get_paginator(self, _: str) -> Any:
        client = self

        class Pages:
            def paginate(self, **__: Any) -> list[dict[str, Any]]:
                client.requests.append("ListContactChannels")
                return [{"ContactChannels": [{"ContactChannelArn": a} for a in client.channels]}]

        return Pages()

    def delete_contact(self, **_: Any) -> dict[str, Any]:
        self.requests.append("DeleteContact")
        return {}


def session(client: FakeClient) -> Session:
    return Session(cast(Any, client), "us-east-1")


OWNER = "contacts/people/akuam"


def test_contact_tag_sync_from_live_tags_keeps_channel_markers() -> None:
    live = {OWNER_TAG: OWNER, "team": "sre", marker_key(CHANNEL): "contacts/paging/sms"}
    client = FakeClient(live, [])
    bag = {"alias": "akuam", "type": "PERSONAL", "tags": {}, "owner": OWNER}

    ContactEngine().sync_tags(session(client), CONTACT, bag, bag, live)

    assert client.tags == {OWNER_TAG: OWNER, marker_key(CHANNEL): "contacts/paging/sms"}


def test_contact_delete_refuses_while_another_stacks_channel_is_on_it() -> None:
    client = FakeClient({OWNER_TAG: OWNER, marker_key(CHANNEL): "contacts/paging/sms"}, [CHANNEL])

    with pytest.raises(ContactError) as refused:
        ContactEngine().delete(session(client), CONTACT, {"owner": OWNER})

    message = str(refused.value)
    assert "stack(s) contacts/paging manage channels on this contact" in message
    assert f"--tag-keys {marker_key(CHANNEL)}" in message
    assert "DeleteContact" not in client.requests


@pytest.mark.parametrize(
    ("marked", "channels"),
    [
        ({marker_key(CHANNEL): "contacts/people/sms"}, [CHANNEL]),  # this stack's own
        ({marker_key(CHANNEL): "contacts/paging/sms"}, []),  # stale: the channel is gone
        ({}, [CHANNEL]),  # unmarked
    ],
    ids=["own-stack", "stale", "unmarked"],
)
def test_contact_delete_goes_ahead_otherwise(marked: dict[str, str], channels: list[str]) -> None:
    client = FakeClient({OWNER_TAG: OWNER, **marked}, channels)

    ContactEngine().delete(session(client), CONTACT, {"owner": OWNER})

    assert client.requests[-1] == "DeleteContact"
