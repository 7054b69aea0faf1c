"""The rules of an engagement plan that the API reference states but the model cannot.

Shared by ``Contact`` (its ``plan``) and ``ContactPlan`` (its ``stages`` and
``rotationIds``). A contact type of None means "not known here" (ContactPlan): the
rules that need it are then checked against the plan's own content.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from ..core.bag import arn_alias, arn_kind
from ..core.validation import Failure, is_unknown

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts.type_defs import PlanTypeDef

MAX_STAGES = 100
"""Our bound on a plan's stages (AWS's API reference states none; 100 stages of up to 30
minutes is over two days of escalation). It keeps an absurd plan out of preview."""

MAX_PLAN_TARGETS = 1000
"""Our bound on the targets of a whole plan, for the same reason."""

MAX_ROTATIONS = 8
"""AWS's limit: "Each on-call schedule supports up to eight rotations" (Incident Manager user
guide, "Managing responder rotations with on-call schedules"). The model allows 25 IDs."""

TARGET_KINDS = ("channelTargetInfo", "contactTargetInfo")
TARGET_ARNS = {"channelTargetInfo": "contactChannelId", "contactTargetInfo": "contactId"}
ARN_WANTED = {"contactChannelId": "contact-channel", "contactId": "contact"}
ARN_SHAPES = {
    "contact": "a contact's ARN (arn:aws:ssm-contacts:<region>:<account>:contact/<alias>)",
    "contact-channel": "a contact channel's ARN (...:contact-channel/<alias>/<id>)",
    "rotation": "a rotation's ARN (...:rotation/<id>)",
}
ENGAGES = {"PERSONAL": "channelTargetInfo", "ESCALATION": "contactTargetInfo"}


ARN_ADVICE = {
    ("contact", "rotation"): "a rotation is engaged through an ONCALL_SCHEDULE contact's "
    "rotationIds: name that contact",
    ("contact", "contact-channel"): "a channel is engaged from its own contact's plan "
    "(channelTargetInfo): name the contact",
    ("contact-channel", "contact"): "a contact is engaged from an ESCALATION contact's plan "
    "(contactTargetInfo)",
    ("contact-channel", "rotation"): "a rotation is engaged through an ONCALL_SCHEDULE "
    "contact's rotationIds",
    ("rotation", "contact"): "contacts are engaged from an ESCALATION contact's plan",
    ("rotation", "contact-channel"): "channels are engaged from their contact's plan",
}
"""What to write instead, by (the ARN kind a member wants, the kind it got)."""


def arn_kind_failure(path: str, value: Any, wanted: str) -> list[Failure]:
    """A known ssm-contacts ARN of the wrong kind (a channel's where a contact's belongs).

    AWS answers such a request at ``up`` only, with a bare ResourceNotFoundException or a
    ValidationException; the ARN's resource type says it already.
    """
    kind = arn_kind(value)
    if kind is None or kind == wanted or is_unknown(value):
        return []
    got = ARN_SHAPES[kind].split(" (")[0]
    advice = ARN_ADVICE.get((wanted, kind))
    rule = f"must be {ARN_SHAPES[wanted]}, not {got}" + (f": {advice}" if advice else "")
    return [Failure(path, rule)]


def plan_failures(
    contact_type: Any, plan: Mapping[str, Any], prefix: str, alias: Any = None
) -> list[Failure]:
    """Failures of a normalized plan (``{"stages": [...], "rotationIds": [...]}``).

    ``prefix`` is the plan's place in the bag: ``"plan."`` for a Contact, ``""`` for a
    ContactPlan, whose stages and rotation IDs are top-level inputs. ``alias`` is the alias
    of the plan's contact when it is known: a PERSONAL plan engages that contact's channels.
    """
    if is_unknown(contact_type):
        contact_type = None
    stages = plan.get("stages")
    rotation_ids = plan.get("rotationIds")
    failures = []
    if contact_type == "ONCALL_SCHEDULE":
        if stages and not is_unknown(stages):
            failures.append(
                Failure(f"{prefix}stages", "an ONCALL_SCHEDULE contact cannot have stages")
            )
        if not rotation_ids:
            failures.append(
                Failure(
                    f"{prefix}rotationIds", "an ONCALL_SCHEDULE contact needs at least one rotation"
                )
            )
    elif contact_type in ENGAGES and rotation_ids:
        failures.append(
            Failure(
                f"{prefix}rotationIds",
                f"only ONCALL_SCHEDULE contacts have rotations, not {contact_type} contacts",
            )
        )
    elif contact_type is None and stages and rotation_ids and not is_unknown(stages):
        failures.append(
            Failure(
                f"{prefix}rotationIds",
                "a plan has stages (PERSONAL, ESCALATION) or rotations (ONCALL_SCHEDULE), not both",
            )
        )
    if isinstance(rotation_ids, list):
        if MAX_ROTATIONS < len(rotation_ids) <= _model_max_rotations():
            # Past the model's own maximum the model's rule says it: one problem, once.
            failures.append(
                Failure(
                    f"{prefix}rotationIds",
                    f"must have at most {MAX_ROTATIONS} rotations (got {len(rotation_ids)}): "
                    "AWS's limit per on-call schedule",
                )
            )
        for r, rotation_id in enumerate(rotation_ids):
            failures += arn_kind_failure(f"{prefix}rotationIds[{r}]", rotation_id, "rotation")
    if isinstance(stages, list):
        failures += _stage_failures(contact_type, stages, prefix, alias)
    return failures


def _stage_failures(contact_type: Any, stages: list[Any], prefix: str, alias: Any) -> list[Failure]:
    failures = []
    if len(stages) > MAX_STAGES:
        failures.append(
            Failure(f"{prefix}stages", f"must have at most {MAX_STAGES} stages (got {len(stages)})")
        )
    wanted = ENGAGES.get(contact_type) if contact_type else None
    kinds_seen: set[str] = set()
    total = 0
    for s, stage in enumerate(stages):
        targets = stage.get("targets") if isinstance(stage, Mapping) else None
        if not isinstance(targets, list):
            continue
        total += len(targets)
        if not targets and stage.get("durationInMinutes") == 0:
            failures.append(
                Failure(
                    f"{prefix}stages[{s}].durationInMinutes",
                    "can only be 0 if the stage has a target (AWS's Stage rule)",
                )
            )
        for t, target in enumerate(targets):
            if not isinstance(target, Mapping):
                continue
            path = f"{prefix}stages[{s}].targets[{t}]"
            kinds = [k for k in TARGET_KINDS if target.get(k)]
            if len(kinds) != 1:
                failures.append(
                    Failure(path, "must set exactly one of channelTargetInfo or contactTargetInfo")
                )
                continue
            kind = kinds[0]
            kinds_seen.add(kind)
            info = target[kind]
            if (
                kind == "contactTargetInfo"
                and isinstance(info, Mapping)
                and info.get("contactId") is None
            ):
                failures.append(
                    Failure(
                        f"{path}.contactTargetInfo.contactId", "must be set: the contact to engage"
                    )
                )
            if isinstance(info, Mapping):
                failures += _target_arn_failures(f"{path}.{kind}", kind, info, alias)
            if wanted and kind != wanted:
                what = "contact channels" if wanted == "channelTargetInfo" else "contacts"
                failures.append(
                    Failure(
                        f"{path}.{kind}",
                        f"{_article(contact_type)} {contact_type} contact's plan engages "
                        f"{what}: use {wanted}",
                    )
                )
    if wanted is None and len(kinds_seen) > 1:
        failures.append(
            Failure(
                f"{prefix}stages",
                "engages channels (a PERSONAL contact's plan) or contacts (an ESCALATION "
                "contact's plan), not both",
            )
        )
    if total > MAX_PLAN_TARGETS:
        failures.append(
            Failure(f"{prefix}stages", f"must have at most {MAX_PLAN_TARGETS} targets in all")
        )
    return failures


def _target_arn_failures(
    path: str, kind: str, info: Mapping[str, Any], alias: Any
) -> list[Failure]:
    """A target's ARN is of its kind; a channel target names the plan's own contact's channel."""
    member = TARGET_ARNS[kind]
    arn = info.get(member)
    found = arn_kind_failure(f"{path}.{member}", arn, ARN_WANTED[member])
    if found or member != "contactChannelId" or is_unknown(alias) or not alias:
        return found
    owner = arn_alias(arn)
    if owner is not None and owner != alias:
        return [
            Failure(
                f"{path}.{member}",
                "must be a channel of this plan's own contact: a contact's plan engages its own "
                "channels (the ARN names another contact's channel); to engage another "
                "contact, use an ESCALATION contact's plan",
            )
        ]
    return []


def plan_warnings(plan: Mapping[str, Any], prefix: str, alias: Any = None) -> list[Failure]:
    """Likely mistakes in a normalized plan that AWS accepts: a target twice in one stage,
    a rotation twice, an escalation plan that engages its own contact."""
    warnings: list[Failure] = []
    rotation_ids = plan.get("rotationIds")
    if isinstance(rotation_ids, list):
        warnings += repeats(rotation_ids, f"{prefix}rotationIds", "the same rotation")
    stages = plan.get("stages")
    if not isinstance(stages, list):
        return warnings
    for s, stage in enumerate(stages):
        targets = stage.get("targets") if isinstance(stage, Mapping) else None
        if not isinstance(targets, list):
            continue
        engaged = [_engaged(target) for target in targets]
        warnings += repeats(engaged, f"{prefix}stages[{s}].targets", "the same target")
        for t, arn in enumerate(engaged):
            if (
                alias
                and not is_unknown(alias)
                and arn_kind(arn) == "contact"
                and arn_alias(arn) == alias
            ):
                warnings.append(
                    Failure(
                        f"{prefix}stages[{s}].targets[{t}].contactTargetInfo.contactId",
                        "engages the plan's own contact: an escalation plan that engages "
                        "itself is almost surely a mistake",
                    )
                )
    return warnings


def _engaged(target: Any) -> Any:
    """The ARN a target engages (None when it is not known here)."""
    if not isinstance(target, Mapping):
        return None
    for kind, member in TARGET_ARNS.items():
        info = target.get(kind)
        if isinstance(info, Mapping) and info.get(member) is not None:
            return info[member]
    return None


def repeats(values: list[Any], path: str, what: str) -> list[Failure]:
    """``path[i]`` for each known value that an earlier one repeats."""
    seen: dict[Any, int] = {}
    out = []
    for index, value in enumerate(values):
        if not isinstance(value, str) or is_unknown(value):
            continue
        if value in seen:
            first = f"{path.rsplit('.', 1)[-1]}[{seen[value]}]"
            out.append(Failure(f"{path}[{index}]", f"is {what} as {first}"))
        else:
            seen[value] = index
    return out


def _model_max_rotations() -> int:
    """The model's maximum of ``Plan.RotationIds`` (25, above AWS's documented eight)."""
    from botocore.model import StructureShape

    from ..core.service_model import service_model

    plan = service_model().shape_for("Plan")
    assert isinstance(plan, StructureShape)
    return int(plan.members["RotationIds"].metadata.get("max", 0))


def _article(word: str) -> str:
    return "an" if word[:1] in "AEIOU" else "a"


def plan_request(plan: Mapping[str, Any]) -> PlanTypeDef:
    """A normalized plan as the API's ``Plan`` member. A plan of rotations leaves out its
    empty ``Stages``: AWS refuses ``Stages: []`` on an on-call schedule as "ONCALL SCHEDULE
    contact cannot have stages in plan" (hashicorp/terraform-provider-aws#39758), and the
    model requires neither member."""
    from ..core.bag import to_api

    request: dict[str, Any] = to_api(plan)
    if request.get("RotationIds") and not request.get("Stages"):
        request.pop("Stages", None)
    return cast("PlanTypeDef", request)


def normalize_plan(plan: Any) -> Any:
    """A plan in canonical form: ``None`` members dropped, no empty ``rotationIds``.

    Keys the API does not have are kept, so that check reports them.
    """
    from ..core.bag import clean

    if not isinstance(plan, Mapping):
        return plan  # unknown at preview, or a type error that check reports
    out: dict[str, Any] = {"stages": clean(plan.get("stages") or [])}
    rotation_ids = plan.get("rotationIds")
    if rotation_ids:
        out["rotationIds"] = rotation_ids
    known = ("stages", "rotationIds")
    out.update({k: clean(v) for k, v in plan.items() if k not in known and v is not None})
    return out
