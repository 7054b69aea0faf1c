"""ContactChannel check: each bad-input class names the property, never echoes the value."""

from __future__ import annotations

from typing import Any

import pytest
from pulumi.runtime.rpc import UNKNOWN

from pulumi_ssm_contacts.contact_channel_provider import ContactChannelProvider
from tests.protocol.drivers import failures_by_path

CONTACT = "arn:aws:ssm-contacts:us-east-1:123456789012:contact/akuam"
CHANNEL = "arn:aws:ssm-contacts:us-east-1:123456789012:contact-channel/akuam/0a1b2c3d"
SECRET_PHONE = "+4420794600"
SECRET_EMAIL = "akua.mansa@example.com"


def check(news: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    result = ContactChannelProvider().check({}, news)
    assert all(f.property == "" for f in result.failures), "paths go in the reason"
    return result.inputs, failures_by_path(result.failures)


def sms(**overrides: Any) -> dict[str, Any]:
    bag = {
        "contactId": CONTACT,
        "name": "mobile",
        "type": "SMS",
        "deliveryAddress": SECRET_PHONE,
        "owner": "contacts/prod/akuam-sms",
        **overrides,
    }
    return {k: v for k, v in bag.items() if v is not None}


def test_valid_channels_pass_and_are_normalized() -> None:
    inputs, failures = check(sms(deferActivation=False))
    assert failures == {}
    assert inputs == sms(), "deferActivation false is the same as missing"
    for kind, address in (("VOICE", "+15550100"), ("EMAIL", SECRET_EMAIL), ("SMS", "+1")):
        assert check(sms(type=kind, deliveryAddress=address))[1] == {}, kind
    assert check(sms(deferActivation=True))[0]["deferActivation"] is True


def test_unknown_values_at_preview_are_not_failures() -> None:
    assert check(sms(contactId=UNKNOWN, deliveryAddress=UNKNOWN))[1] == {}
    assert check(sms(type=UNKNOWN, deliveryAddress="not a phone"))[1] == {}


@pytest.mark.parametrize(
    ("news", "prop", "rule", "secret"),
    [
        pytest.param(
            sms(deliveryAddress="+0123456"),
            "delivery_address",
            "E.164",
            "+0123456",
            id="e164-leading-zero",
        ),
        pytest.param(
            sms(deliveryAddress="0044 20 7946"),
            "delivery_address",
            "E.164",
            "0044 20 7946",
            id="e164-no-plus",
        ),
        pytest.param(
            sms(deliveryAddress="+1234567890123456"),
            "delivery_address",
            "E.164",
            "+1234567890123456",
            id="e164-16-digits",
        ),
        pytest.param(
            sms(type="VOICE", deliveryAddress=SECRET_EMAIL),
            "delivery_address",
            "E.164",
            SECRET_EMAIL,
            id="voice-email-address",
        ),
        pytest.param(
            sms(type="EMAIL", deliveryAddress="akua mansa@example.com"),
            "delivery_address",
            "email address",
            "akua mansa",
            id="email-space",
        ),
        pytest.param(
            sms(type="EMAIL", deliveryAddress="akua@example"),
            "delivery_address",
            "email address",
            "akua@example",
            id="email-no-dot",
        ),
        pytest.param(
            sms(type="EMAIL", deliveryAddress="a@b@example.com"),
            "delivery_address",
            "email address",
            "a@b@example.com",
            id="email-two-ats",
        ),
        pytest.param(
            sms(type="EMAIL", deliveryAddress="@example.com"),
            "delivery_address",
            "email address",
            "@example.com",
            id="email-no-local-part",
        ),
        pytest.param(
            sms(type="EMAIL", deliveryAddress=SECRET_PHONE),
            "delivery_address",
            "email address",
            SECRET_PHONE,
            id="email-phone",
        ),
        pytest.param(
            sms(deliveryAddress=""),
            "delivery_address",
            "greater than or equal to 1",
            None,
            id="address-empty",
        ),
        pytest.param(
            sms(deliveryAddress=12345),
            "delivery_address",
            "must be a string",
            None,
            id="address-not-a-string",
        ),
        pytest.param(
            sms(deliveryAddress=None),
            "delivery_address",
            "must not be null",
            None,
            id="address-missing",
        ),
        pytest.param(sms(type="PAGER"), "type", "enum value set", "PAGER", id="type-enum"),
        pytest.param(sms(type=None), "type", "must not be null", None, id="type-missing"),
        pytest.param(
            sms(contactId="akuam"),
            "contact_id",
            "regular expression",
            None,
            id="contact-not-an-arn",
        ),
        pytest.param(
            sms(contactId=CHANNEL),
            "contact_id",
            "ARN of a contact",
            None,
            id="contact-is-a-channel-arn",
        ),
        pytest.param(sms(name=""), "name", "greater than or equal to 1", None, id="name-empty"),
        pytest.param(
            sms(name="mobile\tphone"),
            "name",
            "regular expression",
            "mobile\tphone",
            id="name-pattern",
        ),
        pytest.param(
            sms(name="n" * 256), "name", "less than or equal to 255", None, id="name-length"
        ),
        pytest.param(
            sms(deferActivation="yes"), "defer_activation", "boolean", None, id="defer-not-a-bool"
        ),
        pytest.param(sms(region="mars-1"), "region", "", None, id="region"),
        pytest.param(
            sms(tags={"team": "sre"}),
            "tags",
            "not an input of ContactChannel",
            None,
            id="tags-are-not-an-input",
        ),
        pytest.param(
            sms(importArn="nope"), "opts.import_", "regular expression", None, id="import-arn"
        ),
    ],
)
def test_bad_input_names_the_property_and_not_the_value(
    news: dict[str, Any], prop: str, rule: str, secret: str | None
) -> None:
    _, failures = check(news)
    assert prop in failures, failures
    assert rule in failures[prop]
    if secret is not None:
        assert all(secret not in reason for reason in failures.values()), "no value echoed"


def test_a_one_megabyte_address_is_named_by_length_only() -> None:
    huge = "+1" + "5" * 1_000_000
    _, failures = check(sms(deliveryAddress=huge))
    assert list(failures) == ["delivery_address"]
    assert "less than or equal to 320" in failures["delivery_address"]
    assert "1000002 characters" in failures["delivery_address"]
    assert "5555" not in failures["delivery_address"]


def test_no_reason_ever_contains_the_address() -> None:
    for kind in ("SMS", "VOICE", "EMAIL"):
        for address in (SECRET_PHONE, SECRET_EMAIL, "x" * 400):
            _, failures = check(sms(type=kind, deliveryAddress=address))
            assert address not in str(failures)
