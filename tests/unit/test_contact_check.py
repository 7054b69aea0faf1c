"""check: every bad-input class fails naming the property path and the rule; no API call."""

from __future__ import annotations

from typing import Any

import pytest
from pulumi.output import Unknown
from pulumi.runtime.rpc import UNKNOWN

from pulumi_ssm_contacts import ContactProvider

CHANNEL = "arn:aws:ssm-contacts:us-east-1:123456789012:contact-channel/akuam/0a1b2c3d"
CONTACT = "arn:aws:ssm-contacts:us-east-1:123456789012:contact/akuam"
ROTATION = "arn:aws:ssm-contacts:us-east-1:123456789012:rotation/0a1b2c3d"


def check(news: dict[str, Any]) -> dict[str, str]:
    result = ContactProvider().check({}, news)
    return {f.property: f.reason for f in result.failures}


def personal(**overrides: Any) -> dict[str, Any]:
    return {"alias": "akuam", "type": "PERSONAL", "displayName": "Akua Mansa", **overrides}


def stage(*targets: dict[str, Any], minutes: Any = 5) -> dict[str, Any]:
    return {"durationInMinutes": minutes, "targets": list(targets)}


def test_valid_personal_contact_passes_and_is_normalized() -> None:
    result = ContactProvider().check({}, personal(plan=None, tags=None))
    assert result.failures == []
    assert result.inputs == {
        "alias": "akuam",
        "type": "PERSONAL",
        "displayName": "Akua Mansa",
        "plan": {"stages": []},
        "tags": {},
    }


@pytest.mark.parametrize(
    ("news", "prop", "rule"),
    [
        pytest.param(personal(alias="Bad Alias"), "alias", "regular expression", id="pattern"),
        pytest.param(personal(alias="a" * 256), "alias", "less than or equal to 255", id="length"),
        pytest.param(personal(alias=""), "alias", "greater than or equal to 1", id="min-length"),
        pytest.param(personal(type="MANAGER"), "type", "enum value set", id="enum"),
        pytest.param(personal(displayName="A\tB"), "displayName", "regular expression", id="name"),
        pytest.param({"type": "PERSONAL"}, "alias", "must not be null", id="required"),
        pytest.param(
            personal(
                plan={
                    "stages": [
                        stage({"channelTargetInfo": {"contactChannelId": CHANNEL}}, minutes=31)
                    ]
                }
            ),
            "plan.stages[0].durationInMinutes",
            "less than or equal to 30",
            id="range",
        ),
        pytest.param(
            personal(
                plan={
                    "stages": [
                        stage(
                            {"channelTargetInfo": {"contactChannelId": CHANNEL}},
                            {
                                "channelTargetInfo": {
                                    "contactChannelId": CHANNEL,
                                    "retryIntervalInMinutes": 61,
                                }
                            },
                        )
                    ]
                }
            ),
            "plan.stages[0].targets[1].channelTargetInfo.retryIntervalInMinutes",
            "less than or equal to 60",
            id="nested-range",
        ),
        pytest.param(
            personal(plan={"stages": [stage(minutes="5")]}),
            "plan.stages[0].durationInMinutes",
            "must be an integer",
            id="type",
        ),
        pytest.param(
            {
                "alias": "team",
                "type": "ESCALATION",
                "plan": {
                    "stages": [
                        stage({"contactTargetInfo": {"contactId": "akuam", "isEssential": True}})
                    ]
                },
            },
            "plan.stages[0].targets[0].contactTargetInfo.contactId",
            "regular expression",
            id="malformed-arn",
        ),
        pytest.param(
            personal(tags={f"k{i}": "v" for i in range(51)}), "tags", "at most 50", id="tags-50"
        ),
        pytest.param(personal(tags={"bad key!": "v"}), "tags", "key 'bad key!'", id="tag-key"),
        pytest.param(personal(importArn="akuam"), "importArn", "import_", id="import-arn"),
        pytest.param(personal(tags={"team": ""}), "tags.team", "greater than", id="tag-value"),
        pytest.param(
            {
                "alias": "oncall",
                "type": "ONCALL_SCHEDULE",
                "plan": {
                    "rotationIds": [ROTATION],
                    "stages": [
                        stage({"contactTargetInfo": {"contactId": CONTACT, "isEssential": True}})
                    ],
                },
            },
            "plan.stages",
            "ONCALL_SCHEDULE contact cannot have stages",
            id="oncall-stages",
        ),
        pytest.param(
            {"alias": "oncall", "type": "ONCALL_SCHEDULE"},
            "plan.rotationIds",
            "needs at least one rotation",
            id="oncall-rotations",
        ),
        pytest.param(
            personal(plan={"rotationIds": [ROTATION]}),
            "plan.rotationIds",
            "only ONCALL_SCHEDULE",
            id="personal-rotations",
        ),
        pytest.param(
            personal(
                plan={
                    "stages": [
                        stage({"contactTargetInfo": {"contactId": CONTACT, "isEssential": True}})
                    ]
                }
            ),
            "plan.stages[0].targets[0].contactTargetInfo",
            "use channelTargetInfo",
            id="personal-targets-contact",
        ),
        pytest.param(
            personal(plan={"stages": [stage({})]}),
            "plan.stages[0].targets[0]",
            "exactly one of",
            id="empty-target",
        ),
    ],
)
def test_bad_input_names_property_and_rule(news: dict[str, Any], prop: str, rule: str) -> None:
    failures = check(news)
    assert prop in failures, failures
    assert rule in failures[prop]


def test_values_unknown_at_preview_pass() -> None:
    news = {
        "alias": UNKNOWN,
        "type": "ESCALATION",
        "displayName": UNKNOWN,
        "plan": {
            "stages": [stage({"contactTargetInfo": {"contactId": UNKNOWN, "isEssential": True}})]
        },
        "tags": {"team": UNKNOWN},
    }
    assert check(news) == {}


def test_unknown_output_values_pass() -> None:
    """Another resource's output at preview arrives as ``pulumi.output.Unknown``."""
    unknown = Unknown()  # type: ignore[no-untyped-call]
    target = {"contactTargetInfo": {"contactId": unknown, "isEssential": True}}
    news = {"alias": "team", "type": "ESCALATION", "plan": {"stages": [stage(target)]}}
    assert check(news) == {}


def test_whole_plan_unknown_at_preview_passes() -> None:
    assert check(personal(plan=UNKNOWN)) == {}


def test_failures_list_every_problem_at_once() -> None:
    failures = check({"alias": "Bad Alias", "type": "MANAGER", "displayName": "x" * 300})
    assert set(failures) == {"alias", "type", "displayName"}
