"""Declare AWS Systems Manager Incident Manager contacts in Pulumi programs.

``Contact`` is a dynamic-provider resource over the ``ssm-contacts`` API; the
``emulator`` subpackage (extra ``pulumi-ssm-contacts[emulator]``) serves that API
offline for tests and demos.
"""

__version__ = "0.1.0"

from .aws_errors import ContactError
from .contact import Contact
from .contact_args import (
    ChannelTargetInfoArgs,
    ChannelTargetInfoArgsDict,
    ContactArgs,
    ContactArgsDict,
    ContactTargetInfoArgs,
    ContactTargetInfoArgsDict,
    ContactType,
    PlanArgs,
    PlanArgsDict,
    StageArgs,
    StageArgsDict,
    TargetArgs,
    TargetArgsDict,
)
from .contact_provider import ContactProvider

__all__ = [
    "ChannelTargetInfoArgs",
    "ChannelTargetInfoArgsDict",
    "Contact",
    "ContactArgs",
    "ContactArgsDict",
    "ContactError",
    "ContactProvider",
    "ContactTargetInfoArgs",
    "ContactTargetInfoArgsDict",
    "ContactType",
    "PlanArgs",
    "PlanArgsDict",
    "StageArgs",
    "StageArgsDict",
    "TargetArgs",
    "TargetArgsDict",
    "__version__",
]
