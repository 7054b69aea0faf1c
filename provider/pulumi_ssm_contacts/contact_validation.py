"""Preview-time validation of a Contact property bag: the service model plus type rules.

Every failure names the bag's property path (``plan.stages[0].targets[1].channelTargetInfo``)
and the rule it breaks. Values unknown at preview are skipped: they are checked
again when they are known, before anything is created.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from botocore.model import ListShape, StructureShape
from pulumi.output import Unknown
from pulumi.runtime.rpc import UNKNOWN

from . import contact_bag
from .service_model import Violation, input_shape, validate_shape

MAX_TAGS = 50


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
    rule = violation.rule.removeprefix("Member ")
    if violation.value is None or isinstance(violation.value, (Mapping, list, tuple)):
        return rule
    return f"{rule} (got {violation.value!r})"


def _model_failures(bag: Mapping[str, Any]) -> list[Failure]:
    """Failures of the CreateContact input shape, tags excepted (they are a map here)."""
    shape = input_shape("CreateContact")
    request = contact_bag.create_request({**bag, "tags": None})
    return [
        Failure(v.dotted(lower_first=True), _reason(v))
        for v in validate_shape(shape, request)
        if not _contains_unknown(v.value) and v.path[:1] != ("IdempotencyToken",)
    ]


def _tag_failures(tags: Any) -> list[Failure]:
    if tags is None or _is_unknown(tags):
        return []
    if not isinstance(tags, Mapping):
        return [Failure("tags", "must be a map of strings to strings")]
    failures = []
    if len(tags) > MAX_TAGS:
        failures.append(Failure("tags", f"must have at most {MAX_TAGS} tags (got {len(tags)})"))
    tags_shape = input_shape("CreateContact").members["Tags"]
    assert isinstance(tags_shape, ListShape)
    tag = tags_shape.member
    assert isinstance(tag, StructureShape)
    for key, value in tags.items():
        for violation in validate_shape(tag.members["Key"], key):
            failures.append(Failure("tags", f"key {key!r}: {_reason(violation)}"))
        if not _is_unknown(value):
            for violation in validate_shape(tag.members["Value"], value):
                failures.append(Failure(f"tags.{key}", _reason(violation)))
    return failures


def _target_failures(contact_type: Any, plan: Mapping[str, Any]) -> list[Failure]:
    stages = plan.get("stages")
    if not isinstance(stages, list):
        return []
    wanted = {"PERSONAL": "channelTargetInfo", "ESCALATION": "contactTargetInfo"}.get(contact_type)
    failures = []
    for s, stage in enumerate(stages):
        targets = stage.get("targets") if isinstance(stage, Mapping) else None
        if not isinstance(targets, list):
            continue
        for t, target in enumerate(targets):
            if not isinstance(target, Mapping):
                continue
            path = f"plan.stages[{s}].targets[{t}]"
            kinds = [k for k in ("channelTargetInfo", "contactTargetInfo") if target.get(k)]
            if len(kinds) != 1:
                failures.append(
                    Failure(path, "must set exactly one of channelTargetInfo or contactTargetInfo")
                )
            elif wanted and kinds[0] != wanted:
                what = "contact channels" if wanted == "channelTargetInfo" else "contacts"
                failures.append(
                    Failure(
                        f"{path}.{kinds[0]}",
                        f"a {contact_type} contact's plan engages {what}: use {wanted}",
                    )
                )
    return failures


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
    region = bag.get("region")
    if region is not None and not _is_unknown(region) and not isinstance(region, str):
        failures.append(Failure("region", "must be a string such as 'us-east-2'"))
    return failures + _type_failures(bag)
