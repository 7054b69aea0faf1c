"""The ssm-contacts backend: state per account and region, and the rules that need it."""

from __future__ import annotations

import copy
from typing import Any
from uuid import uuid4

from moto.core.base_backend import BackendDict, BaseBackend
from moto.utilities.paginator import paginate
from moto.utilities.tagging_service import TaggingService

from ..core.service_model import service_model, validate_shape
from ..oncall import shifts
from . import arns, hooks
from .clock import CLOCK
from .engagement_backend import EngagementsMixin, RotationOverride
from .engagements import Engagement
from .exceptions import (
    ConflictException,
    ResourceNotFoundException,
    ServiceQuotaExceededException,
)
from .idempotency import IdempotencyTokens
from .pagination import paged
from .resources import JSON, Contact, ContactChannel, Rotation
from .rules import (
    MAX_ROTATIONS_PER_SCHEDULE,
    MAX_TAGS_PER_RESOURCE,
    check_delivery_address,
    check_tags,
    iana_time_zones,
    invalid,
    new_activation_code,
)

PAGINATION_MODEL = paged("arn", "list_contacts", "list_contact_channels", "list_rotations")
"""The engagement operations paginate with :data:`.engagement_backend.PAGINATION_MODEL`."""
SHIFT_PAGINATION_MODEL = paged("start", "list_preview_rotation_shifts", "list_rotation_shifts")


class SSMContactsBackend(EngagementsMixin, BaseBackend):
    """Contacts, channels, rotations, tags, engagements, rotation overrides and contact
    policies of one account in one region."""

    def __init__(self, region_name: str, account_id: str) -> None:
        super().__init__(region_name, account_id)
        self.contacts: dict[str, Contact] = {}
        self.channels: dict[str, ContactChannel] = {}
        self.rotations: dict[str, Rotation] = {}
        self.tagger = TaggingService()
        self.tokens = IdempotencyTokens(hooks.token_rules)
        self.engagements: dict[str, Engagement] = {}
        self.rotation_overrides: dict[str, list[RotationOverride]] = {}
        self.policies: dict[str, str] = {}

    # -- lookups -------------------------------------------------------------

    def _contact(self, contact_id: str) -> Contact:
        try:
            return self.contacts[contact_id]
        except KeyError:
            raise ResourceNotFoundException("CONTACT", contact_id) from None

    def _channel(self, channel_id: str) -> ContactChannel:
        try:
            return self.channels[channel_id]
        except KeyError:
            raise ResourceNotFoundException("CONTACT_CHANNEL", channel_id) from None

    def _rotation(self, rotation_id: str) -> Rotation:
        try:
            return self.rotations[rotation_id]
        except KeyError:
            raise ResourceNotFoundException("ROTATION", rotation_id) from None

    # -- contacts ------------------------------------------------------------

    def _check_plan(self, contact_type: str, plan: JSON, arn: str) -> None:
        """The contact-type and reference rules of a plan (see docs/emulator.md)."""
        stages = plan.get("Stages") or []
        rotation_ids = plan.get("RotationIds") or []
        if contact_type == "ONCALL_SCHEDULE":
            # {"Stages": []} with no rotations is refused as "stages" (Terraform #39758).
            if stages or ("Stages" in plan and not rotation_ids):
                raise invalid("ONCALL SCHEDULE contact cannot have stages in plan")
            if not rotation_ids:
                raise invalid("ONCALL SCHEDULE contact must have at least one rotation in plan")
            if len(rotation_ids) > MAX_ROTATIONS_PER_SCHEDULE:
                raise ServiceQuotaExceededException(
                    f"An on-call schedule supports up to {MAX_ROTATIONS_PER_SCHEDULE} rotations",
                    "CONTACT",
                    arn,
                    quota_code="rotations-per-on-call-schedule",
                )
        elif rotation_ids:
            raise invalid(f"{contact_type} contact cannot have rotations in plan")
        for rotation_id in rotation_ids:
            if rotation_id not in self.rotations:
                raise invalid(f"Rotation {rotation_id} not found")
        for stage in stages:
            if stage.get("DurationInMinutes") == 0 and not stage.get("Targets"):
                raise invalid("Stage duration can only be 0 if a target is specified")
            for target in stage.get("Targets") or []:
                self._check_target(contact_type, target, arn)

    def _check_target(self, contact_type: str, target: JSON, arn: str) -> None:
        """A PERSONAL plan engages the contact's own channels; an ESCALATION plan, contacts."""
        contact_info = target.get("ContactTargetInfo")
        channel_info = target.get("ChannelTargetInfo")
        if contact_type == "PERSONAL" and contact_info:
            raise invalid("PERSONAL contact plan can only engage contact channels")
        if contact_type == "ESCALATION" and channel_info:
            raise invalid("ESCALATION contact plan can only engage contacts")
        if contact_info and contact_info.get("ContactId") not in self.contacts:
            raise invalid(f"Contact {contact_info.get('ContactId')} not found")
        if channel_info:
            channel = self.channels.get(channel_info["ContactChannelId"])
            if channel is None:
                raise invalid(f"Contact channel {channel_info['ContactChannelId']} not found")
            if channel.contact_arn != arn:
                raise invalid(f"Contact channel {channel.arn} does not belong to contact {arn}")

    def create_contact(
        self,
        alias: str,
        display_name: str | None,
        contact_type: str,
        plan: JSON,
        tags: list[dict[str, str]] | None,
        idempotency_token: str | None,
    ) -> JSON:
        """Create a contact; a replayed idempotency token returns the first result."""
        replay = self.tokens.replay("CreateContact", idempotency_token)
        if replay is not None:
            return replay
        arn = arns.contact_arn(self.region_name, self.account_id, alias)
        if arn in self.contacts:
            raise ConflictException(f"Contact with alias {alias} already exists", "CONTACT", arn)
        self._check_plan(contact_type, plan, arn)
        check_tags(tags or [])
        self.contacts[arn] = Contact(arn, alias, contact_type, display_name, copy.deepcopy(plan))
        self.tagger.tag_resource(arn, tags or [])
        return self.tokens.remember("CreateContact", idempotency_token, {"ContactArn": arn}, arn)

    def get_contact(self, contact_id: str) -> Contact:
        """The contact, or ResourceNotFoundException."""
        return self._contact(contact_id)

    def update_contact(self, contact_id: str, display_name: str | None, plan: JSON | None) -> None:
        """Change the display name and/or the plan; unspecified members keep their value."""
        contact = self._contact(contact_id)
        if plan is not None:
            self._check_plan(contact.type, plan, contact.arn)
            contact.plan = copy.deepcopy(plan)
        if display_name is not None:
            contact.display_name = display_name

    def delete_contact(self, contact_id: str) -> None:
        """Delete the contact, its channels and its policy (references from other plans
        stay)."""
        contact = self._contact(contact_id)
        del self.contacts[contact.arn]
        self.tokens.resource_deleted(contact.arn)
        for arn in [a for a, c in self.channels.items() if c.contact_arn == contact.arn]:
            del self.channels[arn]
            self.tokens.resource_deleted(arn)
        self.tagger.delete_all_tags_for_resource(contact.arn)
        self.policies.pop(contact.arn, None)

    @paginate(pagination_model=PAGINATION_MODEL)
    def list_contacts(self, alias_prefix: str | None, contact_type: str | None) -> list[Contact]:
        """Contacts in alias order, filtered by alias prefix and type."""
        return [
            c
            for c in sorted(self.contacts.values(), key=lambda c: c.alias)
            if (not alias_prefix or c.alias.startswith(alias_prefix))
            and (not contact_type or c.type == contact_type)
        ]

    # -- contact channels ----------------------------------------------------

    def create_contact_channel(
        self,
        contact_id: str,
        name: str,
        channel_type: str,
        delivery_address: JSON,
        defer_activation: bool | None,
        idempotency_token: str | None,
    ) -> JSON:
        """Add a channel to a contact; it starts NOT_ACTIVATED, a code is sent unless deferred."""
        replay = self.tokens.replay("CreateContactChannel", idempotency_token)
        if replay is not None:
            return replay
        contact = self.contacts.get(contact_id)
        if contact is None:
            # CreateContactChannel's error list has no ResourceNotFoundException.
            raise invalid(f"Contact {contact_id} not found")
        check_delivery_address(channel_type, delivery_address)
        arn = arns.channel_arn(self.region_name, self.account_id, contact.alias, str(uuid4()))
        channel = ContactChannel(arn, contact.arn, name, channel_type, dict(delivery_address))
        if not defer_activation:
            channel.activation_code = new_activation_code()
        self.channels[arn] = channel
        return self.tokens.remember(
            "CreateContactChannel", idempotency_token, {"ContactChannelArn": arn}, arn
        )

    def get_contact_channel(self, channel_id: str) -> ContactChannel:
        """The channel, or ResourceNotFoundException."""
        return self._channel(channel_id)

    def update_contact_channel(
        self, channel_id: str, name: str | None, delivery_address: JSON | None
    ) -> None:
        """Rename the channel and/or change its address; a new address must be activated."""
        channel = self._channel(channel_id)
        if delivery_address is not None:
            check_delivery_address(channel.type, delivery_address)
            if delivery_address != channel.delivery_address:
                channel.activation_status = "NOT_ACTIVATED"
                channel.activation_code = None
            channel.delivery_address = dict(delivery_address)
        if name is not None:
            channel.name = name

    def delete_contact_channel(self, channel_id: str) -> None:
        """Delete the channel (plans that target it keep the reference, as AWS documents)."""
        arn = self._channel(channel_id).arn
        del self.channels[arn]
        self.tokens.resource_deleted(arn)

    @paginate(pagination_model=PAGINATION_MODEL)
    def list_contact_channels(self, contact_id: str) -> list[ContactChannel]:
        """The contact's channels in creation order."""
        contact = self._contact(contact_id)
        return [c for c in self.channels.values() if c.contact_arn == contact.arn]

    def send_activation_code(self, channel_id: str) -> None:
        """Send a new activation code to the channel (readable via the control API)."""
        self._channel(channel_id).activation_code = new_activation_code()

    def activate_contact_channel(self, channel_id: str, activation_code: str) -> None:
        """Activate the channel with the last code sent to it."""
        channel = self._channel(channel_id)
        if channel.activation_code is None or activation_code != channel.activation_code:
            raise invalid("Activation code is invalid")
        channel.activation_status = "ACTIVATED"

    def deactivate_contact_channel(self, channel_id: str) -> None:
        """Stop engagements through the channel: back to NOT_ACTIVATED."""
        self._channel(channel_id).activation_status = "NOT_ACTIVATED"

    # -- rotations -----------------------------------------------------------

    def _check_rotation_members(self, contact_ids: list[str], time_zone_id: str | None) -> None:
        for contact_id in contact_ids:
            contact = self._contact(contact_id)
            if contact.type != "PERSONAL":
                raise invalid(
                    f"Contact {contact_id} is of type {contact.type}; only PERSONAL contacts "
                    "can be in a rotation"
                )
        zones = iana_time_zones()
        if time_zone_id is not None and zones and time_zone_id not in zones:
            raise invalid(f"TimeZoneId {time_zone_id} is not an IANA time zone")

    def create_rotation(
        self,
        name: str,
        contact_ids: list[str],
        start_time: Any,
        time_zone_id: str,
        recurrence: JSON,
        tags: list[dict[str, str]] | None,
        idempotency_token: str | None,
    ) -> JSON:
        """Create a rotation of PERSONAL contacts; a replayed token returns the first result."""
        replay = self.tokens.replay("CreateRotation", idempotency_token)
        if replay is not None:
            return replay
        self._check_rotation_members(contact_ids, time_zone_id)
        check_tags(tags or [])
        arn = arns.rotation_arn(self.region_name, self.account_id, str(uuid4()))
        self.rotations[arn] = Rotation(
            arn,
            name,
            list(contact_ids),
            CLOCK.now() if start_time is None else start_time,
            time_zone_id,
            copy.deepcopy(recurrence),
        )
        self.tagger.tag_resource(arn, tags or [])
        return self.tokens.remember("CreateRotation", idempotency_token, {"RotationArn": arn}, arn)

    def get_rotation(self, rotation_id: str) -> Rotation:
        """The rotation, or ResourceNotFoundException."""
        return self._rotation(rotation_id)

    def update_rotation(
        self,
        rotation_id: str,
        contact_ids: list[str] | None,
        start_time: Any,
        time_zone_id: str | None,
        recurrence: JSON,
    ) -> None:
        """Change the rotation; unspecified optional members keep their value."""
        rotation = self._rotation(rotation_id)
        self._check_rotation_members(contact_ids or [], time_zone_id)
        if contact_ids is not None:
            rotation.contact_ids = list(contact_ids)
        if start_time is not None:
            rotation.start_time = start_time
        if time_zone_id is not None:
            rotation.time_zone_id = time_zone_id
        rotation.recurrence = copy.deepcopy(recurrence)

    def delete_rotation(self, rotation_id: str) -> None:
        """Delete the rotation and remove it from every on-call schedule, as AWS documents."""
        rotation = self._rotation(rotation_id)
        del self.rotations[rotation.arn]
        self.tokens.resource_deleted(rotation.arn)
        self.tagger.delete_all_tags_for_resource(rotation.arn)
        self.rotation_overrides.pop(rotation.arn, None)
        for contact in self.contacts.values():
            ids = contact.plan.get("RotationIds")
            if ids and rotation.arn in ids:
                contact.plan["RotationIds"] = [i for i in ids if i != rotation.arn]

    @paginate(pagination_model=PAGINATION_MODEL)
    def list_rotations(self, rotation_name_prefix: str | None) -> list[Rotation]:
        """Rotations in creation order, filtered by name prefix."""
        return [
            r
            for r in self.rotations.values()
            if not rotation_name_prefix or r.name.startswith(rotation_name_prefix)
        ]

    # -- shifts (computed by pulumi_ssm_contacts.oncall.shifts; docs/oncall.md) -----

    @paginate(pagination_model=SHIFT_PAGINATION_MODEL)
    def list_preview_rotation_shifts(
        self,
        rotation_start_time: Any,
        start_time: Any,
        end_time: Any,
        members: list[str],
        time_zone_id: str,
        recurrence: JSON,
        overrides: list[JSON] | None,
    ) -> list[shifts.RotationShift]:
        """The shifts a rotation would have; nothing is stored or looked up.

        No RotationStartTime: the window's StartTime, else now. No StartTime: the rotation's
        start. Members must be contact ARNs (the output's ContactIds are ARNs).
        """
        self._check_rotation_members([], time_zone_id)
        arn_shape = service_model().shape_for("SsmContactsArn")
        for index, member in enumerate(members):
            if validate_shape(arn_shape, member):
                raise invalid(f"Members[{index}] must be a contact ARN, not {member!r}")
        if rotation_start_time is None:
            rotation_start_time = CLOCK.now() if start_time is None else start_time
        rotation = {
            "ContactIds": members,
            "StartTime": rotation_start_time,
            "TimeZoneId": time_zone_id,
            "Recurrence": recurrence,
        }
        return self._shifts(rotation, start_time, end_time, overrides or [])

    @paginate(pagination_model=SHIFT_PAGINATION_MODEL)
    def list_rotation_shifts(
        self, rotation_id: str, start_time: Any, end_time: Any
    ) -> list[shifts.RotationShift]:
        """The rotation's shifts in the window (no StartTime: from the rotation's start), its
        overrides honoured."""
        rotation = self._rotation(rotation_id)
        overrides = [o.describe() for o in self.rotation_overrides.get(rotation.arn, [])]
        for override in overrides:
            override["NewMembers"] = override.pop("NewContactIds")
        return self._shifts(rotation.describe(), start_time, end_time, overrides)

    @staticmethod
    def _shifts(
        rotation: JSON, start_time: Any, end_time: Any, overrides: list[JSON]
    ) -> list[shifts.RotationShift]:
        try:
            spec = shifts.RotationSpec.from_api(rotation)
            window_start = None if start_time is None else shifts.instant(start_time, "StartTime")
            window_end = shifts.instant(end_time, "EndTime")
            changes = [
                shifts.Override.from_api(o, f"Overrides[{i}]") for i, o in enumerate(overrides)
            ]
            return shifts.rotation_shifts(spec, window_start, window_end, changes)
        except shifts.RotationSpecError as error:
            raise invalid(str(error)) from None

    # -- tags ----------------------------------------------------------------

    def _taggable(self, arn: str) -> str:
        if arn in self.contacts or arn in self.rotations:
            return arn
        raise ResourceNotFoundException(arns.resource_type(arn), arn)

    def tag_resource(self, arn: str, tags: list[dict[str, str]]) -> None:
        """Add or overwrite tags; at most 50 per resource."""
        self._taggable(arn)
        check_tags(tags)
        merged = {*self.tagger.get_tag_dict_for_resource(arn), *(t["Key"] for t in tags)}
        if len(merged) > MAX_TAGS_PER_RESOURCE:
            raise ServiceQuotaExceededException(
                f"Resource {arn} cannot have more than {MAX_TAGS_PER_RESOURCE} tags",
                "TAG",
                arn,
                quota_code="tags-per-resource",
            )
        self.tagger.tag_resource(arn, tags)

    def untag_resource(self, arn: str, tag_keys: list[str]) -> None:
        """Remove tags by key (absent keys are ignored)."""
        self.tagger.untag_resource_using_names(self._taggable(arn), tag_keys)

    def list_tags_for_resource(self, arn: str) -> list[dict[str, str]]:
        """The resource's tags as ``[{"Key", "Value"}]``; a key-only tag as ``{"Key"}``."""
        tags: dict[str, str | None] = {**self.tagger.get_tag_dict_for_resource(self._taggable(arn))}
        return [{"Key": k} if v is None else {"Key": k, "Value": v} for k, v in tags.items()]


ssmcontacts_backends = BackendDict(SSMContactsBackend, "ssm-contacts")
