"""``Rotation``: an Incident Manager on-call rotation as a Pulumi resource."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, NotRequired, TypedDict, overload

import pulumi

from ..rotation_provider import RotationProvider
from .claims import ROTATION_NAME, Claimant, claimed
from .inputs import RotationRecurrenceArgs, RotationRecurrenceArgsDict
from .resource import SsmContactsResource, checked_tags, resolve_args, to_bag

StartTime = pulumi.Input[dt.datetime | str]


@dataclasses.dataclass(frozen=True)
class RotationArgs:
    """All inputs of a :class:`Rotation`."""

    name: pulumi.Input[str]
    """Name of the rotation; changing it replaces the rotation."""
    contact_ids: pulumi.Input[Sequence[pulumi.Input[str]]]
    """ARNs of the PERSONAL contacts, in the order they take shifts (1-30)."""
    start_time: StartTime
    """When the rotation starts: a zone-aware datetime or an ISO 8601 string."""
    time_zone_id: pulumi.Input[str]
    """IANA time zone the hand-off times are in (``America/Los_Angeles``)."""
    recurrence: pulumi.Input[RotationRecurrenceArgs | RotationRecurrenceArgsDict]
    """How shifts recur."""
    tags: pulumi.Input[Mapping[str, pulumi.Input[str]]] | None = None
    """Tags of the rotation (at most 49: one more is the owner tag)."""
    region: pulumi.Input[str] | None = None
    """AWS region; defaults to ``aws:region`` config, then the environment."""


class RotationArgsDict(TypedDict):
    """Dict form of :class:`RotationArgs`."""

    name: pulumi.Input[str]
    """Name of the rotation; changing it replaces the rotation."""
    contact_ids: pulumi.Input[Sequence[pulumi.Input[str]]]
    """ARNs of the PERSONAL contacts, in the order they take shifts (1-30)."""
    start_time: StartTime
    """When the rotation starts: a zone-aware datetime or an ISO 8601 string."""
    time_zone_id: pulumi.Input[str]
    """IANA time zone the hand-off times are in."""
    recurrence: pulumi.Input[RotationRecurrenceArgs | RotationRecurrenceArgsDict]
    """How shifts recur."""
    tags: NotRequired[pulumi.Input[Mapping[str, pulumi.Input[str]]] | None]
    """Tags of the rotation (at most 49)."""
    region: NotRequired[pulumi.Input[str] | None]
    """AWS region; defaults to ``aws:region`` config, then the environment."""


class Rotation(SsmContactsResource, module="ssm-contacts", name="Rotation"):
    """An on-call rotation (``ssm-contacts`` ``create_rotation``); the ID is its ARN.

    Changing ``name`` replaces it; contacts, start time, time zone, recurrence and tags are
    updated in place. An ONCALL_SCHEDULE ``Contact`` engages it through
    ``plan.rotation_ids``.
    """

    name: pulumi.Output[str]
    """Name of the rotation."""
    contact_ids: pulumi.Output[list[str]]
    """ARNs of the contacts, in shift order."""
    start_time: pulumi.Output[str]
    """The start time, in canonical form (``2026-12-01T09:00:00Z``)."""
    time_zone_id: pulumi.Output[str]
    """IANA time zone of the hand-off times."""
    recurrence: pulumi.Output[dict[str, Any]]
    """How shifts recur, as stored in state (camelCase keys)."""
    tags: pulumi.Output[dict[str, str]]
    """Tags of the rotation (the owner tag is not among them)."""

    @overload
    def __init__(
        self, resource_name: str, args: RotationArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None: ...

    @overload
    def __init__(
        self,
        resource_name: str,
        *,
        name: pulumi.Input[str],
        contact_ids: pulumi.Input[Sequence[pulumi.Input[str]]],
        start_time: StartTime,
        time_zone_id: pulumi.Input[str],
        recurrence: pulumi.Input[RotationRecurrenceArgs | RotationRecurrenceArgsDict],
        tags: pulumi.Input[Mapping[str, pulumi.Input[str]]] | None = None,
        region: pulumi.Input[str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None: ...

    def __init__(
        self,
        resource_name: str,
        args: RotationArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Any,
    ) -> None:
        """Declare an on-call rotation.

        :param resource_name: The Pulumi name of the resource (not the rotation's name).
        :param name: Name of the rotation in Incident Manager.
        :param contact_ids: PERSONAL contacts' ARNs, in shift order.
        :param start_time: A zone-aware ``datetime`` or an ISO 8601 string.
        :param time_zone_id: IANA time zone ID of the hand-off times.
        :param recurrence: ``RotationRecurrenceArgs`` or a dict with the API's members in
            snake_case (``{"weekly_settings": [...], "shift_coverages": {"MON": [...]}}``).
        :param tags: At most 49 tags.
        :param region: AWS region; defaults to ``aws:region`` config, then the environment.
        :param opts: Resource options (``import_`` adopts an existing rotation by ARN).
        """
        args = resolve_args(RotationArgs, args, kwargs)
        self.args = args
        """The inputs as given: the coverage check of an on-call schedule reads them."""
        claimant = Claimant("Rotation", resource_name, opts.parent if opts else None)
        props: dict[str, Any] = {
            "name": claimed(ROTATION_NAME, args.name, claimant, self, args.region),
            "contactIds": args.contact_ids,
            "startTime": _iso(args.start_time),
            "timeZoneId": args.time_zone_id,
            "recurrence": to_bag(args.recurrence),
            "tags": checked_tags(resource_name, args.tags),
            "region": args.region,
        }
        super().__init__(RotationProvider(), resource_name, props, opts)


def _iso(start_time: StartTime) -> Any:
    """A datetime as an ISO 8601 string (state holds strings); anything else unchanged."""
    if isinstance(start_time, pulumi.Output):
        return start_time.apply(_iso)
    if isinstance(start_time, dt.datetime):
        return start_time.isoformat()
    return start_time
