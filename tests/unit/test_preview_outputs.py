"""What a preview of an in-place update gives a program: the resource's ID (its old one) and,
as outputs, only its checked inputs (a dynamic provider cannot preview an update, so the engine
answers with the new inputs). So the ARN must come from the ID: dependents then see it known
and preview no change, not `contactId: ... => [unknown]` and a replacement.
"""

from __future__ import annotations

from typing import Any

import pulumi
import pytest
from pulumi.runtime import rpc

from pulumi_ssm_contacts import Contact, ContactChannel, ContactPlan, Rotation

PREFIX = "arn:aws:ssm-contacts:us-east-1:111122223333"
ARNS = {
    "person": f"{PREFIX}:contact/pat",
    "email": f"{PREFIX}:contact-channel/pat/0a1b",
    "person-plan": f"{PREFIX}:contact/pat",
    "rota": f"{PREFIX}:rotation/2c3d",
    "schedule": f"{PREFIX}:contact/oncall",
}


class PreviewOfUpdates(pulumi.runtime.Mocks):
    """Answers every registration as a preview of an in-place update does: the old ID, and the
    inputs as the outputs (no `arn`, no `activationStatus`)."""

    def __init__(self) -> None:
        self.registered: dict[str, dict[str, Any]] = {}

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        self.registered[args.name] = args.inputs
        return ARNS[args.name], dict(args.inputs)

    def call(
        self, args: pulumi.runtime.MockCallArgs
    ) -> tuple[dict[Any, Any], list[tuple[str, str]] | None]:
        return {}, None


@pytest.fixture
def preview() -> PreviewOfUpdates:
    mocks = PreviewOfUpdates()
    pulumi.runtime.set_mocks(mocks, preview=True)
    return mocks


@pulumi.runtime.test  # type: ignore[untyped-decorator]
def test_update_preview_arn_is_the_id_and_dependents_see_it(
    preview: PreviewOfUpdates,
) -> pulumi.Output[Any]:
    person = Contact("person", alias="pat", type="PERSONAL", display_name="Pat Doe")
    email = ContactChannel(
        "email",
        contact_id=person.arn,
        name="email",
        type="EMAIL",
        delivery_address="pat@example.com",
    )
    plan = ContactPlan(
        "person-plan",
        contact_id=person.arn,
        stages=[
            {
                "duration_in_minutes": 5,
                "targets": [{"channel_target_info": {"contact_channel_id": email.arn}}],
            }
        ],
    )
    rota = Rotation(
        "rota",
        name="rota",
        contact_ids=[person.arn],
        start_time="2026-12-07T09:00:00Z",
        time_zone_id="Europe/Paris",
        recurrence={
            "number_of_on_calls": 1,
            "recurrence_multiplier": 1,
            "daily_settings": [{"hour_of_day": 9, "minute_of_hour": 0}],
        },
    )
    schedule = Contact(
        "schedule", alias="oncall", type="ONCALL_SCHEDULE", plan={"rotation_ids": [rota.arn]}
    )
    resources = {"person": person, "email": email, "person-plan": plan, "rota": rota}

    async def verify() -> bool:
        for name, resource in {**resources, "schedule": schedule}.items():
            assert await resource.arn.is_known(), f"{name}.arn is unknown at preview"
            assert await resource.arn.future() == ARNS[name], name
        await schedule.id.future()  # every registration has been answered
        registered = preview.registered
        assert registered["email"]["contactId"] == ARNS["person"]
        assert registered["person-plan"]["contactId"] == ARNS["person"]
        target = registered["person-plan"]["stages"][0]["targets"][0]
        assert target["channelTargetInfo"]["contactChannelId"] == ARNS["email"]
        assert registered["rota"]["contactIds"] == [ARNS["person"]]
        assert registered["schedule"]["plan"]["rotationIds"] == [ARNS["rota"]]
        assert rpc.UNKNOWN not in repr(registered)
        return True

    return pulumi.Output.from_input(verify())


class PreviewOfCreates(PreviewOfUpdates):
    """A preview of creates: no ID yet."""

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        self.registered[args.name] = args.inputs
        return "", dict(args.inputs)


@pulumi.runtime.test  # type: ignore[untyped-decorator]
def test_create_preview_arn_stays_unknown() -> pulumi.Output[Any]:
    mocks = PreviewOfCreates()
    pulumi.runtime.set_mocks(mocks, preview=True)
    person = Contact("person", alias="pat", type="PERSONAL")
    ContactChannel(
        "email", contact_id=person.arn, name="email", type="EMAIL", delivery_address="a@b.co"
    )

    async def verify() -> bool:
        assert not await person.arn.is_known()
        await person.urn.future()
        return True

    return pulumi.Output.from_input(verify())
