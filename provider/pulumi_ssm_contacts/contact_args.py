"""Input types of ``Contact``: an ``...Args`` dataclass and an ``...ArgsDict`` for each.

Python names are snake_case; ``to_bag`` turns any of them (or plain dicts, or
Outputs of them) into the camelCase property bag the engine stores.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any, Literal, NotRequired, TypedDict

import pulumi

ContactType = Literal["PERSONAL", "ESCALATION", "ONCALL_SCHEDULE"]


@dataclasses.dataclass(frozen=True)
class ChannelTargetInfoArgs:
    """Engage one of the contact's channels (a PERSONAL contact's plan)."""

    contact_channel_id: pulumi.Input[str]
    """ARN of the contact channel to engage."""
    retry_interval_in_minutes: pulumi.Input[int] | None = None
    """Minutes to wait before retrying a failed engagement (0-60)."""


class ChannelTargetInfoArgsDict(TypedDict):
    """Dict form of :class:`ChannelTargetInfoArgs`."""

    contact_channel_id: pulumi.Input[str]
    retry_interval_in_minutes: NotRequired[pulumi.Input[int] | None]


@dataclasses.dataclass(frozen=True)
class ContactTargetInfoArgs:
    """Engage another contact (an ESCALATION contact's plan)."""

    is_essential: pulumi.Input[bool]
    """Whether this contact must acknowledge for the stage to be done."""
    contact_id: pulumi.Input[str] | None = None
    """ARN of the contact to engage."""


class ContactTargetInfoArgsDict(TypedDict):
    """Dict form of :class:`ContactTargetInfoArgs`."""

    is_essential: pulumi.Input[bool]
    contact_id: NotRequired[pulumi.Input[str] | None]


@dataclasses.dataclass(frozen=True)
class TargetArgs:
    """What a stage engages: exactly one of a channel or a contact."""

    channel_target_info: pulumi.Input[ChannelTargetInfoArgs | ChannelTargetInfoArgsDict] | None = (
        None
    )
    """A contact channel to engage."""
    contact_target_info: pulumi.Input[ContactTargetInfoArgs | ContactTargetInfoArgsDict] | None = (
        None
    )
    """A contact to engage."""


class TargetArgsDict(TypedDict):
    """Dict form of :class:`TargetArgs`."""

    channel_target_info: NotRequired[
        pulumi.Input[ChannelTargetInfoArgs | ChannelTargetInfoArgsDict] | None
    ]
    contact_target_info: NotRequired[
        pulumi.Input[ContactTargetInfoArgs | ContactTargetInfoArgsDict] | None
    ]


@dataclasses.dataclass(frozen=True)
class StageArgs:
    """A step of a plan: engage the targets, then wait before the next stage."""

    duration_in_minutes: pulumi.Input[int]
    """Minutes before the next stage starts (0-30)."""
    targets: pulumi.Input[Sequence[pulumi.Input[TargetArgs | TargetArgsDict]]]
    """Channels or contacts this stage engages."""


class StageArgsDict(TypedDict):
    """Dict form of :class:`StageArgs`."""

    duration_in_minutes: pulumi.Input[int]
    targets: pulumi.Input[Sequence[pulumi.Input[TargetArgs | TargetArgsDict]]]


@dataclasses.dataclass(frozen=True)
class PlanArgs:
    """How a contact is engaged: stages (PERSONAL, ESCALATION) or rotations (ONCALL_SCHEDULE)."""

    stages: pulumi.Input[Sequence[pulumi.Input[StageArgs | StageArgsDict]]] | None = None
    """Stages run in order; PERSONAL and ESCALATION contacts use these."""
    rotation_ids: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None
    """ARNs of the on-call rotations of an ONCALL_SCHEDULE contact."""


class PlanArgsDict(TypedDict):
    """Dict form of :class:`PlanArgs`."""

    stages: NotRequired[pulumi.Input[Sequence[pulumi.Input[StageArgs | StageArgsDict]]] | None]
    rotation_ids: NotRequired[pulumi.Input[Sequence[pulumi.Input[str]]] | None]


@dataclasses.dataclass(frozen=True)
class ContactArgs:
    """All inputs of a :class:`Contact`, for passing them around as one value."""

    alias: pulumi.Input[str]
    """Unique short name of the contact in its account and region; changing it replaces it."""
    type: pulumi.Input[ContactType]
    """``PERSONAL``, ``ESCALATION`` or ``ONCALL_SCHEDULE``; changing it replaces the contact."""
    display_name: pulumi.Input[str] | None = None
    """Full name shown in Incident Manager."""
    plan: pulumi.Input[PlanArgs | PlanArgsDict] | None = None
    """Engagement or escalation plan; empty when omitted."""
    tags: pulumi.Input[Mapping[str, pulumi.Input[str]]] | None = None
    """Tags of the contact (at most 50)."""
    region: pulumi.Input[str] | None = None
    """AWS region; defaults to ``aws:region`` config, then the environment."""


class ContactArgsDict(TypedDict):
    """Dict form of :class:`ContactArgs`."""

    alias: pulumi.Input[str]
    type: pulumi.Input[ContactType]
    display_name: NotRequired[pulumi.Input[str] | None]
    plan: NotRequired[pulumi.Input[PlanArgs | PlanArgsDict] | None]
    tags: NotRequired[pulumi.Input[Mapping[str, pulumi.Input[str]]] | None]
    region: NotRequired[pulumi.Input[str] | None]


def camel(name: str) -> str:
    """``duration_in_minutes`` -> ``durationInMinutes`` (camelCase names pass unchanged)."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def to_bag(value: Any) -> Any:
    """A plan-like input (Args, dicts, lists, Outputs of them) in bag form: camelCase keys."""
    if isinstance(value, pulumi.Output):
        return value.apply(to_bag)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {camel(k): to_bag(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [to_bag(v) for v in value]
    return value
