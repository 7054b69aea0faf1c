"""The Contact property bag: its canonical form and its mapping to and from the API.

The bag is what the engine stores in state (camelCase keys, tags as a map). Member
names are the API's with a lower-case first letter, so the mapping is mechanical
except for tags, which the API carries as a list of ``{Key, Value}``. Everything
here is pure: no AWS calls, no Pulumi runtime.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .ownership import OWNER_KEY, OWNER_TAG

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts.type_defs import TagTypeDef

INPUT_KEYS = ("alias", "type", "displayName", "plan", "tags", "region")
"""Keys of the bag a program sets that describe the contact; outputs add ``arn``."""

BOOKKEEPING_KEYS = ("arn", "__provider", OWNER_KEY, "importArn")
"""Keys that are not contact properties: outputs, the provider, the owner, the import."""

IMPORT_KEY = "importArn"
"""Set from ``ResourceOptions.import_``: create adopts this contact instead of making one."""


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def _upper_first(name: str) -> str:
    return name[:1].upper() + name[1:]


def to_api(value: Any) -> Any:
    """A bag value with its keys turned into API member names (``stages`` -> ``Stages``)."""
    if isinstance(value, Mapping):
        return {_upper_first(k): to_api(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [to_api(v) for v in value]
    return value


def from_api(value: Any) -> Any:
    """An API value with its member names turned into bag keys (``Stages`` -> ``stages``)."""
    if isinstance(value, Mapping):
        return {_lower_first(k): from_api(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [from_api(v) for v in value]
    return value


def tags_to_api(tags: Mapping[str, str] | None) -> list[TagTypeDef]:
    """``{"team": "sre"}`` -> ``[{"Key": "team", "Value": "sre"}]``, sorted by key."""
    return [{"Key": k, "Value": v} for k, v in sorted((tags or {}).items())]


def tags_from_api(tags: Sequence[TagTypeDef] | None) -> dict[str, str]:
    """``[{"Key": k, "Value": v}]`` -> ``{k: v}``."""
    return {t.get("Key", ""): t.get("Value", "") for t in tags or []}


def normalize_plan(plan: Any) -> Any:
    """The plan in canonical form: missing and empty are the same, ``None`` members dropped."""
    if plan is None:
        return {"stages": []}
    if not isinstance(plan, Mapping):
        return plan  # unknown at preview, or a type error that check reports
    out: dict[str, Any] = {"stages": _clean(plan.get("stages") or [])}
    rotation_ids = plan.get("rotationIds")
    if rotation_ids:
        out["rotationIds"] = rotation_ids
    # Any other key is kept so that check reports it (nothing is dropped silently).
    known = ("stages", "rotationIds")
    out.update({k: _clean(v) for k, v in plan.items() if k not in known and v is not None})
    return out


def _clean(value: Any) -> Any:
    """``None`` members dropped; integral floats made ints (protobuf Structs carry 5 as 5.0)."""
    if isinstance(value, Mapping):
        return {k: _clean(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def normalize(bag: Mapping[str, Any]) -> dict[str, Any]:
    """The inputs of a bag in canonical form, so equivalent programs give equal bags.

    Missing and empty plan, tags and display name are the same (an empty display
    name is left out); tag order never matters
    (maps compare unordered). ``owner`` and ``importArn`` are kept; other keys outside
    ``INPUT_KEYS`` (``arn``, ``__provider``) are dropped.
    """
    out: dict[str, Any] = {k: bag[k] for k in ("alias", "type") if bag.get(k) is not None}
    if bag.get("displayName"):
        out["displayName"] = bag["displayName"]
    out["plan"] = normalize_plan(bag.get("plan"))
    tags = bag.get("tags")
    out["tags"] = dict(tags) if isinstance(tags, Mapping) else ({} if tags is None else tags)
    if bag.get("region"):
        out["region"] = bag["region"]
    if bag.get(IMPORT_KEY):
        out[IMPORT_KEY] = bag[IMPORT_KEY]
    if bag.get(OWNER_KEY):
        out[OWNER_KEY] = bag[OWNER_KEY]
    return out


def create_request(bag: Mapping[str, Any], token: str) -> dict[str, Any]:
    """The ``create_contact`` parameters for a normalized bag, owner tag and token included.

    ``token`` is the IdempotencyToken: botocore's retries of this one call resend it, so a
    retry after a lost response returns the contact the first attempt made.
    """
    request: dict[str, Any] = {
        "Alias": bag.get("alias"),
        "Type": bag.get("type"),
        "Plan": to_api(bag.get("plan")),
    }
    if bag.get("displayName"):
        request["DisplayName"] = bag["displayName"]
    tags = bag.get("tags")
    if isinstance(tags, Mapping):
        tags = {**tags, **owner_tags(bag)}
    if tags:
        request["Tags"] = tags_to_api(tags) if isinstance(tags, Mapping) else tags
    request["IdempotencyToken"] = token
    return request


def owner_tags(bag: Mapping[str, Any]) -> dict[str, str]:
    """The owner tag of a bag, as a one-entry tag map (empty when the bag has no owner)."""
    owner = bag.get(OWNER_KEY)
    return {OWNER_TAG: owner} if isinstance(owner, str) and owner else {}


def bag_from_api(contact: Mapping[str, Any], tags: Sequence[TagTypeDef] | None) -> dict[str, Any]:
    """The normalized bag for a ``get_contact`` result and its tags (owner tag as ``owner``)."""
    user_tags = tags_from_api(tags)
    owner = user_tags.pop(OWNER_TAG, None)
    return normalize(
        {
            "alias": contact["Alias"],
            "type": contact["Type"],
            "displayName": contact.get("DisplayName"),
            "plan": from_api(contact.get("Plan")),
            "tags": user_tags,
            OWNER_KEY: owner,
        }
    )


def differences(program: Mapping[str, Any], live: Mapping[str, Any]) -> list[str]:
    """The input keys whose values differ between two normalized bags."""
    return [k for k in INPUT_KEYS if k != "region" and program.get(k) != live.get(k)]


def region_of(arn: str) -> str:
    """The region field of an ARN (``arn:aws:ssm-contacts:us-east-2:1111:contact/x``)."""
    parts = arn.split(":")
    if len(parts) < 6 or parts[0] != "arn":
        raise ValueError(f"{arn!r} is not an ARN")
    return parts[3]
