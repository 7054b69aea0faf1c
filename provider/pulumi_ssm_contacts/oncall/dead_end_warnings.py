"""Dead ends warned in the program, so that ``pulumi preview`` shows them: no API call.

A setup can preview cleanly and still page nobody. Every resource of this package is
declared here as the program makes it (:func:`declare`); once the program has declared them,
each plan is followed through the resources it names (an Output's resources: ``contact.arn``
is the Contact) and a warning is logged on the resource, naming it and the property path:

- an escalation stage engaging a contact that pages nobody: a person with no plan, no stages
  or no channel of their own in it; an escalation with no stages; an on-call schedule whose
  rotations leave hours of a week with nobody on call, or whose members page nobody;
- a person's plan that pages no channel, or only channels of another contact;
- a channel a person's plan pages that is not ACTIVATED, once its status is known (after
  ``up``, or from state at a later preview: ``pulumi refresh`` reads it again), with how to
  activate it.

Only resources the program declares are followed: a target given as a plain ARN string is
not looked up. Names and paths only, never a value (a delivery address may be secret).
Imports Pulumi: it runs in the program.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pulumi

from ..dynamic.program_runs import PerRun

ACTIVATE = (
    "Incident Manager pages a channel only once its owner activates it with the code AWS sent "
    "to it: `aws ssm-contacts activate-contact-channel --contact-channel-id <its ARN> "
    "--activation-code <code>` (`aws ssm-contacts send-activation-code` sends a new code)"
)
PAGE_HINT = "`python -m pulumi_ssm_contacts page` shows who an incident pages"


@dataclass(frozen=True)
class Declared:
    """A resource of this package as the program declared it."""

    resource: pulumi.Resource
    type_name: str
    name: str
    props: Mapping[str, Any]


@dataclass
class _Run:
    declared: list[Declared] = field(default_factory=list)


_RUNS = PerRun(_Run)
"""This run's view (program_runs.py)."""
_LOCK = _RUNS.lock
_this_run = _RUNS.current


def declare(resource: pulumi.Resource, resource_name: str, props: Mapping[str, Any]) -> None:
    """Record ``resource``; a plan-bearing one (a Contact with ``plan``, a ContactPlan) is
    checked once the program's resources are declared."""
    run = _this_run()
    if run is None:
        return
    type_name = type(resource).__name__
    entry = Declared(resource, type_name, resource_name, dict(props))
    with _LOCK:
        run.declared.append(entry)
    if type_name not in ("Contact", "ContactPlan"):
        return

    async def check() -> bool:
        try:
            await _Checker(run).plan_holder(entry)
        except Exception:  # a warning never fails a program: check (or the input) says why
            return False
        return True

    done: pulumi.Output[bool] = pulumi.Output.from_input(check())
    del done


class _Checker:
    """Follows one plan through the program's resources and warns of its dead ends."""

    def __init__(self, run: _Run) -> None:
        with _LOCK:
            self.declared = list(run.declared)

    # -- what the program declares ------------------------------------------------

    async def _targets(self, value: Any, type_name: str) -> list[Declared]:
        """The declared resources of ``type_name`` behind an Output (none for a plain value)."""
        if not isinstance(value, pulumi.Output):
            return []
        found = await value.resources()
        return [d for d in self.declared if d.type_name == type_name and d.resource in found]

    async def _plain(self, value: Any) -> Any:
        """A known value (an Output's when known), else None."""
        if isinstance(value, pulumi.Output):
            if not await value.is_known():
                return None
            return await value.future()
        return value

    async def _contact_type(self, contact: Declared) -> str | None:
        found = await self._plain(contact.props.get("type"))
        return found if isinstance(found, str) else None

    async def _plans_of(self, contact: Declared) -> list[tuple[Declared, Any]]:
        """The plans the program gives a contact: its own ``plan``, and each ContactPlan's."""
        plans: list[tuple[Declared, Any]] = []
        if contact.props.get("plan") is not None:
            plans.append((contact, contact.props["plan"]))
        for d in self.declared:
            if d.type_name == "ContactPlan" and contact in await self._targets(
                d.props.get("contactId"), "Contact"
            ):
                plans.append((d, {"stages": d.props.get("stages")}))
        return plans

    # -- the checks ---------------------------------------------------------------

    async def plan_holder(self, holder: Declared) -> None:
        """Warn of the dead ends of ``holder``'s plan."""
        if holder.type_name == "Contact":
            contact: Declared | None = holder
            prefix = "plan."
            stages = await self._stages(holder.props.get("plan"))
        else:
            owners = await self._targets(holder.props.get("contactId"), "Contact")
            contact = owners[0] if owners else None
            prefix = ""
            stages = await self._stages({"stages": holder.props.get("stages")})
        kind = await self._contact_type(contact) if contact else None
        if kind == "ESCALATION":
            await self._escalation(holder, prefix, stages)
        elif kind == "PERSONAL" and contact is not None:
            await self._personal(holder, contact, prefix, stages)

    async def _stages(self, plan: Any) -> list[Mapping[str, Any]] | None:
        """The plan's stages (None: not known, or not a plan of stages)."""
        plan = await self._plain(plan)
        if not isinstance(plan, Mapping):
            return None
        stages = await self._plain(plan.get("stages"))
        if stages is None:
            return None if plan.get("rotationIds") else []
        if not isinstance(stages, Sequence):
            return None
        return [s for s in stages if isinstance(s, Mapping)]

    async def _escalation(
        self, holder: Declared, prefix: str, stages: list[Mapping[str, Any]] | None
    ) -> None:
        for i, stage in enumerate(stages or []):
            for j, target in enumerate(await self._plain(stage.get("targets")) or []):
                info = target.get("contactTargetInfo") if isinstance(target, Mapping) else None
                if not isinstance(info, Mapping):
                    continue
                path = f"{prefix}stages[{i}].targets[{j}].contact_target_info.contact_id"
                for engaged in await self._targets(info.get("contactId"), "Contact"):
                    reason = await self._reaches_nobody(engaged)
                    if not reason:
                        continue
                    when = (
                        "at those times"
                        if await self._contact_type(engaged) == "ONCALL_SCHEDULE"
                        else "there"
                    )
                    self._warn(
                        holder,
                        f"{path} engages Contact {engaged.name!r}, which {reason}. An incident "
                        f"reaching stage {i + 1} pages nobody {when}; {PAGE_HINT}.",
                    )

    async def _reaches_nobody(self, contact: Declared) -> str:
        """Why engaging ``contact`` pages nobody ("" when it pages someone or is not known)."""
        kind = await self._contact_type(contact)
        if kind == "PERSONAL":
            return await self._person_pages_nobody(contact)
        if kind == "ESCALATION":
            plans = await self._plans_of(contact)
            known = [await self._stages(plan) for _, plan in plans]
            if plans and all(s == [] for s in known):
                return "has no plan stages"
            if not plans:
                return "has no escalation plan"
            return ""
        if kind == "ONCALL_SCHEDULE":
            return await self._schedule_pages_nobody(contact)
        return ""

    async def _person_pages_nobody(self, contact: Declared) -> str:
        plans = await self._plans_of(contact)
        if not plans:
            return "has no engagement plan (give it a ContactPlan, or plan=, paging its channels)"
        for _, plan in plans:
            stages = await self._stages(plan)
            if stages is None:
                return ""
            if await self._own_channel_targets(contact, stages):
                return ""
            if any(await self._channel_infos(stages)):
                return "has a plan that pages only channels of another contact"
        return "has a plan that pages none of its channels (no stages, or no channel targets)"

    async def _channel_infos(self, stages: list[Mapping[str, Any]]) -> list[Any]:
        infos = []
        for stage in stages:
            for target in await self._plain(stage.get("targets")) or []:
                if isinstance(target, Mapping) and isinstance(
                    target.get("channelTargetInfo"), Mapping
                ):
                    infos.append(target["channelTargetInfo"].get("contactChannelId"))
        return infos

    async def _own_channel_targets(
        self, contact: Declared, stages: list[Mapping[str, Any]]
    ) -> list[Declared] | None:
        """The declared channels of ``contact`` the stages target; None when a target is not
        a declared channel (a plain ARN: it may well be the contact's)."""
        own: list[Declared] = []
        for channel_id in await self._channel_infos(stages):
            channels = await self._targets(channel_id, "ContactChannel")
            if not channels:
                return None
            for channel in channels:
                owners = await self._targets(channel.props.get("contactId"), "Contact")
                if contact in owners or not owners:
                    own.append(channel)
        return own

    async def _personal(
        self,
        holder: Declared,
        contact: Declared,
        prefix: str,
        stages: list[Mapping[str, Any]] | None,
    ) -> None:
        if stages is None:
            return
        own = await self._own_channel_targets(contact, stages)
        if own is None:
            return
        if not own:
            if await self._channel_infos(stages):
                what = "pages only channels of another contact"
            else:
                what = "pages no channel (no stages, or no channel targets)"
            self._warn(
                holder,
                f"{prefix}stages: the engagement plan of Contact {contact.name!r} {what}, so an "
                f"incident that engages it pages nobody. {PAGE_HINT}.",
            )
            return
        for channel in own:
            status = await self._plain(channel.resource.__dict__.get("activationStatus"))
            if isinstance(status, str) and status != "ACTIVATED":
                self._warn(
                    channel,
                    f"the channel is {status}, and the engagement plan of Contact "
                    f"{contact.name!r} ({holder.type_name} {holder.name!r}) pages it: until it "
                    f"is activated, Incident Manager does not page it. {ACTIVATE}.",
                )

    async def _schedule_pages_nobody(self, schedule: Declared) -> str:
        from ..dynamic.rotation import Rotation
        from .coverage import rotation_spec, rotation_start, week_after
        from .shifts import RotationSpecError, coverage_gaps

        sources = [schedule.props.get("plan")] + [
            d.props.get("rotationIds")
            for d in self.declared
            if d.type_name == "ContactPlan"
            and schedule in await self._targets(d.props.get("contactId"), "Contact")
        ]
        rotations: list[Rotation] = []
        for source in sources:
            if isinstance(source, pulumi.Output):
                found = await source.resources()
                rotations += [r for r in found if isinstance(r, Rotation) and r not in rotations]
        if not rotations:
            return ""
        silent: list[str] = []
        for rotation in rotations:
            members = rotation.args.contact_ids
            for value in members if isinstance(members, list) else [members]:
                for member in await self._targets(value, "Contact"):
                    if member.name not in silent and await self._person_pages_nobody(member):
                        silent.append(member.name)
        specs = [await rotation_spec(r) for r in rotations]
        known = [s for s in specs if s is not None]
        if len(known) < len(specs):
            return ""
        try:
            week = week_after(max(rotation_start(s) for s in known))
            gaps = coverage_gaps(known, week_start=week)
        except (RotationSpecError, ValueError):
            return ""
        reasons = []
        if gaps:
            hours = sum(g.duration.total_seconds() for g in gaps) / 3600
            reasons.append(f"has nobody on call for {hours:g} h of a week")
        if silent:
            names = ", ".join(repr(n) for n in silent)
            reasons.append(f"has rotation members who page nobody when on call ({names})")
        return " and ".join(reasons)

    def _warn(self, on: Declared, message: str) -> None:
        pulumi.log.warn(f"{on.type_name} {on.name!r}: {message}", on.resource)
