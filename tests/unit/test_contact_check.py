"""check: every bad-input class fails naming the property path and the rule; no API call."""

from __future__ import annotations

from typing import Any

import pytest
from pulumi.output import Unknown
from pulumi.runtime.rpc import UNKNOWN

from pulumi_ssm_contacts import ContactProvider
from tests.protocol.drivers import failures_by_path

CHANNEL = "arn:aws:ssm-contacts:us-east-1:123456789012:contact-channel/akuam/0a1b2c3d"
CONTACT = "arn:aws:ssm-contacts:us-east-1:123456789012:contact/akuam"
ROTATION = "arn:aws:ssm-contacts:us-east-1:123456789012:rotation/0a1b2c3d"


def check(news: dict[str, Any]) -> dict[str, str]:
    result = ContactProvider().check({}, news)
    assert all(f.property == "" for f in result.failures), "paths go in the reason"
    return failures_by_path(result.failures)


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
        "tags": {},
    }, "an omitted plan stays omitted: it is not managed"


@pytest.mark.parametrize(
    ("news", "prop", "rule"),
    [
        pytest.param(personal(alias="Bad Alias"), "alias", "regular expression", id="pattern"),
        pytest.param(personal(alias="a" * 256), "alias", "less than or equal to 255", id="length"),
        pytest.param(personal(alias=""), "alias", "greater than or equal to 1", id="min-length"),
        pytest.param(personal(type="MANAGER"), "type", "enum value set", id="enum"),
        pytest.param(personal(displayName="A\tB"), "display_name", "regular expression", id="name"),
        pytest.param({"type": "PERSONAL"}, "alias", "must not be null", id="required"),
        pytest.param(
            personal(
                plan={
                    "stages": [
                        stage({"channelTargetInfo": {"contactChannelId": CHANNEL}}, minutes=31)
                    ]
                }
            ),
            "plan.stages[0].duration_in_minutes",
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
            "plan.stages[0].targets[1].channel_target_info.retry_interval_in_minutes",
            "less than or equal to 60",
            id="nested-range",
        ),
        pytest.param(
            personal(plan={"stages": [stage(minutes="5")]}),
            "plan.stages[0].duration_in_minutes",
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
            "plan.stages[0].targets[0].contact_target_info.contact_id",
            "regular expression",
            id="malformed-arn",
        ),
        pytest.param(
            personal(tags={f"k{i}": "v" for i in range(50)}), "tags", "at most 49", id="tags-50"
        ),
        pytest.param(personal(tags={"bad key!": "v"}), "tags", "key #1", id="tag-key"),
        pytest.param(
            personal(importArn="akuam"), "opts.import_", "regular expression", id="import-arn"
        ),
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
            "plan.rotation_ids",
            "needs at least one rotation",
            id="oncall-rotations",
        ),
        pytest.param(
            personal(plan={"rotationIds": [ROTATION]}),
            "plan.rotation_ids",
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
            "plan.stages[0].targets[0].contact_target_info",
            "use channel_target_info",
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
    assert set(failures) == {"alias", "type", "display_name"}


SECRET = "s3cr3t-Value"


def big_plan(stages: int) -> dict[str, Any]:
    target = {"channelTargetInfo": {"contactChannelId": CHANNEL}}
    return {"stages": [stage(target) for _ in range(stages)]}


@pytest.mark.parametrize(
    ("news", "prop", "rule"),
    [
        pytest.param(
            personal(plan={"stages": [stage(minutes=0)]}),
            "plan.stages[0].duration_in_minutes",
            "can only be 0 if the stage has a target",
            id="zero-minutes-no-target",
        ),
        pytest.param(
            {
                "alias": "team",
                "type": "ESCALATION",
                "plan": {"stages": [stage({"contactTargetInfo": {"isEssential": True}})]},
            },
            "plan.stages[0].targets[0].contact_target_info.contact_id",
            "must be set",
            id="contact-target-without-contact",
        ),
        pytest.param(personal(tags={"team": None}), "tags.team", "must be a string", id="tag-none"),
        pytest.param(
            personal(plan={"stages": [], "escalate": True}),
            "plan.escalate",
            "Unknown member",
            id="unknown-plan-key",
        ),
        pytest.param(
            personal(plan={"stages": [{**stage(), "wait": 1}]}),
            "plan.stages[0].wait",
            "Unknown member",
            id="unknown-stage-key",
        ),
        pytest.param(personal(displayname="x"), "displayname", "not an input", id="unknown-input"),
        pytest.param(personal(region="mars-north-1"), "region", "not a region", id="region"),
        pytest.param(personal(plan=big_plan(500)), "plan.stages", "at most 100", id="500-stages"),
        pytest.param(
            personal(tags={"pulumi-ssm-contacts/owner": "me"}),
            "tags.pulumi-ssm-contacts/owner",
            "reserved",
            id="owner-tag-reserved",
        ),
    ],
)
def test_bad_input_found_before_up(
    news: dict[str, Any], prop: str, rule: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inputs that used to pass preview and fail (or vanish) at `up` are refused by check."""
    monkeypatch.delenv("AWS_ENDPOINT_URL_SSM_CONTACTS", raising=False)
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    failures = check(news)
    assert prop in failures, failures
    assert rule in failures[prop]


def test_any_region_name_is_allowed_with_an_endpoint_override(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL_SSM_CONTACTS", "http://127.0.0.1:5000")
    assert check(personal(region="mars-north-1")) == {}


@pytest.mark.parametrize(
    "news",
    [
        pytest.param(personal(displayName=SECRET + "\t"), id="display-name-pattern"),
        pytest.param(personal(displayName=SECRET * 30), id="display-name-length"),
        pytest.param(personal(tags={"team": SECRET + "!" * 300}), id="tag-value"),
        pytest.param(personal(tags={SECRET + " !": "v"}), id="tag-key"),
        pytest.param(personal(alias=SECRET), id="alias"),
    ],
)
def test_failures_never_echo_the_value(news: dict[str, Any]) -> None:
    failures = check(news)
    assert failures, "the value breaks a rule"
    assert all(SECRET not in f"{prop} {reason}" for prop, reason in failures.items()), failures


def test_a_huge_value_gives_a_short_failure() -> None:
    failures = check(personal(displayName="x" * 1_000_000))
    assert "display_name" in failures
    assert len(failures["display_name"]) < 200
    assert "1000000 characters" in failures["display_name"]
