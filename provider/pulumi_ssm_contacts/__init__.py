"""Declare AWS Systems Manager Incident Manager contacts in Pulumi programs.

``Contact`` is a dynamic-provider resource over the ``ssm-contacts`` API; the
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
    StageArgs,
    StageArgsDict,
    TargetArgs,
    TargetArgsDict,
)
from .aws_errors import ContactError
from .contact import Contact, ContactArgs, ContactArgsDict
from .contact_provider import ContactProvider

__all__ = [
    "ChannelTargetInfoArgs",
    "ChannelTargetInfoArgsDict",
    "ChannelType",
    "Contact",
    "ContactArgs",
    "ContactArgsDict",
    "ContactEngagementPlanArgs",
    "ContactEngagementPlanArgsDict",
    "ContactError",
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
    "StageArgs",
    "StageArgsDict",
    "TargetArgs",
    "TargetArgsDict",
    "__version__",
]
