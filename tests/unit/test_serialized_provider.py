"""The provider as state stores it: a small by-reference pickle with nothing secret in it."""

from __future__ import annotations

import base64
from typing import Any

import dill
import pulumi
import pytest
from pulumi.dynamic import ConfigureRequest
from pulumi.dynamic.config import Config
from pulumi.dynamic.dynamic import serialize_provider

from pulumi_ssm_contacts import (
    Contact,
    ContactChannel,
    ContactChannelProvider,
    ContactPlan,
    ContactPlanProvider,
    ContactProvider,
)
from pulumi_ssm_contacts.core import aws_client

# Stacks made by 0.1.0 hold exactly this string; later releases must keep loading it.
PINNED = (
    "gASVPwAAAAAAAACMJHB1bHVtaV9zc21fY29udGFjdHMuY29udGFjdF9wcm92aWRlcpSMD0NvbnRhY3RQ"
    "cm92aWRlcpSTlClSlC4="
)


def test_serialized_provider_is_pinned() -> None:
    assert serialize_provider(ContactProvider()) == PINNED


def test_pinned_string_loads_a_contact_provider() -> None:
    assert type(dill.loads(base64.b64decode(PINNED))) is ContactProvider


def test_serialized_provider_is_small_and_by_reference() -> None:
    raw = base64.b64decode(PINNED)
    assert len(PINNED) < 200
    assert b"pulumi_ssm_contacts.contact_provider" in raw
    assert b"boto" not in raw


def test_configuration_and_clients_never_reach_the_serialized_form(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAEXAMPLESECRET")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wJalrEXAMPLESECRET")
    provider = ContactProvider()
    provider.configure(ConfigureRequest(Config({"aws:region": "eu-west-1"}, "p")))
    provider._session({"region": "eu-west-1"})
    serialized = serialize_provider(provider)
    assert serialized == PINNED
    assert b"SECRET" not in base64.b64decode(serialized)
    aws_client.forget_clients()


class Registrations(pulumi.runtime.Mocks):
    """Keeps each raw RegisterResource request, before the mock monitor unwraps secrets."""

    def __init__(self) -> None:
        self.requests: dict[str, Any] = {}

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        arn = f"arn:aws:ssm-contacts:us-east-2:111122223333:contact/{args.name}"
        return arn, {**args.inputs, "arn": arn}

    def call(
        self, args: pulumi.runtime.MockCallArgs
    ) -> tuple[dict[Any, Any], list[tuple[str, str]] | None]:
        return {}, None


@pytest.fixture
def registrations() -> Registrations:
    mocks = Registrations()
    pulumi.runtime.set_mocks(mocks, preview=False)
    monitor = pulumi.runtime.settings.get_monitor()
    assert monitor is not None
    register = monitor.RegisterResource

    def recording(request: Any) -> Any:
        mocks.requests[request.name] = request
        return register(request)

    monitor.RegisterResource = recording
    return mocks


@pulumi.runtime.test  # type: ignore[untyped-decorator]
def test_every_resource_registers_its_provider_in_the_clear(
    registrations: Registrations,
) -> pulumi.Output[Any]:
    """The SDK wraps ``__provider`` in a secret unless the provider opts out; ours do, so
    state keeps the pinned by-reference string readable (and diffable) without a key."""
    contact = Contact("akuam", alias="akuam", type="PERSONAL")
    plan = ContactPlan("akuam-plan", contact_id=contact.arn, stages=[])
    channel = ContactChannel(
        "akuam-sms", contact_id=contact.arn, name="sms", type="SMS", delivery_address="+15550100"
    )
    providers = {
        "akuam": ContactProvider(),
        "akuam-plan": ContactPlanProvider(),
        "akuam-sms": ContactChannelProvider(),
    }

    def verify(_: Any) -> None:
        for name, provider in providers.items():
            field = registrations.requests[name].object.fields["__provider"]
            assert field.WhichOneof("kind") == "string_value", f"{name}: a secret envelope"
            assert field.string_value == serialize_provider(provider)

    return pulumi.Output.all(contact.arn, plan.arn, channel.arn).apply(verify)


def test_contact_plan_provider_string_is_pinned() -> None:
    """Stacks with a ContactPlan hold this string; later releases must keep loading it."""
    from pulumi_ssm_contacts import ContactPlanProvider

    pinned = (
        "gASVSAAAAAAAAACMKXB1bHVtaV9zc21fY29udGFjdHMuY29udGFjdF9wbGFuX3Byb3ZpZGVylIwTQ29udGFj"
        "dFBsYW5Qcm92aWRlcpSTlClSlC4="
    )
    assert serialize_provider(ContactPlanProvider()) == pinned
    assert type(dill.loads(base64.b64decode(pinned))) is ContactPlanProvider
