"""Dead ends warned in the program (oncall/dead_end_warnings.py), under Pulumi's mocks: each
case names the resource and the path; a setup that pages someone warns of nothing."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import pulumi
import pytest

from pulumi_ssm_contacts import Contact, ContactChannel, ContactPlan, Rotation

PREFIX = "arn:aws:ssm-contacts:us-east-1:111122223333"


class Creates(pulumi.runtime.Mocks):
    """Every resource answered with an ARN of its name and its inputs as outputs; channels
    ``activationStatus`` as ``status`` says (None: unknown, as at a preview of a create)."""

    def __init__(self, status: str | None) -> None:
        self.status = status

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        outputs = dict(args.inputs)
        if "deliveryAddress" in outputs and self.status is not None:
            outputs["activationStatus"] = self.status
        return f"{PREFIX}:contact/{args.name}", outputs

    def call(
        self, args: pulumi.runtime.MockCallArgs
    ) -> tuple[dict[Any, Any], list[tuple[str, str]] | None]:
        return {}, None


@pytest.fixture
def warned(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    messages: list[str] = []
    monkeypatch.setattr("pulumi.log.warn", lambda message, *_, **__: messages.append(message))
    yield messages


def run(program: Callable[[], None], status: str | None = None) -> None:
    """Run ``program`` under the mocks, and every check it started."""
    pulumi.runtime.set_mocks(Creates(status), preview=status is None)

    @pulumi.runtime.test  # type: ignore[untyped-decorator]
    def body() -> pulumi.Output[Any]:
        program()

        async def settle() -> bool:
            for _ in range(50):
                await asyncio.sleep(0)
            return True

        return pulumi.Output.from_input(settle())

    body()


def stage(**target: Any) -> Any:
    return {"duration_in_minutes": 5, "targets": [target]}


def person(name: str, plan: bool = True, status_channel: bool = True) -> Contact:
    contact = Contact(name, alias=name, type="PERSONAL")
    if plan:
        channel = ContactChannel(
            f"{name}-email",
            contact_id=contact.arn,
            name="Email",
            type="EMAIL",
            delivery_address=f"{name}@example.com",
        )
        ContactPlan(
            f"{name}-plan",
            contact_id=contact.arn,
            stages=[stage(channel_target_info={"contact_channel_id": channel.arn})],
        )
    return contact


def escalation(*targets: Contact) -> None:
    stages = [
        stage(contact_target_info={"contact_id": t.arn, "is_essential": True}) for t in targets
    ]
    Contact("esc", alias="esc", type="ESCALATION", plan={"stages": stages})


def test_clean_setup_warns_of_nothing(warned: list[str]) -> None:
    run(lambda: escalation(person("akua"), person("kwame")), status="ACTIVATED")

    assert warned == []


def test_escalation_stage_engaging_a_person_with_no_plan(warned: list[str]) -> None:
    run(lambda: escalation(person("akua"), person("nobody", plan=False)))

    assert warned == [
        "Contact 'esc': plan.stages[1].targets[0].contact_target_info.contact_id engages "
        "Contact 'nobody', which has no engagement plan (give it a ContactPlan, or plan=, "
        "paging its channels). An incident reaching stage 2 pages nobody there; "
        "`python -m pulumi_ssm_contacts page` shows who an incident pages."
    ]


def test_escalation_stage_engaging_an_escalation_with_no_stages(warned: list[str]) -> None:
    def program() -> None:
        inner = Contact("inner", alias="inner", type="ESCALATION", plan={"stages": []})
        escalation(inner)

    run(program)

    assert [w.split(", which ")[1].split(".")[0] for w in warned] == ["has no plan stages"]


def test_person_whose_plan_has_no_stages(warned: list[str]) -> None:
    def program() -> None:
        contact = Contact("akua", alias="akua", type="PERSONAL")
        ContactPlan("akua-plan", contact_id=contact.arn, stages=[])

    run(program)

    assert warned == [
        "ContactPlan 'akua-plan': stages: the engagement plan of Contact 'akua' pages no channel "
        "(no stages, or no channel targets), so an incident that engages it pages nobody. "
        "`python -m pulumi_ssm_contacts page` shows who an incident pages."
    ]


def test_schedule_whose_rotation_member_pages_nobody(warned: list[str]) -> None:
    def program() -> None:
        akua, nobody = person("akua"), person("nobody", plan=False)
        rotation = Rotation(
            "rota",
            name="rota",
            contact_ids=[akua.arn, nobody.arn],
            start_time="2026-12-07T09:00:00Z",
            time_zone_id="UTC",
            recurrence={
                "number_of_on_calls": 1,
                "recurrence_multiplier": 1,
                "daily_settings": [{"hour_of_day": 9, "minute_of_hour": 0}],
            },
        )
        schedule = Contact(
            "oncall", alias="oncall", type="ONCALL_SCHEDULE", plan={"rotation_ids": [rotation.arn]}
        )
        escalation(schedule)

    run(program, status="ACTIVATED")

    assert len(warned) == 1
    assert (
        "engages Contact 'oncall', which has rotation members who page nobody when on call "
        "('nobody')" in warned[0]
    )
    assert "pages nobody at those times" in warned[0]


def test_channel_not_activated_after_up_is_named_with_how_to_activate(warned: list[str]) -> None:
    run(lambda: escalation(person("akua")), status="NOT_ACTIVATED")

    assert len(warned) == 1
    assert warned[0].startswith(
        "ContactChannel 'akua-email': the channel is NOT_ACTIVATED, and the engagement plan of "
        "Contact 'akua' (ContactPlan 'akua-plan') pages it"
    )
    assert "aws ssm-contacts activate-contact-channel" in warned[0]
    assert "akua@example.com" not in warned[0]


def test_channel_status_unknown_at_preview_warns_of_nothing(warned: list[str]) -> None:
    run(lambda: escalation(person("akua")))

    assert warned == []
