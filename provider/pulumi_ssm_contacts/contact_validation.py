"""Preview-time validation of a Contact property bag: the service model plus type rules.

Every failure names the bag's property path (``plan.stages[0].targets[1].channelTargetInfo``)
and the rule it breaks, never the value: inputs may be secrets (a reason says at most a
string's length). Values unknown at preview are skipped: they are checked again when
they are known, before anything is created. Nothing is dropped silently: unknown keys
and ``None`` where a value is needed are failures too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from botocore.model import ListShape, StructureShape
from pulumi.output import Unknown
from pulumi.runtime.rpc import UNKNOWN

from . import contact_bag
from .ownership import OWNER_KEY, OWNER_TAG
from .regions import region_problem
from .service_model import Violation, input_shape, unknown_members, validate_shape

MAX_TAGS = 49
"""AWS allows 50 tags per resource; one is the owner tag (``ownership.OWNER_TAG``)."""

MAX_STAGES = 100
"""Our bound on a plan's stages (AWS states none in the API reference; 100 stages of up to
30 minutes is over two days of escalation). It keeps an absurd plan out of preview."""

MAX_PLAN_TARGETS = 1000
"""Our bound on the targets of a whole plan, for the same reason."""

PLACEHOLDER_TOKEN = "check"


@dataclass(frozen=True)
class Failure:
    """A property path of the bag and the rule its value breaks."""

    property: str
    reason: str


def _is_unknown(value: Any) -> bool:
    # Plain unknowns arrive as the UNKNOWN sentinel; unknown output values (another
    # resource's output at preview) as ``pulumi.output.Unknown`` instances.
    return isinstance(value, Unknown) or (isinstance(value, str) and value == UNKNOWN)


def _contains_unknown(value: Any) -> bool:
    if _is_unknown(value):
        return True
    if isinstance(value, Mapping):
        return any(_contains_unknown(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_contains_unknown(v) for v in value)
    return False


def _reason(violation: Violation) -> str:
    """The rule, and for a string its length: never the value itself (it may be secret)."""
    rule = violation.rule.removeprefix("Member ")
    if isinstance(violation.value, str) and ("length" in rule or "pattern" in rule):
        return f"{rule} (got a string of {len(violation.value)} characters)"
    return rule


def _model_failures(bag: Mapping[str, Any]) -> list[Failure]:
    """Failures of the CreateContact input shape, tags excepted (they are a map here)."""
    shape = input_shape("CreateContact")
    request = contact_bag.create_request({**bag, "tags": None, OWNER_KEY: None}, PLACEHOLDER_TOKEN)
    violations = validate_shape(shape, request) + unknown_members(shape, request)
    return [
        Failure(v.dotted(lower_first=True), _reason(v))
        for v in violations
        if not _contains_unknown(v.value)
    ]


def _unknown_keys(news: Mapping[str, Any]) -> list[Failure]:
    """Top-level keys that are neither inputs nor bookkeeping (nothing is dropped silently)."""
    allowed = set(contact_bag.INPUT_KEYS) | set(contact_bag.BOOKKEEPING_KEYS)
    return [
        Failure(
            str(key), f"is not an input of Contact (inputs: {', '.join(contact_bag.INPUT_KEYS)})"
        )
        for key in news
        if key not in allowed
    ]


def _tag_failures(tags: Any) -> list[Failure]:
    if tags is None or _is_unknown(tags):
        return []
    if not isinstance(tags, Mapping):
        return [Failure("tags", "must be a map of strings to strings")]
    failures = []
    if len(tags) > MAX_TAGS:
        failures.append(
            Failure(
                "tags",
                f"must have at most {MAX_TAGS} tags (got {len(tags)}): AWS allows 50 per "
                f"contact and one is the owner tag {OWNER_TAG}",
            )
        )
    tags_shape = input_shape("CreateContact").members["Tags"]
    assert isinstance(tags_shape, ListShape)
    tag = tags_shape.member
    assert isinstance(tag, StructureShape)
    for position, (key, value) in enumerate(tags.items()):
        key_violations = validate_shape(tag.members["Key"], key)
        for violation in key_violations:
            failures.append(Failure("tags", f"key #{position + 1}: {_reason(violation)}"))
        # A key that breaks the key rules is not shown: it may be part of a secret map.
        name = f"tags.{key}" if not key_violations else f"tags (key #{position + 1})"
        if key == OWNER_TAG:
            failures.append(
                Failure(name, "is reserved: this package sets it to name the contact's owner")
            )
        if value is None:
            failures.append(Failure(name, "must be a string (remove the key to drop the tag)"))
        elif not _is_unknown(value):
            for violation in validate_shape(tag.members["Value"], value):
                failures.append(Failure(name, _reason(violation)))
    return failures


def _target_failures(contact_type: Any, plan: Mapping[str, Any]) -> list[Failure]:
    stages = plan.get("stages")
    if not isinstance(stages, list):
        return []
    wanted = {"PERSONAL": "channelTargetInfo", "ESCALATION": "contactTargetInfo"}.get(contact_type)
    failures = []
    if len(stages) > MAX_STAGES:
        failures.append(
            Failure("plan.stages", f"must have at most {MAX_STAGES} stages (got {len(stages)})")
        )
    total_targets = 0
    for s, stage in enumerate(stages):
        targets = stage.get("targets") if isinstance(stage, Mapping) else None
        if not isinstance(targets, list):
            continue
        total_targets += len(targets)
        if not targets and stage.get("durationInMinutes") == 0:
            failures.append(
                Failure(
                    f"plan.stages[{s}].durationInMinutes",
                    "can only be 0 if the stage has a target (AWS's Stage rule)",
                )
            )
        for t, target in enumerate(targets):
            if not isinstance(target, Mapping):
                continue
            path = f"plan.stages[{s}].targets[{t}]"
            kinds = [k for k in ("channelTargetInfo", "contactTargetInfo") if target.get(k)]
            if len(kinds) != 1:
                failures.append(
                    Failure(path, "must set exactly one of channelTargetInfo or contactTargetInfo")
                )
            elif kinds == ["contactTargetInfo"] and _lacks(
                target["contactTargetInfo"], "contactId"
            ):
                failures.append(
                    Failure(
                        f"{path}.contactTargetInfo.contactId", "must be set: the contact to engage"
                    )
                )
            elif wanted and kinds[0] != wanted:
                what = "contact channels" if wanted == "channelTargetInfo" else "contacts"
                failures.append(
                    Failure(
                        f"{path}.{kinds[0]}",
                        f"a {contact_type} contact's plan engages {what}: use {wanted}",
                    )
                )
    if total_targets > MAX_PLAN_TARGETS:
        failures.append(
            Failure("plan.stages", f"must have at most {MAX_PLAN_TARGETS} targets in all")
        )
    return failures


def _lacks(info: Any, key: str) -> bool:
    return isinstance(info, Mapping) and info.get(key) is None


def _type_failures(bag: Mapping[str, Any]) -> list[Failure]:
    contact_type = bag.get("type")
    plan = bag.get("plan")
    if _is_unknown(contact_type) or not isinstance(plan, Mapping):
        return []
    stages = plan.get("stages")
    rotation_ids = plan.get("rotationIds")
    failures = []
    if contact_type == "ONCALL_SCHEDULE":
        if stages and not _is_unknown(stages):
            failures.append(
                Failure("plan.stages", "an ONCALL_SCHEDULE contact cannot have stages in its plan")
            )
        if not rotation_ids:
            failures.append(
                Failure(
                    "plan.rotationIds", "an ONCALL_SCHEDULE contact needs at least one rotation"
                )
            )
    elif contact_type in ("PERSONAL", "ESCALATION") and rotation_ids:
        failures.append(
            Failure(
                "plan.rotationIds",
                f"only ONCALL_SCHEDULE contacts have rotations, not {contact_type} contacts",
            )
        )
    return failures + _target_failures(contact_type, plan)


def validate(bag: Mapping[str, Any]) -> list[Failure]:
    """Every failure of a normalized Contact bag; empty when it can be created."""
    failures = _model_failures(bag) + _tag_failures(bag.get("tags"))
    import_arn = bag.get(contact_bag.IMPORT_KEY)
    if import_arn is not None and not _is_unknown(import_arn):
        arn_shape = input_shape("GetContact").members["ContactId"]
        failures.extend(
            Failure(contact_bag.IMPORT_KEY, f"import_ {_reason(v)}")
            for v in validate_shape(arn_shape, import_arn)
        )
    failures.extend(_region_failures(bag.get("region")))
    owner = bag.get(OWNER_KEY)
    if owner is not None and not _is_unknown(owner) and not isinstance(owner, str):
        failures.append(Failure(OWNER_KEY, "must be a string (set by the Contact resource)"))
    return failures + _type_failures(bag)


def _region_failures(region: Any) -> list[Failure]:
    if region is None or _is_unknown(region):
        return []
    if not isinstance(region, str):
        return [Failure("region", "must be a string such as 'us-east-2'")]
    problem = region_problem(region)
    return [Failure("region", problem)] if problem else []


def validate_news(news: Mapping[str, Any], bag: Mapping[str, Any]) -> list[Failure]:
    """Every failure of a program's raw inputs ``news`` and their normalized ``bag``."""
    return _unknown_keys(news) + validate(bag)
