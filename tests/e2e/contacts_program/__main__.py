"""The e2e tests' Pulumi program: the contacts listed in the stack's `contacts` config.

`contacts` is a JSON list of `{"name", "alias", "type", "display_name"?, "tags"?, "engages"?,
"import"?}`; `engages` names earlier entries whose contacts a one-stage plan engages, and `import`
adopts an existing contact by ARN. Each test step changes the config and runs the engine again.
"""

from typing import Any

import pulumi

from pulumi_ssm_contacts import Contact, ContactTargetInfoArgs, PlanArgs, StageArgs, TargetArgs


def plan_engaging(contacts: list[Contact]) -> PlanArgs | None:
    """One stage that engages `contacts`; no plan when there are none."""
    if not contacts:
        return None
    targets = [
        TargetArgs(contact_target_info=ContactTargetInfoArgs(contact_id=c.arn, is_essential=True))
        for c in contacts
    ]
    return PlanArgs(stages=[StageArgs(duration_in_minutes=5, targets=targets)])


declared: dict[str, Contact] = {}
spec: dict[str, Any]
for spec in pulumi.Config().require_object("contacts"):
    contact = Contact(
        spec["name"],
        alias=spec["alias"],
        type=spec["type"],
        display_name=spec.get("display_name"),
        plan=plan_engaging([declared[name] for name in spec.get("engages", [])]),
        tags=spec.get("tags"),
        opts=pulumi.ResourceOptions(import_=spec["import"]) if "import" in spec else None,
    )
    declared[spec["name"]] = contact
    pulumi.export(spec["name"], contact.arn)
