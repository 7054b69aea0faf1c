"""What only the native plugin does, over gRPC against the emulator (the real
``pulumi-resource-ssm-contacts`` process; test_resource_scenarios.py runs the shared table).

The owner from the URN (the same string the dynamic front end computes), secrets that stay
secret, a detailed diff with stables, Pulumi's own import, configuration, the schema, clean
errors, and hooks that run at once.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import grpc
import pulumi
import pytest
from pulumi.output import Unknown
from pulumi.runtime import rpc
from pulumi.runtime.proto import provider_pb2

from pulumi_ssm_contacts.core.ownership import OWNER_TAG
from pulumi_ssm_contacts.dynamic.resource import owner_of
from pulumi_ssm_contacts.emulator_harness.control import EmulatorControl
from pulumi_ssm_contacts.native.urns import owner_of_urn
from tests.protocol.drivers import (
    REGION,
    HookError,
    NativeDriver,
    NativePlugin,
    _struct,
)
from tests.protocol.resource_cases import CONTACT_CHANNEL, _plan_setup

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient

CONTACT = "ssm-contacts:index:Contact"


@pytest.fixture
def contact(native_plugin: NativePlugin, emulator_env: dict[str, str]) -> NativeDriver:
    return NativeDriver(native_plugin, "Contact")


@pytest.fixture
def channel(native_plugin: NativePlugin, emulator_env: dict[str, str]) -> NativeDriver:
    return NativeDriver(native_plugin, "ContactChannel")


def _tags(aws: SSMContactsClient, arn: str) -> dict[str, str]:
    return {t["Key"]: t["Value"] for t in aws.list_tags_for_resource(ResourceARN=arn)["Tags"]}


# -- the owner --------------------------------------------------------------------------


class _Team(pulumi.ComponentResource):
    def __init__(self, type_: str, name: str, parent: pulumi.Resource | None = None) -> None:
        super().__init__(type_, name, None, pulumi.ResourceOptions(parent=parent))


class _Mocks(pulumi.runtime.Mocks):
    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        return f"{args.name}-id", dict(args.inputs)

    def call(self, args: pulumi.runtime.MockCallArgs) -> tuple[dict[str, Any], None]:
        return {}, None


@pytest.fixture
def mocks() -> None:
    pulumi.runtime.set_mocks(_Mocks(), project="contacts", stack="prod", preview=False)


@pulumi.runtime.test  # type: ignore[untyped-decorator]
def test_owner_from_the_urn_is_the_dynamic_front_ends(mocks: None) -> pulumi.Output[Any]:
    """Top level, under a component, under two: the owner a native resource's URN gives is
    the one ``dynamic.resource.owner_of`` gives a resource of the same name and parents,
    so a stack can move between the front ends."""
    outer = _Team("acme:oncall:Team", "sre")
    inner = _Team("acme:oncall:Rota", "day", parent=outer)

    def check(found: list[str]) -> None:
        outer_urn, inner_urn, *dynamic = found
        assert owner_of("akuam", None) == owner_of_urn(
            f"urn:pulumi:prod::contacts::{CONTACT}::akuam"
        )
        native = [
            owner_of_urn(f"urn:pulumi:prod::contacts::{urn.split('::')[2]}${CONTACT}::akuam")
            for urn in (outer_urn, inner_urn)
        ]
        assert native == dynamic
        assert native[1] == "contacts/prod/acme:oncall:Team+acme:oncall:Rota::akuam"

    return pulumi.Output.all(
        outer.urn, inner.urn, owner_of("akuam", outer), owner_of("akuam", inner)
    ).apply(check)


def test_the_owner_tag_comes_from_the_urn(
    native_plugin: NativePlugin, aws: SSMContactsClient, emulator_env: dict[str, str]
) -> None:
    """A child of a component: the URN's parent chain is in the tag; the program never
    sets the owner (it is refused as an input)."""
    urn = f"urn:pulumi:prod::contacts::acme:oncall:Team${CONTACT}::akuam"
    stub = native_plugin.stub
    checked = stub.Check(
        provider_pb2.CheckRequest(
            urn=urn, olds=_struct({}), news=_struct({"alias": "akuam", "type": "PERSONAL"})
        )
    )
    assert list(checked.failures) == []
    created = stub.Create(provider_pb2.CreateRequest(urn=urn, properties=checked.inputs))
    assert _tags(aws, created.id)[OWNER_TAG] == "contacts/prod/acme:oncall:Team::akuam"

    refused = stub.Check(
        provider_pb2.CheckRequest(
            urn=urn,
            olds=_struct({}),
            news=_struct({"alias": "akuam", "type": "PERSONAL", "owner": "x/y/z"}),
        )
    )
    assert [f.reason for f in refused.failures] == [
        "owner: is set by the provider from the resource's URN; remove it"
    ]


# -- secrets ----------------------------------------------------------------------------


def test_the_delivery_address_is_always_secret(
    channel: NativeDriver, aws: SSMContactsClient, control: EmulatorControl
) -> None:
    """In Check's inputs, Create's, Update's and Read's outputs and the inputs Read
    returns, even when the program sent it in plain text; a secret the program sent for
    another input stays secret too."""
    ctx = _plan_setup(aws)
    inputs = CONTACT_CHANNEL.inputs(ctx)
    checked, failures = channel.check({}, inputs)
    assert (failures, channel.secrets) == ({}, {"deliveryAddress"})

    id_, outs = channel.create(checked)
    assert "deliveryAddress" in channel.secrets
    news, _ = channel.check(outs, {**inputs, "name": "phone"})
    updated = channel.update(id_, outs, news)
    assert "deliveryAddress" in channel.secrets and updated["name"] == "phone"
    _, _, read_inputs = channel.read(id_, updated)
    assert read_inputs and read_inputs["deliveryAddress"] == "+15550100"
    assert "deliveryAddress" in channel.secrets

    response = channel.stub.Check(
        provider_pb2.CheckRequest(
            urn=channel.urn(inputs),
            olds=_struct({}),
            news=_struct({**inputs, "name": pulumi.runtime.rpc.wrap_rpc_secret("mobile")}),
        )
    )
    _ = channel._props(response.inputs)
    assert {"name", "deliveryAddress"} <= channel.secrets


def test_a_failure_never_shows_the_value(channel: NativeDriver, aws: SSMContactsClient) -> None:
    ctx = _plan_setup(aws)
    _, failures = channel.check({}, {**CONTACT_CHANNEL.inputs(ctx), "deliveryAddress": "555-01"})
    assert "deliveryAddress" in failures
    assert "555-01" not in json.dumps(failures)


# -- diff -------------------------------------------------------------------------------


def test_diff_details_each_change_and_declares_the_stables(
    contact: NativeDriver, native_plugin: NativePlugin
) -> None:
    inputs = {"alias": "akuam", "type": "PERSONAL", "displayName": "Akua", "owner": "c/p/akuam"}
    checked, _ = contact.check({}, inputs)
    id_, outs = contact.create(checked)
    urn = contact.urn(inputs)

    def diff(news: dict[str, Any]) -> Any:
        checked_news, _ = contact.check(outs, news)
        return native_plugin.stub.Diff(
            provider_pb2.DiffRequest(
                id=id_, urn=urn, olds=_struct(outs), news=_struct(checked_news)
            )
        )

    in_place = diff({**inputs, "displayName": "Akua M"})
    assert in_place.changes == provider_pb2.DiffResponse.DIFF_SOME
    assert dict(in_place.detailedDiff) == {
        "displayName": provider_pb2.PropertyDiff(
            kind=provider_pb2.PropertyDiff.UPDATE, inputDiff=True
        )
    }
    assert {"arn", "alias", "type"} <= set(in_place.stables)
    assert "displayName" not in in_place.stables

    replace = diff({**inputs, "alias": "akua"})
    assert list(replace.replaces) == ["alias"] and list(replace.stables) == []
    assert replace.detailedDiff["alias"].kind == provider_pb2.PropertyDiff.UPDATE_REPLACE

    none = diff(inputs)
    assert none.changes == provider_pb2.DiffResponse.DIFF_NONE
    contact.delete(id_, outs)


# -- preview ----------------------------------------------------------------------------


def test_create_and_update_preview_with_no_call_and_keep_what_an_update_keeps(
    contact: NativeDriver,
    channel: NativeDriver,
    native_plugin: NativePlugin,
    aws: SSMContactsClient,
    control: EmulatorControl,
) -> None:
    """The plugin previews Create and Update itself (Configure says so): no call, and outputs
    as up will answer them. An in-place update keeps the ARN and what the update leaves, so a
    resource that names it previews unchanged; a create's ARN is not known yet."""
    stub = native_plugin.stub
    inputs = {"alias": "kofi", "type": "PERSONAL", "displayName": "Akua", "owner": "c/p/kofi"}
    checked, _ = contact.check({}, inputs)
    control.clear_calls()
    created = stub.Create(
        provider_pb2.CreateRequest(
            urn=contact.urn(inputs), properties=_struct(checked), preview=True
        )
    )
    assert control.calls() == []
    outs = contact._props(created.properties)
    assert isinstance(outs["arn"], Unknown) and outs["displayName"] == "Akua"
    assert aws.list_contacts()["Contacts"] == []

    id_, outs = contact.create(checked)
    news, _ = contact.check(outs, {**inputs, "displayName": "Akua M"})
    control.clear_calls()
    previewed = stub.Update(
        provider_pb2.UpdateRequest(
            id=id_, urn=contact.urn(inputs), olds=_struct(outs), news=_struct(news), preview=True
        )
    )
    assert control.calls() == []
    assert contact._props(previewed.properties) == {**outs, "displayName": "Akua M"}
    assert aws.get_contact(ContactId=id_)["DisplayName"] == "Akua"
    assert contact.update(id_, outs, news) == contact._props(previewed.properties)

    # A channel's activation status stays through a new name, and is unknown with a new address.
    ctx = _plan_setup(aws)
    channel_inputs = CONTACT_CHANNEL.inputs(ctx)
    checked, _ = channel.check({}, channel_inputs)
    channel_id, channel_outs = channel.create(checked)
    for change, status in (
        ({"name": "phone"}, channel_outs["activationStatus"]),
        ({"deliveryAddress": "+15550199"}, None),
    ):
        news, _ = channel.check(channel_outs, {**channel_inputs, **change})
        previewed = stub.Update(
            provider_pb2.UpdateRequest(
                id=channel_id,
                urn=channel.urn(channel_inputs),
                olds=_struct(channel_outs),
                news=_struct(news),
                preview=True,
            )
        )
        outs = channel._props(previewed.properties)
        assert outs["arn"] == channel_id, change
        if status is None:
            assert isinstance(outs["activationStatus"], Unknown), change
        else:
            assert outs["activationStatus"] == status, change
        assert "deliveryAddress" in channel.secrets


# -- import -----------------------------------------------------------------------------


def test_import_of_another_owners_resource_is_refused(
    contact: NativeDriver, aws: SSMContactsClient, control: EmulatorControl
) -> None:
    arn = aws.create_contact(
        Alias="akuam",
        Type="PERSONAL",
        Plan={"Stages": []},
        Tags=[{"Key": OWNER_TAG, "Value": "contacts/staging/akuam"}],
    )["ContactArn"]
    control.clear_calls()
    with pytest.raises(HookError) as refused:
        contact.read(arn, {}, urn=contact.urn({"owner": "contacts/prod/akuam"}))
    assert str(refused.value).startswith(f"Import for {arn} refused: its owner tag")
    assert "Traceback" not in str(refused.value)
    assert all(op.startswith(("Get", "List")) for op in control.counts()), "reads only"


def test_import_of_another_stacks_channel_is_refused(
    channel: NativeDriver, aws: SSMContactsClient, control: EmulatorControl
) -> None:
    """A channel's owner is the marker on its contact: the import finds the contact from
    the channel, then checks the marker, as a refresh does."""
    inputs = CONTACT_CHANNEL.inputs(_plan_setup(aws))
    id_, _ = channel.create(channel.check({}, inputs)[0])
    control.clear_calls()
    with pytest.raises(HookError) as refused:
        channel.read(id_, {}, urn=channel.urn({"owner": "contacts/staging/akuam-sms"}))
    assert str(refused.value).startswith(f"Import for {id_} refused")
    assert "+15550100" not in str(refused.value)
    assert all(op.startswith(("Get", "List")) for op in control.counts()), "reads only"
    imported = channel.read(id_, {}, urn=channel.urn(inputs))
    assert imported[0] == id_ and "deliveryAddress" in channel.secrets


def test_import_reads_the_whole_resource_and_writes_nothing(
    contact: NativeDriver, aws: SSMContactsClient, control: EmulatorControl
) -> None:
    """A Contact's plan is read too (a program may leave it unmanaged, an import manages
    it), and the inputs are the resource's only: no owner, no outputs."""
    arn = aws.create_contact(
        Alias="akuam",
        Type="ESCALATION",
        Plan={"Stages": [{"DurationInMinutes": 5, "Targets": []}]},
    )["ContactArn"]
    control.clear_calls()
    id_, outs, inputs = contact.read(arn, {}, urn=contact.urn({"owner": "contacts/prod/akuam"}))
    assert id_ == arn and outs["arn"] == arn
    assert inputs == {
        "alias": "akuam",
        "type": "ESCALATION",
        "plan": {"stages": [{"durationInMinutes": 5, "targets": []}]},
    }
    assert all(op.startswith(("Get", "List")) for op in control.counts()), "reads only"

    with pytest.raises(HookError) as missing:
        contact.read(arn.replace("akuam", "nobody"), {}, urn=contact.urn({}))
    assert "no such Contact" in str(missing.value)


# -- configuration, schema, errors ------------------------------------------------------


def test_a_configured_region_must_serve_ssm_contacts(emulator_env: dict[str, str]) -> None:
    """Against AWS (no endpoint of our own: with one, any region name is allowed)."""
    env = {k: v for k, v in emulator_env.items() if not k.startswith("AWS_ENDPOINT_URL")}
    plugin = NativePlugin(env)
    try:
        response = plugin.stub.CheckConfig(
            provider_pb2.CheckRequest(
                urn="urn:pulumi:prod::contacts::pulumi:providers:ssm-contacts::default",
                olds=_struct({}),
                news=_struct({"region": "mars-north-1"}),
            )
        )
    finally:
        plugin.close()
    assert [f.reason.split(": ")[0] for f in response.failures] == ["ssm-contacts:region"]
    assert "is not a region where ssm-contacts is available" in response.failures[0].reason


def test_the_schema_is_the_generated_one(native_plugin: NativePlugin) -> None:
    from pulumi_ssm_contacts.native.schema import package_schema

    response = native_plugin.stub.GetSchema(provider_pb2.GetSchemaRequest(version=0))
    assert json.loads(response.schema) == json.loads(json.dumps(package_schema()))


def test_an_unknown_type_is_one_clean_paragraph(native_plugin: NativePlugin) -> None:
    with pytest.raises(grpc.RpcError) as failed:
        native_plugin.stub.Check(
            provider_pb2.CheckRequest(
                urn="urn:pulumi:prod::contacts::ssm-contacts:index:Pager::p",
                olds=_struct({}),
                news=_struct({}),
            )
        )
    details = failed.value.details()
    assert details.startswith("ssm-contacts:index:Pager is not a resource of the ssm-contacts")
    assert "Traceback" not in details and 'File "' not in details


# -- parallelism ------------------------------------------------------------------------

AT_ONCE = 32
"""More creates at once than any small worker pool (the SDK's 4, asyncio's default 6)."""


@pytest.fixture
def slow_creates(control: EmulatorControl) -> Iterator[None]:
    control.set_faults(latency_ms=3000, operations=["CreateContact"])
    yield
    control.clear_faults()


def test_hooks_run_at_once(
    contact: NativeDriver, control: EmulatorControl, slow_creates: None
) -> None:
    """Every create's call reaches AWS before the first one's answer is back: the plugin
    runs them all at once (a pool of N would hold call N+1 until an answer came)."""
    control.clear_calls()
    checked = [
        contact.check({}, {"alias": f"p-{i}", "type": "PERSONAL", "owner": f"c/p/p-{i}"})[0]
        for i in range(AT_ONCE)
    ]
    with ThreadPoolExecutor(AT_ONCE) as pool:
        futures = [pool.submit(contact.create, inputs) for inputs in checked]
        while control.counts().get("CreateContact", 0) < AT_ONCE:
            assert not any(f.done() for f in futures), "a create answered before all were sent"
            time.sleep(0.05)
        assert not any(f.done() for f in futures)
        created = [f.result() for f in futures]
    assert len({id_ for id_, _ in created}) == AT_ONCE


def test_configure_takes_the_packages_region(
    native_plugin: NativePlugin, emulator_env: dict[str, str], aws: SSMContactsClient
) -> None:
    """``ssm-contacts:region`` (the region the session plugin was configured with) is the
    region a resource without one is made in, whatever the environment says."""
    plugin = NativePlugin({**emulator_env, "AWS_REGION": "eu-west-1"})
    try:
        driver = NativeDriver(plugin, "Contact")
        inputs, _ = driver.check({}, {"alias": "akuam", "type": "PERSONAL", "owner": "c/p/a"})
        id_, _ = driver.create(inputs)
    finally:
        plugin.close()
    assert f":{REGION}:" in id_


def test_a_new_resource_with_no_region_anywhere_fails_at_check_with_no_call(
    emulator_env: dict[str, str], control: EmulatorControl
) -> None:
    """No `ssm-contacts:region`, no AWS_REGION: a new resource's Check (the preview) says how
    to set one, as its create would have; one the stack has (olds) takes its ARN's region."""
    env = {k: v for k, v in emulator_env.items() if k not in ("AWS_REGION", "AWS_DEFAULT_REGION")}
    plugin = NativePlugin(env, region=None)
    try:
        driver = NativeDriver(plugin, "Contact")
        control.clear_calls()
        inputs = {"alias": "akuam", "type": "PERSONAL", "owner": "c/p/a"}
        _, failures = driver.check({}, inputs)
        _, for_an_existing_one = driver.check(inputs, inputs)
        _, with_a_region = driver.check({}, {**inputs, "region": REGION})
    finally:
        plugin.close()
    assert list(failures) == ["region"]
    assert "pulumi config set ssm-contacts:region" in failures["region"]
    assert for_an_existing_one == {} and with_a_region == {}
    assert control.calls() == []


def test_a_preview_with_unknown_inputs_checks_what_is_known(
    channel: NativeDriver, native_plugin: NativePlugin, control: EmulatorControl
) -> None:
    """At preview a channel's contact is another resource's unknown output: Check keeps it
    unknown, checks the rest, makes no call; Diff of such inputs is a change."""
    inputs = {
        "contactId": rpc.UNKNOWN,
        "name": "sms",
        "type": "SMS",
        "deliveryAddress": "+15550100",
    }
    urn = channel.urn({"owner": "c/p/sms"})
    control.clear_calls()
    response = native_plugin.stub.Check(
        provider_pb2.CheckRequest(urn=urn, olds=_struct({}), news=_struct(inputs))
    )
    assert list(response.failures) == []
    assert response.inputs.fields["contactId"].string_value == rpc.UNKNOWN
    bad = native_plugin.stub.Check(
        provider_pb2.CheckRequest(
            urn=urn, olds=_struct({}), news=_struct({**inputs, "type": "PAGER"})
        )
    )
    assert [f.reason.split(":")[0] for f in bad.failures] == ["type"]
    assert control.counts() == {}


# -- functions --------------------------------------------------------------------------


def test_a_lookup_over_grpc_keeps_the_address_secret(
    native_plugin: NativePlugin, channel: NativeDriver, aws: SSMContactsClient
) -> None:
    """Invoke reaches native/functions.py; a channel's address comes back secret, and a
    miss is one paragraph with no traceback."""
    ctx = _plan_setup(aws)
    checked, _ = channel.check({}, CONTACT_CHANNEL.inputs(ctx))
    id_, _ = channel.create(checked)
    response = native_plugin.stub.Invoke(
        provider_pb2.InvokeRequest(
            tok="ssm-contacts:index:getContactChannel", args=_struct({"arn": id_})
        )
    )
    found = channel._props(getattr(response, "return"))
    assert found["arn"] == id_ and found["deliveryAddress"] == "+15550100"
    assert channel.secrets == {"deliveryAddress"}

    with pytest.raises(grpc.RpcError) as missed:
        native_plugin.stub.Invoke(
            provider_pb2.InvokeRequest(
                tok="ssm-contacts:index:getContact", args=_struct({"alias": "nobody"})
            )
        )
    assert "nobody" in missed.value.details() and "Traceback" not in missed.value.details()


def test_an_imported_contact_gets_its_owner_tag_with_its_first_update(
    contact: NativeDriver, aws: SSMContactsClient
) -> None:
    """Import writes nothing (it runs at preview too); the first update that writes the
    contact tags it with the owner its URN gives, so no second stack can adopt it."""
    arn = aws.create_contact(Alias="akuam", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    program = {"alias": "akuam", "type": "PERSONAL", "owner": "contacts/prod/akuam"}
    id_, outs = contact.import_(arn, program)
    assert OWNER_TAG not in _tags(aws, arn)
    news, _ = contact.check(outs, {**program, "displayName": "Akua"})
    contact.update(id_, outs, news)
    assert _tags(aws, arn)[OWNER_TAG] == "contacts/prod/akuam"
