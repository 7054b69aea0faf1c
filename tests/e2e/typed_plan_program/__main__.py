"""The e2e tests' program of a Contact and the ContactPlan that owns its plan.

Config `case` is `{"type": <the contact's type>, "import"?: <ARN>, "plan": {...}}`: the Contact
`subject-contact` (imported when `import` is set: an on-call schedule is made with its
rotations), and the ContactPlan `subject` of it, `plan` being its keyword arguments
(`stages`, `rotation_ids`) in the bag's camelCase within.
"""

from typing import Any

import pulumi

from pulumi_ssm_contacts import Contact, ContactPlan

case: dict[str, Any] = pulumi.Config().require_object("case")
opts = pulumi.ResourceOptions(import_=case["import"]) if "import" in case else None
contact = Contact("subject-contact", alias="subject", type=case["type"], opts=opts)
plan = ContactPlan("subject", contact_id=contact.arn, **case["plan"])
