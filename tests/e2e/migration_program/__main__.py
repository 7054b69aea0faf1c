"""A person with an email channel and an engagement plan, declared with either front end.

Config `front`: `dynamic` (the dynamic classes, `from pulumi_ssm_contacts import ...`), `retained`
(the same with `retain_on_delete`: the engine forgets them without a delete call) or `native`
(`from pulumi_ssm_contacts.native import ...`, each adopting its live resource by ID with
`import_` as config `ids` gives it: `{"akuam": ARN, ...}`). Exports each resource's ARN.
"""

from typing import Any

import pulumi

import pulumi_ssm_contacts
import pulumi_ssm_contacts.native

config = pulumi.Config()
front = config.require("front")
ids: dict[str, str] = config.get_object("ids") or {}
classes: Any = pulumi_ssm_contacts.native if front == "native" else pulumi_ssm_contacts


def options(name: str) -> pulumi.ResourceOptions:
    if front == "native":
        return pulumi.ResourceOptions(import_=ids[name])
    return pulumi.ResourceOptions(retain_on_delete=front == "retained")


contact = classes.Contact(
    "akuam", alias="akuam", type="PERSONAL", display_name="Akua Mansa", opts=options("akuam")
)
channel = classes.ContactChannel(
    "akuam-email",
    contact_id=contact.arn,
    name="work email",
    type="EMAIL",
    delivery_address="akuam@example.com",
    opts=options("akuam-email"),
)
plan = classes.ContactPlan(
    "akuam-plan",
    contact_id=contact.arn,
    stages=[
        {
            "duration_in_minutes": 5,
            "targets": [{"channel_target_info": {"contact_channel_id": channel.arn}}],
        }
    ],
    opts=options("akuam-plan"),
)
pulumi.export("akuam", contact.arn)
pulumi.export("akuam-email", channel.arn)
pulumi.export("akuam-plan", plan.arn)
