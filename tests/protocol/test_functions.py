"""The native provider's functions against the emulator: each lookup, by ARN and by name,
returns the resource's outputs; a miss, an ambiguous name or a bad question is one paragraph
that says what to do, and never shows a delivery address. Then the same through the plugin's
gRPC Invoke (the real ``pulumi-resource-ssm-contacts`` process): the address comes back a
secret, a miss is the paragraph alone."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import grpc
import pytest
from google.protobuf import json_format
from pulumi.runtime.proto import provider_pb2

from pulumi_ssm_contacts.core import aws_client
from pulumi_ssm_contacts.core.aws_errors import ContactError
from pulumi_ssm_contacts.core.engine import Session
from pulumi_ssm_contacts.native.functions import invoke, secret_outputs
from pulumi_ssm_contacts.native.schema import package_schema
from tests.protocol.drivers import NativePlugin, _struct, unwrap

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient

REGION = "us-east-1"
ADDRESS = "+15555550123"
NS = "ssm-contacts:index:"


@pytest.fixture(scope="module")
def world(ssm_contacts_server: Any) -> Iterator[dict[str, str]]:
    """One emulator with a contact (with a plan and a channel), a schedule and a rotation."""
    mp = pytest.MonkeyPatch()
    ssm_contacts_server.control.reset()
    mp.setenv("AWS_ENDPOINT_URL_SSM_CONTACTS", ssm_contacts_server.endpoint)
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_REGION": REGION,
    }.items():
        mp.setenv(name, value)
    mp.delenv("AWS_PROFILE", raising=False)
    aws_client.forget_clients()
    client = aws_client.client(REGION)
    made = _make(client)
    yield made
    aws_client.forget_clients()
    mp.undo()


def _make(client: SSMContactsClient) -> dict[str, str]:
    person = client.create_contact(Alias="akuam", Type="PERSONAL", Plan={"Stages": []})
    contact = person["ContactArn"]
    channel = client.create_contact_channel(
        ContactId=contact,
        Name="phone",
        Type="SMS",
        DeliveryAddress={"SimpleAddress": ADDRESS},
    )["ContactChannelArn"]
    client.update_contact(
        ContactId=contact,
        Plan={"Stages": [{"DurationInMinutes": 5, "Targets": [_channel_target(channel)]}]},
    )
    client.tag_resource(ResourceARN=contact, Tags=[{"Key": "team", "Value": "sre"}])
    rotation = client.create_rotation(
        Name="primary",
        ContactIds=[contact],
        TimeZoneId="Europe/Paris",
        StartTime="2026-12-01T09:00:00Z",
        Recurrence={
            "NumberOfOnCalls": 1,
            "RecurrenceMultiplier": 1,
            "DailySettings": [{"HourOfDay": 9, "MinuteOfHour": 0}],
        },
    )["RotationArn"]
    for twin in ("twin", "twin"):
        client.create_rotation(
            Name=twin,
            ContactIds=[contact],
            TimeZoneId="UTC",
            Recurrence={
                "NumberOfOnCalls": 1,
                "RecurrenceMultiplier": 1,
                "DailySettings": [{"HourOfDay": 9, "MinuteOfHour": 0}],
            },
        )
    return {"contact": contact, "channel": channel, "rotation": rotation}


def _channel_target(channel: str) -> Any:
    return {"ChannelTargetInfo": {"ContactChannelId": channel, "RetryIntervalInMinutes": 1}}


def session_for(region: str | None) -> Session:
    where = region or REGION
    return Session(aws_client.client(where), where)


def lookup(function: str, **args: Any) -> dict[str, Any]:
    return invoke(NS + function, args, session_for)


def outputs_of(name: str) -> set[str]:
    return set(package_schema()["functions"][NS + name]["outputs"]["properties"])


def test_get_contact_by_alias_and_by_arn_agree(world: dict[str, str]) -> None:
    by_alias = lookup("getContact", alias="akuam")
    assert by_alias == lookup("getContact", arn=world["contact"])
    assert by_alias["arn"] == world["contact"]
    assert by_alias["alias"] == "akuam"
    assert by_alias["type"] == "PERSONAL"
    assert by_alias["tags"] == {"team": "sre"}
    assert by_alias["plan"]["stages"][0]["targets"][0]["channelTargetInfo"] == {
        "contactChannelId": world["channel"],
        "retryIntervalInMinutes": 1,
    }
    assert by_alias["region"] == REGION
    assert set(by_alias) <= outputs_of("getContact")


def test_get_contact_channel_by_arn_and_by_contact_and_name(world: dict[str, str]) -> None:
    by_arn = lookup("getContactChannel", arn=world["channel"])
    assert by_arn == lookup("getContactChannel", contactId=world["contact"], name="phone")
    assert by_arn["deliveryAddress"] == ADDRESS
    assert by_arn["activationStatus"] == "NOT_ACTIVATED"
    assert by_arn["contactId"] == world["contact"]
    assert set(by_arn) <= outputs_of("getContactChannel")
    assert secret_outputs(NS + "getContactChannel") == ("deliveryAddress",)
    assert secret_outputs(NS + "getContact") == ()


def test_get_contact_plan_by_contact_id_and_by_alias(world: dict[str, str]) -> None:
    plan = lookup("getContactPlan", contactId=world["contact"])
    assert plan == lookup("getContactPlan", alias="akuam")
    assert plan["arn"] == plan["contactId"] == world["contact"]
    assert plan["stages"][0]["durationInMinutes"] == 5


def test_get_rotation_by_name_and_by_arn(world: dict[str, str]) -> None:
    rotation = lookup("getRotation", name="primary")
    assert rotation == lookup("getRotation", arn=world["rotation"])
    assert rotation["contactIds"] == [world["contact"]]
    assert rotation["startTime"] == "2026-12-01T09:00:00Z"
    assert rotation["recurrence"]["dailySettings"] == [{"hourOfDay": 9, "minuteOfHour": 0}]


@pytest.mark.parametrize(
    ("function", "args", "said"),
    [
        ("getContact", {"alias": "nobody"}, "getContact found nothing with alias 'nobody'"),
        ("getRotation", {"name": "nobody"}, "getRotation found nothing named 'nobody'"),
        ("getRotation", {"name": "twin"}, "getRotation found 2 resources named 'twin'"),
        ("getContact", {}, "getContact needs exactly one way to find it: `arn` or `alias`"),
        ("getContact", {"arn": "x", "alias": "y"}, "needs exactly one way"),
        ("getContactChannel", {"name": "phone"}, "`arn` or `contactId` and `name`"),
        ("getContact", {"nmae": "x"}, "getContact has no argument nmae"),
    ],
)
def test_a_lookup_that_cannot_answer_says_what_to_do(
    world: dict[str, str], function: str, args: dict[str, Any], said: str
) -> None:
    with pytest.raises(ContactError) as raised:
        lookup(function, **args)
    message = str(raised.value)
    assert said in message
    assert "What to do:" in message
    assert "Traceback" not in message


def test_a_gone_resource_by_arn_is_not_found_without_its_address(world: dict[str, str]) -> None:
    gone = world["channel"].rsplit("/", 1)[0] + "/00000000-0000-0000-0000-000000000000"
    with pytest.raises(ContactError) as raised:
        lookup("getContactChannel", arn=gone)
    assert "What to do:" in str(raised.value)
    assert ADDRESS not in str(raised.value)


# -- through the plugin's gRPC Invoke ------------------------------------------------------


def invoked(plugin: NativePlugin, function: str, **args: Any) -> tuple[dict[str, Any], set[str]]:
    """A lookup's outputs as the engine receives them, and the paths marked secret."""
    response = plugin.stub.Invoke(provider_pb2.InvokeRequest(tok=NS + function, args=_struct(args)))
    assert not response.failures
    secrets: set[str] = set()
    wire = json_format.MessageToDict(getattr(response, "return"))
    return unwrap(wire, "", secrets), secrets


def test_invoke_returns_a_channels_address_as_a_secret(
    native_plugin: NativePlugin, world: dict[str, str]
) -> None:
    outputs, secrets = invoked(native_plugin, "getContactChannel", arn=world["channel"])
    assert secrets == {"deliveryAddress"}
    assert outputs["deliveryAddress"] == ADDRESS
    assert outputs == lookup("getContactChannel", arn=world["channel"])
    contact, secrets = invoked(native_plugin, "getContact", alias="akuam")
    assert secrets == set()
    assert contact["arn"] == world["contact"]


def test_invoke_of_a_missing_contact_is_our_paragraph_alone(
    native_plugin: NativePlugin, world: dict[str, str]
) -> None:
    with pytest.raises(grpc.RpcError) as failed:
        native_plugin.stub.Invoke(
            provider_pb2.InvokeRequest(tok=NS + "getContact", args=_struct({"alias": "nobody"}))
        )
    details = failed.value.details() or ""
    assert details.startswith("getContact found nothing with alias 'nobody' in us-east-1.")
    assert "What to do:" in details
    assert "Traceback" not in details and 'File "' not in details
