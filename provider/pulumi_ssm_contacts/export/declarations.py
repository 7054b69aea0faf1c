"""A live setup as the resources a program declares, whatever the language.

Inputs are bag values (camelCase keys, as the engines compare them) exactly as AWS holds
them; an ARN of a declared resource becomes a :class:`Ref` to it, a delivery address a
:class:`SecretConfig` key. A PERSONAL contact's plan is a ContactPlan of its own (it pages
the contact's channels, which exist only after the contact: the cycle), an escalation's or
an on-call schedule's plan is inline, but for escalations that engage each other (or
themselves), whose plans go in ContactPlans after every contact. What cannot be declared, or
needs a person's attention, is a :class:`Note`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..core import bag as bags
from ..core.channel_markers import marked_owner
from ..core.ownership import OWNER_TAG, PLAN_OWNER_TAG, RESERVED_PREFIX
from ..resources.rotation import canonical_time
from .live import LiveChannel, LiveContact, LiveRotation, LiveSetup
from .naming import Names, slug

KINDS = ("Contact", "ContactChannel", "ContactPlan", "Rotation")


@dataclass(frozen=True)
class Ref:
    """The ``arn`` output of the declared resource ``name``."""

    name: str


@dataclass(frozen=True)
class SecretConfig:
    """A secret config value of the stack: a channel's delivery address, never read here."""

    key: str
    channel_arn: str
    what: str
    """``the SMS address of channel 'Phone' of contact akua``."""


@dataclass(frozen=True)
class Declaration:
    """One resource of the program: ``inputs`` hold bag keys with Ref and SecretConfig values."""

    kind: str
    name: str
    import_id: str
    inputs: dict[str, Any]


@dataclass(frozen=True)
class Note:
    """Something the README lists: what, and what to do."""

    subject: str
    what: str
    todo: str


@dataclass
class Export:
    """What an export writes, language-neutral."""

    region: str
    declarations: list[Declaration] = field(default_factory=list)
    secrets: list[SecretConfig] = field(default_factory=list)
    left_out: list[Note] = field(default_factory=list)
    """Resources in AWS the program does not declare."""
    attention: list[Note] = field(default_factory=list)
    """Declared, but something about them needs a person (activation, overrides, ARNs)."""

    def count(self, kind: str) -> int:
        """How many resources of ``kind`` the program declares."""
        return sum(1 for d in self.declarations if d.kind == kind)


def declare(setup: LiveSetup) -> Export:
    """The program for ``setup``."""
    return _Builder(setup).build()


class _Builder:
    def __init__(self, setup: LiveSetup) -> None:
        self.setup = setup
        self.out = Export(setup.region)
        self.names = Names()
        self.declared: dict[str, str] = {}
        """ARN -> resource name, for every contact, channel and rotation declared."""
        self.left_out: dict[str, str] = {}
        """ARN -> why it is not declared."""
        self.managed: dict[str, bool] = {}
        """Contact ARN -> whether the program declares its plan."""

    # -- which resources, named -----------------------------------------------------------

    def build(self) -> Export:
        contacts = [c for c in self.setup.contacts if self._keeps_contact(c)]
        for contact in contacts:
            self.declared[contact.arn] = self.names.take(slug(contact.alias, "contact"))
        channels = [(c, ch) for c in contacts for ch in c.channels if self._keeps_channel(c, ch)]
        for contact, channel in channels:
            base = f"{self.declared[contact.arn]}-{slug(channel.name, 'channel')}"
            self.declared[channel.arn] = self.names.take(base)
        rotations = [r for r in self.setup.rotations if self._keeps_rotation(r)]
        for rotation in rotations:
            self.declared[rotation.arn] = self.names.take(slug(rotation.name, "rotation"))
        for arn in self.setup.gone:
            self.out.left_out.append(
                Note(arn, "deleted while the export read it", "export again to be sure")
            )

        self.managed = {c.arn: self._manages_plan(c) for c in contacts}
        by_type = {t: [c for c in contacts if c.type == t] for t in _CONTACT_TYPES}
        for contact in by_type["PERSONAL"]:
            self._contact(contact, None)
        for contact, channel in channels:
            self._channel(contact, channel)
        for contact in by_type["PERSONAL"]:
            if self.managed[contact.arn]:
                self._plan(contact)
        for rotation in rotations:
            self._rotation(rotation)
        for contact in by_type["ONCALL_SCHEDULE"]:
            self._contact(contact, self._inline_plan(contact))
        inline, separate = self._escalation_order(by_type["ESCALATION"])
        for contact in separate:
            self._contact(contact, None)
        for contact in inline:
            self._contact(contact, self._inline_plan(contact))
        for contact in separate:
            self._plan(contact)
        for contact in [*by_type["PERSONAL"], *by_type["ESCALATION"]]:
            if not _has_stages(contact) and not contact.tags.get(PLAN_OWNER_TAG):
                self.out.attention.append(
                    Note(
                        f"contact {contact.alias}",
                        "has no engagement plan in AWS (no stages), so none is declared: an "
                        "incident that engages it pages nobody",
                        "add a `ContactPlan` for it (or set the Contact's `plan`) in a later "
                        "`pulumi up`",
                    )
                )
        return self.out

    def _keeps_contact(self, contact: LiveContact) -> bool:
        owner = contact.tags.get(OWNER_TAG)
        if owner:
            self._leave_out(
                contact.arn,
                f"contact {contact.alias}",
                f"managed by the Pulumi resource {owner} (its owner tag), with its channels "
                "and plan",
                "manage it from that stack; to move it here, remove it from that program (or "
                "`pulumi state delete` it there) and remove its `pulumi-ssm-contacts/owner` "
                "tag, then export again",
            )
            for channel in contact.channels:
                self.left_out[channel.arn] = (
                    f"a channel of contact {contact.alias}, managed by {owner}"
                )
        return not owner

    def _keeps_channel(self, contact: LiveContact, channel: LiveChannel) -> bool:
        owner = marked_owner(contact.tags, channel.arn)
        if owner:
            self._leave_out(
                channel.arn,
                f"channel {channel.name!r} of contact {contact.alias}",
                f"managed by the Pulumi resource {owner} (the marker on its contact)",
                "manage it from that stack; to move it here, drop it from that stack and "
                "export again",
            )
        return not owner

    def _keeps_rotation(self, rotation: LiveRotation) -> bool:
        owner = rotation.tags.get(OWNER_TAG)
        if owner:
            self._leave_out(
                rotation.arn,
                f"rotation {rotation.name!r}",
                f"managed by the Pulumi resource {owner} (its owner tag)",
                "manage it from that stack; to move it here, drop it from that stack and "
                "remove its `pulumi-ssm-contacts/owner` tag, then export again",
            )
        return not owner

    def _leave_out(self, arn: str, subject: str, why: str, todo: str) -> None:
        self.left_out[arn] = f"{subject}, {why}"
        self.out.left_out.append(Note(f"{subject} ({arn})", why, todo))

    def _manages_plan(self, contact: LiveContact) -> bool:
        """Whether the program declares the contact's plan: it has one, and no other
        Pulumi resource's plan-owner tag claims it."""
        plan_owner = contact.tags.get(PLAN_OWNER_TAG)
        if plan_owner and _has_plan(contact.plan):
            self._leave_out(
                contact.arn + " (plan)",
                f"the plan of contact {contact.alias}",
                f"managed by the Pulumi resource {plan_owner} (its plan-owner tag); the contact "
                "itself is declared",
                "manage the plan from that stack, or drop it there and remove the tag "
                "`pulumi-ssm-contacts/plan-owner`, then export again",
            )
        return _has_plan(contact.plan) and not plan_owner

    # -- resources ------------------------------------------------------------------------

    def _add(self, kind: str, name: str, import_id: str, inputs: dict[str, Any]) -> None:
        clean = {k: v for k, v in inputs.items() if v is not None}
        self.out.declarations.append(Declaration(kind, name, import_id, clean))

    def _contact(self, contact: LiveContact, plan: dict[str, Any] | None) -> None:
        self._add(
            "Contact",
            self.declared[contact.arn],
            contact.arn,
            {
                "alias": contact.alias,
                "type": contact.type,
                "displayName": contact.display_name,
                "plan": plan,
                "tags": _user_tags(contact.tags),
            },
        )

    def _channel(self, contact: LiveContact, channel: LiveChannel) -> None:
        name = self.declared[channel.arn]
        secret = SecretConfig(
            self.names.take(f"{name}-address"),
            channel.arn,
            f"the {channel.type} address of channel {channel.name!r} of contact {contact.alias}",
        )
        self.out.secrets.append(secret)
        self._add(
            "ContactChannel",
            name,
            channel.arn,
            {
                "contactId": Ref(self.declared[contact.arn]),
                "name": channel.name,
                "type": channel.type,
                "deliveryAddress": secret,
            },
        )
        if channel.activation_status != "ACTIVATED":
            self.out.attention.append(
                Note(
                    f"channel {channel.name!r} of contact {contact.alias} ({name})",
                    f"is {channel.activation_status}: Incident Manager does not page it until "
                    "its owner activates it (it is declared and adopted all the same)",
                    "`aws ssm-contacts send-activation-code --contact-channel-id "
                    f"{channel.arn}`, then `aws ssm-contacts activate-contact-channel "
                    f"--contact-channel-id {channel.arn} --activation-code <code>`; "
                    "`pulumi refresh` then records it as ACTIVATED",
                )
            )

    def _plan(self, contact: LiveContact) -> None:
        plan = self._plan_bag(contact)
        self._add(
            "ContactPlan",
            self.names.take(f"{self.declared[contact.arn]}-plan"),
            contact.arn,
            {"contactId": Ref(self.declared[contact.arn]), **plan},
        )

    def _inline_plan(self, contact: LiveContact) -> dict[str, Any] | None:
        return self._plan_bag(contact) if self.managed[contact.arn] else None

    def _plan_bag(self, contact: LiveContact) -> dict[str, Any]:
        """The plan in bag form, references resolved (``stages`` and/or ``rotationIds``)."""
        found: dict[str, Any] = bags.from_api(dict(contact.plan))
        plan: dict[str, Any] = {}
        if found.get("stages"):
            plan["stages"] = found["stages"]
        if found.get("rotationIds"):
            plan["rotationIds"] = found["rotationIds"]
        resolved: dict[str, Any] = self._resolve(plan, f"the plan of contact {contact.alias}")
        return resolved

    def _rotation(self, rotation: LiveRotation) -> None:
        recurrence: dict[str, Any] = bags.from_api(dict(rotation.recurrence))
        coverages = recurrence.get("shiftCoverages")
        if isinstance(coverages, Mapping):  # day keys stay MON, TUE, ...
            recurrence["shiftCoverages"] = {d.upper(): v for d, v in coverages.items()}
        subject = f"rotation {rotation.name!r}"
        self._add(
            "Rotation",
            self.declared[rotation.arn],
            rotation.arn,
            {
                "name": rotation.name,
                "contactIds": self._resolve(
                    list(rotation.contact_ids), f"the members of {subject}"
                ),
                "startTime": canonical_time(rotation.start_time),
                "timeZoneId": rotation.time_zone_id,
                "recurrence": recurrence,
                "tags": _user_tags(rotation.tags),
            },
        )
        if rotation.overrides:
            self.out.attention.append(
                Note(
                    f"{subject} ({self.declared[rotation.arn]})",
                    f"has {rotation.overrides} override(s) in the coming year; overrides are not "
                    "resources of this package, so none is declared. Adopting the rotation leaves "
                    "them as they are",
                    "keep managing them with `aws ssm-contacts create-rotation-override` / "
                    f"`delete-rotation-override --rotation-id {rotation.arn}` (or the console)",
                )
            )

    # -- references -----------------------------------------------------------------------

    def _resolve(self, value: Any, where: str) -> Any:
        """``value`` with each declared resource's ARN as a Ref; any other ARN stays written
        out, and the README says why."""
        if isinstance(value, Mapping):
            return {k: self._resolve(v, where) for k, v in value.items()}
        if isinstance(value, list):
            return [self._resolve(v, where) for v in value]
        if isinstance(value, str) and bags.arn_kind(value):
            if value in self.declared:
                return Ref(self.declared[value])
            self.out.attention.append(
                Note(where, f"names {value}, {self._why_not_declared(value)}", self._todo(value))
            )
        return value

    def _why_not_declared(self, arn: str) -> str:
        if arn in self.left_out:
            return (
                f"which this program does not declare ({self.left_out[arn]}): the ARN is "
                "written as is"
            )
        region = _region(arn)
        if region and region != self.setup.region:
            return (
                f"in region {region}, not {self.setup.region}: exports are per region, so the "
                "ARN is written as is"
            )
        return f"which {self.setup.region} does not hold (deleted?): the ARN is written as is"

    def _todo(self, arn: str) -> str:
        if arn in self.left_out:
            return "see Left out: once that resource can be exported, export again"
        region = _region(arn)
        if region and region != self.setup.region:
            return (
                f"export {region} too (`--region {region}`) if you want it as code; keep the "
                "ARN as long as that resource exists"
            )
        return "check the ARN: AWS refuses a plan or rotation naming a resource that is gone"

    def _escalation_order(
        self, escalations: list[LiveContact]
    ) -> tuple[list[LiveContact], list[LiveContact]]:
        """Escalations with an inline plan, each after the escalations it engages; and those
        whose plan is a ContactPlan (engaging itself, or in a loop of escalations)."""
        declared = {c.arn: c for c in escalations}
        needs = {c.arn: _engaged(c) & set(declared) for c in escalations}
        managed = [c for c in escalations if self.managed[c.arn]]
        separate = [c for c in managed if c.arn in needs[c.arn]]
        inline = [c for c in escalations if not self.managed[c.arn]]  # no plan to declare
        placed = {c.arn for c in [*separate, *inline]}
        pending = [c for c in managed if c.arn not in placed]
        while pending:
            ready = [c for c in pending if needs[c.arn] <= placed]
            if not ready:  # a loop: its first escalation's plan is declared on its own
                separate.append(pending[0])
                placed.add(pending[0].arn)
                pending.remove(pending[0])
                continue
            inline += ready
            placed |= {c.arn for c in ready}
            pending = [c for c in pending if c not in ready]
        return inline, separate


_CONTACT_TYPES = ("PERSONAL", "ONCALL_SCHEDULE", "ESCALATION")


def _engaged(contact: LiveContact) -> set[str]:
    return {
        str(target["ContactTargetInfo"].get("ContactId"))
        for stage in contact.plan.get("Stages") or []
        for target in stage.get("Targets") or []
        if target.get("ContactTargetInfo")
    }


def _has_plan(plan: Mapping[str, Any]) -> bool:
    return bool(plan.get("Stages") or plan.get("RotationIds"))


def _has_stages(contact: LiveContact) -> bool:
    return bool(contact.plan.get("Stages")) or contact.type == "ONCALL_SCHEDULE"


def _user_tags(tags: Mapping[str, str]) -> dict[str, str] | None:
    """The tags but this package's own; None for none."""
    kept = {k: v for k, v in sorted(tags.items()) if not k.startswith(RESERVED_PREFIX)}
    return kept or None


def _region(arn: str) -> str | None:
    try:
        return bags.region_of(arn)
    except ValueError:
        return None
