"""The paging engine: who an engagement pages, when, and through which channel.

An engagement of a contact at a time runs its plan (docs/oncall.md, "Paging", gives each rule
and its source; where AWS is silent the rule is marked as our choice):

- a PERSONAL contact's plan pages its channels stage by stage: stage ``k`` starts when the
  stages before it have lasted their ``DurationInMinutes``; each channel target is sent to at
  its stage's start and, with a ``RetryIntervalInMinutes``, again every interval while the
  stage lasts (our choice); a channel that is not ACTIVATED, or no longer exists, is not sent
  to (AWS: "Incident Manager can't engage a contact until the contact channel has been
  activated");
- an ESCALATION contact's plan engages its contact targets stage by stage, each through its
  own plan, starting at its stage's start;
- an ONCALL_SCHEDULE engages whoever is on call at that moment in any of its rotations (the
  shifts of :mod:`pulumi_ssm_contacts.oncall.shifts`, overrides included), each through their plan.

Each PERSONAL contact reached is one :class:`Engaged` (one page in the API); its
:class:`Send`\\ s are the receipts ``SENT``. :func:`stops` says which later sends an
acknowledgement cancels. Pure: only the standard library and :mod:`..shifts`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from . import shifts

MAX_DEPTH = 10
"""Most nested contacts one engagement follows (an escalation engaging itself is cut)."""


@dataclass(frozen=True)
class ChannelInfo:
    """A contact channel: what paging needs of it (never its delivery address)."""

    arn: str
    contact_arn: str
    name: str
    type: str
    activated: bool


@dataclass(frozen=True)
class ContactInfo:
    """A contact and its plan (the API's ``Plan``: ``Stages`` and/or ``RotationIds``)."""

    arn: str
    alias: str
    type: str
    plan: Mapping[str, Any]


@dataclass(frozen=True)
class Setup:
    """Everything an engagement may reach, by ARN."""

    contacts: Mapping[str, ContactInfo]
    channels: Mapping[str, ChannelInfo]
    rotations: Mapping[str, shifts.RotationSpec]
    overrides: Mapping[str, Sequence[shifts.Override]] = field(default_factory=dict)
    """Each rotation's overrides, in creation order (a later one wins where they overlap)."""

    def alias(self, arn: str) -> str:
        """The contact's alias, else the last part of its ARN."""
        contact = self.contacts.get(arn)
        return contact.alias if contact else arn.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Step:
    """How an engagement reached a contact: ``contact_arn``'s stage ``stage_index`` (None for
    an on-call schedule) engaged the next one, ``essential`` as its target said."""

    contact_arn: str
    contact_type: str
    stage_index: int | None
    essential: bool


@dataclass(frozen=True)
class Send:
    """A page sent through a channel at a time (a ``SENT`` receipt)."""

    time: datetime
    channel_arn: str
    stage_index: int


@dataclass(frozen=True)
class Skip:
    """A channel a plan targets that is not sent to, and why (``NOT_ACTIVATED``...)."""

    time: datetime
    channel_arn: str
    reason: str


@dataclass(frozen=True)
class Engaged:
    """A PERSONAL contact engaged at ``time`` through ``path``: one page."""

    contact_arn: str
    time: datetime
    path: tuple[Step, ...]
    sends: tuple[Send, ...]
    skipped: tuple[Skip, ...] = ()


@dataclass(frozen=True)
class DeadEnd:
    """A contact the engagement reached that pages nobody, and why."""

    time: datetime
    contact_arn: str
    path: tuple[Step, ...]
    reason: str
    skipped: tuple[Skip, ...] = ()
    """For a person: the channels its plan targets that cannot be paged."""


@dataclass(frozen=True)
class Timeline:
    """An engagement with nobody acknowledging: its pages and its dead ends, in time order."""

    engaged: tuple[Engaged, ...]
    dead_ends: tuple[DeadEnd, ...]

    def sends(self) -> list[tuple[Engaged, Send]]:
        """Every send with its page, in time order (ties: in the order the plan gives)."""
        pairs = [(e, s) for e in self.engaged for s in e.sends]
        return sorted(pairs, key=lambda pair: pair[1].time)


def engage(setup: Setup, contact_arn: str, at: datetime) -> Timeline:
    """What engaging ``contact_arn`` at ``at`` (timezone-aware) pages, nobody acknowledging."""
    walk = _Walk(setup)
    walk.contact(contact_arn, shifts.instant(at, "at"), ())
    engaged = sorted(walk.engaged, key=lambda e: e.time)
    return Timeline(tuple(engaged), tuple(sorted(walk.dead_ends, key=lambda d: d.time)))


def stops(acknowledged: Engaged, at: datetime, other: Engaged, time: datetime) -> bool:
    """Whether acknowledging ``acknowledged`` at ``at`` cancels what ``other`` does at ``time``.

    After an acknowledgement, the acknowledged contact is paged no more; and where it was
    reached through an essential target of an escalation stage, that escalation's later stages
    engage nobody more (AWS: ``IsEssential``, "A Boolean value determining if the contact's
    acknowledgement stops the progress of stages in the plan").
    """
    if time <= at:
        return False
    if other is acknowledged:
        return True
    for index, step in enumerate(acknowledged.path):
        if not step.essential or step.stage_index is None or len(other.path) <= index:
            continue
        theirs = other.path[index]
        if (
            other.path[:index] == acknowledged.path[:index]
            and theirs.contact_arn == step.contact_arn
            and theirs.stage_index is not None
            and theirs.stage_index > step.stage_index
        ):
            return True
    return False


class _Walk:
    """One engagement's walk through the setup."""

    def __init__(self, setup: Setup) -> None:
        self.setup = setup
        self.engaged: list[Engaged] = []
        self.dead_ends: list[DeadEnd] = []

    def dead_end(
        self,
        at: datetime,
        arn: str,
        path: tuple[Step, ...],
        reason: str,
        skipped: Sequence[Skip] = (),
    ) -> None:
        self.dead_ends.append(DeadEnd(at, arn, path, reason, tuple(skipped)))

    def contact(self, arn: str, at: datetime, path: tuple[Step, ...]) -> None:
        contact = self.setup.contacts.get(arn)
        if contact is None:
            self.dead_end(at, arn, path, "the contact does not exist")
        elif any(step.contact_arn == arn for step in path) or len(path) >= MAX_DEPTH:
            self.dead_end(at, arn, path, "the plan engages a contact that engaged it")
        elif contact.type == "PERSONAL":
            self.personal(contact, at, path)
        elif contact.type == "ESCALATION":
            self.escalation(contact, at, path)
        elif contact.type == "ONCALL_SCHEDULE":
            self.schedule(contact, at, path)
        else:
            self.dead_end(at, arn, path, f"contacts of type {contact.type} are not engaged")

    def personal(self, contact: ContactInfo, at: datetime, path: tuple[Step, ...]) -> None:
        sends: list[Send] = []
        skipped: list[Skip] = []
        stages = _stages(contact.plan)
        start = at
        for index, stage in enumerate(stages):
            duration = timedelta(minutes=int(stage.get("DurationInMinutes") or 0))
            for target in stage.get("Targets") or []:
                info = target.get("ChannelTargetInfo")
                if not info:
                    continue
                channel_arn = str(info.get("ContactChannelId", ""))
                channel = self.setup.channels.get(channel_arn)
                reason = _unsendable(channel, contact.arn)
                if reason:
                    skipped.append(Skip(start, channel_arn, reason))
                    continue
                retry = timedelta(minutes=int(info.get("RetryIntervalInMinutes") or 0))
                sends.append(Send(start, channel_arn, index))
                moment = start + retry
                while retry and moment < start + duration:
                    sends.append(Send(moment, channel_arn, index))
                    moment += retry
            start += duration
        if sends:
            self.engaged.append(Engaged(contact.arn, at, path, tuple(sends), tuple(skipped)))
        elif not stages:
            self.dead_end(at, contact.arn, path, "the contact's plan has no stages")
        elif skipped:
            reasons = ", ".join(sorted({s.reason for s in skipped}))
            reason = f"no channel of its plan can be paged ({reasons})"
            self.dead_end(at, contact.arn, path, reason, skipped)
        else:
            self.dead_end(at, contact.arn, path, "the contact's plan targets no channel")

    def escalation(self, contact: ContactInfo, at: datetime, path: tuple[Step, ...]) -> None:
        stages = _stages(contact.plan)
        if not stages:
            self.dead_end(at, contact.arn, path, "the escalation plan has no stages")
            return
        start = at
        for index, stage in enumerate(stages):
            for target in stage.get("Targets") or []:
                info = target.get("ContactTargetInfo")
                if not info:
                    continue
                step = Step(contact.arn, contact.type, index, bool(info.get("IsEssential")))
                self.contact(str(info.get("ContactId", "")), start, (*path, step))
            start += timedelta(minutes=int(stage.get("DurationInMinutes") or 0))

    def schedule(self, contact: ContactInfo, at: datetime, path: tuple[Step, ...]) -> None:
        on_call: list[str] = []
        for rotation_arn in contact.plan.get("RotationIds") or []:
            spec = self.setup.rotations.get(rotation_arn)
            if spec is None:
                continue
            overrides = self.setup.overrides.get(rotation_arn, ())
            until = at + timedelta(seconds=1)
            for shift in shifts.iter_shifts(spec, overrides, after=at, until=until):
                if shift.start <= at < shift.end:
                    on_call.extend(c for c in shift.contact_ids if c not in on_call)
        if not on_call:
            self.dead_end(at, contact.arn, path, "nobody is on call in its rotations")
        step = Step(contact.arn, contact.type, None, False)
        for member in on_call:
            self.contact(member, at, (*path, step))


def _stages(plan: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    stages = plan.get("Stages") or []
    return [s for s in stages if isinstance(s, Mapping)]


def _unsendable(channel: ChannelInfo | None, contact_arn: str) -> str:
    """Why a plan's channel target is not sent to ("" if it is)."""
    if channel is None:
        return "the channel does not exist"
    if channel.contact_arn != contact_arn:
        return "the channel belongs to another contact"
    if not channel.activated:
        return "NOT_ACTIVATED"
    return ""
