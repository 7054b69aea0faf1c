"""Service rules that need no state: wording of rule errors, address formats, time zones."""

from __future__ import annotations

import functools
import random
import zoneinfo
from typing import Any

from ..core.service_model import Violation, aws_validation_message
from .exceptions import ValidationException

MAX_TAGS_PER_RESOURCE = 50
"""The AWS-wide tag limit per resource (Billing user guide, "User-defined tag restrictions")."""

MAX_ROTATIONS_PER_SCHEDULE = 8
"""User guide, "Managing responder rotations with on-call schedules": up to eight rotations."""


def invalid(detail: str) -> ValidationException:
    """A ValidationException worded as ssm-contacts words its business-rule errors."""
    return ValidationException(f"Invalid value provided - {detail}", reason="OTHER")


def check_delivery_address(channel_type: str, address: dict[str, Any]) -> None:
    """The address formats the API reference gives for each channel type."""
    simple = address.get("SimpleAddress")
    if simple is None:
        raise invalid("DeliveryAddress.SimpleAddress is required")
    if channel_type in ("SMS", "VOICE"):
        digits = simple[1:]
        if not (simple.startswith("+") and digits.isdigit()):
            raise invalid(
                f"{channel_type} delivery address must be '+' followed by the country "
                "code and phone number"
            )
    elif channel_type == "EMAIL":
        local, _, domain = simple.partition("@")
        if not local or "." not in domain or " " in simple:
            raise invalid("EMAIL delivery address must be an email address")


def new_activation_code() -> str:
    """A random six-digit code, as the activation SMS or email would carry."""
    return f"{random.SystemRandom().randrange(10**6):06d}"


@functools.cache
def iana_time_zones() -> frozenset[str]:
    """The IANA time zones this Python knows (empty if it ships no tz database)."""
    return frozenset(zoneinfo.available_timezones())


def check_tags(tags: list[dict[str, str]]) -> None:
    """Every tag has a key; its value is optional (the model makes both optional, but a
    tag without a key names nothing: AWS's tagging rules make the key required)."""
    missing = [
        Violation(("tags", index, "Key"), "Member must not be null")
        for index, tag in enumerate(tags)
        if tag.get("Key") is None
    ]
    if missing:
        fields = [{"Name": v.aws_path(), "Message": v.rule} for v in missing]
        raise ValidationException(aws_validation_message(missing), fields=fields)
