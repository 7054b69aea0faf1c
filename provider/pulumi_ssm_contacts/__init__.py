"""Declare AWS Systems Manager Incident Manager contacts in Pulumi programs.

``Contact``, ``ContactChannel`` and ``ContactPlan`` are dynamic-provider resources over
the ``ssm-contacts`` API (docs/resources.md); the
``emulator`` subpackage (extra ``pulumi-ssm-contacts[emulator]``) serves that API
offline for tests and demos.
"""

__version__ = "0.1.0"

from ._inputs import (
    ChannelTargetInfoArgs,
    ChannelTargetInfoArgsDict,
    ChannelType,
    ContactEngagementPlanArgs,
    ContactEngagementPlanArgsDict,
    ContactTargetInfoArgs,
    ContactTargetInfoArgsDict,
    ContactType,
    PlanArgs,
    PlanArgsDict,
    PlanStageArgs,
    PlanStageArgsDict,
    PlanStageTargetArgs,
    PlanStageTargetArgsDict,
    PlanStageTargetChannelTargetInfoArgs,
    PlanStageTargetChannelTargetInfoArgsDict,
    PlanStageTargetContactTargetInfoArgs,
    PlanStageTargetContactTargetInfoArgsDict,
    RotationRecurrenceArgs,
    RotationRecurrenceArgsDict,
    RotationRecurrenceHandOffTimeArgs,
    RotationRecurrenceHandOffTimeArgsDict,
    RotationRecurrenceMonthlySettingArgs,
    RotationRecurrenceMonthlySettingArgsDict,
    RotationRecurrenceShiftCoverageArgs,
    RotationRecurrenceShiftCoverageArgsDict,
    RotationRecurrenceWeeklySettingArgs,
    RotationRecurrenceWeeklySettingArgsDict,
    StageArgs,
    StageArgsDict,
    TargetArgs,
    TargetArgsDict,
)
from .aws_errors import ContactError
from .contact import Contact, ContactArgs, ContactArgsDict
from .contact_channel import ContactChannel, ContactChannelArgs, ContactChannelArgsDict
from .contact_channel_provider import ContactChannelProvider
from .contact_plan import ContactPlan, ContactPlanArgs, ContactPlanArgsDict
from .contact_plan_provider import ContactPlanProvider
from .contact_provider import ContactProvider
from .rotation import Rotation, RotationArgs, RotationArgsDict
from .rotation_provider import RotationProvider

__all__ = [
    "ChannelTargetInfoArgs",
    "ChannelTargetInfoArgsDict",
    "ChannelType",
    "Contact",
    "ContactArgs",
    "ContactArgsDict",
    "ContactChannel",
    "ContactChannelArgs",
    "ContactChannelArgsDict",
    "ContactChannelProvider",
    "ContactEngagementPlanArgs",
    "ContactEngagementPlanArgsDict",
    "ContactError",
    "ContactPlan",
    "ContactPlanArgs",
    "ContactPlanArgsDict",
    "ContactPlanProvider",
    "ContactProvider",
    "ContactTargetInfoArgs",
    "ContactTargetInfoArgsDict",
    "ContactType",
    "PlanArgs",
    "PlanArgsDict",
    "PlanStageArgs",
    "PlanStageArgsDict",
    "PlanStageTargetArgs",
    "PlanStageTargetArgsDict",
    "PlanStageTargetChannelTargetInfoArgs",
    "PlanStageTargetChannelTargetInfoArgsDict",
    "PlanStageTargetContactTargetInfoArgs",
    "PlanStageTargetContactTargetInfoArgsDict",
    "Rotation",
    "RotationArgs",
    "RotationArgsDict",
    "RotationProvider",
    "RotationRecurrenceArgs",
    "RotationRecurrenceArgsDict",
    "RotationRecurrenceHandOffTimeArgs",
    "RotationRecurrenceHandOffTimeArgsDict",
    "RotationRecurrenceMonthlySettingArgs",
    "RotationRecurrenceMonthlySettingArgsDict",
    "RotationRecurrenceShiftCoverageArgs",
    "RotationRecurrenceShiftCoverageArgsDict",
    "RotationRecurrenceWeeklySettingArgs",
    "RotationRecurrenceWeeklySettingArgsDict",
    "StageArgs",
    "StageArgsDict",
    "TargetArgs",
    "TargetArgsDict",
    "__version__",
]
