"""Program-time claims: two resources of one program that would manage one AWS resource.

An alias names one contact in an account and region, and a contact's plan has one owner:
two resources of one program that claim one of them would fight (the later write wins, or
one fails at ``up`` after the other is made). Each resource class claims what it would
manage as it is declared, and the claim is checked before the resource's registration
reaches the engine: so ``preview`` fails, naming both resources, and no API call is made.

A value known when the resource is declared (a plain string) is checked at once; the same
Output passed to two resources (``contact_id=akuam.arn`` twice, unknown at preview for a
new contact) by its identity; any other Output by its value once known (at preview when
the value is, else at ``up``, before that resource is created).

Rotation names are not unique in AWS (``CreateRotation`` has no ConflictException, and
CloudFormation renames a rotation in place): two rotations of one name are a warning that
names both, not an error.
"""

from __future__ import annotations

import os
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

import pulumi

from .program_runs import PerRun


class ClaimConflict(pulumi.RunError):
    """Two resources of one program claim one AWS resource. A ``RunError``: Pulumi prints
    its message alone, with no traceback."""


@dataclass(frozen=True)
class Claim:
    """What a resource can claim: an argument whose value names one AWS resource."""

    kind: str
    """``alias``: the key claims are kept under."""
    argument: str
    """The argument as the program writes it (``contact_id``)."""
    regional: bool
    """Whether the value names the resource within a region (an alias) or everywhere (an
    ARN)."""
    fatal: bool
    """An error (both resources fail), or a warning on the later one."""
    why: str
    """Why two claims are wrong, and what to do."""


ALIAS = Claim(
    "alias",
    "alias",
    regional=True,
    fatal=True,
    why="an alias names one contact in an account and region, so one resource would fail "
    "on, or take over, the other's contact. Give each Contact its own alias, or declare the "
    "contact once.",
)
PLAN = Claim(
    "plan",
    "contact_id",
    regional=False,
    fatal=True,
    why="a contact's plan has one owner, so the later write would silently replace the "
    "other's stages. Declare one ContactPlan per contact (put all stages in it).",
)
ROTATION_NAME = Claim(
    "rotation-name",
    "name",
    regional=True,
    fatal=False,
    why="AWS allows it, but the console and anyone choosing a rotation by name cannot tell "
    "them apart. Give each rotation its own name unless that is meant.",
)


@dataclass(frozen=True, eq=False)
class Claimant:
    """One resource as messages name it: its type, name and parent."""

    type_name: str
    name: str
    parent: pulumi.Resource | None = None

    def __str__(self) -> str:
        text = f"{self.type_name} {self.name!r}"
        if self.parent is not None and self.parent.pulumi_resource_type != "pulumi:pulumi:Stack":
            text += (
                f" (child of {self.parent.pulumi_resource_type} "
                f"{self.parent.pulumi_resource_name!r})"
            )
        return text


@dataclass
class _Run:
    """The claims of one program run, by key; the Outputs claimed by identity are kept
    alive so that no other object can take their ``id``."""

    holders: dict[Hashable, list[Claimant]] = field(default_factory=dict)
    order: dict[Claimant, int] = field(default_factory=dict)
    kept: list[Any] = field(default_factory=list)

    def add(self, key: Hashable, claimant: Claimant) -> None:
        self.order.setdefault(claimant, len(self.order))
        holders = self.holders.setdefault(key, [])
        if claimant not in holders:
            holders.append(claimant)

    def rivals(self, keys: list[Hashable], claimant: Claimant) -> list[Claimant]:
        """Other claimants of any of ``keys``, in the order they claimed."""
        found: list[Claimant] = []
        for key in keys:
            found += [c for c in self.holders.get(key, []) if c is not claimant and c not in found]
        return found


_RUNS = PerRun(_Run)
"""This run's view (program_runs.py)."""
_LOCK = _RUNS.lock
_this_run = _RUNS.current


def _default_region() -> str:
    """The region a resource with no ``region`` goes to (as the provider picks it)."""
    return (
        pulumi.Config("aws").get("region")
        or os.environ.get("AWS_REGION")
        or os.environ.get("AWS_DEFAULT_REGION")
        or ""
    )


def _identity(value: Any) -> Hashable:
    return ("output", id(value))


def claimed(
    claim: Claim,
    value: pulumi.Input[str],
    claimant: Claimant,
    resource: pulumi.Resource,
    region: pulumi.Input[str] | None = None,
) -> pulumi.Input[str]:
    """``value``, as an Output that resolves once no other resource of the program claims it
    (or, for a warning, once the warning is shown on ``resource``).

    The Output keeps ``value``'s dependencies, secrecy and unknown-ness.
    """
    run = _this_run()
    if run is None or value is None:
        return value
    scope: Hashable = ""
    if claim.regional:
        if isinstance(region, pulumi.Output):
            scope = _identity(region)
        else:
            scope = region if isinstance(region, str) and region else _default_region()
    keys: list[Hashable] = []
    with _LOCK:
        for part in (value, region):
            if isinstance(part, pulumi.Output):
                run.kept.append(part)
        if isinstance(value, pulumi.Output):
            keys.append((claim.kind, scope, _identity(value)))
        elif isinstance(value, str):
            keys.append((claim.kind, scope, value))
        for key in keys:
            run.add(key, claimant)

    async def check() -> bool:
        shown, secret = await _known(value)
        where = scope
        if claim.regional and isinstance(region, pulumi.Output):
            known_region, _ = await _known(region)
            where = known_region if isinstance(known_region, str) else scope
        with _LOCK:
            if isinstance(shown, str) and isinstance(where, str):
                key = (claim.kind, where, shown)
                if key not in keys:
                    keys.append(key)
                    run.add(key, claimant)
            run.order.setdefault(claimant, len(run.order))
            rivals = run.rivals(keys, claimant)
            earlier = [r for r in rivals if run.order[r] < run.order[claimant]]
            # In the order declared: both claimants fail with one and the same message.
            first, *others = sorted([claimant, *rivals], key=run.order.__getitem__)
        if not rivals or (not claim.fatal and not earlier):
            return True
        message = _message(claim, first, others, shown, secret, where)
        if claim.fatal:
            raise ClaimConflict(message)
        pulumi.log.warn(message, resource=resource)
        return True

    guard: pulumi.Output[bool] = pulumi.Output.from_input(check())
    return pulumi.Output.all(value, guard).apply(lambda values: values[0])


def _message(
    claim: Claim,
    claimant: Claimant,
    rivals: list[Claimant],
    value: Any,
    secret: bool,
    region: Hashable,
) -> str:
    others = " and ".join(str(r) for r in rivals)
    if isinstance(value, str) and not secret:
        what = f"`{claim.argument}` {value!r}"
    elif secret:
        what = f"one `{claim.argument}` (a secret)"
    else:
        what = f"one `{claim.argument}` (the same Output, not known yet)"
    where = f" in {region}" if claim.regional and isinstance(region, str) and region else ""
    verb = "both claim" if claim.fatal else "both use"
    return f"{claimant} and {others} {verb} {what}{where}: {claim.why}"


async def _known(value: Any) -> tuple[Any, bool]:
    """``(value, secret)`` for a plain value or a known Output; ``(None, secret)`` while an
    Output is unknown."""
    if not isinstance(value, pulumi.Output):
        return value, False
    secret = await value.is_secret()
    if not await value.is_known():
        return None, secret
    return await value.future(), secret
