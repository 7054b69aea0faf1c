"""The package's functions (invokes): look up a contact, a channel, a plan or a rotation.

``getContact`` (by ``arn`` or ``alias``), ``getContactChannel`` (by ``arn``, or by
``contactId`` and ``name``), ``getContactPlan`` (by the contact's ``contactId`` or its
``alias``) and ``getRotation`` (by ``arn`` or ``name``) return the outputs the resource
has, read with the resource engine's own ``read`` (resources/*.py): a lookup is a refresh
of a resource no stack holds. The values of :func:`secret_outputs` (a channel's delivery
address) must be returned marked secret; no message here ever contains them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

from ..core.aws_errors import ContactError
from ..core.calls import call
from ..core.engine import Engine, Session
from ..resources.contact import _arn_of_alias
from .schema import ENGINES, LOOKUP_ARGS, function_name, package_schema, token

FUNCTIONS: Mapping[str, type[Engine]] = {token(function_name(e)): e for e in ENGINES}
"""Function token (``ssm-contacts:index:getContact``) -> the engine it reads with."""


def secret_outputs(function_token: str) -> tuple[str, ...]:
    """The outputs of a function that the caller must mark secret (``deliveryAddress``)."""
    engine = FUNCTIONS.get(function_token)
    return engine.secret_keys if engine else ()


def invoke(
    function_token: str,
    args: Mapping[str, Any],
    session_for: Callable[[str | None], Session],
) -> dict[str, Any]:
    """Run one lookup; ``session_for(region)`` gives the session of ``args``' region (None:
    the provider's). Not found, ambiguous or badly asked: a ContactError saying what to do."""
    engine_type = FUNCTIONS.get(function_token)
    if engine_type is None:
        raise ContactError(
            f"{function_token} is not a function of the ssm-contacts package.\nWhat to do: use "
            f"one of {', '.join(sorted(FUNCTIONS))}."
        )
    name = function_name(engine_type)
    given = {k: v for k, v in args.items() if v is not None and v != ""}
    accepted = [key for key, _, _ in LOOKUP_ARGS[engine_type.type_name]] + ["region"]
    unknown = sorted(set(given) - set(accepted))
    if unknown:
        raise ContactError(
            f"{name} has no argument {', '.join(unknown)}.\nWhat to do: pass "
            f"{' or '.join(accepted[:-1])} (and optionally region)."
        )
    region = given.get("region")
    session = session_for(region if isinstance(region, str) else None)
    engine = engine_type()
    arn = _LOCATE[engine_type.type_name](session, name, given)
    found = engine.read(session, arn, _READ_AS.get(engine_type.type_name, {}))
    if found is None:
        raise _not_found(name, f"with ARN {arn}", session)
    return _outputs(function_token, arn, found.outputs, session)


def _outputs(
    function_token: str, arn: str, read: Mapping[str, Any], session: Session
) -> dict[str, Any]:
    """The read as the function's outputs: the schema's output properties only."""
    spec = package_schema()["functions"][function_token]["outputs"]["properties"]
    out = {k: v for k, v in read.items() if k in spec and v is not None}
    out["arn"] = arn
    if session.region:
        out["region"] = session.region
    return out


def _not_found(name: str, what: str, session: Session) -> ContactError:
    where = session.region or "the configured region"
    return ContactError(
        f"{name} found nothing {what} in {where}.\nWhat to do: check the value (`aws "
        "ssm-contacts list-contacts`, `list-rotations`, `list-contact-channels`) and the "
        "region (the function's `region`, else the provider's `ssm-contacts:region`)."
    )


def _one_of(name: str, given: Mapping[str, Any], *ways: tuple[str, ...]) -> tuple[str, ...]:
    """The one way of asking (a tuple of argument names) that ``given`` uses."""
    asked = set(given) - {"region"}
    for way in ways:
        if asked == set(way):
            return way
    spelled = " or ".join(" and ".join(f"`{k}`" for k in way) for way in ways)
    raise ContactError(
        f"{name} needs exactly one way to find it: {spelled} (got "
        f"{', '.join(sorted(asked)) or 'none'}).\nWhat to do: pass one of them."
    )


def _contact_arn(session: Session, name: str, given: Mapping[str, Any], key: str) -> str:
    """A contact's ARN, from ``key`` (``arn`` or ``contactId``) or from ``alias``."""
    if _one_of(name, given, (key,), ("alias",)) == (key,):
        return str(given[key])
    alias = str(given["alias"])
    arn = _arn_of_alias(session, alias)
    if arn is None:
        raise _not_found(name, f"with alias '{alias}'", session)
    return arn


def _channel_arn(session: Session, name: str, given: Mapping[str, Any]) -> str:
    if _one_of(name, given, ("arn",), ("contactId", "name")) == ("arn",):
        return str(given["arn"])
    contact_id, channel = str(given["contactId"]), str(given["name"])
    client = session.client
    arns = [
        c["ContactChannelArn"]
        for page in _pages(
            session,
            "ListContactChannels",
            contact_id,
            lambda **more: client.list_contact_channels(ContactId=contact_id, **more),
            "ContactChannels",
        )
        for c in page
        if c.get("Name") == channel
    ]
    return _single(name, arns, f"named '{channel}' on contact {contact_id}", session, "arn")


def _rotation_arn(session: Session, name: str, given: Mapping[str, Any]) -> str:
    if _one_of(name, given, ("arn",), ("name",)) == ("arn",):
        return str(given["arn"])
    rotation = str(given["name"])
    client = session.client
    arns = [
        r["RotationArn"]
        for page in _pages(
            session,
            "ListRotations",
            f"rotation '{rotation}'",
            lambda **more: client.list_rotations(RotationNamePrefix=rotation, **more),
            "Rotations",
        )
        for r in page
        if r.get("Name") == rotation
    ]
    return _single(name, arns, f"named '{rotation}'", session, "arn")


def _single(name: str, arns: list[str], what: str, session: Session, key: str) -> str:
    if not arns:
        raise _not_found(name, what, session)
    if len(arns) > 1:
        raise ContactError(
            f"{name} found {len(arns)} resources {what}: {', '.join(arns)}.\nWhat to do: pass "
            f"the `{key}` of the one you mean."
        )
    return arns[0]


def _pages(
    session: Session, operation: str, resource: str, send: Callable[..., Any], member: str
) -> list[list[dict[str, Any]]]:
    """Every page of a List call's ``member``, following NextToken."""
    pages: list[list[dict[str, Any]]] = []
    more: dict[str, str] = {}
    while True:
        answer: Mapping[str, Any] = call(
            session.ctx(operation, resource), functools.partial(send, **more)
        )
        pages.append(list(answer.get(member, [])))
        next_token = answer.get("NextToken")
        if not next_token:
            return pages
        more = {"NextToken": next_token}


_READ_AS: Mapping[str, Mapping[str, Any]] = {"Contact": {"plan": {}}}
"""The state a lookup reads as: everything the resource can manage (a Contact's plan)."""

_LOCATE: Mapping[str, Callable[[Session, str, Mapping[str, Any]], str]] = {
    "Contact": lambda session, name, given: _contact_arn(session, name, given, "arn"),
    "ContactChannel": _channel_arn,
    "ContactPlan": lambda session, name, given: _contact_arn(session, name, given, "contactId"),
    "Rotation": _rotation_arn,
}
"""Per resource type, how a lookup's arguments name one resource's ARN."""
