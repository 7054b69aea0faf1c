"""A person to page, the channel and plan that page them, and an escalation plan that engages them.

The personal contact is the one from boto3's `create_contact` documentation example. Its plan
targets its own channel, so it is a `ContactPlan` of its own (the channel needs the contact's ARN
first). Run it with `make demo` (offline, against the emulator) or `pulumi up` against a real AWS
account (see README): there, the channel pages nobody until its owner activates it with the code
AWS sends to the address, and `pulumi up` warns until then.
"""

import pulumi

from pulumi_ssm_contacts import (
    Contact,
    ContactChannel,
    ContactEngagementPlanArgs,
    ContactPlan,
    PlanStageArgs,
    PlanStageTargetArgs,
    PlanStageTargetChannelTargetInfoArgs,
    PlanStageTargetContactTargetInfoArgs,
)

akuam = Contact("akuam", alias="akuam", display_name="Akua Mansa", type="PERSONAL")
email = ContactChannel(
    "akuam-email",
    contact_id=akuam.arn,
    name="Work email",
    type="EMAIL",
    delivery_address="akuam@example.com",
)
ContactPlan(
    "akuam-plan",
    contact_id=akuam.arn,
    stages=[
        PlanStageArgs(
            duration_in_minutes=0,
            targets=[
                PlanStageTargetArgs(
                    channel_target_info=PlanStageTargetChannelTargetInfoArgs(
                        contact_channel_id=email.arn
                    )
                )
            ],
        )
    ],
)

escalation = Contact(
    "akuam-escalation",
    alias="akuam-escalation",
    display_name="Akua Mansa escalation",
    type="ESCALATION",
    plan=ContactEngagementPlanArgs(
        stages=[
            PlanStageArgs(
                duration_in_minutes=5,
                targets=[
                    PlanStageTargetArgs(
                        contact_target_info=PlanStageTargetContactTargetInfoArgs(
                            contact_id=akuam.arn, is_essential=True
                        )
                    )
                ],
            )
        ]
    ),
)

pulumi.export("akuam_arn", akuam.arn)
pulumi.export("escalation_arn", escalation.arn)
