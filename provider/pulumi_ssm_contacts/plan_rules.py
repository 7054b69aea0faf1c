"""The rules of an engagement plan that the API reference states but the model cannot.

Shared by ``Contact`` (its ``plan``) and ``ContactPlan`` (its ``stages`` and
``rotationIds``). A contact type of None means "not known here" (ContactPlan): the
rules that need it are then checked against the plan's own content.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .validation import Failure, is_unknown

MAX_STAGES = 100
"""Our bound on a plan's stages (AWS's API reference states none; 100 stages of up to 30
minutes is over two days of escalation). It keeps an absurd plan out of preview."""

MAX_PLAN_TARGETS = 1000
"""Our bound on the targets of a whole plan, for the same reason."""

TARGET_KINDS = ("channelTargetInfo", "contactTargetInfo")
ENGAGES = {"PERSONAL": "channelTargetInfo", "ESCALATION": "contactTargetInfo"}


def plan_failures(contact_type: Any, plan: Mapping[str, Any], prefix: str) -> list[Failure]:
    """Failures of a normalized plan (``{"stages": [...], "rotationIds": [...]}``).

    ``prefix`` is the plan's place in the bag: ``"plan."`` for a Contact, ``""`` for a
    ContactPlan, whose stages and rotation IDs are top-level inputs.
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
    if isinstance(stages, list):
        failures += _stage_failures(contact_type, stages, prefix)
    return failures


def _stage_failures(contact_type: Any, stages: list[Any], prefix: str) -> list[Failure]:
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
            if wanted and kind != wanted:
                what = "contact channels" if wanted == "channelTargetInfo" else "contacts"
                failures.append(
                    Failure(
                        f"{path}.{kind}",
                        f"a {contact_type} contact's plan engages {what}: use {wanted}",
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


def normalize_plan(plan: Any) -> Any:
    """A plan in canonical form: ``None`` members dropped, no empty ``rotationIds``.

    Keys the API does not have are kept, so that check reports them.
    """
    from .bag import clean

    if not isinstance(plan, Mapping):
        return plan  # unknown at preview, or a type error that check reports
    out: dict[str, Any] = {"stages": clean(plan.get("stages") or [])}
    rotation_ids = plan.get("rotationIds")
    if rotation_ids:
        out["rotationIds"] = rotation_ids
    known = ("stages", "rotationIds")
    out.update({k: clean(v) for k, v in plan.items() if k not in known and v is not None})
    return out
