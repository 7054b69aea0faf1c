"""Channel markers: a contact's tags say who manages each of its channels.

A channel cannot be tagged, so its owner is written on its contact instead: the tag
``pulumi-ssm-contacts/channel/<channel uuid>`` whose value is the channel resource's owner
(ownership.py). The channel's create and import add it, its delete removes it; import,
update, refresh and delete refuse or leave alone a channel whose marker names another
owner; a Contact's delete refuses while live channels of other stacks are marked on it;
and the audit finds a killed deploy's channels by it.

The key fits AWS's TagKey (at most 128 characters of ``[\\/a-zA-Z0-9_+=-]``: the prefix
and a uuid are 64); each marker takes one of the contact's 50 tags.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .aws_errors import ContactError
from .ownership import RESERVED_PREFIX, stack_of

if TYPE_CHECKING:
    from .engine import Session

MARKER_PREFIX = f"{RESERVED_PREFIX}channel/"


def channel_uuid(channel_arn: str) -> str:
    """The uuid of a channel ARN (``...:contact-channel/<alias>/<uuid>``)."""
    return channel_arn.rsplit("/", 1)[-1]


def marker_key(channel_arn: str) -> str:
    """The contact's tag key that names the owner of this channel."""
    return MARKER_PREFIX + channel_uuid(channel_arn)


def is_marker(key: str) -> bool:
    """Whether a tag key is a channel marker (a Contact's own tag sync leaves these alone)."""
    return key.startswith(MARKER_PREFIX)


def markers(tags: Mapping[str, str]) -> dict[str, str]:
    """A contact's markers as ``{channel uuid: owner}``."""
    return {k.removeprefix(MARKER_PREFIX): v for k, v in tags.items() if is_marker(k)}


def marked_owner(tags: Mapping[str, str], channel_arn: str) -> str | None:
    """The owner the contact's tags name for a channel, or None when unmarked."""
    return tags.get(marker_key(channel_arn))


def other_stacks_channels(
    tags: Mapping[str, str], live_channels: Iterable[str], contact_owner: str | None
) -> dict[str, str]:
    """``{channel ARN: owner}`` of the live channels marked as another stack's.

    A marker whose channel is gone (deleted out of band, or a delete killed before its
    untag) is stale and does not count; nor does one of the contact's own stack.
    """
    here = stack_of(contact_owner) if contact_owner else None
    marked = markers(tags)
    return {
        arn: marked[channel_uuid(arn)]
        for arn in live_channels
        if channel_uuid(arn) in marked and stack_of(marked[channel_uuid(arn)]) != here
    }


def marked_elsewhere(arn: str, contact_id: Any, owner: str, operation: str) -> ContactError:
    """The error for a channel its contact's marker gives to another Pulumi resource."""
    key = marker_key(arn)
    return ContactError(
        f"{operation} for {arn} refused: its contact's tag {key} says another Pulumi resource "
        f"({owner}) manages this channel, and a channel has one owner.\nWhat to do: manage it "
        "from that stack. If that stack no longer manages it, run `pulumi state delete` there, "
        f"or remove the marker (`aws ssm-contacts untag-resource --resource-arn {contact_id} "
        f"--tag-keys {key}`), and run `pulumi up` here again."
    )


def delete_refused(contact_arn: str, channels: Mapping[str, str]) -> ContactError:
    """The error for deleting a contact that other stacks' channels live on."""
    stacks = sorted({"/".join(stack_of(o) or ("?", "?")) for o in channels.values()})
    listed = "; ".join(f"{arn} (managed by {owner})" for arn, owner in sorted(channels.items()))
    keys = " ".join(sorted(marker_key(arn) for arn in channels))
    return ContactError(
        f"DeleteContact for {contact_arn} refused: stack(s) {', '.join(stacks)} manage channels "
        f"on this contact, and deleting it would delete them too: {listed}.\nWhat to do: remove "
        "those ContactChannels from that stack first (`pulumi up` or `pulumi destroy` there), "
        "then run this again. To delete the contact and its channels anyway, remove the "
        f"markers (`aws ssm-contacts untag-resource --resource-arn {contact_arn} --tag-keys "
        f"{keys}`) and run this again; that stack's next `pulumi refresh` then says its "
        "channels went with their contact."
    )


def refuse_delete_over_other_stacks(
    session: Session, contact_arn: str, tags: Mapping[str, str], contact_owner: str | None
) -> None:
    """Raise ``delete_refused`` when live channels of other stacks are marked on the contact.

    No call unless another stack's marker is there; then one ListContactChannels (paged)
    tells live channels from stale markers.
    """
    here = stack_of(contact_owner) if contact_owner else None
    if all(stack_of(owner) == here for owner in markers(tags).values()):
        return
    from .calls import call

    client = session.client
    paginator = client.get_paginator("list_contact_channels")
    live = call(
        session.ctx("ListContactChannels", contact_arn),
        lambda: [
            channel["ContactChannelArn"]
            for page in paginator.paginate(ContactId=contact_arn)
            for channel in page.get("ContactChannels", [])
        ],
    )
    others = other_stacks_channels(tags, live, contact_owner)
    if others:
        raise delete_refused(contact_arn, others)
