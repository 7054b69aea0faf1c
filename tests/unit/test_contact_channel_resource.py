"""The program side of ContactChannel, and its provider as state stores it.

What the resource registers: the camelCase bag, the delivery address as a secret (plain or
``Output.secret`` in the program), ``deliveryAddress`` as an additional secret output, and
delete-before-replace unless the program says otherwise.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

import dill
import pulumi
import pytest
from google.protobuf import struct_pb2
from pulumi.dynamic.dynamic import serialize_provider
from pulumi.runtime import rpc

from pulumi_ssm_contacts.contact_channel_provider import ContactChannelProvider
from pulumi_ssm_contacts.core.owned_create import MAX_GENERATIONS
from pulumi_ssm_contacts.dynamic.contact_channel import (
    ContactChannel,
    ContactChannelArgs,
    ContactChannelArgsDict,
)
from pulumi_ssm_contacts.resources.contact_channel import idempotency_token

CONTACT = "arn:aws:ssm-contacts:us-east-2:111122223333:contact/akuam"
ADDRESS = "+15550100"

# Stacks hold exactly this string for every ContactChannel; later releases must load it.
PINNED = (
    "gASVTgAAAAAAAACMLHB1bHVtaV9zc21fY29udGFjdHMuY29udGFjdF9jaGFubmVsX3Byb3ZpZGVylIwWQ29udGFj"
    "dENoYW5uZWxQcm92aWRlcpSTlClSlC4="
)


class Recorder(pulumi.runtime.Mocks):
    """Answers with the inputs plus an ARN and a status; keeps each raw register request."""

    def __init__(self) -> None:
        self.registered: dict[str, pulumi.runtime.MockResourceArgs] = {}
        self.requests: dict[str, Any] = {}

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        self.registered[args.name] = args
        arn = f"{CONTACT.replace(':contact/', ':contact-channel/')}/{args.name}"
        return arn, {**args.inputs, "arn": arn, "activationStatus": "NOT_ACTIVATED"}

    def call(
        self, args: pulumi.runtime.MockCallArgs
    ) -> tuple[dict[Any, Any], list[tuple[str, str]] | None]:
        return {}, None


@pytest.fixture
def recorder() -> Recorder:
    mocks = Recorder()
    pulumi.runtime.set_mocks(mocks, preview=False)
    monitor = pulumi.runtime.settings.get_monitor()
    assert monitor is not None
    register = monitor.RegisterResource

    def recording(request: Any) -> Any:
        mocks.requests[request.name] = request
        return register(request)

    monitor.RegisterResource = recording
    return mocks


def is_secret(struct: struct_pb2.Struct, key: str) -> bool:
    value = struct.fields[key]
    if value.WhichOneof("kind") != "struct_value":
        return False
    sig = value.struct_value.fields.get(rpc._special_sig_key)
    return sig is not None and sig.string_value == rpc._special_secret_sig


@pulumi.runtime.test  # type: ignore[untyped-decorator]
def test_keywords_become_the_camel_case_bag_with_a_secret_address(
    recorder: Recorder,
) -> pulumi.Output[Any]:
    channel = ContactChannel(
        "akuam-sms",
        contact_id=CONTACT,
        name="mobile",
        type="SMS",
        delivery_address=ADDRESS,
        defer_activation=True,
    )

    def verify(values: list[Any]) -> None:
        arn, status, contact_id = values
        inputs = recorder.registered["akuam-sms"].inputs
        assert {k: inputs[k] for k in ("contactId", "name", "type", "deferActivation")} == {
            "contactId": CONTACT,
            "name": "mobile",
            "type": "SMS",
            "deferActivation": True,
        }
        assert inputs["deliveryAddress"] == {
            rpc._special_sig_key: rpc._special_secret_sig,
            "value": ADDRESS,
        }, "a plain address is sent as a secret"
        assert inputs["owner"] == "project/stack/akuam-sms"
        request = recorder.requests["akuam-sms"]
        assert is_secret(request.object, "deliveryAddress")
        assert list(request.additionalSecretOutputs) == ["deliveryAddress"]
        assert (request.deleteBeforeReplace, request.deleteBeforeReplaceDefined) == (True, True)
        assert request.type == "pulumi-python:dynamic/ssm-contacts:ContactChannel"
        assert arn.endswith("contact-channel/akuam/akuam-sms")
        assert status == "NOT_ACTIVATED"
        assert contact_id == CONTACT

    return pulumi.Output.all(channel.arn, channel.activation_status, channel.contact_id).apply(
        verify
    )


@pulumi.runtime.test  # type: ignore[untyped-decorator]
def test_a_secret_address_stays_secret_and_the_output_is_secret(
    recorder: Recorder,
) -> pulumi.Output[Any]:
    channel = ContactChannel(
        "akuam-email",
        ContactChannelArgs(
            contact_id=CONTACT,
            name="email",
            type="EMAIL",
            delivery_address=pulumi.Output.secret("akuam@example.com"),
        ),
    )

    async def verify() -> None:
        await channel.arn.future()
        request = recorder.requests["akuam-email"]
        assert is_secret(request.object, "deliveryAddress")
        assert "deferActivation" not in request.object.fields
        assert await channel.delivery_address.is_secret(), "the output is a secret"

    done: pulumi.Output[None] = pulumi.Output.from_input(verify())
    return done


@pulumi.runtime.test  # type: ignore[untyped-decorator]
def test_program_options_win_and_import_becomes_an_input(
    recorder: Recorder,
) -> pulumi.Output[Any]:
    arn = "arn:aws:ssm-contacts:us-east-2:111122223333:contact-channel/akuam/0a1b"
    args: ContactChannelArgsDict = {
        "contact_id": CONTACT,
        "name": "voice",
        "type": "VOICE",
        "delivery_address": ADDRESS,
    }
    channel = ContactChannel(
        "akuam-voice",
        **args,
        opts=pulumi.ResourceOptions(
            import_=arn, delete_before_replace=False, additional_secret_outputs=["name"]
        ),
    )

    def verify(_: Any) -> None:
        request = recorder.requests["akuam-voice"]
        assert (request.deleteBeforeReplace, request.deleteBeforeReplaceDefined) == (False, True)
        assert sorted(request.additionalSecretOutputs) == ["deliveryAddress", "name"]
        assert request.importId == "", "import_ is moved into the inputs"
        assert recorder.registered["akuam-voice"].inputs["importArn"] == arn

    return channel.arn.apply(verify)


def test_args_and_keywords_are_not_mixed() -> None:
    args = ContactChannelArgs(contact_id=CONTACT, name="n", type="SMS", delivery_address=ADDRESS)
    with pytest.raises(TypeError, match="not both"):
        ContactChannel("c", args, name="other")  # type: ignore[call-overload]


# -- the idempotency token ----------------------------------------------------------------


def test_token_is_a_digest_of_owner_and_generation_never_the_address() -> None:
    owner = "contacts/prod/akuam-sms"
    expected = hashlib.sha256(f"pulumi-ssm-contacts/ContactChannel/{owner}/0".encode()).hexdigest()
    assert idempotency_token(owner, 0) == expected
    assert idempotency_token(owner, 0) == idempotency_token(owner, 0), "same on every run"
    tokens = {idempotency_token(owner, g) for g in range(MAX_GENERATIONS)}
    assert len(tokens) == MAX_GENERATIONS
    assert idempotency_token("contacts/staging/akuam-sms", 0) != expected


def test_without_an_owner_the_token_is_random() -> None:
    assert idempotency_token(None, 0) != idempotency_token(None, 0)
    assert idempotency_token("", 0) != idempotency_token("", 0)


# -- the provider as state stores it ------------------------------------------------------


def test_serialized_provider_is_pinned() -> None:
    assert serialize_provider(ContactChannelProvider()) == PINNED


def test_pinned_string_loads_a_contact_channel_provider() -> None:
    raw = base64.b64decode(PINNED)
    assert type(dill.loads(raw)) is ContactChannelProvider
    assert b"pulumi_ssm_contacts.contact_channel_provider" in raw
    assert b"boto" not in raw
    assert ContactChannelProvider.serialize_as_secret_always is False
