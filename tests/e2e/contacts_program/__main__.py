"""The e2e tests' Pulumi program: the contacts listed in the stack's `contacts` config.

`contacts` is a JSON list of `{"name", "alias", "type", "display_name"?, "tags"?, "engages"?,
"import"?, "secret"?}`; `engages` names earlier entries whose contacts a one-stage plan engages,
`import` adopts an existing contact by ARN, and `secret` lists inputs (`display_name`, `tags`)
passed as secrets. Each test step changes the config and runs the engine again.
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


def maybe_secret(spec: dict[str, Any], key: str) -> Any:
    """The spec's value for `key`, as a secret Output when the spec says so."""
    value = spec.get(key)
    return pulumi.Output.secret(value) if key in spec.get("secret", []) else value


declared: dict[str, Contact] = {}
spec: dict[str, Any]
for spec in pulumi.Config().require_object("contacts"):
    contact = Contact(
        spec["name"],
        alias=spec["alias"],
        type=spec["type"],
        display_name=maybe_secret(spec, "display_name"),
        plan=plan_engaging([declared[name] for name in spec.get("engages", [])]),
        tags=maybe_secret(spec, "tags"),
        opts=pulumi.ResourceOptions(import_=spec["import"]) if "import" in spec else None,
    )
    declared[spec["name"]] = contact
    pulumi.export(spec["name"], contact.arn)
