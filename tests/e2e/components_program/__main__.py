"""The e2e tests' component program: one set of child names under three parents.

Two component classes of different types (`acme:index:Pager`, `acme:index:Escalator`) and a
Pager nested in a `acme:index:Team` each declare a Contact `person` (its own alias), a
ContactChannel `sms`, a Rotation `rotation` and a ContactPlan `plan`: Pulumi keeps them apart
by their parents (their URNs), and so must their owners.
"""

from typing import Any

import pulumi

from pulumi_ssm_contacts import (
    Contact,
    ContactChannel,
    ContactPlan,
    PlanStageArgs,
    PlanStageTargetArgs,
    PlanStageTargetChannelTargetInfoArgs,
    Rotation,
)


class Pager(pulumi.ComponentResource):
    """A person with an SMS channel, a plan that engages it, and a one-person rotation."""

    def __init__(
        self, name: str, alias: str, opts: pulumi.ResourceOptions | None = None, **kw: Any
    ) -> None:
        super().__init__(kw.get("type_", "acme:index:Pager"), name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        person = Contact("person", alias=alias, type="PERSONAL", opts=child)
        sms = ContactChannel(
            "sms",
            contact_id=person.arn,
            name="sms",
            type="SMS",
            delivery_address="+15550100",
            defer_activation=True,
            opts=child,
        )
        Rotation(
            "rotation",
            name=f"{alias}-rotation",
            contact_ids=[person.arn],
            start_time="2026-12-07T00:00:00Z",
            time_zone_id="UTC",
            recurrence={
                "number_of_on_calls": 1,
                "recurrence_multiplier": 1,
                "daily_settings": [{"hour_of_day": 9, "minute_of_hour": 0}],
            },
            opts=child,
        )
        target = PlanStageTargetArgs(
            channel_target_info=PlanStageTargetChannelTargetInfoArgs(contact_channel_id=sms.arn)
        )
        ContactPlan(
            "plan",
            contact_id=person.arn,
            stages=[PlanStageArgs(duration_in_minutes=0, targets=[target])],
            opts=child,
        )
        self.register_outputs({})


class Escalator(Pager):
    """The same children under another component type."""

    def __init__(self, name: str, alias: str, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__(name, alias, opts, type_="acme:index:Escalator")


class Team(pulumi.ComponentResource):
    """A Pager one level down: its children's URNs hold two parent types."""

    def __init__(self, name: str, alias: str) -> None:
        super().__init__("acme:index:Team", name, None, None)
        Pager(f"{name}-pager", alias, pulumi.ResourceOptions(parent=self))
        self.register_outputs({})


Pager("alpha", "alpha")
Escalator("beta", "beta")
Team("gamma", "gamma")
