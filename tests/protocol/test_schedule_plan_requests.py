"""An on-call schedule's plan goes to AWS without ``Stages``.

AWS refuses ``Plan: {Stages: []}`` on an ONCALL_SCHEDULE contact ("ONCALL SCHEDULE contact
cannot have stages in plan", hashicorp/terraform-provider-aws#39758), so every request that
writes a plan of rotations leaves the empty member out: Contact's create and update and
ContactPlan's write. The requests are read as botocore builds them, in process.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from pulumi_ssm_contacts import ContactPlanProvider, ContactProvider
from pulumi_ssm_contacts.core import aws_client
from tests.protocol.drivers import REGION, HooksDriver

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient

WEEKLY = {
    "NumberOfOnCalls": 1,
    "RecurrenceMultiplier": 1,
    "WeeklySettings": [{"DayOfWeek": "MON", "HandOffTime": {"HourOfDay": 9, "MinuteOfHour": 0}}],
}


@pytest.fixture
def rotations(aws: SSMContactsClient, emulator_env: dict[str, str]) -> list[str]:
    person = aws.create_contact(Alias="akuam", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    return [
        aws.create_rotation(
            Name=name,
            ContactIds=[person],
            StartTime="2026-12-07T09:00:00Z",
            TimeZoneId="Europe/Paris",
            Recurrence=WEEKLY,  # type: ignore[arg-type]
        )["RotationArn"]
        for name in ("primary", "secondary")
    ]


@pytest.fixture
def sent_plans(emulator_env: dict[str, str]) -> Iterator[list[tuple[str, dict[str, Any]]]]:
    """``(operation, Plan)`` of every CreateContact and UpdateContact the provider sends."""
    sent: list[tuple[str, dict[str, Any]]] = []

    def record(params: dict[str, Any], model: Any, **_: Any) -> None:
        if "Plan" in params:
            sent.append((model.name, params["Plan"]))

    client = aws_client.client(REGION)
    client.meta.events.register("provide-client-params.ssm-contacts.*", record)
    yield sent
    client.meta.events.unregister("provide-client-params.ssm-contacts.*", record)


def test_a_schedule_contact_sends_its_rotations_without_stages(
    rotations: list[str], sent_plans: list[tuple[str, dict[str, Any]]]
) -> None:
    driver = HooksDriver(ContactProvider())
    news = {"alias": "oncall", "type": "ONCALL_SCHEDULE", "plan": {"rotationIds": rotations[:1]}}
    inputs, failures = driver.check({}, news)
    assert failures == {}
    arn, outs = driver.create(inputs)
    changed, _ = driver.check(outs, {**news, "plan": {"rotationIds": rotations}})
    driver.update(arn, outs, changed)

    assert sent_plans == [
        ("CreateContact", {"RotationIds": rotations[:1]}),
        ("UpdateContact", {"RotationIds": rotations}),
    ]


def test_a_contact_plan_of_rotations_sends_no_stages(
    aws: SSMContactsClient,
    rotations: list[str],
    sent_plans: list[tuple[str, dict[str, Any]]],
) -> None:
    schedule = aws.create_contact(
        Alias="oncall", Type="ONCALL_SCHEDULE", Plan={"RotationIds": rotations[:1]}
    )["ContactArn"]
    driver = HooksDriver(ContactPlanProvider())
    inputs, failures = driver.check({}, {"contactId": schedule, "rotationIds": rotations})
    assert failures == {}
    driver.create(inputs)

    assert sent_plans == [("UpdateContact", {"RotationIds": rotations})]


def test_a_plan_of_stages_still_sends_them(
    aws: SSMContactsClient, emulator_env: dict[str, str], sent_plans: list[tuple[str, Any]]
) -> None:
    """Only an on-call schedule's empty ``Stages`` is left out: a person's plan keeps its own."""
    driver = HooksDriver(ContactProvider())
    inputs, _ = driver.check({}, {"alias": "akuam", "type": "PERSONAL", "plan": {"stages": []}})
    driver.create(inputs)
    assert sent_plans == [("CreateContact", {"Stages": []})]
