"""A contact that actually pages someone, and an escalation plan over two people.

Alejandro's engagement plan emails him at once and texts him after 5 minutes; the escalation
engages Alejandro first and Mateo after 10 more minutes. The SMS number is a config secret:
`pulumi config set --secret smsNumber +15550100`. The plans are `ContactPlan` resources
because they target channels, which exist only after their contact.

Run it with `make demo` (offline, against the emulator) or `pulumi up` in this directory
against a real AWS account (each channel then needs its activation code, sent to the device).
"""

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

config = pulumi.Config()
sms_number = config.require_secret("smsNumber")

alejr = Contact("alejr", alias="alejr", display_name="Alejandro Rosalez", type="PERSONAL")
email = ContactChannel(
    "alejr-email",
    contact_id=alejr.arn,
    name="Work email",
    type="EMAIL",
    delivery_address="alejr@example.com",
)
sms = ContactChannel(
    "alejr-sms", contact_id=alejr.arn, name="Phone", type="SMS", delivery_address=sms_number
)


def page(channel: ContactChannel, minutes: int) -> PlanStageArgs:
    info = PlanStageTargetChannelTargetInfoArgs(contact_channel_id=channel.arn)
    return PlanStageArgs(
        duration_in_minutes=minutes, targets=[PlanStageTargetArgs(channel_target_info=info)]
    )


ContactPlan("alejr-plan", contact_id=alejr.arn, stages=[page(email, 5), page(sms, 0)])

mateo = Contact("mateo", alias="mateoj", display_name="Mateo Jackson", type="PERSONAL")
mateo_email = ContactChannel(
    "mateo-email",
    contact_id=mateo.arn,
    name="Work email",
    type="EMAIL",
    delivery_address="mateoj@example.com",
)
# The escalation's second stage engages Mateo: his plan must page a channel, or it reaches nobody.
ContactPlan("mateo-plan", contact_id=mateo.arn, stages=[page(mateo_email, 0)])


def engage(contact: Contact, minutes: int) -> PlanStageArgs:
    info = PlanStageTargetContactTargetInfoArgs(contact_id=contact.arn, is_essential=True)
    return PlanStageArgs(
        duration_in_minutes=minutes, targets=[PlanStageTargetArgs(contact_target_info=info)]
    )


escalation = Contact(
    "payments-escalation",
    alias="payments-escalation",
    display_name="Payments escalation",
    type="ESCALATION",
    plan={"stages": [engage(alejr, 10), engage(mateo, 10)]},
)

pulumi.export("alejr", alejr.arn)
pulumi.export("sms_channel", sms.arn)
pulumi.export("escalation", escalation.arn)
