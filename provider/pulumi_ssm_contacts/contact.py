"""``Contact``: an Incident Manager contact or escalation plan as a Pulumi resource."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any, cast, overload

import pulumi
import pulumi.dynamic

from .contact_args import ContactArgs, ContactType, PlanArgs, PlanArgsDict, to_bag
from .contact_bag import IMPORT_KEY
from .contact_provider import ContactProvider
from .ownership import OWNER_KEY, owner_id


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
        opts, import_arn = _take_import(opts)
        props: dict[str, Any] = {
            "alias": args.alias,
            "type": args.type,
            "displayName": args.display_name,
            "plan": to_bag(args.plan),
            "tags": _no_none_values(resource_name, args.tags),
            "region": args.region,
            OWNER_KEY: owner_id(pulumi.get_project(), pulumi.get_stack(), resource_name),
            "arn": None,
        }
        if import_arn is not None:
            props[IMPORT_KEY] = import_arn
        super().__init__(ContactProvider(), resource_name, props, opts)

    @property
    def display_name(self) -> pulumi.Output[str | None]:
        """Full name shown in Incident Manager."""
        return cast("pulumi.Output[str | None]", self.__dict__["displayName"])


def _no_none_values(resource_name: str, tags: Any) -> Any:
    """``tags`` unchanged, or a clear error for a tag whose value is None.

    The engine would drop such a tag without a word; a tag needs a string value.
    """

    def checked(value: Any) -> Any:
        if isinstance(value, Mapping):
            empty = sorted(str(k) for k, v in value.items() if v is None)
            if empty:
                raise ValueError(
                    f"Contact {resource_name!r}: tags {', '.join(empty)} must be strings, not "
                    "None (remove a key to drop its tag)"
                )
        return value

    if isinstance(tags, pulumi.Output):
        return tags.apply(checked)
    return checked(tags)


def _take_import(
    opts: pulumi.ResourceOptions | None,
) -> tuple[pulumi.ResourceOptions | None, str | None]:
    """Move ``import_`` from the options into the inputs.

    The engine imports by calling Read with no state, and the SDK's dynamic provider
    server cannot find the provider without state (pulumi/pulumi#16175). So the
    provider adopts the contact in create instead: it reads the contact, checks that it
    matches the program and takes its ARN as the ID, with no create call.
    """
    if opts is None or not opts.import_:
        return opts, None
    import_arn = opts.import_
    opts = copy.copy(opts)
    opts.import_ = None
    return opts, import_arn
