"""State written by release 0.1.0 loads, refreshes and diffs as no change in this release."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from pulumi_ssm_contacts.emulator_harness.control import EmulatorControl
from tests.protocol.drivers import REGION, GrpcDriver

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient

STATE = json.loads(Path(__file__).with_name("data").joinpath("state-0.1.0.json").read_text())


@pytest.fixture
def old_driver(emulator_env: dict[str, str]) -> Any:
    """The gRPC server driven with the provider string 0.1.0 wrote into state."""
    driver = GrpcDriver(emulator_env, STATE["provider"])
    yield driver
    driver.close()


@pytest.fixture
def live(ssm_contacts_endpoint: str) -> SSMContactsClient:
    """The two contacts as 0.1.0 made them: no owner tag."""
    client = EmulatorControl(ssm_contacts_endpoint).client(REGION)
    client.create_contact(
        Alias="akuam",
        DisplayName="Akua Mansa",
        Type="PERSONAL",
        Plan={"Stages": []},
        Tags=[{"Key": "team", "Value": "sre"}],
    )
    escalation = STATE["escalation"]["plan"]["stages"][0]
    client.create_contact(
        Alias="akuam-escalation",
        Type="ESCALATION",
        Plan={
            "Stages": [
                {
                    "DurationInMinutes": escalation["durationInMinutes"],
                    "Targets": [
                        {
                            "ContactTargetInfo": {
                                "ContactId": STATE["akuam"]["arn"],
                                "IsEssential": True,
                            }
                        }
                    ],
                }
            ]
        },
    )
    return client


PROGRAM = {
    "akuam": {
        "alias": "akuam",
        "type": "PERSONAL",
        "displayName": "Akua Mansa",
        "tags": {"team": "sre"},
        "owner": "contacts/prod/akuam",
    },
    "escalation": {
        "alias": "akuam-escalation",
        "type": "ESCALATION",
        "plan": STATE["escalation"]["plan"],
        "owner": "contacts/prod/escalation",
    },
}


@pytest.mark.parametrize("name", ["akuam", "escalation"])
def test_old_state_diffs_as_no_change(old_driver: GrpcDriver, name: str) -> None:
    old = STATE[name]
    news, failures = old_driver.check(old, PROGRAM[name])
    assert failures == {}
    diff = old_driver.diff(old["arn"], old, news)
    assert (diff.changes, diff.replaces) == (False, [])


@pytest.mark.parametrize("name", ["akuam", "escalation"])
def test_old_state_refreshes_then_diffs_as_no_change(
    old_driver: GrpcDriver, live: SSMContactsClient, name: str
) -> None:
    old = STATE[name]
    read_id, outputs, inputs = old_driver.read(old["arn"], old)
    assert read_id == old["arn"]
    assert inputs is not None
    news, _ = old_driver.check(inputs, PROGRAM[name])
    assert old_driver.diff(old["arn"], outputs, news).changes is False


def test_old_state_destroys(old_driver: GrpcDriver, live: SSMContactsClient) -> None:
    for name in ("escalation", "akuam"):
        old_driver.delete(STATE[name]["arn"], STATE[name])
    assert live.list_contacts()["Contacts"] == []
