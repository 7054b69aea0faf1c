"""The program side of Contact: Args and dicts become the camelCase property bag."""

from __future__ import annotations

from typing import Any

import pulumi
import pytest

from pulumi_ssm_contacts import (
    ChannelTargetInfoArgs,
    Contact,
    ContactArgs,
    ContactTargetInfoArgs,
    PlanArgs,
    StageArgs,
    TargetArgs,
)

ARN = "arn:aws:ssm-contacts:us-east-2:111122223333:contact/akuam"


class Recorder(pulumi.runtime.Mocks):
    """Records what each resource registers; answers with its inputs plus an ARN."""

    def __init__(self) -> None:
        self.registered: dict[str, pulumi.runtime.MockResourceArgs] = {}

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        self.registered[args.name] = args
        arn = f"arn:aws:ssm-contacts:us-east-2:111122223333:contact/{args.inputs['alias']}"
        return arn, {**args.inputs, "arn": arn}

    def call(
        self, args: pulumi.runtime.MockCallArgs
    ) -> tuple[dict[Any, Any], list[tuple[str, str]] | None]:
        return {}, None


@pytest.fixture
def recorder() -> Recorder:
    mocks = Recorder()
    pulumi.runtime.set_mocks(mocks, preview=False)
    return mocks


@pulumi.runtime.test  # type: ignore[untyped-decorator]
def test_args_become_the_camel_case_bag(recorder: Recorder) -> pulumi.Output[Any]:
    plan = PlanArgs(
        stages=[
            StageArgs(
                duration_in_minutes=5,
                targets=[
                    TargetArgs(
                        channel_target_info=ChannelTargetInfoArgs(
                            contact_channel_id=ARN + "-channel", retry_interval_in_minutes=1
                        )
                    )
                ],
            )
        ]
    )
    contact = Contact(
        "akuam",
        alias="akuam",
        type="PERSONAL",
        display_name="Akua Mansa",
        plan=plan,
        tags={"display_name": "kept as is"},
    )

    def verify(values: list[Any]) -> None:
        arn, display_name = values
        inputs = recorder.registered["akuam"].inputs
        assert inputs["displayName"] == "Akua Mansa"
        assert inputs["plan"] == {
            "stages": [
                {
                    "durationInMinutes": 5,
                    "targets": [
                        {
                            "channelTargetInfo": {
                                "contactChannelId": ARN + "-channel",
                                "retryIntervalInMinutes": 1,
                            }
                        }
                    ],
                }
            ]
        }
        assert inputs["tags"] == {"display_name": "kept as is"}, "tag keys are not renamed"
        assert "__provider" in inputs
        assert arn.endswith("contact/akuam")
        assert display_name == "Akua Mansa"

    return pulumi.Output.all(contact.arn, contact.display_name).apply(verify)


@pulumi.runtime.test  # type: ignore[untyped-decorator]
def test_dict_inputs_and_outputs_of_other_contacts(recorder: Recorder) -> pulumi.Output[Any]:
    person = Contact("person", ContactArgs(alias="person", type="PERSONAL"))
    team = Contact(
        "team",
        alias="team",
        type="ESCALATION",
        plan={
            "stages": [
                {
                    "duration_in_minutes": 0,
                    "targets": [
                        {
                            "contact_target_info": ContactTargetInfoArgs(
                                contact_id=person.arn, is_essential=True
                            )
                        }
                    ],
                }
            ]
        },
    )

    def verify(_: Any) -> None:
        target = recorder.registered["team"].inputs["plan"]["stages"][0]["targets"][0]
        assert target == {
            "contactTargetInfo": {
                "contactId": "arn:aws:ssm-contacts:us-east-2:111122223333:contact/person",
                "isEssential": True,
            }
        }

    return team.arn.apply(verify)


@pulumi.runtime.test  # type: ignore[untyped-decorator]
def test_import_option_becomes_an_input(recorder: Recorder) -> pulumi.Output[Any]:
    contact = Contact(
        "akuam", alias="akuam", type="PERSONAL", opts=pulumi.ResourceOptions(import_=ARN)
    )

    def verify(_: Any) -> None:
        assert recorder.registered["akuam"].inputs["importArn"] == ARN

    return contact.arn.apply(verify)


def test_args_and_keywords_together_are_refused() -> None:
    with pytest.raises(TypeError):
        Contact("x", ContactArgs(alias="x", type="PERSONAL"), alias="y")  # type: ignore[call-overload]
