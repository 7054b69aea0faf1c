"""The e2e tests' ContactPlan program: an escalation contact whose plan is its own resource.

Config `minutes` (default 5) is the first stage's duration; `inline` (default false) also sets
`plan` on the escalation Contact, which is the one-owner mistake preview must refuse.
"""

import pulumi

from pulumi_ssm_contacts import (
    Contact,
    ContactPlan,
    PlanStageArgs,
    PlanStageTargetArgs,
    PlanStageTargetContactTargetInfoArgs,
)

config = pulumi.Config()
akuam = Contact("akuam", alias="akuam", type="PERSONAL", display_name="Akua Mansa")
boss = Contact("boss", alias="boss", type="PERSONAL")


def stage(contact: Contact, minutes: int) -> PlanStageArgs:
    info = PlanStageTargetContactTargetInfoArgs(contact_id=contact.arn, is_essential=True)
    return PlanStageArgs(
        duration_in_minutes=minutes, targets=[PlanStageTargetArgs(contact_target_info=info)]
    )


stages = [stage(akuam, config.get_int("minutes") or 5), stage(boss, 10)]
team = Contact(
    "team",
    alias="team",
    type="ESCALATION",
    plan={"stages": stages} if config.get_bool("inline") else None,
)
plan = ContactPlan("team-plan", contact_id=team.arn, stages=stages)
pulumi.export("team", team.arn)
