"""The e2e tests' dead-end program: an escalation whose first stage engages a contact with no
plan (config `case` = `no-plan`), or a person whose ContactPlan pages only another contact's
channel (`other-channel`). Preview warns of each, naming the resource and the path."""

import pulumi

from pulumi_ssm_contacts import (
    Contact,
    ContactChannel,
    ContactPlan,
    PlanStageArgs,
    PlanStageTargetArgs,
    PlanStageTargetChannelTargetInfoArgs,
    PlanStageTargetContactTargetInfoArgs,
)

case = pulumi.Config().get("case") or "no-plan"

akua = Contact("akua", alias="akua", type="PERSONAL")
email = ContactChannel(
    "akua-email", contact_id=akua.arn, name="Email", type="EMAIL", delivery_address="a@example.com"
)
nobody = Contact("nobody", alias="nobody", type="PERSONAL")


def pages(channel: ContactChannel) -> list[PlanStageArgs]:
    info = PlanStageTargetChannelTargetInfoArgs(contact_channel_id=channel.arn)
    return [
        PlanStageArgs(
            duration_in_minutes=0, targets=[PlanStageTargetArgs(channel_target_info=info)]
        )
    ]


ContactPlan("akua-plan", contact_id=akua.arn, stages=pages(email))
if case == "other-channel":
    ContactPlan("nobody-plan", contact_id=nobody.arn, stages=pages(email))


def engage(contact: Contact) -> PlanStageArgs:
    info = PlanStageTargetContactTargetInfoArgs(contact_id=contact.arn, is_essential=True)
    return PlanStageArgs(
        duration_in_minutes=5, targets=[PlanStageTargetArgs(contact_target_info=info)]
    )


Contact(
    "esc",
    alias="esc",
    type="ESCALATION",
    plan={"stages": [engage(nobody), engage(akua)]},
)
