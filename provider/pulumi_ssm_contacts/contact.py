"""``Contact``: an Incident Manager contact or escalation plan as a Pulumi resource."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast, overload

import pulumi
import pulumi.dynamic

from .contact_args import ContactArgs, ContactType, PlanArgs, PlanArgsDict, to_bag
from .contact_provider import ContactProvider


class Contact(pulumi.dynamic.Resource, module="ssm-contacts", name="Contact"):
    """An AWS Systems Manager Incident Manager contact (``ssm-contacts`` ``create_contact``).

    The resource ID is the contact's ARN. Changing ``alias``, ``type`` or ``region``
    replaces the contact; everything else is updated in place.
    """

    arn: pulumi.Output[str]
    """ARN of the contact, e.g. ``arn:aws:ssm-contacts:us-east-2:111122223333:contact/akuam``."""
    alias: pulumi.Output[str]
    """Unique short name of the contact."""
    type: pulumi.Output[str]
    """``PERSONAL``, ``ESCALATION`` or ``ONCALL_SCHEDULE``."""
    plan: pulumi.Output[dict[str, Any]]
    """The plan as stored in state: ``{"stages": [...], "rotationIds": [...]}``."""
    tags: pulumi.Output[dict[str, str]]
    """Tags of the contact."""
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
        plan: pulumi.Input[PlanArgs | PlanArgsDict] | None = None,
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
        :param plan: Stages that engage channels (PERSONAL) or contacts (ESCALATION),
            or the rotation IDs of an ONCALL_SCHEDULE contact. Empty when omitted.
        :param tags: At most 50 tags.
        :param region: AWS region; defaults to ``aws:region`` config, then the environment.
        :param opts: Resource options (``import_`` adopts an existing contact by ARN).
        """
        if args is None:
            args = ContactArgs(**kwargs)
        elif kwargs:
            raise TypeError("pass either a ContactArgs or keyword arguments, not both")
        props: dict[str, Any] = {
            "alias": args.alias,
            "type": args.type,
            "displayName": args.display_name,
            "plan": to_bag(args.plan),
            "tags": args.tags,
            "region": args.region,
            "arn": None,
        }
        super().__init__(ContactProvider(), resource_name, props, opts)

    @property
    def display_name(self) -> pulumi.Output[str | None]:
        """Full name shown in Incident Manager."""
        return cast("pulumi.Output[str | None]", self.__dict__["displayName"])
