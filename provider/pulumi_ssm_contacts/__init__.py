"""Declare AWS Systems Manager Incident Manager contacts in Pulumi programs.

``Contact``, ``ContactChannel`` and ``ContactPlan`` are dynamic-provider resources over
the ``ssm-contacts`` API (docs/resources.md); the
``emulator`` subpackage (extra ``pulumi-ssm-contacts[emulator]``) serves that API
offline for tests and demos.
"""

__version__ = "0.1.0"

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .contact_channel_provider import ContactChannelProvider
    from .contact_plan_provider import ContactPlanProvider
    from .contact_provider import ContactProvider
    from .core.aws_errors import ContactError
    from .dynamic.contact import Contact, ContactArgs, ContactArgsDict
    from .dynamic.contact_channel import ContactChannel, ContactChannelArgs, ContactChannelArgsDict
    from .dynamic.contact_plan import ContactPlan, ContactPlanArgs, ContactPlanArgsDict
    from .dynamic.inputs import (
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
    from .dynamic.rotation import Rotation, RotationArgs, RotationArgsDict
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

_PUBLIC_MODULES = (
    ".dynamic.inputs",
    ".core.aws_errors",
    ".dynamic.contact",
    ".dynamic.contact_channel",
    ".contact_channel_provider",
    ".dynamic.contact_plan",
    ".contact_plan_provider",
    ".contact_provider",
    ".dynamic.rotation",
    ".rotation_provider",
)
"""Where the names above live. They load on the first use of any of them (pulumi with
them), not with the package: the emulator, its harness and pytest plugin, the commands and
a provider process that unpickles one provider import only what they use."""

if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        if name not in __all__:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        names = globals()
        for module_name in _PUBLIC_MODULES:
            module = importlib.import_module(module_name, __name__)
            for public in __all__:
                if public not in names and hasattr(module, public):
                    names[public] = getattr(module, public)
        if name not in names:
            raise AttributeError(f"{name!r} is in {__name__}.__all__ but in none of its modules")
        return names[name]

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})
