"""Nested input types, each named after its owner, as an ``...Args`` dataclass and an
``...ArgsDict`` TypedDict (plain dicts with snake_case keys work too).

Stages, targets and target infos are the same for a ``Contact``'s inline plan and a
``ContactPlan``; they are named as pulumi-aws names them for ``aws.ssmcontacts.Plan``.
The names of release 0.1.0 (``PlanArgs``, ``StageArgs``, ``TargetArgs``...) stay
importable as aliases.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any, Literal, NotRequired, TypedDict

import pulumi

ContactType = Literal["PERSONAL", "ESCALATION", "ONCALL_SCHEDULE"]
ChannelType = Literal["SMS", "VOICE", "EMAIL"]


@dataclasses.dataclass(frozen=True)
class PlanStageTargetChannelTargetInfoArgs:
    """Engage one of the contact's channels (a PERSONAL contact's plan)."""

    contact_channel_id: pulumi.Input[str]
    """ARN of the contact channel to engage."""
    retry_interval_in_minutes: pulumi.Input[int] | None = None
    """Minutes to wait before retrying a failed engagement (0-60)."""


class PlanStageTargetChannelTargetInfoArgsDict(TypedDict):
    """Dict form of :class:`PlanStageTargetChannelTargetInfoArgs`."""

    contact_channel_id: pulumi.Input[str]
    """ARN of the contact channel to engage."""
    retry_interval_in_minutes: NotRequired[pulumi.Input[int] | None]
    """Minutes to wait before retrying a failed engagement (0-60)."""


@dataclasses.dataclass(frozen=True)
class PlanStageTargetContactTargetInfoArgs:
    """Engage another contact (an ESCALATION contact's plan)."""

    is_essential: pulumi.Input[bool]
    """Whether this contact must acknowledge for the stage to be done."""
    contact_id: pulumi.Input[str] | None = None
    """ARN of the contact to engage (required)."""


class PlanStageTargetContactTargetInfoArgsDict(TypedDict):
    """Dict form of :class:`PlanStageTargetContactTargetInfoArgs`."""

    is_essential: pulumi.Input[bool]
    """Whether this contact must acknowledge for the stage to be done."""
    contact_id: NotRequired[pulumi.Input[str] | None]
    """ARN of the contact to engage (required)."""


@dataclasses.dataclass(frozen=True)
class PlanStageTargetArgs:
    """What a stage engages: exactly one of a channel or a contact."""

    channel_target_info: (
        pulumi.Input[
            PlanStageTargetChannelTargetInfoArgs | PlanStageTargetChannelTargetInfoArgsDict
        ]
        | None
    ) = None
    """A contact channel to engage."""
    contact_target_info: (
        pulumi.Input[
            PlanStageTargetContactTargetInfoArgs | PlanStageTargetContactTargetInfoArgsDict
        ]
        | None
    ) = None
    """A contact to engage."""


class PlanStageTargetArgsDict(TypedDict):
    """Dict form of :class:`PlanStageTargetArgs`."""

    channel_target_info: NotRequired[
        pulumi.Input[
            PlanStageTargetChannelTargetInfoArgs | PlanStageTargetChannelTargetInfoArgsDict
        ]
        | None
    ]
    """A contact channel to engage."""
    contact_target_info: NotRequired[
        pulumi.Input[
            PlanStageTargetContactTargetInfoArgs | PlanStageTargetContactTargetInfoArgsDict
        ]
        | None
    ]
    """A contact to engage."""


@dataclasses.dataclass(frozen=True)
class PlanStageArgs:
    """A step of a plan: engage the targets, then wait before the next stage."""

    duration_in_minutes: pulumi.Input[int]
    """Minutes before the next stage starts (0-30; 0 only with a target)."""
    targets: pulumi.Input[Sequence[pulumi.Input[PlanStageTargetArgs | PlanStageTargetArgsDict]]]
    """Channels or contacts this stage engages."""


class PlanStageArgsDict(TypedDict):
    """Dict form of :class:`PlanStageArgs`."""

    duration_in_minutes: pulumi.Input[int]
    """Minutes before the next stage starts (0-30; 0 only with a target)."""
    targets: pulumi.Input[Sequence[pulumi.Input[PlanStageTargetArgs | PlanStageTargetArgsDict]]]
    """Channels or contacts this stage engages."""


StageList = pulumi.Input[Sequence[pulumi.Input[PlanStageArgs | PlanStageArgsDict]]]


@dataclasses.dataclass(frozen=True)
class ContactEngagementPlanArgs:
    """A ``Contact``'s inline plan: stages (PERSONAL, ESCALATION) or rotations (ONCALL_SCHEDULE)."""

    stages: StageList | None = None
    """Stages run in order; PERSONAL and ESCALATION contacts use these."""
    rotation_ids: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None
    """ARNs of the on-call rotations of an ONCALL_SCHEDULE contact."""


class ContactEngagementPlanArgsDict(TypedDict):
    """Dict form of :class:`ContactEngagementPlanArgs`."""

    stages: NotRequired[StageList | None]
    """Stages run in order; PERSONAL and ESCALATION contacts use these."""
    rotation_ids: NotRequired[pulumi.Input[Sequence[pulumi.Input[str]]] | None]
    """ARNs of the on-call rotations of an ONCALL_SCHEDULE contact."""


# The names of release 0.1.0: programs written against it keep working.
ChannelTargetInfoArgs = PlanStageTargetChannelTargetInfoArgs
ChannelTargetInfoArgsDict = PlanStageTargetChannelTargetInfoArgsDict
ContactTargetInfoArgs = PlanStageTargetContactTargetInfoArgs
ContactTargetInfoArgsDict = PlanStageTargetContactTargetInfoArgsDict
TargetArgs = PlanStageTargetArgs
TargetArgsDict = PlanStageTargetArgsDict
StageArgs = PlanStageArgs
StageArgsDict = PlanStageArgsDict
PlanArgs = ContactEngagementPlanArgs
PlanArgsDict = ContactEngagementPlanArgsDict


DayOfWeek = Literal["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"]


@dataclasses.dataclass(frozen=True)
class RotationRecurrenceHandOffTimeArgs:
    """A time of day in the rotation's time zone."""

    hour_of_day: pulumi.Input[int]
    """0-23."""
    minute_of_hour: pulumi.Input[int]
    """0-59."""


class RotationRecurrenceHandOffTimeArgsDict(TypedDict):
    """Dict form of :class:`RotationRecurrenceHandOffTimeArgs`."""

    hour_of_day: pulumi.Input[int]
    """0-23."""
    minute_of_hour: pulumi.Input[int]
    """0-59."""


HandOff = pulumi.Input[RotationRecurrenceHandOffTimeArgs | RotationRecurrenceHandOffTimeArgsDict]


@dataclasses.dataclass(frozen=True)
class RotationRecurrenceWeeklySettingArgs:
    """A weekly hand-off: on this day, at this time."""

    day_of_week: pulumi.Input[DayOfWeek]
    """``MON`` ... ``SUN``."""
    hand_off_time: HandOff
    """When the shift changes hands."""


class RotationRecurrenceWeeklySettingArgsDict(TypedDict):
    """Dict form of :class:`RotationRecurrenceWeeklySettingArgs`."""

    day_of_week: pulumi.Input[DayOfWeek]
    """``MON`` ... ``SUN``."""
    hand_off_time: HandOff
    """When the shift changes hands."""


@dataclasses.dataclass(frozen=True)
class RotationRecurrenceMonthlySettingArgs:
    """A monthly hand-off: on this day of the month, at this time."""

    day_of_month: pulumi.Input[int]
    """1-31."""
    hand_off_time: HandOff
    """When the shift changes hands."""


class RotationRecurrenceMonthlySettingArgsDict(TypedDict):
    """Dict form of :class:`RotationRecurrenceMonthlySettingArgs`."""

    day_of_month: pulumi.Input[int]
    """1-31."""
    hand_off_time: HandOff
    """When the shift changes hands."""


@dataclasses.dataclass(frozen=True)
class RotationRecurrenceShiftCoverageArgs:
    """Hours of a day when someone is on call (outside them, nobody is)."""

    start: HandOff
    """Start of the covered hours."""
    end: HandOff
    """End of the covered hours."""


class RotationRecurrenceShiftCoverageArgsDict(TypedDict):
    """Dict form of :class:`RotationRecurrenceShiftCoverageArgs`."""

    start: HandOff
    """Start of the covered hours."""
    end: HandOff
    """End of the covered hours."""


@dataclasses.dataclass(frozen=True)
class RotationRecurrenceArgs:
    """How a rotation's shifts recur: exactly one of daily, weekly or monthly hand-offs."""

    number_of_on_calls: pulumi.Input[int]
    """Contacts on call at once (at most the number of contacts)."""
    recurrence_multiplier: pulumi.Input[int]
    """Hand off every Nth recurrence (1-100): 2 with weekly settings is every two weeks."""
    daily_settings: pulumi.Input[Sequence[HandOff]] | None = None
    """Hand-off times of every day."""
    weekly_settings: (
        pulumi.Input[
            Sequence[
                pulumi.Input[
                    RotationRecurrenceWeeklySettingArgs | RotationRecurrenceWeeklySettingArgsDict
                ]
            ]
        ]
        | None
    ) = None
    """Hand-offs on days of the week."""
    monthly_settings: (
        pulumi.Input[
            Sequence[
                pulumi.Input[
                    RotationRecurrenceMonthlySettingArgs | RotationRecurrenceMonthlySettingArgsDict
                ]
            ]
        ]
        | None
    ) = None
    """Hand-offs on days of the month."""
    shift_coverages: (
        pulumi.Input[
            Mapping[
                str,
                Sequence[
                    RotationRecurrenceShiftCoverageArgs | RotationRecurrenceShiftCoverageArgsDict
                ],
            ]
        ]
        | None
    ) = None
    """Covered hours per day (``{"MON": [...]}``); days left out are not covered."""


class RotationRecurrenceArgsDict(TypedDict):
    """Dict form of :class:`RotationRecurrenceArgs`."""

    number_of_on_calls: pulumi.Input[int]
    """Contacts on call at once (at most the number of contacts)."""
    recurrence_multiplier: pulumi.Input[int]
    """Hand off every Nth recurrence (1-100)."""
    daily_settings: NotRequired[pulumi.Input[Sequence[HandOff]] | None]
    """Hand-off times of every day."""
    weekly_settings: NotRequired[Any]
    """Hand-offs on days of the week."""
    monthly_settings: NotRequired[Any]
    """Hand-offs on days of the month."""
    shift_coverages: NotRequired[Any]
    """Covered hours per day (``{"MON": [...]}``)."""
