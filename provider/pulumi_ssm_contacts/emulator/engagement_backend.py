"""The backend's engagement, page, rotation-override and contact-policy operations.

A mixin of :class:`~pulumi_ssm_contacts.emulator.models.SSMContactsBackend`: the state lives
on the backend (``engagements``, ``rotation_overrides``, ``policies``), the rules here. Rules
and sources: docs/emulator.md, "Engagements", "Rotation overrides", "Contact policies".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from uuid import uuid4

from moto.utilities.paginator import paginate

from ..oncall import paging, shifts
from . import arns
from .clock import CLOCK
from .engagements import Acceptance, Engagement, Page, moment
from .exceptions import ResourceNotFoundException
from .pagination import paged
from .resources import JSON
from .rules import invalid, new_activation_code

if TYPE_CHECKING:
    from .idempotency import IdempotencyTokens
    from .resources import Contact, ContactChannel, Rotation

PAGINATION_MODEL = {
    **paged("arn", "list_engagements", "list_pages_by_contact", "list_pages_by_engagement"),
    **paged("key", "list_page_receipts"),
    **paged("override_id", "list_rotation_overrides"),
}


@dataclass
class RotationOverride:
    """CreateRotationOverride: ``new_contact_ids`` on call instead, from ``start`` to ``end``."""

    override_id: str
    rotation_arn: str
    new_contact_ids: list[str]
    start: float
    end: float
    create_time: float

    def summary(self) -> JSON:
        """As ListRotationOverrides returns it."""
        return {
            "RotationOverrideId": self.override_id,
            "NewContactIds": list(self.new_contact_ids),
            "StartTime": self.start,
            "EndTime": self.end,
            "CreateTime": self.create_time,
        }

    def describe(self) -> JSON:
        """As GetRotationOverride returns it."""
        return {**self.summary(), "RotationArn": self.rotation_arn}

    def to_shifts(self) -> shifts.Override:
        """For the shift computation."""
        return shifts.Override(tuple(self.new_contact_ids), moment(self.start), moment(self.end))


class EngagementsMixin:
    """Engagements, pages, receipts, rotation overrides and contact policies."""

    region_name: str
    account_id: str
    contacts: dict[str, Contact]
    channels: dict[str, ContactChannel]
    rotations: dict[str, Rotation]
    tokens: IdempotencyTokens
    engagements: dict[str, Engagement]
    rotation_overrides: dict[str, list[RotationOverride]]
    policies: dict[str, str]

    if TYPE_CHECKING:  # the backend's lookups

        def _contact(self, contact_id: str) -> Contact: ...

        def _rotation(self, rotation_id: str) -> Rotation: ...

    # -- the setup the paging engine reads ------------------------------------

    def paging_setup(self) -> paging.Setup:
        """Contacts, channels, rotations and overrides as the paging engine reads them."""
        rotations: dict[str, shifts.RotationSpec] = {}
        for arn, rotation in self.rotations.items():
            try:
                rotations[arn] = shifts.RotationSpec.from_api(rotation.describe())
            except shifts.RotationSpecError:
                continue  # a rotation the computation cannot use has nobody on call
        return paging.Setup(
            contacts={
                arn: paging.ContactInfo(arn, c.alias, c.type, c.plan)
                for arn, c in self.contacts.items()
            },
            channels={
                arn: paging.ChannelInfo(
                    arn, c.contact_arn, c.name, c.type, c.activation_status == "ACTIVATED"
                )
                for arn, c in self.channels.items()
            },
            rotations=rotations,
            overrides={
                arn: [o.to_shifts() for o in found]
                for arn, found in self.rotation_overrides.items()
            },
        )

    def overrides_of(self, rotation_arn: str) -> list[shifts.Override]:
        """A rotation's overrides for the shift computation, in creation order."""
        return [o.to_shifts() for o in self.rotation_overrides.get(rotation_arn, [])]

    # -- engagements ----------------------------------------------------------

    def start_engagement(
        self,
        contact_id: str,
        sender: str,
        subject: str,
        content: str,
        public_subject: str | None,
        public_content: str | None,
        incident_id: str | None,
        idempotency_token: str | None,
    ) -> JSON:
        """Engage the contact now (the emulator's clock); a replayed token returns the first."""
        replay = self.tokens.replay("StartEngagement", idempotency_token)
        if replay is not None:
            return replay
        contact = self._contact(contact_id)
        now = CLOCK.now()
        timeline = paging.engage(self.paging_setup(), contact.arn, moment(now))
        arn = arns.engagement_arn(self.region_name, self.account_id, contact.alias, str(uuid4()))
        engagement = Engagement(
            arn,
            contact.arn,
            sender,
            subject,
            content,
            public_subject,
            public_content,
            incident_id,
            now,
            timeline,
        )
        for engaged in timeline.engaged:
            alias = engaged.contact_arn.rsplit("/", 1)[-1]
            page_arn = arns.page_arn(self.region_name, self.account_id, alias, str(uuid4()))
            message_ids = tuple(uuid4().hex for _ in engaged.sends)
            page = Page(page_arn, engagement, engaged, new_activation_code(), message_ids)
            engagement.pages.append(page)
        self.engagements[arn] = engagement
        return self.tokens.remember(
            "StartEngagement", idempotency_token, {"EngagementArn": arn}, arn
        )

    def _engagement(self, engagement_id: str) -> Engagement:
        try:
            return self.engagements[engagement_id]
        except KeyError:
            raise ResourceNotFoundException("ENGAGEMENT", engagement_id) from None

    def _page(self, page_id: str) -> Page:
        now = CLOCK.now()
        for engagement in self.engagements.values():
            for page in engagement.visible_pages(now):
                if page.arn == page_id:
                    return page
        raise ResourceNotFoundException("PAGE", page_id)

    def describe_engagement(self, engagement_id: str) -> Engagement:
        """The engagement, or ResourceNotFoundException."""
        return self._engagement(engagement_id)

    def stop_engagement(self, engagement_id: str, reason: str | None) -> None:
        """Stop paging: nothing after now is sent; unread pages get a STOP receipt."""
        engagement = self._engagement(engagement_id)
        if engagement.stop_time is not None:
            return
        now = CLOCK.now()
        for page in engagement.visible_pages(now):
            if page.read_time() is None:
                page.stopped_at = now
        engagement.stop_time = now

    @paginate(pagination_model=PAGINATION_MODEL)
    def list_engagements(
        self, incident_id: str | None, time_range: JSON | None
    ) -> list[Engagement]:
        """Engagements in start order, by incident and/or started within the time range."""
        start = _seconds((time_range or {}).get("StartTime"))
        end = _seconds((time_range or {}).get("EndTime"))
        return [
            e
            for e in sorted(self.engagements.values(), key=lambda e: e.start_time)
            if (incident_id is None or e.incident_id == incident_id)
            and (start is None or e.start_time >= start)
            and (end is None or e.start_time <= end)
        ]

    @paginate(pagination_model=PAGINATION_MODEL)
    def list_pages_by_engagement(self, engagement_id: str) -> list[Page]:
        """The engagement's pages the clock has reached, in time order."""
        return self._engagement(engagement_id).visible_pages(CLOCK.now())

    @paginate(pagination_model=PAGINATION_MODEL)
    def list_pages_by_contact(self, contact_id: str) -> list[Page]:
        """Every page to the contact, in time order."""
        contact = self._contact(contact_id)
        now = CLOCK.now()
        pages = [
            p
            for e in self.engagements.values()
            for p in e.visible_pages(now)
            if p.engaged.contact_arn == contact.arn
        ]
        return sorted(pages, key=lambda p: p.sent_time)

    def describe_page(self, page_id: str) -> Page:
        """A page the clock has reached, or ResourceNotFoundException."""
        return self._page(page_id)

    @paginate(pagination_model=PAGINATION_MODEL)
    def list_page_receipts(self, page_id: str) -> list[JSON]:
        """The page's receipts, in time order."""
        return self._page(page_id).receipts(CLOCK.now())

    def list_page_resolutions(self, page_id: str) -> list[JSON]:
        """How the engagement reached the page's contact."""
        types = {arn: c.type for arn, c in self.contacts.items()}
        return self._page(page_id).resolutions(types)

    def accept_page(
        self,
        page_id: str,
        channel_id: str | None,
        accept_type: str,
        note: str | None,
        accept_code: str,
        validation: str | None,
    ) -> None:
        """Record DELIVERED or READ; READ acknowledges the page (docs/emulator.md)."""
        page = self._page(page_id)
        if validation == "ENFORCE" and accept_code != page.accept_code:
            raise invalid("Accept code is invalid")
        if channel_id is not None and channel_id not in {s.channel_arn for s in page.engaged.sends}:
            raise invalid(f"Contact channel {channel_id} was not engaged by page {page.arn}")
        page.acceptances.append(Acceptance(CLOCK.now(), accept_type, channel_id, accept_code, note))

    # -- rotation overrides ---------------------------------------------------

    def create_rotation_override(
        self,
        rotation_id: str,
        new_contact_ids: list[str],
        start_time: Any,
        end_time: Any,
        idempotency_token: str | None,
    ) -> JSON:
        """Put ``new_contact_ids`` on call instead from start to end."""
        replay = self.tokens.replay("CreateRotationOverride", idempotency_token)
        if replay is not None:
            return replay
        rotation = self._rotation(rotation_id)
        for contact_id in new_contact_ids:
            contact = self.contacts.get(contact_id)
            if contact is None:
                raise invalid(f"Contact {contact_id} not found")
            if contact.type != "PERSONAL":
                raise invalid(
                    f"Contact {contact_id} is of type {contact.type}; only PERSONAL contacts "
                    "can be on call"
                )
        start, end = _seconds(start_time), _seconds(end_time)
        assert start is not None and end is not None  # both required by the model
        if end <= start:
            raise invalid("EndTime must be after StartTime")
        override = RotationOverride(
            str(uuid4()), rotation.arn, list(new_contact_ids), start, end, CLOCK.now()
        )
        self.rotation_overrides.setdefault(rotation.arn, []).append(override)
        return self.tokens.remember(
            "CreateRotationOverride",
            idempotency_token,
            {"RotationOverrideId": override.override_id},
            rotation.arn,
        )

    def _override(self, rotation_id: str, override_id: str) -> RotationOverride:
        rotation = self._rotation(rotation_id)
        for override in self.rotation_overrides.get(rotation.arn, []):
            if override.override_id == override_id:
                return override
        raise ResourceNotFoundException("ROTATION_OVERRIDE", override_id)

    def get_rotation_override(self, rotation_id: str, override_id: str) -> RotationOverride:
        """The override, or ResourceNotFoundException."""
        return self._override(rotation_id, override_id)

    def delete_rotation_override(self, rotation_id: str, override_id: str) -> None:
        """Remove the override."""
        override = self._override(rotation_id, override_id)
        self.rotation_overrides[override.rotation_arn].remove(override)

    @paginate(pagination_model=PAGINATION_MODEL)
    def list_rotation_overrides(
        self, rotation_id: str, start_time: Any, end_time: Any
    ) -> list[RotationOverride]:
        """The rotation's overrides that overlap the window, in creation order."""
        rotation = self._rotation(rotation_id)
        start, end = _seconds(start_time), _seconds(end_time)
        return [
            o
            for o in self.rotation_overrides.get(rotation.arn, [])
            if (end is None or o.start < end) and (start is None or o.end > start)
        ]

    # -- contact policies -----------------------------------------------------

    def put_contact_policy(self, contact_arn: str, policy: str) -> None:
        """Store the contact's resource policy (a JSON document)."""
        contact = self._contact(contact_arn)
        try:
            document = json.loads(policy)
        except ValueError:
            raise invalid("Policy must be a JSON policy document") from None
        if not isinstance(document, dict):
            raise invalid("Policy must be a JSON policy document")
        self.policies[contact.arn] = policy

    def get_contact_policy(self, contact_arn: str) -> JSON:
        """The contact's ARN and its policy (none put: no Policy)."""
        contact = self._contact(contact_arn)
        out: JSON = {"ContactArn": contact.arn}
        if contact.arn in self.policies:
            out["Policy"] = self.policies[contact.arn]
        return out


def _seconds(value: Any) -> float | None:
    """Epoch seconds of a parsed timestamp member (None stays None)."""
    if value is None:
        return None
    return shifts.instant(value, "timestamp").timestamp()
