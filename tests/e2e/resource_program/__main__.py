"""The e2e tests' one-resource program: the resource the stack's `resource` config describes.

`resource` is `{"type": "Contact" | "ContactChannel" | "ContactPlan" | "Rotation", "inputs": {...},
"import"?: ARN}`; inputs are the property bag's camelCase keys (as in tests/protocol/
resource_cases.py), passed as the resource's snake_case arguments. The resource is `subject`.
Or `resources`: `{name: spec}` for several at once (no outputs).
"""

import re
from typing import Any

import pulumi

from pulumi_ssm_contacts import Contact, ContactChannel, ContactPlan, Rotation

CLASSES: dict[str, Any] = {
    "Contact": Contact,
    "ContactChannel": ContactChannel,
    "ContactPlan": ContactPlan,
    "Rotation": Rotation,
}


def snake(name: str) -> str:
    """`contactId` -> `contact_id`."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def declare(name: str, spec: dict[str, Any]) -> Any:
    kwargs = {snake(key): value for key, value in spec["inputs"].items() if key != "owner"}
    opts = pulumi.ResourceOptions(import_=spec["import"]) if "import" in spec else None
    return CLASSES[spec["type"]](name, **kwargs, opts=opts)


config = pulumi.Config()
many: dict[str, dict[str, Any]] | None = config.get_object("resources")
if many is not None:
    for name, spec in many.items():
        declare(name, spec)
else:
    subject = declare("subject", config.require_object("resource"))
    pulumi.export("id", subject.arn)
