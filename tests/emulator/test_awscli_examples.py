"""Every AWS CLI ``ssm-contacts`` example runs against the emulator and answers in the shape
the CLI documents (issue 13, "What to build": the 18 commands on modelled operations).

Each example's command is read as an operation and its parameters (``awscli_examples``);
what it refers to (contacts, channels, tags, a plan) is first made in the emulator, from the
command and from its documented output, and the example's ARNs are replaced by the ones the
emulator made. Then the operation runs through boto3 and the response's shape (its keys,
recursively; values may differ) must equal the documented output's, and the response must
fit botocore's output shape. Since issue 16 the emulator models every operation the examples
use (engagements and pages are made by starting an engagement of the example's contact; a
page the example shows acknowledged is accepted DELIVERED, then READ).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from pulumi_ssm_contacts.core.service_model import validate_output
from pulumi_ssm_contacts.emulator.responses import implemented_operations

from .awscli_examples import Example, examples, shape_of
from .helpers import Emulator, SSMContactsClient

EXAMPLES = examples()
MODELLED = [e for e in EXAMPLES if e.operation in implemented_operations()]
ADDRESSES = {"SMS": "+15005550199", "VOICE": "+15005550199", "EMAIL": "akuam@example.com"}


def test_every_vendored_example_is_read() -> None:
    """28 files, 30 commands: issue 13 counted 18 on modelled operations; since issue 16, all."""
    assert len({e.source.partition("#")[0] for e in EXAMPLES}) == 28
    assert (len(EXAMPLES), len(MODELLED)) == (30, 30)


def _is_arn(value: Any, kind: str) -> bool:
    return isinstance(value, str) and value.startswith("arn:") and f":{kind}/" in value


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return [value] if isinstance(value, str) else []


def _region(example: Example) -> str:
    """The region the example's ARNs name (the CLI ran there)."""
    for text in _strings(example.params) + _strings(example.output):
        if text.startswith("arn:"):
            return text.split(":")[3]
    return "us-east-1"


class World:
    """What an example refers to, made in the emulator; ``arns`` maps theirs to ours."""

    def __init__(self, emulator: Emulator, client: SSMContactsClient) -> None:
        self.emulator = emulator
        self.client = client
        self.arns: dict[str, str] = {}
        self.codes: dict[str, str] = {}

    def contact(self, arn: str, type_: str | None = None, display_name: str | None = None) -> str:
        """The contact the example ARN names (ESCALATION if its alias says so)."""
        alias = arn.rpartition(":contact/")[2]
        for theirs, ours in list(self.arns.items()):  # one alias in two examples' accounts
            if theirs.rpartition(":contact/")[2] == alias and ":contact/" in theirs:
                self.arns[arn] = ours
        if arn not in self.arns:
            kind = type_ or ("ESCALATION" if "escalation" in alias else "PERSONAL")
            extra: dict[str, Any] = {"DisplayName": display_name} if display_name else {}
            made = self.client.create_contact(
                Alias=alias,
                Type=kind,  # type: ignore[arg-type]
                Plan={"Stages": []},
                **extra,
            )
            self.arns[arn] = made["ContactArn"]
        return self.arns[arn]

    def channel(self, arn: str | None, contact: str, described: dict[str, Any]) -> str:
        """A channel of ``contact`` as ``described`` (Name, Type, DeliveryAddress)."""
        if arn is not None and arn in self.arns:
            return self.arns[arn]
        kind = described.get("Type", "SMS")
        made = self.client.create_contact_channel(
            ContactId=self.contact(contact),
            Name=described.get("Name", "channel"),
            Type=kind,
            DeliveryAddress=described.get("DeliveryAddress", {"SimpleAddress": ADDRESSES[kind]}),
        )["ContactChannelArn"]
        self.codes[made] = self.emulator.activation_code(made)
        if arn is not None:
            self.arns[arn] = made
        return made

    def engagement(self, arn: str) -> str:
        """An engagement of the contact the example's engagement ARN names."""
        if arn not in self.arns:
            alias = arn.split("/")[1]
            contact = self.contact(arn.replace(arn.split(":")[5], f"contact/{alias}"))
            self.pages_through(contact)
            self.arns[arn] = self.client.start_engagement(
                ContactId=contact,
                Sender="cli",
                Subject="cli-test",
                Content="Testing engagements via CLI",
                PublicSubject="cli-test",
                PublicContent="Testing engagements va CLI",
            )["EngagementArn"]
        return self.arns[arn]

    def pages_through(self, contact: str) -> None:
        """A PERSONAL contact gets an activated SMS channel and a plan that pages it."""
        if self.client.get_contact(ContactId=contact)["Type"] != "PERSONAL":
            return
        if self.client.get_contact(ContactId=contact)["Plan"]["Stages"]:
            return
        channel = self.channel(None, contact, {})
        self.client.activate_contact_channel(
            ContactChannelId=channel, ActivationCode=self.codes[channel]
        )
        target = {"ChannelTargetInfo": {"ContactChannelId": channel}}
        plan = {"Stages": [{"DurationInMinutes": 0, "Targets": [target]}]}
        self.client.update_contact(ContactId=contact, Plan=plan)  # type: ignore[arg-type]

    def page(self, arn: str, accepted: bool) -> str:
        """A page to the contact the example's page ARN names; DELIVERED then READ if
        ``accepted``."""
        if arn not in self.arns:
            alias = arn.split("/")[1]
            engagement = self.engagement(arn.replace(arn.split(":")[5], f"engagement/{alias}/x"))
            found = self.client.list_pages_by_engagement(EngagementId=engagement)["Pages"]
            self.arns[arn] = found[0]["PageArn"]
            if accepted:
                sent = self.client.list_page_receipts(PageId=self.arns[arn])["Receipts"][0]
                for kind in ("DELIVERED", "READ"):
                    self.client.accept_page(
                        PageId=self.arns[arn],
                        ContactChannelId=sent["ContactChannelArn"],
                        AcceptType=kind,
                        AcceptCode="425440",
                    )
        return self.arns[arn]

    def ensure(self, value: Any) -> None:
        """Every contact and channel ARN in ``value`` exists."""
        for text in _strings(value):
            if _is_arn(text, "contact"):
                self.contact(text)
            elif _is_arn(text, "contact-channel"):
                alias = text.split("/")[1]
                self.channel(text, text.replace(text.split(":")[5], f"contact/{alias}"), {})

    def ours(self, value: Any) -> Any:
        """``value`` with the example's ARNs replaced by the emulator's."""
        if isinstance(value, dict):
            return {k: self.ours(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.ours(v) for v in value]
        return self.arns.get(value, value) if isinstance(value, str) else value


def _set_up(world: World, example: Example) -> dict[str, Any]:
    """Make what the documented output shows and the command names; our parameters."""
    out = example.output
    if example.operation == "ListContacts":
        for item in out["Contacts"]:
            world.contact(item["ContactArn"], item["Type"], item.get("DisplayName"))
    elif example.operation == "GetContact":
        world.contact(out["ContactArn"], out["Type"], out.get("DisplayName"))
        world.ensure(out["Plan"])
        contact = world.arns[out["ContactArn"]]
        world.client.update_contact(ContactId=contact, Plan=world.ours(out["Plan"]))
    elif example.operation == "GetContactChannel":
        world.channel(out["ContactChannelArn"], out["ContactArn"], out)
    elif example.operation == "ListContactChannels":
        for item in out["ContactChannels"]:
            world.channel(item.get("ContactChannelArn"), item["ContactArn"], item)
    elif example.operation in ("DescribeEngagement", "StopEngagement", "ListPagesByEngagement"):
        world.engagement(example.params["EngagementId"])
    elif example.operation == "ListEngagements":
        for item in out["Engagements"]:
            world.engagement(item["EngagementArn"])
    elif example.operation in ("DescribePage", "ListPageReceipts", "AcceptPage"):
        world.page(example.params["PageId"], accepted=example.operation != "AcceptPage")
    elif example.operation == "ListPagesByContact":
        for item in out["Pages"]:
            world.page(item["PageArn"], accepted="ReadTime" in item)
    elif example.operation == "GetContactPolicy":
        arn = world.contact(example.params["ContactArn"])
        world.client.put_contact_policy(ContactArn=arn, Policy=out["Policy"])
    elif example.operation == "ListTagsForResource":
        arn = world.contact(example.params["ResourceARN"])
        world.client.tag_resource(ResourceARN=arn, Tags=out["Tags"])
    world.ensure(example.params)
    params: dict[str, Any] = world.ours(example.params)
    if example.operation == "ActivateContactChannel":
        params["ActivationCode"] = world.codes[params["ContactChannelId"]]
    return params


@pytest.mark.parametrize("example", MODELLED, ids=[e.source for e in MODELLED])
def test_example_answers_in_the_documented_shape(emulator: Emulator, example: Example) -> None:
    client = emulator.new_client(_region(example))
    world = World(emulator, client)
    params = _set_up(world, example)
    response = client._make_api_call(example.operation, params)  # type: ignore[attr-defined]
    response.pop("ResponseMetadata")
    answered = json.loads(json.dumps(response, default=str))
    assert validate_output(example.operation, response) == []
    assert shape_of(answered) == shape_of(example.output), example.output_repaired


def test_a_changed_response_shape_fails_the_comparison() -> None:
    """The comparison sees a lost, an added and a renamed key, and a list's items' keys."""
    documented = {"ContactArn": "a", "Plan": {"Stages": [{"DurationInMinutes": 5}]}}
    assert shape_of({"ContactArn": "b", "Plan": {"Stages": [{"DurationInMinutes": 0}]}}) == (
        shape_of(documented)
    )
    for changed in (
        {"ContactArn": "a"},
        {**documented, "Extra": 1},
        {"ContactARN": "a", "Plan": documented["Plan"]},
        {"ContactArn": "a", "Plan": {"Stages": [{"Duration": 5}]}},
        {"ContactArn": "a", "Plan": {"Stages": {"DurationInMinutes": 5}}},
    ):
        assert shape_of(changed) != shape_of(documented), changed
