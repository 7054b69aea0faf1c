"""Property bags: the one camelCase <-> API mapping every resource shares.

A bag is what the engine stores in state. Its keys are the API's member names with a
lower-case first letter, so mapping to and from requests is mechanical, except for
tags, which a bag holds as a map and the API as a list of ``{Key, Value}``. Pure: no
AWS calls, no Pulumi runtime.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts.type_defs import TagTypeDef


def lower_first(name: str) -> str:
    """``Stages`` -> ``stages``."""
    return name[:1].lower() + name[1:]


def upper_first(name: str) -> str:
    """``stages`` -> ``Stages``."""
    return name[:1].upper() + name[1:]


def camel(name: str) -> str:
    """``duration_in_minutes`` -> ``durationInMinutes`` (camelCase names pass unchanged)."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


_HUMP = re.compile(r"(?<=[a-z0-9])([A-Z])")


def snake(name: str) -> str:
    """``durationInMinutes`` -> ``duration_in_minutes``, the inverse of :func:`camel`
    (``MON`` and snake_case names pass unchanged)."""
    return _HUMP.sub(lambda found: "_" + found.group(1).lower(), name)


def to_api(value: Any) -> Any:
    """A bag value with its keys turned into API member names (``stages`` -> ``Stages``)."""
    if isinstance(value, Mapping):
        return {upper_first(k): to_api(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [to_api(v) for v in value]
    return value


def from_api(value: Any) -> Any:
    """An API value with its member names turned into bag keys (``Stages`` -> ``stages``)."""
    if isinstance(value, Mapping):
        return {lower_first(k): from_api(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [from_api(v) for v in value]
    return value


def clean(value: Any) -> Any:
    """``None`` members dropped; integral floats made ints (protobuf Structs carry 5 as 5.0)."""
    if isinstance(value, Mapping):
        return {k: clean(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def tags_to_api(tags: Mapping[str, str] | None) -> list[TagTypeDef]:
    """``{"team": "sre"}`` -> ``[{"Key": "team", "Value": "sre"}]``, sorted by key."""
    return [{"Key": k, "Value": v} for k, v in sorted((tags or {}).items())]


def tags_from_api(tags: Sequence[TagTypeDef] | None) -> dict[str, str]:
    """``[{"Key": k, "Value": v}]`` -> ``{k: v}``."""
    return {t.get("Key", ""): t.get("Value", "") for t in tags or []}


def normalize_tags(tags: Any) -> Any:
    """Missing tags are no tags; a map is copied (order never matters); anything else is kept
    for check to report."""
    if tags is None:
        return {}
    return dict(tags) if isinstance(tags, Mapping) else tags


def region_of(arn: str) -> str:
    """The region field of an ARN (``arn:aws:ssm-contacts:us-east-2:1111:contact/x``)."""
    parts = arn.split(":")
    if len(parts) < 6 or parts[0] != "arn":
        raise ValueError("not an ARN")
    return parts[3]


ARN_KINDS = ("contact", "contact-channel", "rotation")
"""The resource types of an ssm-contacts ARN (Service Authorization Reference):
``contact/<alias>``, ``contact-channel/<alias>/<id>``, ``rotation/<id>``."""


def arn_kind(value: Any) -> str | None:
    """``contact``, ``contact-channel`` or ``rotation`` for an ssm-contacts ARN; None for
    anything else (an unknown value, another service's ARN: the model's pattern judges it)."""
    if not isinstance(value, str):
        return None
    parts = value.split(":", 5)
    if len(parts) < 6 or parts[0] != "arn" or parts[2] != "ssm-contacts":
        return None
    kind = parts[5].split("/", 1)[0]
    return kind if kind in ARN_KINDS else None


def arn_alias(value: Any) -> str | None:
    """The contact alias a contact's or a channel's ARN names (``.../akuam/<id>`` -> akuam)."""
    if arn_kind(value) not in ("contact", "contact-channel"):
        return None
    path = str(value).split(":", 5)[5].split("/")
    return path[1] if len(path) > 1 and path[1] else None
