"""A person to page and an escalation plan that engages them.

The personal contact is the one from boto3's `create_contact` documentation example. Run it with
`make demo` (offline, against the emulator) or `pulumi up` against a real AWS account (see README).
"""

import pulumi

from pulumi_ssm_contacts import (
    Contact,
    ContactEngagementPlanArgs,
    PlanStageArgs,
    PlanStageTargetArgs,
    PlanStageTargetContactTargetInfoArgs,
)

akuam = Contact(
    "akuam",
    alias="akuam",
    display_name="Akua Mansa",
    type="PERSONAL",
    plan=ContactEngagementPlanArgs(stages=[]),
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
