"""This package's resources: `count` contacts, and with `resources` their channels and plans.

Config: `count`; `display` (`Before` or `After`: an update changes every contact's display
name, every channel's name and every plan's first stage); `resources`, a comma-separated
subset of `contact,channel,plan` (default `contact`; a plan pages its contact's channel).
"""

import pulumi

from pulumi_ssm_contacts import (
    Contact,
    ContactChannel,
    ContactPlan,
    PlanStageArgs,
    PlanStageTargetArgs,
    PlanStageTargetChannelTargetInfoArgs,
)

config = pulumi.Config()
display = config.require("display")
kinds = set((config.get("resources") or "contact").split(","))
for i in range(config.require_int("count")):
    contact = Contact(f"c{i}", alias=f"bench-{i}", type="PERSONAL", display_name=display)
    if "channel" not in kinds:
        continue
    channel = ContactChannel(
        f"c{i}-email",
        contact_id=contact.arn,
        name=f"{display} email",
        type="EMAIL",
        delivery_address=f"bench-{i}@example.com",
    )
    if "plan" in kinds:
        target = PlanStageTargetArgs(
            channel_target_info=PlanStageTargetChannelTargetInfoArgs(contact_channel_id=channel.arn)
        )
        minutes = 5 if display == "Before" else 10
        ContactPlan(
            f"c{i}-plan",
            contact_id=contact.arn,
            stages=[PlanStageArgs(duration_in_minutes=minutes, targets=[target])],
        )
