"""``Contact``: an Incident Manager contact or escalation plan as a Pulumi resource."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict, overload

import pulumi

from ..contact_provider import ContactProvider
from ..oncall.coverage import rotation_ids_of, with_coverage_check
from .claims import ALIAS, Claimant, claimed
from .inputs import ContactEngagementPlanArgs, ContactEngagementPlanArgsDict, ContactType
from .resource import SsmContactsResource, checked_tags, resolve_args, to_bag


@dataclasses.dataclass(frozen=True)
class ContactArgs:
    """All inputs of a :class:`Contact`, for passing them around as one value."""

    alias: pulumi.Input[str]
    """Unique short name of the contact in its account and region; changing it replaces it."""
    type: pulumi.Input[ContactType]
    """``PERSONAL``, ``ESCALATION`` or ``ONCALL_SCHEDULE``; changing it replaces the contact."""
    display_name: pulumi.Input[str] | None = None
    """Full name shown in Incident Manager."""
    plan: pulumi.Input[ContactEngagementPlanArgs | ContactEngagementPlanArgsDict] | None = None
    """Engagement or escalation plan; omitted, the plan is not managed here (a ContactPlan
    may own it)."""
    tags: pulumi.Input[Mapping[str, pulumi.Input[str]]] | None = None
    """Tags of the contact (at most 49: one more is the owner tag)."""
    region: pulumi.Input[str] | None = None
    """AWS region; defaults to ``aws:region`` config, then the environment."""


class ContactArgsDict(TypedDict):
    """Dict form of :class:`ContactArgs`."""

    alias: pulumi.Input[str]
    """Unique short name of the contact in its account and region; changing it replaces it."""
    type: pulumi.Input[ContactType]
    """``PERSONAL``, ``ESCALATION`` or ``ONCALL_SCHEDULE``; changing it replaces the contact."""
    display_name: NotRequired[pulumi.Input[str] | None]
    """Full name shown in Incident Manager."""
    plan: NotRequired[
        pulumi.Input[ContactEngagementPlanArgs | ContactEngagementPlanArgsDict] | None
    ]
    """Engagement or escalation plan; omitted, the plan is not managed here."""
    tags: NotRequired[pulumi.Input[Mapping[str, pulumi.Input[str]]] | None]
    """Tags of the contact (at most 49)."""
    region: NotRequired[pulumi.Input[str] | None]
    """AWS region; defaults to ``aws:region`` config, then the environment."""


class Contact(SsmContactsResource, module="ssm-contacts", name="Contact"):
    """An AWS Systems Manager Incident Manager contact (``ssm-contacts`` ``create_contact``).

    The resource ID is the contact's ARN. Changing ``alias``, ``type`` or ``region``
    replaces the contact; everything else is updated in place.
    """

    alias: pulumi.Output[str]
    """Unique short name of the contact."""
    type: pulumi.Output[str]
    """``PERSONAL``, ``ESCALATION`` or ``ONCALL_SCHEDULE``."""
    display_name: pulumi.Output[str | None]
    """Full name shown in Incident Manager."""
    plan: pulumi.Output[dict[str, Any]]
    """The plan as AWS has it: ``{"stages": [...], "rotationIds": [...]}``."""
    tags: pulumi.Output[dict[str, str]]
    """Tags of the contact (the owner tag is not among them)."""
    region: pulumi.Output[str | None]
    """The region input, if one was given."""

    @overload
    def __init__(
        self,
        resource_name: str,
        args: ContactArgs,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None: ...

    @overload
    def __init__(
        self,
        resource_name: str,
        *,
        alias: pulumi.Input[str],
        type: pulumi.Input[ContactType],
        display_name: pulumi.Input[str] | None = None,
        plan: pulumi.Input[ContactEngagementPlanArgs | ContactEngagementPlanArgsDict] | None = None,
        tags: pulumi.Input[Mapping[str, pulumi.Input[str]]] | None = None,
        region: pulumi.Input[str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None: ...

    def __init__(
        self,
        resource_name: str,
        args: ContactArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Any,
    ) -> None:
        """Declare a contact.

        :param resource_name: The Pulumi name of the resource (not the alias).
        :param alias: Unique short name in the account and region (``[a-z0-9_-]``, 1-255).
        :param type: ``PERSONAL``, ``ESCALATION`` or ``ONCALL_SCHEDULE``.
        :param display_name: Full name shown in Incident Manager.
        :param plan: Stages that engage channels (PERSONAL) or contacts (ESCALATION), or the
            rotation IDs of an ONCALL_SCHEDULE contact. Omitted, the plan is not managed by
            this resource: use a ``ContactPlan`` for it (never both for one contact).
        :param tags: At most 49 tags.
        :param region: AWS region; defaults to ``aws:region`` config, then the environment.
        :param opts: Resource options (``import_`` adopts an existing contact by ARN).
        """
        args = resolve_args(ContactArgs, args, kwargs)
        self.manages_plan = args.plan is not None
        """Whether this resource owns the contact's plan (its program sets ``plan``)."""
        self.contact_type = args.type
        """The contact's type as the program gives it: a ContactPlan of this contact checks
        its plan against it at preview."""
        plan = to_bag(args.plan)
        if args.type == "ONCALL_SCHEDULE":
            plan = with_coverage_check(resource_name, plan, rotation_ids_of(args.plan), self)
        claimant = Claimant("Contact", resource_name, opts.parent if opts else None)
        props: dict[str, Any] = {
            "alias": claimed(ALIAS, args.alias, claimant, self, args.region),
            "type": args.type,
            "displayName": args.display_name,
            "plan": plan,
            "tags": checked_tags(resource_name, args.tags),
            "region": args.region,
        }
        super().__init__(ContactProvider(), resource_name, props, opts)
