"""ContactChannelEngine's requests, seen by a recording fake client: tokens, generations,
and updates that send only what changed."""

from __future__ import annotations

from typing import Any, cast

import pytest
from botocore.exceptions import ClientError

from pulumi_ssm_contacts.core.aws_errors import ContactError
from pulumi_ssm_contacts.core.engine import Session
from pulumi_ssm_contacts.core.owned_create import MAX_GENERATIONS
from pulumi_ssm_contacts.resources.contact_channel import ContactChannelEngine, idempotency_token

CONTACT = "arn:aws:ssm-contacts:us-east-1:123456789012:contact/akuam"
OWNER = "contacts/prod/akuam-sms"
PHONE = "+15550100"


def channel_arn(n: int) -> str:
    return f"arn:aws:ssm-contacts:us-east-1:123456789012:contact-channel/akuam/{n}"


class FakeClient:
    """Answers tokens with ARNs; ``gone`` ARNs read as not found; records every request."""

    def __init__(self, gone: set[str] | None = None, types: dict[str, str] | None = None) -> None:
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.gone = gone or set()
        self.types = types or {}  # a channel's type when it is not SMS
        self.by_token: dict[str, str] = {}
        self.contact_tags: dict[str, str] = {}  # the contact's (channel markers)

    @staticmethod
    def _error(code: str) -> ClientError:
        return ClientError({"Error": {"Code": code, "Message": "x"}}, "Op")

    def create_contact_channel(self, **request: Any) -> dict[str, Any]:
        self.requests.append(("CreateContactChannel", request))
        token = request["IdempotencyToken"]
        arn = self.by_token.setdefault(token, channel_arn(len(self.by_token)))
        return {"ContactChannelArn": arn}

    def get_contact_channel(self, **request: Any) -> dict[str, Any]:
        self.requests.append(("GetContactChannel", request))
        arn = request["ContactChannelId"]
        if arn in self.gone:
            raise self._error("ResourceNotFoundException")
        return {
            "ContactChannelArn": arn,
            "ContactArn": CONTACT,
            "Name": "mobile",
            "Type": self.types.get(arn, "SMS"),
            "DeliveryAddress": {"SimpleAddress": PHONE},
            "ActivationStatus": "NOT_ACTIVATED",
        }

    def update_contact_channel(self, **request: Any) -> dict[str, Any]:
        self.requests.append(("UpdateContactChannel", request))
        return {}

    def delete_contact_channel(self, **request: Any) -> dict[str, Any]:
        self.requests.append(("DeleteContactChannel", request))
        self.gone.add(request["ContactChannelId"])
        return {}

    def list_tags_for_resource(self, **request: Any) -> dict[str, Any]:
        self.requests.append(("ListTagsForResource", request))
        return {"Tags": [{"Key": k, "Value": v} for k, v in self.contact_tags.items()]}

    def tag_resource(self, **request: Any) -> dict[str, Any]:
        self.requests.append(("TagResource", request))
        self.contact_tags.update({t["Key"]: t["Value"] for t in request["Tags"]})
        return {}

    def untag_resource(self, **request: Any) -> dict[str, Any]:
        self.requests.append(("UntagResource", request))
        for key in request["TagKeys"]:
            self.contact_tags.pop(key, None)
        return {}

    def operations(self) -> list[str]:
        return [op for op, _ in self.requests]


def session(client: FakeClient) -> Session:
    return Session(cast(Any, client), "us-east-1")


def bag(**overrides: Any) -> dict[str, Any]:
    base = {"contactId": CONTACT, "name": "mobile", "type": "SMS", "deliveryAddress": PHONE}
    return {**base, "owner": OWNER, **overrides}


ENGINE = ContactChannelEngine()


def test_create_sends_generation_zero_of_the_owners_token_and_verifies() -> None:
    client = FakeClient()
    arn, extra = ENGINE.create(session(client), bag(deferActivation=True))
    assert arn == channel_arn(0)
    assert extra == {"activationStatus": "NOT_ACTIVATED"}
    assert client.operations() == ["CreateContactChannel", "GetContactChannel", "TagResource"]
    # The contact is marked with the channel's owner (channel_markers.py).
    assert client.contact_tags == {"pulumi-ssm-contacts/channel/0": OWNER}
    request = client.requests[0][1]
    assert request == {
        "ContactId": CONTACT,
        "Name": "mobile",
        "Type": "SMS",
        "DeliveryAddress": {"SimpleAddress": PHONE},
        "DeferActivation": True,
        "IdempotencyToken": idempotency_token(OWNER, 0),
    }
    assert PHONE.lstrip("+") not in request["IdempotencyToken"]


def test_a_replayed_deleted_channel_moves_on_to_the_next_generation() -> None:
    client = FakeClient(gone={channel_arn(0), channel_arn(1)})
    arn, _ = ENGINE.create(session(client), bag())
    assert arn == channel_arn(2)
    tokens = [r["IdempotencyToken"] for op, r in client.requests if op == "CreateContactChannel"]
    assert tokens == [idempotency_token(OWNER, g) for g in range(3)]


def test_generations_are_bounded() -> None:
    client = FakeClient(gone={channel_arn(n) for n in range(MAX_GENERATIONS)})
    with pytest.raises(ContactError, match="What to do: wait"):
        ENGINE.create(session(client), bag())
    assert client.operations().count("CreateContactChannel") == MAX_GENERATIONS


def test_our_channel_of_another_type_is_deleted_and_the_next_generation_made() -> None:
    client = FakeClient(types={channel_arn(0): "VOICE"})
    arn, _ = ENGINE.create(session(client), bag())
    assert arn == channel_arn(1)
    assert client.operations() == [
        "CreateContactChannel",
        "GetContactChannel",
        "DeleteContactChannel",
        "CreateContactChannel",
        "GetContactChannel",
        "TagResource",
    ]


def test_our_channel_with_another_name_and_address_is_brought_in_line() -> None:
    client = FakeClient()
    ENGINE.create(session(client), bag(name="phone", deliveryAddress="+15550199"))
    assert client.requests[-2] == (
        "UpdateContactChannel",
        {
            "ContactChannelId": channel_arn(0),
            "Name": "phone",
            "DeliveryAddress": {"SimpleAddress": "+15550199"},
        },
    )


def test_without_an_owner_the_token_is_random_and_there_is_one_try() -> None:
    client = FakeClient(gone={channel_arn(0)})
    with pytest.raises(ContactError, match="no longer exists"):
        ENGINE.create(session(client), bag(owner=None))
    [(_, request)] = [r for r in client.requests if r[0] == "CreateContactChannel"]
    assert request["IdempotencyToken"] != idempotency_token(OWNER, 0)


def test_a_rename_sends_the_name_only_and_keeps_the_status() -> None:
    client = FakeClient()
    client.contact_tags = {"pulumi-ssm-contacts/channel/0": OWNER}
    old = {**bag(), "activationStatus": "ACTIVATED"}
    extra = ENGINE.update(session(client), channel_arn(0), old, bag(name="phone"))
    assert client.requests == [
        ("ListTagsForResource", {"ResourceARN": CONTACT}),
        ("UpdateContactChannel", {"ContactChannelId": channel_arn(0), "Name": "phone"}),
    ]
    assert extra == {"activationStatus": "ACTIVATED"}


def test_update_of_a_channel_made_before_markers_marks_it() -> None:
    client = FakeClient()
    ENGINE.update(session(client), channel_arn(0), bag(), bag(name="phone"))
    assert client.operations() == ["ListTagsForResource", "UpdateContactChannel", "TagResource"]
    assert client.contact_tags == {"pulumi-ssm-contacts/channel/0": OWNER}


def test_update_of_a_channel_marked_as_another_owners_is_refused() -> None:
    client = FakeClient()
    client.contact_tags = {"pulumi-ssm-contacts/channel/0": "contacts/staging/sms"}
    with pytest.raises(ContactError, match=r"another Pulumi resource \(contacts/staging/sms\)"):
        ENGINE.update(session(client), channel_arn(0), bag(), bag(name="phone"))
    assert client.operations() == ["ListTagsForResource"]


def test_delete_untags_the_marker_and_leaves_another_owners_channel_alone() -> None:
    client = FakeClient()
    client.contact_tags = {"pulumi-ssm-contacts/channel/0": OWNER}
    ENGINE.delete(session(client), channel_arn(0), bag())
    assert client.operations() == [
        "ListTagsForResource",
        "DeleteContactChannel",
        "UntagResource",
    ]
    assert client.contact_tags == {}

    other = FakeClient()
    other.contact_tags = {"pulumi-ssm-contacts/channel/0": "contacts/staging/sms"}
    ENGINE.delete(session(other), channel_arn(0), bag())
    assert other.operations() == ["ListTagsForResource"]


def test_import_of_a_channel_marked_as_another_owners_is_refused() -> None:
    client = FakeClient()
    client.contact_tags = {"pulumi-ssm-contacts/channel/0": "contacts/staging/sms"}
    with pytest.raises(ContactError, match=r"Import for .* refused: its contact's tag"):
        ENGINE.adopt(session(client), channel_arn(0), bag())
    assert "TagResource" not in client.operations()


def test_a_new_address_sends_the_address_then_reads_the_status() -> None:
    client = FakeClient()
    old = {**bag(), "activationStatus": "ACTIVATED"}
    client.contact_tags = {"pulumi-ssm-contacts/channel/0": OWNER}
    ENGINE.update(session(client), channel_arn(0), old, bag(deliveryAddress="+15550199"))
    assert client.requests[1] == (
        "UpdateContactChannel",
        {"ContactChannelId": channel_arn(0), "DeliveryAddress": {"SimpleAddress": "+15550199"}},
    )
    assert [name for name, _ in client.requests[2:]] == ["GetContactChannel"]


def test_update_with_nothing_to_write_makes_no_call() -> None:
    client = FakeClient()
    ENGINE.update(session(client), channel_arn(0), bag(), bag(deferActivation=True))
    assert client.requests == []


def test_a_conflict_on_create_is_explained() -> None:
    client = FakeClient()

    def refuse(**request: Any) -> dict[str, Any]:
        raise ClientError(
            {"Error": {"Code": "ConflictException", "Message": "token reused"}},
            "CreateContactChannel",
        )

    client.create_contact_channel = refuse  # type: ignore[method-assign]
    with pytest.raises(ContactError, match="ConflictException") as raised:
        ENGINE.create(session(client), bag())
    assert PHONE not in str(raised.value)


def test_refresh_of_a_channel_marked_as_another_owners_fails_naming_it() -> None:
    client = FakeClient()
    client.contact_tags = {"pulumi-ssm-contacts/channel/0": "contacts/staging/sms"}
    with pytest.raises(ContactError, match=r"Refresh for .* refused: .*contacts/staging/sms"):
        ENGINE.read(session(client), channel_arn(0), bag())


def test_refresh_of_a_channel_gone_with_its_contact_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    warned: list[str] = []
    monkeypatch.setattr("pulumi.log.warn", lambda message, *_, **__: warned.append(message))
    client = FakeClient(gone={channel_arn(0)})

    def contact_gone(**request: Any) -> dict[str, Any]:
        raise client._error("ResourceNotFoundException")

    client.list_tags_for_resource = contact_gone  # type: ignore[method-assign]

    assert ENGINE.read(session(client), channel_arn(0), bag()) is None
    [message] = warned
    assert f"its contact {CONTACT} was deleted" in message
    assert PHONE not in message
