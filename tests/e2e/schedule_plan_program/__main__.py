"""The e2e tests' schedule program: an on-call schedule made elsewhere, its rotations as code.

Config `schedule` is the ARN of an ONCALL_SCHEDULE contact made out of band (AWS requires a
rotation when one is created), `person` a PERSONAL contact's ARN; `rotations` (1 or 2) is how
many rotations the ContactPlan gives the schedule.
"""

import pulumi

from pulumi_ssm_contacts import Contact, ContactPlan, Rotation, RotationRecurrenceArgs

config = pulumi.Config()
schedule = Contact(
    "schedule",
    alias="imported-oncall",
    type="ONCALL_SCHEDULE",
    opts=pulumi.ResourceOptions(import_=config.require("schedule")),
)
weekly = RotationRecurrenceArgs(
    number_of_on_calls=1,
    recurrence_multiplier=1,
    daily_settings=[{"hour_of_day": 9, "minute_of_hour": 0}],
)
rotations = [
    Rotation(
        f"rotation-{i}",
        name=f"rotation-{i}",
        contact_ids=[config.require("person")],
        start_time="2026-12-07T09:00:00+01:00",
        time_zone_id="Europe/Paris",
        recurrence=weekly,
    )
    for i in range(config.get_int("rotations") or 1)
]
ContactPlan("schedule-plan", contact_id=schedule.arn, rotation_ids=[r.arn for r in rotations])
pulumi.export("rotations", [r.arn for r in rotations])
