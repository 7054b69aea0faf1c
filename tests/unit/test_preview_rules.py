"""The rules preview applies with no API call (issue 13, findings 7, 13, 19): errors for what AWS
documents as errors, warnings for likely mistakes, every property named as a Python program
wrote it, and a not-found at `up` as one paragraph."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError
from pulumi.runtime.rpc import UNKNOWN

from pulumi_ssm_contacts.core.aws_errors import CallContext, not_found
from pulumi_ssm_contacts.core.bag import arn_alias, arn_kind, snake
from pulumi_ssm_contacts.core.validation import Failure, python_path, python_words
from pulumi_ssm_contacts.resources.contact import ContactEngine
from pulumi_ssm_contacts.resources.contact_plan import ContactPlanEngine
from pulumi_ssm_contacts.resources.plan_rules import MAX_ROTATIONS, plan_failures, plan_warnings
from pulumi_ssm_contacts.resources.rotation import RotationEngine

ARN = "arn:aws:ssm-contacts:us-east-1:123456789012"
AKUAM, BOSS = f"{ARN}:contact/akuam", f"{ARN}:contact/boss"
AKUAM_EMAIL = f"{ARN}:contact-channel/akuam/0a1b2c3d"
BOSS_EMAIL = f"{ARN}:contact-channel/boss/4e5f6a7b"
ROTATIONS = [f"{ARN}:rotation/r{i}" for i in range(MAX_ROTATIONS + 1)]


def paths(failures: list[Failure]) -> list[str]:
    return [f.property for f in failures]


def channel_stage(*channels: str) -> dict[str, Any]:
    return {
        "durationInMinutes": 0,
        "targets": [{"channelTargetInfo": {"contactChannelId": c}} for c in channels],
    }


def contact_stage(*contacts: str) -> dict[str, Any]:
    return {
        "durationInMinutes": 5,
        "targets": [{"contactTargetInfo": {"contactId": c, "isEssential": True}} for c in contacts],
    }


# -- names as the program wrote them (finding 7) -------------------------------------------


@pytest.mark.parametrize(
    ("path", "python"),
    [
        ("deliveryAddress", "delivery_address"),
        (
            "plan.stages[0].targets[1].channelTargetInfo.retryIntervalInMinutes",
            "plan.stages[0].targets[1].channel_target_info.retry_interval_in_minutes",
        ),
        (
            "recurrence.shiftCoverages.MON[0].start.hourOfDay",
            "recurrence.shift_coverages.MON[0].start.hour_of_day",
        ),
        ("tags.teamName", "tags.teamName"),
        ("tags.a.bC", "tags.a.bC"),
        ("tags (key #2)", "tags (key #2)"),
        ("importArn", "opts.import_"),
        ("aliass", "aliass"),
    ],
)
def test_a_path_reads_as_the_python_program_wrote_it(path: str, python: str) -> None:
    assert python_path(path) == python


def test_member_lists_and_property_names_in_a_rule_are_snake_case() -> None:
    rule = "Unknown member, must be one of: dayOfWeek, handOffTime"
    assert python_words(rule) == "Unknown member, must be one of: day_of_week, hand_off_time"
    assert python_words("use channelTargetInfo") == "use channel_target_info"
    kept = "must satisfy enum value set: [MON, ONCALL_SCHEDULE] (got iPhone)"
    assert python_words(kept) == kept, "enums and words that are not properties stay"


def test_snake_is_the_inverse_of_the_bag_names() -> None:
    assert snake("durationInMinutes") == "duration_in_minutes"
    assert snake("MON") == "MON"
    assert snake("alias") == "alias"


def test_an_unknown_member_names_the_members_once_in_snake_case() -> None:
    bag = {
        "name": "p",
        "contactIds": [AKUAM],
        "startTime": "2026-12-07T09:00:00Z",
        "timeZoneId": "UTC",
        "recurrence": {
            "numberOfOnCalls": 1,
            "recurrenceMultiplier": 1,
            "weeklySettings": [
                {"dayOfWeek": "MON", "handOffTime": {"hourOfDay": 9, "minuteOfHour": 0}},
                {"dayOfWeek": "TUE", "handOfTime": {}},
            ],
        },
    }
    _, failures = RotationEngine().check(bag)
    texts = [f.python_text() for f in failures]
    assert (
        "recurrence.weekly_settings[1].hand_of_time: Unknown member, must be one of: "
        "day_of_week, hand_off_time"
    ) in texts
    assert all("DayOfWeek" not in t and "handOffTime" not in t for t in texts), texts


def test_a_bad_time_zone_is_one_problem_said_once() -> None:
    bag = {
        "name": "p",
        "contactIds": [AKUAM],
        "startTime": "2026-12-07T09:00:00Z",
        "timeZoneId": "Mars Olympus!",
        "recurrence": {"numberOfOnCalls": 1, "recurrenceMultiplier": 1, "dailySettings": []},
    }
    _, failures = RotationEngine().check(bag)
    zone = [f for f in failures if f.property == "timeZoneId"]
    assert [f.reason for f in zone] == ["must be an IANA time zone ID (Europe/Paris)"]


# -- ARN kinds ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arn", "kind", "alias"),
    [
        (AKUAM, "contact", "akuam"),
        (AKUAM_EMAIL, "contact-channel", "akuam"),
        (ROTATIONS[0], "rotation", None),
        ("arn:aws:sns:us-east-1:123456789012:topic", None, None),
        ("akuam", None, None),
        (UNKNOWN, None, None),
    ],
)
def test_the_kind_and_alias_of_an_arn(arn: str, kind: str | None, alias: str | None) -> None:
    assert (arn_kind(arn), arn_alias(arn)) == (kind, alias)


# -- errors AWS documents (finding 13) ------------------------------------------------------


def test_an_oncall_schedule_takes_at_most_eight_rotations() -> None:
    plan = {"stages": [], "rotationIds": ROTATIONS}
    assert paths(plan_failures("ONCALL_SCHEDULE", plan, "plan.")) == ["plan.rotationIds"]
    assert plan_failures("ONCALL_SCHEDULE", {"rotationIds": ROTATIONS[:8]}, "plan.") == []
    assert paths(plan_failures(None, plan, "")) == ["rotationIds"], "a ContactPlan too"


def test_more_rotations_than_the_model_allows_is_said_once() -> None:
    many = [f"{ARN}:rotation/r{i}" for i in range(26)]
    bag = {"alias": "oncall", "type": "ONCALL_SCHEDULE", "plan": {"rotationIds": many}}
    _, failures = ContactEngine().check(bag)
    assert [(f.property, f.reason) for f in failures] == [
        ("plan.rotationIds", "must have length less than or equal to 25")
    ]


@pytest.mark.parametrize(
    ("contact_type", "plan", "path"),
    [
        ("ONCALL_SCHEDULE", {"rotationIds": [AKUAM]}, "plan.rotationIds[0]"),
        (
            "ESCALATION",
            {"stages": [contact_stage(AKUAM_EMAIL)]},
            "plan.stages[0].targets[0].contactTargetInfo.contactId",
        ),
        (
            "ESCALATION",
            {"stages": [contact_stage(ROTATIONS[0])]},
            "plan.stages[0].targets[0].contactTargetInfo.contactId",
        ),
        (
            "PERSONAL",
            {"stages": [channel_stage(AKUAM)]},
            "plan.stages[0].targets[0].channelTargetInfo.contactChannelId",
        ),
        (
            "PERSONAL",
            {"stages": [channel_stage(BOSS_EMAIL)]},
            "plan.stages[0].targets[0].channelTargetInfo.contactChannelId",
        ),
    ],
    ids=[
        "rotation-id-is-a-contact",
        "escalation-engages-a-channel",
        "escalation-engages-a-rotation",
        "channel-target-is-a-contact",
        "another-contacts-channel",
    ],
)
def test_an_arn_of_the_wrong_kind_or_contact_is_refused(
    contact_type: str, plan: dict[str, Any], path: str
) -> None:
    failures = plan_failures(contact_type, plan, "plan.", "akuam")
    assert paths(failures) == [path], failures
    assert all(AKUAM not in f.reason and "boss" not in f.reason for f in failures), "no values"


def test_arns_that_are_right_or_not_known_yet_pass() -> None:
    assert plan_failures("PERSONAL", {"stages": [channel_stage(AKUAM_EMAIL)]}, "", "akuam") == []
    assert plan_failures("PERSONAL", {"stages": [channel_stage(UNKNOWN)]}, "", "akuam") == []
    assert plan_failures("PERSONAL", {"stages": [channel_stage(BOSS_EMAIL)]}, "", UNKNOWN) == []
    assert plan_failures("ESCALATION", {"stages": [contact_stage(UNKNOWN, BOSS)]}, "") == []


def test_a_contact_plan_is_a_contacts_and_an_explicit_empty_rotation_list_is_refused() -> None:
    engine = ContactPlanEngine()
    assert paths(engine.check({"contactId": ROTATIONS[0], "stages": []})[1]) == ["contactId"]
    assert paths(engine.check({"contactId": AKUAM_EMAIL, "stages": []})[1]) == ["contactId"]
    assert paths(engine.check({"contactId": AKUAM, "rotationIds": []})[1]) == ["rotationIds"]
    assert engine.check({"contactId": AKUAM})[1] == [], "no rotations written: an empty plan"
    other = {"contactId": AKUAM, "stages": [channel_stage(BOSS_EMAIL)]}
    wrong = "stages[0].targets[0].channelTargetInfo.contactChannelId"
    assert paths(engine.check(other)[1]) == [wrong]


def rotation(**overrides: Any) -> dict[str, Any]:
    return {
        "name": "primary",
        "contactIds": [AKUAM, BOSS],
        "startTime": "2026-12-07T09:00:00Z",
        "timeZoneId": "Europe/Paris",
        "recurrence": {
            "numberOfOnCalls": 1,
            "recurrenceMultiplier": 1,
            "dailySettings": [{"hourOfDay": 9, "minuteOfHour": 0}],
        },
        **overrides,
    }


@pytest.mark.parametrize(
    "start",
    ["2026-12-31T23:59:60Z", "2026-12-31T23:59:60+01:00", "2026-02-30T09:00:00Z"],
    ids=["leap-second", "leap-second-with-offset", "february-30"],
)
def test_a_start_time_that_is_no_real_instant_is_refused(start: str) -> None:
    _, failures = RotationEngine().check(rotation(startTime=start))
    assert paths(failures) == ["startTime"]
    assert failures[0].reason.startswith("must be a real date and time")


def test_a_rotation_member_is_a_contact() -> None:
    _, failures = RotationEngine().check(rotation(contactIds=[AKUAM, AKUAM_EMAIL]))
    assert paths(failures) == ["contactIds[1]"]
    assert "not a contact channel's ARN" in failures[0].reason


# -- warnings of likely mistakes ---------------------------------------------------------


def test_a_plan_warns_of_repeats_and_of_engaging_itself() -> None:
    plan = {
        "stages": [channel_stage(AKUAM_EMAIL, AKUAM_EMAIL), contact_stage(BOSS, AKUAM, BOSS)],
        "rotationIds": [ROTATIONS[0], ROTATIONS[1], ROTATIONS[0]],
    }
    found = plan_warnings(plan, "plan.", "akuam")
    assert paths(found) == [
        "plan.rotationIds[2]",
        "plan.stages[0].targets[1]",
        "plan.stages[1].targets[2]",
        "plan.stages[1].targets[1].contactTargetInfo.contactId",
    ]
    assert found[0].reason == "is the same rotation as rotationIds[0]"


def test_a_plan_with_nothing_repeated_or_unknown_targets_warns_of_nothing() -> None:
    plan = {"stages": [contact_stage(BOSS, UNKNOWN, UNKNOWN)], "rotationIds": ROTATIONS[:2]}
    assert plan_warnings(plan, "plan.", "akuam") == []
    assert plan_warnings({"stages": [contact_stage(AKUAM)]}, "", UNKNOWN) == []


def test_contact_and_contact_plan_engines_warn_of_their_own_contact() -> None:
    plan = {"stages": [contact_stage(AKUAM)]}
    escalation = {"alias": "akuam", "type": "ESCALATION", "plan": plan}
    engine = ContactEngine()
    assert paths(engine.warnings(engine.normalize(escalation))) == [
        "plan.stages[0].targets[0].contactTargetInfo.contactId"
    ]
    plans = ContactPlanEngine()
    bag = plans.normalize({"contactId": BOSS, "stages": [contact_stage(BOSS)]})
    assert paths(plans.warnings(bag)) == ["stages[0].targets[0].contactTargetInfo.contactId"]


def span(start: int, end: int) -> dict[str, Any]:
    return {
        "start": {"hourOfDay": start, "minuteOfHour": 0},
        "end": {"hourOfDay": end, "minuteOfHour": 0},
    }


def test_a_rotation_warns_of_repeated_hand_offs_and_overlapping_or_reversed_coverages() -> None:
    recurrence = {
        "numberOfOnCalls": 1,
        "recurrenceMultiplier": 1,
        "monthlySettings": [
            {"dayOfMonth": 1, "handOffTime": {"hourOfDay": 9, "minuteOfHour": 0}},
            {"dayOfMonth": 15, "handOffTime": {"hourOfDay": 9, "minuteOfHour": 0}},
            {"dayOfMonth": 1, "handOffTime": {"minuteOfHour": 0, "hourOfDay": 9}},
        ],
        "shiftCoverages": {
            "MON": [span(8, 12), span(12, 17), span(16, 18)],
            "TUE": [span(22, 6)],
            "WED": [span(0, 0)],
        },
    }
    engine = RotationEngine()
    found = engine.warnings(engine.normalize(rotation(recurrence=recurrence)))
    assert [(f.property, f.reason.split(":")[0]) for f in found] == [
        ("recurrence.monthlySettings[2]", "is the same hand-off as monthlySettings[0]"),
        ("recurrence.shiftCoverages.MON[2]", "overlaps recurrence.shiftCoverages.MON[1]"),
        ("recurrence.shiftCoverages.TUE[0]", "ends before it starts"),
    ]


@pytest.mark.parametrize(
    ("start", "warned"),
    [
        ("1900-12-03T09:00:00Z", True),
        ("1999-12-31T23:59:59Z", True),
        ("2000-01-01T00:00:00Z", False),
        ("2100-12-31T09:00:00Z", False),
        ("2101-01-03T09:00:00Z", True),
        ("9999-12-06T09:00:00Z", True),
    ],
)
def test_a_start_time_outside_2000_to_2100_is_warned(start: str, warned: bool) -> None:
    engine = RotationEngine()
    found = engine.warnings(engine.normalize(rotation(startTime=start)))
    assert paths(found) == (["startTime"] if warned else [])


# -- not found at `up` (finding 19) --------------------------------------------------------


def _not_found(resource_id: str, resource_type: str) -> ClientError:
    response: Any = {
        "Error": {"Code": "ResourceNotFoundException", "Message": "not found"},
        "ResourceId": resource_id,
        "ResourceType": resource_type,
    }
    return ClientError(response, "CreateRotation")


def test_a_missing_resource_the_call_names_is_one_paragraph_with_what_to_do() -> None:
    ctx = CallContext("CreateRotation", "rotation 'primary'", "us-east-1")
    message = not_found(_not_found(BOSS, "CONTACT"), ctx)
    assert message.startswith(
        f"CreateRotation for rotation 'primary' in us-east-1 failed: AWS has no contact {BOSS}"
    )
    assert "What to do:" in message and "Create it first" in message
    assert message.count("\n") == 1, "one paragraph and its advice"


def test_a_channel_arn_where_a_contact_belongs_is_said_at_up_too() -> None:
    ctx = CallContext("CreateRotation", "rotation 'primary'", "us-east-1")
    message = not_found(_not_found(AKUAM_EMAIL, "CONTACT"), ctx)
    assert "The ARN is a contact channel's, not a contact's" in message


def test_the_resource_itself_gone_says_refresh() -> None:
    rotation_arn = ROTATIONS[0]
    ctx = CallContext("UpdateRotation", rotation_arn, "us-east-1")
    message = not_found(_not_found(rotation_arn, "ROTATION"), ctx)
    assert f"AWS has no rotation {rotation_arn}" in message
    assert "`pulumi refresh`" in message


def test_the_contact_type_hint_applies_the_types_rules_and_is_never_stored() -> None:
    engine = ContactPlanEngine()
    news = {"contactId": AKUAM, "contactType": "PERSONAL", "rotationIds": []}
    bag, failures = engine.check(news)
    assert failures == [], "an empty list of rotations on a PERSONAL contact is no plan"
    assert "contactType" not in bag
    stages = [contact_stage(BOSS)]
    schedule = {"contactId": AKUAM, "contactType": "ONCALL_SCHEDULE", "stages": stages}
    assert paths(engine.check(schedule)[1]) == ["stages", "rotationIds"]
