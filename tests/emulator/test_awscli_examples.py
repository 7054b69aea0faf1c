"""Every AWS CLI ``ssm-contacts`` example runs against the emulator and answers in the shape
the CLI documents (issue 13, "What to build": the 18 commands on modelled operations).

Each example's command is read as an operation and its parameters (``awscli_examples``);
what it refers to (contacts, channels, tags, a plan) is first made in the emulator, from the
command and from its documented output, and the example's ARNs are replaced by the ones the
emulator made. Then the operation runs through boto3 and the response's shape (its keys,
recursively; values may differ) must equal the documented output's, and the response must
fit botocore's output shape. Examples of operations the emulator does not model must answer
400 UnknownOperationException, never a 5xx.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.exceptions import ClientError

from pulumi_ssm_contacts.emulator.responses import implemented_operations
from pulumi_ssm_contacts.service_model import validate_output

from .awscli_examples import Example, examples, shape_of
from .helpers import Emulator, SSMContactsClient, error_code

EXAMPLES = examples()
MODELLED = [e for e in EXAMPLES if e.operation in implemented_operations()]
UNMODELLED = [e for e in EXAMPLES if e.operation not in implemented_operations()]
ADDRESSES = {"SMS": "+15005550199", "VOICE": "+15005550199", "EMAIL": "akuam@example.com"}


def test_every_vendored_example_is_read() -> None:
    """28 files, 30 commands: 18 on operations the emulator models (as the issue counted)."""
    assert len({e.source.partition("#")[0] for e in EXAMPLES}) == 28
    assert (len(EXAMPLES), len(MODELLED)) == (30, 18)


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
        if arn not in self.arns:
            alias = arn.rpartition(":contact/")[2]
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


@pytest.mark.parametrize("example", UNMODELLED, ids=[e.source for e in UNMODELLED])
def test_example_of_an_unmodelled_operation_is_a_4xx_naming_it(
    emulator: Emulator, example: Example
) -> None:
    client = emulator.new_client(_region(example), validate=False)
    with pytest.raises(ClientError) as error:
        client._make_api_call(example.operation, example.params)  # type: ignore[attr-defined]
    assert error.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert error_code(error) == "UnknownOperationException"
    assert example.operation in error.value.response["Error"]["Message"]


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
