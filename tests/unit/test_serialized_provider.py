"""The provider as state stores it: a small by-reference pickle with nothing secret in it."""

from __future__ import annotations

import base64

import dill
import pytest
from pulumi.dynamic import ConfigureRequest
from pulumi.dynamic.config import Config
from pulumi.dynamic.dynamic import serialize_provider

from pulumi_ssm_contacts import ContactProvider, aws_client

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


def test_provider_is_not_serialized_as_a_secret() -> None:
    assert ContactProvider.serialize_as_secret_always is False


def test_contact_plan_provider_string_is_pinned() -> None:
    """Stacks with a ContactPlan hold this string; later releases must keep loading it."""
    from pulumi_ssm_contacts import ContactPlanProvider

    pinned = (
        "gASVSAAAAAAAAACMKXB1bHVtaV9zc21fY29udGFjdHMuY29udGFjdF9wbGFuX3Byb3ZpZGVylIwTQ29udGFj"
        "dFBsYW5Qcm92aWRlcpSTlClSlC4="
    )
    assert serialize_provider(ContactPlanProvider()) == pinned
    assert type(dill.loads(base64.b64decode(pinned))) is ContactPlanProvider
