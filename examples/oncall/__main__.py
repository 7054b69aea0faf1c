"""An on-call schedule as code, its coverage checked before it goes live.

Akua (London) and Kwame (Sydney) each have an email channel and an engagement plan. A weekly
rotation over them covers 08:00-20:00 London time every day; its follow-the-sun twin in Sydney
covers 07:00-19:00 Sydney time, which is London's night. An ONCALL_SCHEDULE contact engages
whoever is on call in either; an ESCALATION contact engages the schedule first and the manager
after 15 minutes.

`pulumi config set followTheSun false` drops the Sydney rotation: `pulumi preview` then warns
that the schedule leaves London's nights uncovered. After `pulumi up`:

    python -m pulumi_ssm_contacts shifts --rotation-id "$(pulumi stack output london)" --days 7
    python -m pulumi_ssm_contacts page --contact sre-escalation --at 2026-12-09T12:00:00Z

README.md shows both, and what to do about channels that are not activated yet.
"""

import pulumi

from pulumi_ssm_contacts import (
    Contact,
    ContactChannel,
    ContactPlan,
    PlanStageArgs,
    PlanStageTargetArgs,
    PlanStageTargetChannelTargetInfoArgs,
    PlanStageTargetContactTargetInfoArgs,
    Rotation,
    RotationRecurrenceArgs,
    RotationRecurrenceHandOffTimeArgs,
    RotationRecurrenceShiftCoverageArgs,
)

config = pulumi.Config()
START = "2026-12-07T00:00:00Z"  # a Monday
DAYS = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")


def responder(name: str, alias: str, email: str) -> Contact:
    """A PERSONAL contact with an email channel and a plan that engages it at once."""
    person = Contact(name, alias=alias, display_name=name.title(), type="PERSONAL")
    channel = ContactChannel(
        f"{name}-email", contact_id=person.arn, name="Email", type="EMAIL", delivery_address=email
    )
    info = PlanStageTargetChannelTargetInfoArgs(
        contact_channel_id=channel.arn, retry_interval_in_minutes=5
    )
    ContactPlan(
        f"{name}-plan",
        contact_id=person.arn,
        stages=[
            PlanStageArgs(
                duration_in_minutes=0, targets=[PlanStageTargetArgs(channel_target_info=info)]
            )
        ],
    )
    return person


def daily_hours(start: int, end: int) -> dict[str, list[RotationRecurrenceShiftCoverageArgs]]:
    """The same covered hours on every day of the week."""
    span = RotationRecurrenceShiftCoverageArgs(
        start=RotationRecurrenceHandOffTimeArgs(hour_of_day=start, minute_of_hour=0),
        end=RotationRecurrenceHandOffTimeArgs(hour_of_day=end, minute_of_hour=0),
    )
    return {day: [span] for day in DAYS}


def weekly(hours: dict[str, list[RotationRecurrenceShiftCoverageArgs]]) -> RotationRecurrenceArgs:
    """One on call at a time, handing off every Monday at 09:00 local time."""
    return RotationRecurrenceArgs(
        number_of_on_calls=1,
        recurrence_multiplier=1,
        weekly_settings=[
            {"day_of_week": "MON", "hand_off_time": {"hour_of_day": 9, "minute_of_hour": 0}}
        ],
        shift_coverages=hours,
    )


akua = responder("akua", "akua", "akua@example.com")
kwame = responder("kwame", "kwame", "kwame@example.com")
manager = responder("manager", "sre-manager", "sre-manager@example.com")

london = Rotation(
    "london",
    name="sre-london",
    contact_ids=[akua.arn, kwame.arn],
    start_time=START,
    time_zone_id="Europe/London",
    recurrence=weekly(daily_hours(8, 20)),
)
rotations = [london]
if config.get_bool("followTheSun") is not False:
    sydney = Rotation(
        "sydney",
        name="sre-sydney",
        contact_ids=[kwame.arn, akua.arn],
        start_time=START,
        time_zone_id="Australia/Sydney",
        recurrence=weekly(daily_hours(7, 19)),
    )
    rotations.append(sydney)

schedule = Contact(
    "schedule",
    alias="sre-oncall",
    display_name="SRE on call",
    type="ONCALL_SCHEDULE",
    plan={"rotation_ids": [r.arn for r in rotations]},
)


def engage(contact: Contact, minutes: int) -> PlanStageArgs:
    info = PlanStageTargetContactTargetInfoArgs(contact_id=contact.arn, is_essential=True)
    return PlanStageArgs(
        duration_in_minutes=minutes, targets=[PlanStageTargetArgs(contact_target_info=info)]
    )


escalation = Contact(
    "escalation",
    alias="sre-escalation",
    display_name="SRE escalation",
    type="ESCALATION",
    plan={"stages": [engage(schedule, 15), engage(manager, 15)]},
)

pulumi.export("london", london.arn)
pulumi.export("schedule", schedule.arn)
pulumi.export("escalation", escalation.arn)
