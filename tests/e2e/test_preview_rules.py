"""Rules that `pulumi preview` enforces through the real CLI: property named, no API call, and
no secret value in anything the CLI prints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import pytest
from pulumi import automation as auto

from tests.protocol.resource_cases import CASES

from .harness import CONTACTS_PROGRAM, Contacts, Emulator, StackFactory

pytestmark = pytest.mark.e2e

SECRET = "Akua Secret\tMansa"
"""A display name that breaks AWS's pattern (the tab) and must never be printed."""


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        pytest.param(
            {"tags": {f"k{i}": "v" for i in range(50)}}, ["tags", "at most 49"], id="50-tags"
        ),
        pytest.param(
            {"tags": {"pulumi-ssm-contacts/owner": "me"}}, ["reserved"], id="owner-tag-reserved"
        ),
        pytest.param({"tags": {"team": None}}, ["tags team", "not None"], id="tag-none"),
    ],
)
def test_bad_input_fails_preview_with_no_api_call(
    new_stack: StackFactory, emulator: Emulator, contact: dict[str, object], expected: list[str]
) -> None:
    bad: Contacts = [{"name": "akuam", "alias": "akuam", "type": "PERSONAL", **contact}]
    stack = new_stack(CONTACTS_PROGRAM, bad)

    with pytest.raises(auto.CommandError) as failure:
        stack.preview()

    for words in expected:
        assert words in str(failure.value)
    assert emulator.operations() == []


def test_a_secret_that_breaks_a_rule_is_never_printed(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    secret: Contacts = [
        {
            "name": "akuam",
            "alias": "akuam",
            "type": "PERSONAL",
            "display_name": SECRET,
            "tags": {"phone": "+1 555 0100 \u2603!"},
            "secret": ["display_name", "tags"],
        }
    ]
    stack = new_stack(CONTACTS_PROGRAM, secret)

    with pytest.raises(auto.CommandError) as failure:
        stack.up()

    printed = str(failure.value)  # the command line, stdout and stderr
    assert "display_name" in printed and "regular expression" in printed
    for fragment in ("Akua Secret", "Mansa", "555 0100", "\u2603"):
        assert fragment not in printed
    assert emulator.aliases() == []


# -- likely mistakes: warned at preview, on the resource, as the program wrote them --------

RESOURCE_PROGRAM = Path(__file__).with_name("resource_program")
ARN = "arn:aws:ssm-contacts:us-east-1:123456789012"
AKUAM, BOSS = f"{ARN}:contact/akuam", f"{ARN}:contact/boss"
EMAIL = f"{ARN}:contact-channel/akuam/0a1b2c3d-5ee0-4a4c-9b1e-6c7d8e9f0a1b"
ROTATION = f"{ARN}:rotation/0a1b2c3d-5ee0-4a4c-9b1e-6c7d8e9f0a1b"
HAND_OFF = {"dayOfWeek": "MON", "handOffTime": {"hourOfDay": 9, "minuteOfHour": 0}}


def _span(start: int, end: int) -> dict[str, Any]:
    return {
        "start": {"hourOfDay": start, "minuteOfHour": 0},
        "end": {"hourOfDay": end, "minuteOfHour": 0},
    }


def _rotation(**overrides: Any) -> dict[str, Any]:
    return {
        "name": "primary",
        "contactIds": [AKUAM, BOSS],
        "startTime": "2026-12-07T09:00:00Z",
        "timeZoneId": "Europe/Paris",
        "recurrence": {
            "numberOfOnCalls": 1,
            "recurrenceMultiplier": 1,
            "weeklySettings": [HAND_OFF],
        },
        **overrides,
    }


def _escalation_stage(*contacts: str) -> dict[str, Any]:
    targets = [{"contactTargetInfo": {"contactId": c, "isEssential": True}} for c in contacts]
    return {"durationInMinutes": 5, "targets": targets}


LIKELY_MISTAKES = [
    pytest.param(
        "ContactPlan",
        {
            "contactId": AKUAM,
            "stages": [
                {
                    "durationInMinutes": 0,
                    "targets": [{"channelTargetInfo": {"contactChannelId": EMAIL}}] * 2,
                }
            ],
        },
        ["ContactPlan 'subject': stages[0].targets[1]: is the same target as targets[0]"],
        id="duplicated-target",
    ),
    pytest.param(
        "ContactPlan",
        {"contactId": BOSS, "stages": [_escalation_stage(AKUAM, BOSS)]},
        [
            "ContactPlan 'subject': stages[0].targets[1].contact_target_info.contact_id: "
            "engages the plan's own contact"
        ],
        id="escalation-engages-itself",
    ),
    pytest.param(
        "Contact",
        {"alias": "oncall", "type": "ONCALL_SCHEDULE", "plan": {"rotationIds": [ROTATION] * 2}},
        ["Contact 'subject': plan.rotation_ids[1]: is the same rotation as rotation_ids[0]"],
        id="duplicated-rotation-ids",
    ),
    pytest.param(
        "Rotation",
        _rotation(
            recurrence={
                "numberOfOnCalls": 1,
                "recurrenceMultiplier": 1,
                "weeklySettings": [HAND_OFF, HAND_OFF],
                "shiftCoverages": {"MON": [_span(8, 12), _span(10, 14)], "TUE": [_span(17, 9)]},
            }
        ),
        [
            "Rotation 'subject': recurrence.weekly_settings[1]: is the same hand-off as "
            "weekly_settings[0]",
            "Rotation 'subject': recurrence.shift_coverages.MON[1]: overlaps "
            "recurrence.shift_coverages.MON[0]",
            "Rotation 'subject': recurrence.shift_coverages.TUE[0]: ends before it starts",
        ],
        id="duplicated-hand-off-overlapping-and-reversed-coverages",
    ),
    pytest.param(
        "Rotation",
        _rotation(startTime="1900-12-03T09:00:00Z"),
        ["Rotation 'subject': start_time: is in the year 1900"],
        id="start-in-1900",
    ),
    pytest.param(
        "Rotation",
        _rotation(startTime="9999-12-06T09:00:00Z"),
        ["Rotation 'subject': start_time: is in the year 9999"],
        id="start-in-9999",
    ),
]
"""What preview warns of, one resource per row: (kind, inputs, the warnings), named by the
row's id in the warnings (`'subject'` there stands for it)."""


def test_every_likely_mistake_is_warned_at_preview_with_no_api_call(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    """All the rows in one program, so one preview shows every warning, each on its own
    resource, and makes no call."""
    resources = {
        row.id: {"type": kind, "inputs": inputs}
        for row in LIKELY_MISTAKES
        for kind, inputs, _ in [row.values]
    }
    stack = new_stack(RESOURCE_PROGRAM)
    stack.set_config("resources", auto.ConfigValue(json.dumps(resources)))
    emulator.control.clear_calls()

    result = stack.preview()

    printed = " ".join(result.stdout.split())  # the CLI wraps long lines
    for row in LIKELY_MISTAKES:
        for words in cast(list[str], row.values[2]):
            expected = words.replace("'subject'", repr(row.id))
            assert expected in printed, f"{row.id}: {expected}\n{result.stdout}"
    assert emulator.operations() == [], "preview makes no API call"


# -- a ContactPlan's rules of its contact's type: the program knows the Contact ----------

TYPED_PLAN_PROGRAM = Path(__file__).with_name("typed_plan_program")
SCHEDULE = f"{ARN}:contact/subject"


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        pytest.param(
            {"type": "PERSONAL", "plan": {"rotation_ids": [ROTATION]}},
            "rotation_ids: only ONCALL_SCHEDULE contacts have rotations, not PERSONAL contacts",
            id="rotations-on-a-personal-contact",
        ),
        pytest.param(
            {
                "type": "ONCALL_SCHEDULE",
                "import": SCHEDULE,
                "plan": {"stages": [_escalation_stage(AKUAM)]},
            },
            "stages: an ONCALL_SCHEDULE contact cannot have stages",
            id="stages-on-an-oncall-schedule",
        ),
        pytest.param(
            {"type": "ONCALL_SCHEDULE", "import": SCHEDULE, "plan": {"rotation_ids": []}},
            "rotation_ids: an ONCALL_SCHEDULE contact needs at least one rotation",
            id="no-rotations-on-an-oncall-schedule",
        ),
        pytest.param(
            {
                "type": "ESCALATION",
                "plan": {
                    "stages": [
                        {
                            "durationInMinutes": 0,
                            "targets": [{"channelTargetInfo": {"contactChannelId": EMAIL}}],
                        }
                    ]
                },
            },
            "stages[0].targets[0].channel_target_info: an ESCALATION contact's plan engages "
            "contacts: use contact_target_info",
            id="escalation-engages-a-channel",
        ),
    ],
)
def test_a_contact_plan_breaking_its_contact_types_rules_fails_preview(
    new_stack: StackFactory, emulator: Emulator, case: dict[str, Any], expected: str
) -> None:
    stack = new_stack(TYPED_PLAN_PROGRAM)
    stack.set_config("case", auto.ConfigValue(json.dumps(case)))
    emulator.control.clear_calls()

    with pytest.raises(auto.CommandError) as failure:
        stack.preview()

    printed = " ".join(str(failure.value).split())
    assert f"ContactPlan resource 'subject' has a problem: {expected}" in printed, printed
    assert emulator.operations() == []


# -- what AWS refuses at `up`, refused at preview under the real CLI --------------------------

STATIC_CONTEXT = {
    "contact": AKUAM,
    "email": EMAIL,
    "sms": EMAIL.replace("0a1b2c3d", "4e5f6a7b"),
    "other": BOSS,
    "other_email": f"{ARN}:contact-channel/boss/0a1b2c3d-5ee0-4a4c-9b1e-6c7d8e9f0a1b",
}
"""ARNs for the scenario table's inputs: preview makes no call, so none need exist."""

AWS_ERRORS = [
    ("Contact", "escalation-engages-a-channel"),
    ("ContactPlan", "nine-rotations"),
    ("Rotation", "member-is-a-channel"),
]
"""Rows of tests/protocol/resource_cases.py, one per resource kind; that tier runs every row in
process, through the dynamic provider's gRPC server and through the native plugin."""


@pytest.mark.parametrize(("kind", "row"), AWS_ERRORS, ids=[f"{k}-{r}" for k, r in AWS_ERRORS])
def test_what_aws_refuses_at_up_fails_preview_naming_the_property(
    new_stack: StackFactory, emulator: Emulator, kind: str, row: str
) -> None:
    case = next(c for c in CASES if c.name == kind)
    overrides, prop = case.bad[row]
    inputs = {**case.inputs(STATIC_CONTEXT), **overrides}
    stack = new_stack(RESOURCE_PROGRAM)
    stack.set_config("resource", auto.ConfigValue(json.dumps({"type": kind, "inputs": inputs})))
    emulator.control.clear_calls()

    with pytest.raises(auto.CommandError) as failure:
        stack.preview()

    assert f"has a problem: {prop}: " in " ".join(str(failure.value).split())
    assert emulator.operations() == []


def test_a_rotation_member_missing_at_up_fails_in_one_paragraph(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    """What only AWS knows (the contact does not exist) fails at `up`, naming it (finding 19)."""
    akuam = emulator.client.create_contact(Alias="akuam", Type="PERSONAL", Plan={"Stages": []})
    ghost = f"{ARN}:contact/ghost"
    stack = new_stack(RESOURCE_PROGRAM)
    spec = {"type": "Rotation", "inputs": _rotation(contactIds=[akuam["ContactArn"], ghost])}
    stack.set_config("resource", auto.ConfigValue(json.dumps(spec)))

    with pytest.raises(auto.CommandError) as failure:
        stack.up()

    printed = " ".join(str(failure.value).split())
    assert (
        f"CreateRotation for rotation 'primary' in us-east-1 failed: AWS has no contact {ghost} "
        "(ResourceNotFoundException). What to do: the contact"
    ) in printed
    assert "NotFound: ResourceNotFoundException" not in printed
    assert emulator.client.list_rotations()["Rotations"] == []
