"""The e2e tests' mixed program: every resource type, most of them created at the same time.

Config `mixed` = `{"people": P, "escalations": E, "rotations": R}` (defaults 3, 2, 1): P
PERSONAL contacts `person-i`, each with an SMS and an EMAIL channel; E ESCALATION contacts
`escalation-j` whose plans are ContactPlans engaging every person; R rotations of all people.
Channels, plans and rotations depend only on contacts, so they are all created at once.
"""

from typing import Any

import pulumi

from pulumi_ssm_contacts import (
    Contact,
    ContactChannel,
    ContactPlan,
    PlanStageArgs,
    PlanStageTargetArgs,
    PlanStageTargetContactTargetInfoArgs,
    Rotation,
    RotationRecurrenceArgs,
)

spec: dict[str, Any] = pulumi.Config().get_object("mixed") or {}
people = [
    Contact(f"person-{i}", alias=f"person-{i}", type="PERSONAL")
    for i in range(spec.get("people", 3))
]
for i, person in enumerate(people):
    ContactChannel(
        f"person-{i}-sms",
        contact_id=person.arn,
        name="mobile",
        type="SMS",
        delivery_address=f"+1555010{i:04d}",
        defer_activation=True,
    )
    ContactChannel(
        f"person-{i}-email",
        contact_id=person.arn,
        name="work",
        type="EMAIL",
        delivery_address=f"person-{i}@example.com",
        defer_activation=True,
    )
for j in range(spec.get("escalations", 2)):
    escalation = Contact(f"escalation-{j}", alias=f"escalation-{j}", type="ESCALATION")
    targets = [
        PlanStageTargetArgs(
            contact_target_info=PlanStageTargetContactTargetInfoArgs(
                contact_id=p.arn, is_essential=True
            )
        )
        for p in people
    ]
    ContactPlan(
        f"escalation-{j}-plan",
        contact_id=escalation.arn,
        stages=[PlanStageArgs(duration_in_minutes=5, targets=targets)],
    )
for k in range(spec.get("rotations", 1)):
    Rotation(
        f"rotation-{k}",
        name=f"rotation-{k}",
        contact_ids=[p.arn for p in people],
        start_time="2026-12-01T09:00:00Z",
        time_zone_id="UTC",
        recurrence=RotationRecurrenceArgs(
            number_of_on_calls=1,
            recurrence_multiplier=1,
            daily_settings=[{"hour_of_day": 9, "minute_of_hour": 0}],
        ),
    )
