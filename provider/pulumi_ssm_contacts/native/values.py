"""Property values between the gRPC wire (the SDK's ``PropertyValue``) and engine bags.

A bag holds plain values: unknowns (at preview) as the SDK's ``UNKNOWN`` sentinel the
engines test for (``validation.is_unknown``; the wire's own form of an unknown, which the
SDK's ``PropertyValue`` keeps as that string one way and cannot marshal as ``Computed`` the
other), whole numbers as ints (the wire has only
floats, boto3 wants ints), secrets unwrapped. Which top-level keys held a secret is kept
apart, so the outputs can make them secret again.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from pulumi.provider.experimental.property_value import Computed, PropertyValue
from pulumi.runtime.rpc import UNKNOWN


def plain(value: PropertyValue) -> Any:
    """The plain Python value of a property value (secrets unwrapped)."""
    inner = value.value
    if isinstance(inner, Computed):
        return UNKNOWN
    if isinstance(inner, float) and inner.is_integer():
        return int(inner)
    if isinstance(inner, Mapping):
        return {k: plain(v) for k, v in inner.items()}
    if isinstance(inner, tuple):
        return [plain(v) for v in inner]
    return inner


def to_bag(props: Mapping[str, PropertyValue]) -> tuple[dict[str, Any], set[str]]:
    """A bag of plain values and the top-level keys that hold a secret anywhere inside."""
    return (
        {k: plain(v) for k, v in props.items()},
        {k for k, v in props.items() if v.contains_secret()},
    )


def wire(value: Any) -> PropertyValue:
    """A plain value as a property value (the sentinel stays the wire's unknown)."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return PropertyValue(value)
    if isinstance(value, (int, float)):
        return PropertyValue(float(value))
    if isinstance(value, Mapping):
        return PropertyValue({str(k): wire(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return PropertyValue([wire(v) for v in value])
    raise TypeError(f"cannot send a {type(value).__name__} as a property value")


def from_bag(bag: Mapping[str, Any], secret: Collection[str] = ()) -> dict[str, PropertyValue]:
    """A bag as property values; ``secret`` keys (when present) are secret."""
    return {k: wire(v).with_secret(k in secret) for k, v in bag.items()}
