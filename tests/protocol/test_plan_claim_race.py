"""Two stacks creating a ContactPlan for one contact at once: the later claim wins, the other
fails naming it.

AWS has no conditional tag write, so a create writes the plan-owner tag, then reads it back
before and after writing the plan. The interleavings are made deterministic here: the other
stack's TagResource lands between two of this create's calls.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

from pulumi_ssm_contacts import ContactPlanProvider
from pulumi_ssm_contacts.emulator_harness.control import EmulatorControl
from pulumi_ssm_contacts.resources.contact_plan import ContactPlanEngine
from tests.protocol.drivers import HookError, HooksDriver

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient

PLAN_OWNER_TAG = "pulumi-ssm-contacts/plan-owner"
OURS = "contacts/prod/akuam-plan"
THEIRS = "contacts/staging/akuam-plan"


@pytest.fixture
def contact(aws: SSMContactsClient, emulator_env: dict[str, str]) -> str:
    return aws.create_contact(Alias="akuam", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]


@pytest.fixture
def driver(emulator_env: dict[str, str]) -> Iterator[HooksDriver]:
    yield HooksDriver(ContactPlanProvider())


def plan_owner(aws: SSMContactsClient, arn: str) -> str | None:
    tags = aws.list_tags_for_resource(ResourceARN=arn)["Tags"]
    return next((t.get("Value") for t in tags if t["Key"] == PLAN_OWNER_TAG), None)


def then_they_claim(aws: SSMContactsClient, step: Callable[..., Any]) -> Callable[..., Any]:
    """``step``, after which the other stack's TagResource lands."""

    def interleaved(self: ContactPlanEngine, session: Any, contact_id: str, *args: Any) -> Any:
        result = step(self, session, contact_id, *args)
        aws.tag_resource(ResourceARN=contact_id, Tags=[{"Key": PLAN_OWNER_TAG, "Value": THEIRS}])
        return result

    return interleaved


def create(driver: HooksDriver, contact: str) -> tuple[str, dict[str, Any]]:
    inputs, failures = driver.check({}, {"contactId": contact, "stages": [], "owner": OURS})
    assert failures == {}
    return driver.create(inputs)


def test_conflict_claimed_after_our_tag_fails_before_writing(
    driver: HooksDriver,
    contact: str,
    aws: SSMContactsClient,
    control: EmulatorControl,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    step = then_they_claim(aws, ContactPlanEngine._tag_plan_owner)
    monkeypatch.setattr(ContactPlanEngine, "_tag_plan_owner", step)
    control.clear_calls()

    with pytest.raises(HookError) as failure:
        create(driver, contact)

    message = str(failure.value)
    assert f"another Pulumi resource ({THEIRS}) claimed its plan" in message
    assert "nothing was written" in message
    assert "UpdateContact" not in control.counts()
    assert plan_owner(aws, contact) == THEIRS, "their claim is left alone"


def test_conflict_claimed_while_writing_fails_after_the_write(
    driver: HooksDriver,
    contact: str,
    aws: SSMContactsClient,
    control: EmulatorControl,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ContactPlanEngine, "_write", then_they_claim(aws, ContactPlanEngine._write))
    control.clear_calls()

    with pytest.raises(HookError) as failure:
        create(driver, contact)

    message = str(failure.value)
    assert f"another Pulumi resource ({THEIRS}) claimed its plan" in message
    assert "pulumi up --refresh" in message
    assert control.counts()["UpdateContact"] == 1
    assert plan_owner(aws, contact) == THEIRS


def test_basic_uncontested_claim_is_read_back_before_and_after_the_write(
    driver: HooksDriver, contact: str, aws: SSMContactsClient, control: EmulatorControl
) -> None:
    control.clear_calls()

    create(driver, contact)

    assert [c.operation for c in control.calls()] == [
        "ListTagsForResource",
        "TagResource",
        "ListTagsForResource",
        "UpdateContact",
        "ListTagsForResource",
    ]
    assert plan_owner(aws, contact) == OURS
