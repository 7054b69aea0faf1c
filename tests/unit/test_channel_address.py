"""A channel's delivery address: its format checked at preview, never shown."""

from __future__ import annotations

import pytest

from pulumi_ssm_contacts.resources.contact_channel import address_failures


@pytest.mark.parametrize("address", ["akua@example.com", "a.b+c@mail.example.org"])
def test_an_email_address_passes(address: str) -> None:
    assert address_failures("EMAIL", address) == []


@pytest.mark.parametrize(
    "address", ["akua@example", "akua example@x.com", "a@b@c.com", "akua\x1c@example.com"]
)
def test_a_malformed_email_address_is_refused_without_showing_it(address: str) -> None:
    """A space or an ASCII separator (U+001C to U+001F, whitespace to Python's ``re``) has no
    place in an address."""
    (failure,) = address_failures("EMAIL", address)
    assert failure.property == "deliveryAddress" and address not in failure.text()


def test_a_phone_number_is_e164() -> None:
    assert address_failures("SMS", "+14255550100") == []
    assert [f.property for f in address_failures("VOICE", "4255550100")] == ["deliveryAddress"]
