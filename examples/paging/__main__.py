"""A contact that actually pages someone, and an escalation plan over two people.

Akua's engagement plan emails her at once and texts her after 5 minutes; the escalation
engages Akua first and Mateo after 10 more minutes. The SMS number is a config secret:
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

akuam = Contact("akuam", alias="akuam", display_name="Akua Mansa", type="PERSONAL")
email = ContactChannel(
    "akuam-email",
    contact_id=akuam.arn,
    name="Work email",
    type="EMAIL",
    delivery_address="akuam@example.com",
)
sms = ContactChannel(
    "akuam-sms", contact_id=akuam.arn, name="Phone", type="SMS", delivery_address=sms_number
)


def page(channel: ContactChannel, minutes: int) -> PlanStageArgs:
    info = PlanStageTargetChannelTargetInfoArgs(contact_channel_id=channel.arn)
    return PlanStageArgs(
        duration_in_minutes=minutes, targets=[PlanStageTargetArgs(channel_target_info=info)]
    )


ContactPlan("akuam-plan", contact_id=akuam.arn, stages=[page(email, 5), page(sms, 0)])

mateo = Contact("mateo", alias="mateo", display_name="Mateo Jackson", type="PERSONAL")


def engage(contact: Contact, minutes: int) -> PlanStageArgs:
    info = PlanStageTargetContactTargetInfoArgs(contact_id=contact.arn, is_essential=True)
    return PlanStageArgs(
        duration_in_minutes=minutes, targets=[PlanStageTargetArgs(contact_target_info=info)]
    )


escalation = Contact(
    "sre-escalation",
    alias="sre-escalation",
    display_name="SRE escalation",
    type="ESCALATION",
    plan={"stages": [engage(akuam, 10), engage(mateo, 10)]},
)

pulumi.export("akuam", akuam.arn)
pulumi.export("sms_channel", sms.arn)
pulumi.export("escalation", escalation.arn)
