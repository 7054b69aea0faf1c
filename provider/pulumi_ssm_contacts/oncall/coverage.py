"""The coverage check of an on-call schedule, run in the program so that preview shows it.

An ONCALL_SCHEDULE contact engages its rotations; when together they leave hours of a week
with nobody on call, ``pulumi preview`` (and ``up``) show a warning that names the gaps in
the first rotation's time zone. It is a diagnostic, not a failure: a schedule may mean to
leave nights to another team. The rotations are found through the outputs the program
passes as ``rotation_ids``; what the check needs of them (start, time zone, recurrence,
how many contacts) is read from their inputs, so it costs no API call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pulumi

from ..core import bag as bags
from ..dynamic.resource import to_bag

if TYPE_CHECKING:
    from ..dynamic.rotation import Rotation

MAX_GAPS_SHOWN = 6


def rotation_ids_of(plan: Any) -> Any:
    """The ``rotation_ids`` of a plan input (Args, snake_case or camelCase dict), if any."""
    if isinstance(plan, Mapping):
        return plan.get("rotation_ids", plan.get("rotationIds"))
    return getattr(plan, "rotation_ids", None)


def with_coverage_check(
    contact_name: str, plan: Any, rotation_ids: Any, resource: pulumi.Resource
) -> Any:
    """``plan`` unchanged, once the coverage of the rotations behind ``rotation_ids`` is
    checked (a warning on ``resource`` when there are gaps)."""
    if not isinstance(rotation_ids, Sequence) or isinstance(rotation_ids, str):
        return plan
    outputs = [r for r in rotation_ids if isinstance(r, pulumi.Output)]
    if not outputs:
        return plan

    async def check() -> bool:
        from ..dynamic.rotation import Rotation

        rotations: list[Rotation] = []
        for output in outputs:
            rotations += [r for r in await output.resources() if isinstance(r, Rotation)]
        message = await _gap_warning(contact_name, rotations)
        if message:
            pulumi.log.warn(message, resource=resource)
        return True

    checked: pulumi.Output[bool] = pulumi.Output.from_input(check())
    return pulumi.Output.all(plan, checked).apply(lambda values: values[0])


async def _gap_warning(contact_name: str, rotations: Sequence[Rotation]) -> str | None:
    from .shifts import RotationSpecError, coverage_gaps

    specs = []
    for rotation in rotations:
        spec = await rotation_spec(rotation)
        if spec is None:
            return None  # not known yet (preview): `up` checks it once it is
        specs.append(spec)
    if not specs:
        return None
    try:
        week = week_after(max(rotation_start(s) for s in specs))
        gaps = coverage_gaps(specs, week_start=week)
    except (RotationSpecError, ValueError):
        return None  # the rotation's own check reports what is wrong with it
    if not gaps:
        return None
    shown = "; ".join(str(gap) for gap in gaps[:MAX_GAPS_SHOWN])
    more = f"; and {len(gaps) - MAX_GAPS_SHOWN} more" if len(gaps) > MAX_GAPS_SHOWN else ""
    hours = sum(gap.duration.total_seconds() for gap in gaps) / 3600
    return (
        f"on-call schedule {contact_name!r}: nobody is on call for {hours:g} h of a week "
        f"({len(gaps)} gaps): {shown}{more}. Add a rotation or widen shift coverages, or "
        "accept the gaps. `python -m pulumi_ssm_contacts shifts` shows who is on call when."
    )


async def rotation_spec(rotation: Rotation) -> dict[str, Any] | None:
    """The rotation's inputs in CreateRotation's form, or None while any is unknown."""
    args = rotation.args
    values = []
    for value in (args.contact_ids, args.start_time, args.time_zone_id, args.recurrence):
        resolved = await _known(value)
        if resolved is _UNKNOWN:
            return None
        values.append(resolved)
    contact_ids, start, zone, recurrence = values
    count = len(contact_ids) if isinstance(contact_ids, Sequence) else 1
    return {
        # Who is on call does not matter here, only whether anyone is.
        "ContactIds": [f"contact-{i}" for i in range(max(count, 1))],
        "StartTime": start.isoformat() if isinstance(start, dt.datetime) else start,
        "TimeZoneId": zone,
        "Recurrence": bags.to_api(to_bag(recurrence)),
    }


_UNKNOWN = object()


async def _known(value: Any) -> Any:
    """A plain value, or an Output's value when it is known; ``_UNKNOWN`` otherwise."""
    if not isinstance(value, pulumi.Output):
        return value
    if not await value.is_known():
        return _UNKNOWN
    return await value.future()


def rotation_start(spec: dict[str, Any]) -> dt.datetime:
    """A rotation spec's start time as a datetime (the spec may hold it as ISO 8601 text)."""
    start = spec["StartTime"]
    moment = (
        start
        if isinstance(start, dt.datetime)
        else dt.datetime.fromisoformat(str(start).replace("Z", "+00:00"))
    )
    return moment


def week_after(start: dt.datetime) -> dt.datetime:
    """Monday 00:00 (naive: read in the schedule's time zone) of the week after ``start``'s."""
    day = start.date() + dt.timedelta(days=7 - start.weekday())
    return dt.datetime.combine(day, dt.time())
