"""ContactChannel-specific scenarios against the emulator, once per driver (hooks, gRPC).

The scenarios every resource shares run from the case table (test_resource_scenarios.py);
these add what only a channel has: exact calls and outputs, activation, generations of tokens.

Scenario names follow terraform-provider-aws's acceptance tests. Call counts come from the
emulator's call log: check/diff 0, create 2 (CreateContactChannel, GetContactChannel),
read 1, update 1, delete 1, import 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from pulumi_ssm_contacts.contact_channel_provider import ContactChannelProvider
from pulumi_ssm_contacts.core.owned_create import MAX_GENERATIONS
from pulumi_ssm_contacts.emulator_harness.control import EmulatorControl
from tests.protocol.conftest import driving
from tests.protocol.drivers import Driver, GrpcDriver, HookError

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient

ARN_FORM = re.compile(r"^arn:aws:ssm-contacts:us-east-1:\d{12}:contact-channel/akuam/[0-9a-f-]+$")
OWNER = "contacts/prod/akuam-sms"
"""What ``ContactChannel`` sets as ``owner``: project, stack and resource name."""
PHONE = "+15550100"
OTHER_PHONE = "+15550199"

PINNED = (
    "gASVTgAAAAAAAACMLHB1bHVtaV9zc21fY29udGFjdHMuY29udGFjdF9jaGFubmVsX3Byb3ZpZGVylIwWQ29udGFj"
    "dENoYW5uZWxQcm92aWRlcpSTlClSlC4="
)


@pytest.fixture(params=["hooks", "grpc"])
def driver(request: pytest.FixtureRequest, emulator_env: dict[str, str]) -> Iterator[Driver]:
    """ContactChannelProvider's hooks: in-process, then through the dynamic provider server."""
    with driving(request.param, ContactChannelProvider(), emulator_env) as made:
        yield made


@pytest.fixture
def contact(aws: SSMContactsClient) -> str:
    """The contact the channels belong to, made out of band."""
    arn: str = aws.create_contact(Alias="akuam", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    return arn


def sms(contact_id: str, **overrides: Any) -> dict[str, Any]:
    bag = {
        "contactId": contact_id,
        "name": "mobile",
        "type": "SMS",
        "deliveryAddress": PHONE,
        "owner": OWNER,
        **overrides,
    }
    return {k: v for k, v in bag.items() if v is not None}


def up(driver: Driver, news: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """check then create, as the engine does for a new resource."""
    inputs, failures = driver.check({}, news)
    assert failures == {}
    return driver.create(inputs)


def channels(aws: SSMContactsClient, contact_id: str) -> list[dict[str, Any]]:
    return [dict(c) for c in aws.list_contact_channels(ContactId=contact_id)["ContactChannels"]]


def test_basic(
    driver: Driver, control: EmulatorControl, aws: SSMContactsClient, contact: str
) -> None:
    control.clear_calls()
    inputs, failures = driver.check({}, sms(contact))
    assert failures == {}
    assert control.counts() == {}, "check makes no API call"

    arn, outs = driver.create(inputs)
    assert ARN_FORM.match(arn), arn
    assert control.counts() == {"CreateContactChannel": 1, "GetContactChannel": 1, "TagResource": 1}
    assert outs == {**inputs, "arn": arn, "activationStatus": "NOT_ACTIVATED"}

    live = aws.get_contact_channel(ContactChannelId=arn)
    assert (live["ContactArn"], live["Name"], live["Type"], live["DeliveryAddress"]) == (
        contact,
        "mobile",
        "SMS",
        {"SimpleAddress": PHONE},
    )

    control.clear_calls()
    read_id, read_outs, read_inputs = driver.read(arn, outs)
    assert (read_id, read_outs, read_inputs) == (arn, outs, inputs)
    assert control.counts() == {"GetContactChannel": 1, "ListTagsForResource": 1}

    control.clear_calls()
    assert driver.diff(arn, read_outs, inputs).changes is False
    assert control.counts() == {}, "diff makes no API call"

    control.clear_calls()
    driver.delete(arn, outs)
    assert control.counts() == {
        "ListTagsForResource": 1,
        "DeleteContactChannel": 1,
        "UntagResource": 1,
    }
    assert channels(aws, contact) == []


def test_update_name(
    driver: Driver, control: EmulatorControl, aws: SSMContactsClient, contact: str
) -> None:
    arn, outs = up(driver, sms(contact))
    news, _ = driver.check(outs, sms(contact, name="phone"))
    diff = driver.diff(arn, outs, news)
    assert (diff.changes, diff.replaces) == (True, [])

    control.clear_calls()
    outs = driver.update(arn, outs, news)
    assert control.counts() == {"ListTagsForResource": 1, "UpdateContactChannel": 1}
    assert (outs["name"], outs["activationStatus"]) == ("phone", "NOT_ACTIVATED")
    assert aws.get_contact_channel(ContactChannelId=arn)["Name"] == "phone"


def test_update_delivery_address(
    driver: Driver, control: EmulatorControl, aws: SSMContactsClient, contact: str
) -> None:
    arn, outs = up(driver, sms(contact))
    news, _ = driver.check(outs, sms(contact, deliveryAddress=OTHER_PHONE))
    diff = driver.diff(arn, outs, news)
    assert (diff.changes, diff.replaces) == (True, [])

    control.clear_calls()
    outs = driver.update(arn, outs, news)
    assert control.counts() == {
        "ListTagsForResource": 1,
        "UpdateContactChannel": 1,
        "GetContactChannel": 1,
    }
    assert outs["deliveryAddress"] == OTHER_PHONE
    live = aws.get_contact_channel(ContactChannelId=arn)
    assert (live["DeliveryAddress"], live["Name"]) == ({"SimpleAddress": OTHER_PHONE}, "mobile")
    assert outs["activationStatus"] == live["ActivationStatus"], "a new address: status read"


def test_update_defer_activation_is_no_change(
    driver: Driver, control: EmulatorControl, contact: str
) -> None:
    arn, outs = up(driver, sms(contact))
    news, _ = driver.check(outs, sms(contact, deferActivation=True))
    control.clear_calls()
    assert driver.diff(arn, outs, news).changes is False
    assert control.counts() == {}


def test_replace_on_type(
    driver: Driver, control: EmulatorControl, aws: SSMContactsClient, contact: str
) -> None:
    arn, outs = up(driver, sms(contact))
    news, _ = driver.check(outs, sms(contact, type="VOICE"))
    diff = driver.diff(arn, outs, news)
    assert (diff.replaces, diff.delete_before_replace) == (["type"], True)

    control.clear_calls()
    driver.delete(arn, outs)  # delete before replace, as the engine does here
    new_arn, new_outs = driver.create(news)
    assert control.counts() == {
        "ListTagsForResource": 1,
        "DeleteContactChannel": 1,
        "UntagResource": 1,
        "TagResource": 1,
        "CreateContactChannel": 1,
        "GetContactChannel": 1,
    }
    assert new_arn != arn
    assert [(c["ContactChannelArn"], c["Type"]) for c in channels(aws, contact)] == [
        (new_arn, "VOICE")
    ]
    assert new_outs["type"] == "VOICE"


def test_replace_on_contact_id(driver: Driver, aws: SSMContactsClient, contact: str) -> None:
    other = aws.create_contact(Alias="boss", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    arn, outs = up(driver, sms(contact))
    news, _ = driver.check(outs, sms(other))
    diff = driver.diff(arn, outs, news)
    assert (diff.replaces, diff.delete_before_replace) == (["contactId"], True)

    driver.delete(arn, outs)
    new_arn, _ = driver.create(news)
    assert channels(aws, contact) == []
    assert [c["ContactChannelArn"] for c in channels(aws, other)] == [new_arn]


def test_import(
    driver: Driver, control: EmulatorControl, aws: SSMContactsClient, contact: str
) -> None:
    """``import_`` reaches the provider as ``importArn``: create adopts with one read."""
    arn = aws.create_contact_channel(
        ContactId=contact, Name="mobile", Type="SMS", DeliveryAddress={"SimpleAddress": PHONE}
    )["ContactChannelArn"]

    control.clear_calls()
    inputs, failures = driver.check({}, sms(contact, importArn=arn))
    assert failures == {}
    created_id, outs = driver.create(inputs)
    assert created_id == arn
    assert control.counts() == {
        "GetContactChannel": 1,
        "ListTagsForResource": 1,
        "TagResource": 1,
    }, "no write to the channel; its contact marked"
    assert outs["activationStatus"] == "NOT_ACTIVATED"

    read_id, refreshed, _ = driver.read(arn, outs)
    assert read_id == arn
    assert "importArn" not in refreshed
    program, _ = driver.check(refreshed, sms(contact))  # the import option removed afterwards
    assert driver.diff(arn, refreshed, program).changes is False, "import then up: no diff"
    assert len(channels(aws, contact)) == 1


def test_import_mismatch_names_the_properties_not_the_values(
    driver: Driver, control: EmulatorControl, aws: SSMContactsClient, contact: str
) -> None:
    arn = aws.create_contact_channel(
        ContactId=contact,
        Name="old-phone",
        Type="SMS",
        DeliveryAddress={"SimpleAddress": OTHER_PHONE},
    )["ContactChannelArn"]
    inputs, _ = driver.check({}, sms(contact, importArn=arn))
    control.clear_calls()
    with pytest.raises(HookError) as raised:
        driver.create(inputs)
    message = str(raised.value)
    assert "does not match the program in name, delivery_address" in message
    assert PHONE not in message and OTHER_PHONE not in message, "personal data"
    assert "old-phone" not in message
    assert control.counts() == {"GetContactChannel": 1, "ListTagsForResource": 1}, "no write"


def test_import_of_a_missing_channel_says_so(
    driver: Driver, aws: SSMContactsClient, contact: str
) -> None:
    arn, outs = up(driver, sms(contact, owner="contacts/prod/gone"))
    driver.delete(arn, outs)
    inputs, _ = driver.check({}, sms(contact, importArn=arn))
    with pytest.raises(HookError) as raised:
        driver.create(inputs)
    assert "no such contact channel in us-east-1" in str(raised.value)


@pytest.mark.parametrize(
    ("overrides", "prop"),
    [
        ({"deliveryAddress": "555-0100"}, "delivery_address"),
        ({"type": "EMAIL"}, "delivery_address"),
        ({"deliveryAddress": "+1" + "5" * 1_000_000}, "delivery_address"),
        ({"type": "PAGER"}, "type"),
        ({"contactId": "akuam"}, "contact_id"),
        ({"name": "mobile\tphone"}, "name"),
        ({"tags": {"team": "sre"}}, "tags"),
    ],
    ids=["e164", "email-for-a-phone", "one-megabyte", "enum", "arn", "name", "unknown-key"],
)
def test_bad_input(
    driver: Driver,
    control: EmulatorControl,
    aws: SSMContactsClient,
    contact: str,
    overrides: dict[str, Any],
    prop: str,
) -> None:
    control.clear_calls()
    _, failures = driver.check({}, sms(contact, **overrides))
    assert prop in failures
    assert PHONE not in str(failures) and "555-0100" not in str(failures)
    assert len(str(failures)) < 2000, "a huge value is never echoed"
    assert control.counts() == {}
    assert channels(aws, contact) == []


def test_an_address_aws_rejects_is_not_echoed(
    driver: Driver, aws: SSMContactsClient, contact: str
) -> None:
    """Past check (say a rule of AWS that check lacks): AWS's error never shows the address."""
    address = "akua.mansa at example"
    with pytest.raises(HookError) as raised:
        driver.create(sms(contact, type="EMAIL", deliveryAddress=address))
    message = str(raised.value)
    assert "CreateContactChannel for contact channel 'mobile'" in message
    assert "ValidationException" in message
    assert address not in message
    assert channels(aws, contact) == []


def test_contact_that_does_not_exist_is_named(driver: Driver, contact: str) -> None:
    missing = contact.replace("contact/akuam", "contact/nobody")
    with pytest.raises(HookError) as raised:
        driver.create(sms(missing))
    message = str(raised.value)
    assert f"the contact {missing} does not exist in us-east-1" in message
    assert PHONE not in message


def test_contact_in_another_region_says_which_region(driver: Driver, contact: str) -> None:
    elsewhere = contact.replace(":us-east-1:", ":eu-west-1:")
    with pytest.raises(HookError) as raised:
        driver.create(sms(elsewhere))
    assert "set the resource's `region` to eu-west-1" in str(raised.value)


def test_throttled_throughout_is_explained(
    driver: Driver, control: EmulatorControl, aws: SSMContactsClient, contact: str
) -> None:
    inputs, _ = driver.check({}, sms(contact))
    control.set_faults(throttle_rate=1.0, operations=["CreateContactChannel"])
    with pytest.raises(HookError) as raised:
        driver.create(inputs)
    control.clear_faults()
    assert "ThrottlingException" in str(raised.value)
    assert "after 3 attempts" in str(raised.value)
    assert channels(aws, contact) == []


def test_lost_response_then_rerun_makes_no_duplicate(
    driver: Driver, control: EmulatorControl, aws: SSMContactsClient, contact: str
) -> None:
    inputs, _ = driver.check({}, sms(contact))
    control.set_faults(drop_response_rate=1.0, operations=["CreateContactChannel"], seed=1)
    with pytest.raises(HookError) as raised:
        driver.create(inputs)  # every attempt committed (one channel: one token), every answer lost
    control.clear_faults()
    assert "no answer from AWS" in str(raised.value)
    assert "adopts it, with no duplicate" in str(raised.value)
    assert "owner tag" not in str(raised.value), "channels have none"
    assert len(channels(aws, contact)) == 1

    control.clear_calls()
    arn, outs = driver.create(inputs)  # the next `pulumi up`
    assert control.counts() == {"CreateContactChannel": 1, "GetContactChannel": 1, "TagResource": 1}
    assert [c["ContactChannelArn"] for c in channels(aws, contact)] == [arn]
    assert outs["activationStatus"] == "NOT_ACTIVATED"


def test_lost_response_then_rerun_with_an_edited_program_brings_it_in_line(
    driver: Driver, control: EmulatorControl, aws: SSMContactsClient, contact: str
) -> None:
    inputs, _ = driver.check({}, sms(contact))
    control.set_faults(drop_response_rate=1.0, operations=["CreateContactChannel"], seed=1)
    with pytest.raises(HookError):
        driver.create(inputs)
    control.clear_faults()

    edited, _ = driver.check({}, sms(contact, name="phone", deliveryAddress=OTHER_PHONE))
    control.clear_calls()
    arn, outs = driver.create(edited)
    assert control.counts() == {
        "CreateContactChannel": 1,
        "GetContactChannel": 1,
        "UpdateContactChannel": 1,
        "TagResource": 1,
    }
    [channel] = channels(aws, contact)
    assert channel["ContactChannelArn"] == arn
    assert (channel["Name"], channel["DeliveryAddress"]) == (
        "phone",
        {"SimpleAddress": OTHER_PHONE},
    )
    assert (outs["name"], outs["deliveryAddress"]) == ("phone", OTHER_PHONE)


def test_lost_response_then_rerun_with_another_type_replaces_our_orphan(
    driver: Driver, control: EmulatorControl, aws: SSMContactsClient, contact: str
) -> None:
    """The orphan is ours (our token) but cannot become a VOICE channel: it is deleted."""
    inputs, _ = driver.check({}, sms(contact))
    control.set_faults(drop_response_rate=1.0, operations=["CreateContactChannel"], seed=1)
    with pytest.raises(HookError):
        driver.create(inputs)
    control.clear_faults()
    [orphan] = channels(aws, contact)

    edited, _ = driver.check({}, sms(contact, type="VOICE"))
    arn, _ = driver.create(edited)
    [channel] = channels(aws, contact)
    assert (channel["ContactChannelArn"], channel["Type"]) == (arn, "VOICE")
    assert arn != orphan["ContactChannelArn"]


def test_destroy_then_create_under_remember_yields_a_live_channel(
    driver: Driver, control: EmulatorControl, aws: SSMContactsClient, contact: str
) -> None:
    """An AWS that remembers tokens after a delete answers generation 0 with the deleted
    channel's ARN: create sees it is gone and moves on to generation 1."""
    control.set_token_policy("remember")
    arn, outs = up(driver, sms(contact))
    driver.delete(arn, outs)

    control.clear_calls()
    new_arn, new_outs = up(driver, sms(contact))
    assert control.counts() == {
        "CreateContactChannel": 2,
        "GetContactChannel": 2,
        "TagResource": 1,
    }
    assert new_arn != arn
    assert aws.get_contact_channel(ContactChannelId=new_arn)["Name"] == "mobile"
    assert driver.read(new_arn, new_outs)[0] == new_arn
    assert [c["ContactChannelArn"] for c in channels(aws, contact)] == [new_arn]


def test_destroy_then_create_under_forget_on_delete_costs_three_calls(
    driver: Driver, control: EmulatorControl, aws: SSMContactsClient, contact: str
) -> None:
    arn, outs = up(driver, sms(contact))
    driver.delete(arn, outs)
    control.clear_calls()
    new_arn, _ = up(driver, sms(contact))
    assert control.counts() == {"CreateContactChannel": 1, "GetContactChannel": 1, "TagResource": 1}
    assert [c["ContactChannelArn"] for c in channels(aws, contact)] == [new_arn]


def test_every_generation_spent_fails_and_says_what_to_do(
    driver: Driver, control: EmulatorControl, aws: SSMContactsClient, contact: str
) -> None:
    control.set_token_policy("remember")
    for _ in range(MAX_GENERATIONS):
        arn, outs = up(driver, sms(contact))
        driver.delete(arn, outs)
    with pytest.raises(HookError) as raised:
        up(driver, sms(contact))
    message = str(raised.value)
    assert f"each of this resource's {MAX_GENERATIONS} idempotency tokens" in message
    assert "What to do: wait" in message and "another name" in message
    assert PHONE not in message
    assert channels(aws, contact) == []
    assert up(driver, sms(contact, owner="contacts/prod/akuam-sms-2"))[0], "a new name works"


def test_activation_flow(
    driver: Driver, control: EmulatorControl, aws: SSMContactsClient, contact: str
) -> None:
    """On AWS the code goes to the phone; the emulator hands it out, so the flow is testable."""
    arn, outs = up(driver, sms(contact))
    assert outs["activationStatus"] == "NOT_ACTIVATED"

    code = control.activation_codes()[arn]
    aws.activate_contact_channel(ContactChannelId=arn, ActivationCode=code)

    _, refreshed, inputs = driver.read(arn, outs)  # `pulumi refresh`
    assert refreshed["activationStatus"] == "ACTIVATED"
    assert inputs is not None and "activationStatus" not in inputs, "an output, not an input"
    program, _ = driver.check(refreshed, sms(contact))
    assert driver.diff(arn, refreshed, program).changes is False

    news, _ = driver.check(refreshed, sms(contact, name="phone"))
    assert driver.update(arn, refreshed, news)["activationStatus"] == "ACTIVATED", "kept"


def test_deferred_activation_sends_no_code_until_asked(
    driver: Driver, control: EmulatorControl, aws: SSMContactsClient, contact: str
) -> None:
    arn, outs = up(driver, sms(contact, deferActivation=True))
    assert outs["deferActivation"] is True
    assert arn not in control.activation_codes()

    aws.send_activation_code(ContactChannelId=arn)
    aws.activate_contact_channel(
        ContactChannelId=arn, ActivationCode=control.activation_codes()[arn]
    )
    _, refreshed, inputs = driver.read(arn, outs)
    assert refreshed["activationStatus"] == "ACTIVATED"
    assert inputs is not None and inputs["deferActivation"] is True, "kept from state"


def test_pinned_provider_string_drives_the_server(
    emulator_env: dict[str, str], aws: SSMContactsClient, contact: str
) -> None:
    """State written today (this exact string) can be refreshed and destroyed later."""
    driver = GrpcDriver(emulator_env, PINNED)
    try:
        arn, outs = up(driver, sms(contact))
        assert driver.read(arn, outs)[0] == arn
        driver.delete(arn, outs)
    finally:
        driver.close()
    assert channels(aws, contact) == []
