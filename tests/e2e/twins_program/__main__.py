"""The e2e tests' twin program: two resources that claim one AWS resource (config `twins`).

- `alias`: two Contacts with the alias `oncall` (plain strings).
- `alias-outputs`: two Contacts whose aliases are two Outputs of the value `oncall`.
- `alias-regions`: the alias `oncall` in two regions (no twins: aliases are regional).
- `plan-output`: two ContactPlans for one new contact, both given `akuam.arn`.
- `plan-arn`: two ContactPlans for one contact ARN written out.
- `rotation-name`: two Rotations named `follow-the-sun` (AWS allows it: a warning).
"""

import pulumi

from pulumi_ssm_contacts import Contact, ContactPlan, Rotation

ARN = "arn:aws:ssm-contacts:us-east-1:123456789012:contact/akuam"
twins = pulumi.Config().require("twins")

if twins == "alias":
    Contact("first", alias="oncall", type="PERSONAL")
    Contact("second", alias="oncall", type="PERSONAL")
elif twins == "alias-outputs":
    Contact("first", alias=pulumi.Output.concat("on", "call"), type="PERSONAL")
    Contact("second", alias=pulumi.Output.concat("onc", "all"), type="PERSONAL")
elif twins == "alias-regions":
    Contact("east", alias="oncall", type="PERSONAL")
    Contact("west", alias="oncall", type="PERSONAL", region="us-west-2")
elif twins in ("plan-output", "plan-arn"):
    akuam = Contact("akuam", alias="akuam", type="PERSONAL")
    contact_id = akuam.arn if twins == "plan-output" else ARN
    ContactPlan("day", contact_id=contact_id, stages=[])
    ContactPlan("night", contact_id=contact_id, stages=[])
elif twins == "rotation-name":
    akuam = Contact("akuam", alias="akuam", type="PERSONAL")
    for name in ("london", "sydney"):
        Rotation(
            name,
            name="follow-the-sun",
            contact_ids=[akuam.arn],
            start_time="2026-12-07T00:00:00Z",
            time_zone_id="UTC",
            recurrence={
                "number_of_on_calls": 1,
                "recurrence_multiplier": 1,
                "daily_settings": [{"hour_of_day": 9, "minute_of_hour": 0}],
            },
        )
