"""``ContactChannel``: an SMS, VOICE or EMAIL channel of a contact, as a Pulumi resource.

The delivery address is personal data: the resource always makes it a secret, in the
inputs and outputs that state keeps, whether the program passes a plain string or
``pulumi.Output.secret(...)``.
"""

from __future__ import annotations

import dataclasses
from typing import Any, NotRequired, TypedDict, overload

import pulumi

from ..contact_channel_provider import ContactChannelProvider
from .inputs import ChannelType
from .resource import SsmContactsResource, resolve_args

SECRET_OUTPUTS = ["deliveryAddress"]
"""Outputs always stored as secrets (personal data)."""


@dataclasses.dataclass(frozen=True)
class ContactChannelArgs:
    """All inputs of a :class:`ContactChannel`, for passing them around as one value."""

    contact_id: pulumi.Input[str]
    """ARN of the contact the channel belongs to (usually ``contact.arn``); changing it
    replaces the channel."""
    name: pulumi.Input[str]
    """Name of the channel in Incident Manager (1-255 letters, digits, spaces, ``_.-``);
    updated in place."""
    type: pulumi.Input[ChannelType]
    """``SMS``, ``VOICE`` or ``EMAIL``; changing it replaces the channel."""
    delivery_address: pulumi.Input[str]
    """Phone number in E.164 form (``+15550100``) for SMS and VOICE, an email address for
    EMAIL; updated in place. Always stored as a secret."""
    defer_activation: pulumi.Input[bool] | None = None
    """True: AWS sends no activation code at create. Read only when the channel is
    created: changing it later is no change."""
    region: pulumi.Input[str] | None = None
    """AWS region (the contact's); defaults to ``aws:region`` config, then the environment."""


class ContactChannelArgsDict(TypedDict):
    """Dict form of :class:`ContactChannelArgs`."""

    contact_id: pulumi.Input[str]
    """ARN of the contact the channel belongs to; changing it replaces the channel."""
    name: pulumi.Input[str]
    """Name of the channel in Incident Manager; updated in place."""
    type: pulumi.Input[ChannelType]
    """``SMS``, ``VOICE`` or ``EMAIL``; changing it replaces the channel."""
    delivery_address: pulumi.Input[str]
    """E.164 phone number (SMS, VOICE) or email address (EMAIL); always stored as a secret."""
    defer_activation: NotRequired[pulumi.Input[bool] | None]
    """True: no activation code is sent at create. Changing it later is no change."""
    region: NotRequired[pulumi.Input[str] | None]
    """AWS region (the contact's); defaults to ``aws:region`` config, then the environment."""


class ContactChannel(SsmContactsResource, module="ssm-contacts", name="ContactChannel"):
    """A contact channel of Incident Manager (``ssm-contacts`` ``create_contact_channel``).

    The resource ID is the channel's ARN. Changing ``contact_id``, ``type`` or ``region``
    replaces the channel (the old one is deleted first); ``name`` and
    ``delivery_address`` are updated in place. A new channel is ``NOT_ACTIVATED`` until
    someone enters the code AWS sends to the device: see ``activation_status``.
    """

    contact_id: pulumi.Output[str]
    """ARN of the contact."""
    name: pulumi.Output[str]
    """Name of the channel."""
    type: pulumi.Output[str]
    """``SMS``, ``VOICE`` or ``EMAIL``."""
    delivery_address: pulumi.Output[str]
    """The address (a secret)."""
    defer_activation: pulumi.Output[bool | None]
    """The ``defer_activation`` input, if set."""
    activation_status: pulumi.Output[str]
    """``NOT_ACTIVATED`` or ``ACTIVATED``, as last read (``pulumi refresh`` reads it again)."""
    region: pulumi.Output[str | None]
    """The region input, if one was given."""

    @overload
    def __init__(
        self,
        resource_name: str,
        args: ContactChannelArgs,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None: ...

    @overload
    def __init__(
        self,
        resource_name: str,
        *,
        contact_id: pulumi.Input[str],
        name: pulumi.Input[str],
        type: pulumi.Input[ChannelType],
        delivery_address: pulumi.Input[str],
        defer_activation: pulumi.Input[bool] | None = None,
        region: pulumi.Input[str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None: ...

    def __init__(
        self,
        resource_name: str,
        args: ContactChannelArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Any,
    ) -> None:
        """Declare a contact channel.

        :param resource_name: The Pulumi name of the resource (not the channel's name).
        :param contact_id: ARN of the contact (usually ``contact.arn``).
        :param name: Name of the channel in Incident Manager.
        :param type: ``SMS``, ``VOICE`` or ``EMAIL``.
        :param delivery_address: E.164 phone number (``+`` and 1-15 digits) for SMS and
            VOICE, an email address for EMAIL. Always stored as a secret.
        :param defer_activation: True: AWS sends no activation code at create. Only the
            create reads it.
        :param region: AWS region; defaults to ``aws:region`` config, then the environment.
        :param opts: Resource options (``import_`` adopts an existing channel by ARN).
            Replacements delete the old channel first unless ``delete_before_replace`` is
            set: leave it unset (see docs/contact_channel.md).
        """
        args = resolve_args(ContactChannelArgs, args, kwargs)
        props: dict[str, Any] = {
            "contactId": args.contact_id,
            "name": args.name,
            "type": args.type,
            "deliveryAddress": pulumi.Output.secret(args.delivery_address),
            "deferActivation": args.defer_activation,
            "region": args.region,
        }
        defaults = pulumi.ResourceOptions(
            delete_before_replace=True, additional_secret_outputs=SECRET_OUTPUTS
        )
        super().__init__(
            ContactChannelProvider(),
            resource_name,
            props,
            pulumi.ResourceOptions.merge(defaults, opts),
            outputs=("activationStatus",),
        )
