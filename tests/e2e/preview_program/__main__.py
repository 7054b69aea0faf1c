"""The preview-equals-up program: one resource family whose members depend on each other.

Config `family` is `personal` or `oncall`; `settings` (JSON) overrides the defaults below, one
knob per in-place change the table makes (and `alias`, a replacing one).

personal: a Contact `person` with two channels (`email`, `sms`) and a ContactPlan (`person-plan`)
engaging both.
oncall: two people (`alex`, `sam`), a Rotation `rota` (and `rota-2`), an on-call schedule
`schedule` whose inline plan lists them, an escalation `escalation` engaging the schedule, and an
imported schedule (config `imported`, made out of band) whose plan a ContactPlan `imported-plan`
sets.
"""

from typing import Any

import pulumi

from pulumi_ssm_contacts import Contact, ContactChannel, ContactPlan, PlanStageArgsDict, Rotation

PERSONAL: dict[str, Any] = {
    "alias": "pat",
    "display_name": "Pat",
    "tags": {"team": "a"},
    "email_name": "email",
    "email": "pat@example.com",
    "minutes": 5,
}
ONCALL: dict[str, Any] = {
    "members": ["alex", "sam"],
    "start_time": "2026-12-07T09:00:00Z",
    "time_zone_id": "Europe/Paris",
    "hand_off_hour": 9,
    "tags": {"team": "a"},
    "schedule_rotations": 1,
    "imported_rotations": 1,
}


def personal(settings: dict[str, Any]) -> None:
    person = Contact(
        "person",
        alias=settings["alias"],
        type="PERSONAL",
        display_name=settings["display_name"],
        tags=settings["tags"],
    )
    email = ContactChannel(
        "email",
        contact_id=person.arn,
        name=settings["email_name"],
        type="EMAIL",
        delivery_address=settings["email"],
    )
    sms = ContactChannel(
        "sms", contact_id=person.arn, name="sms", type="SMS", delivery_address="+15555550100"
    )
    stages: list[PlanStageArgsDict] = [
        {
            "duration_in_minutes": settings["minutes"],
            "targets": [{"channel_target_info": {"contact_channel_id": email.arn}}],
        },
        {
            "duration_in_minutes": 5,
            "targets": [{"channel_target_info": {"contact_channel_id": sms.arn}}],
        },
    ]
    ContactPlan("person-plan", contact_id=person.arn, stages=stages)


def oncall(settings: dict[str, Any], imported: str) -> None:
    people = {name: Contact(name, alias=name, type="PERSONAL") for name in ("alex", "sam")}
    rota = Rotation(
        "rota",
        name="rota",
        contact_ids=[people[name].arn for name in settings["members"]],
        start_time=settings["start_time"],
        time_zone_id=settings["time_zone_id"],
        recurrence={
            "number_of_on_calls": 1,
            "recurrence_multiplier": 1,
            "daily_settings": [{"hour_of_day": settings["hand_off_hour"], "minute_of_hour": 0}],
        },
        tags=settings["tags"],
    )
    rota_2 = Rotation(
        "rota-2",
        name="rota-2",
        contact_ids=[people["sam"].arn],
        start_time="2026-12-07T09:00:00Z",
        time_zone_id="Europe/Paris",
        recurrence={
            "number_of_on_calls": 1,
            "recurrence_multiplier": 1,
            "daily_settings": [{"hour_of_day": 9, "minute_of_hour": 0}],
        },
    )
    rotations = [rota.arn, rota_2.arn]
    schedule = Contact(
        "schedule",
        alias="oncall",
        type="ONCALL_SCHEDULE",
        plan={"rotation_ids": rotations[: settings["schedule_rotations"]]},
    )
    Contact(
        "escalation",
        alias="escalation",
        type="ESCALATION",
        plan={
            "stages": [
                {
                    "duration_in_minutes": 5,
                    "targets": [
                        {"contact_target_info": {"contact_id": schedule.arn, "is_essential": True}}
                    ],
                }
            ]
        },
    )
    schedule_made_elsewhere = Contact(
        "imported",
        alias="imported-oncall",
        type="ONCALL_SCHEDULE",
        opts=pulumi.ResourceOptions(import_=imported),
    )
    ContactPlan(
        "imported-plan",
        contact_id=schedule_made_elsewhere.arn,
        rotation_ids=rotations[: settings["imported_rotations"]],
    )


config = pulumi.Config()
overrides: dict[str, Any] = config.get_object("settings") or {}
if config.require("family") == "personal":
    personal({**PERSONAL, **overrides})
else:
    oncall({**ONCALL, **overrides}, config.require("imported"))
