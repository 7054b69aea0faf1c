"""The engine side of ``ContactChannel``: its keys, its rules, and its calls.

create 3 calls (CreateContactChannel, GetContactChannel to verify what the token answered,
TagResource to mark the contact), read 2 (at once), update 2 (the marker check, then only
what changed; +1 to mark a channel made before markers), delete 3 (the marker check, the
delete, the untag), import 3. A channel has no unique name and cannot be tagged, so a
create's ownership rests on a deterministic idempotency token (see
:func:`idempotency_token`) and the channel's owner is written on its contact
(channel_markers.py). The delivery address is personal data: no message here ever contains
it. docs/contact_channel.md has the property bag contract.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import pulumi
from botocore.exceptions import ClientError

from ..core import bag as bags
from ..core.aws_errors import ContactError, error_code, explain
from ..core.calls import Conflict, NotFound, call, find
from ..core.channel_markers import marked_elsewhere, marked_owner, marker_key
from ..core.concurrent_calls import alongside
from ..core.engine import IMPORT_KEY, Engine, Read, Session, keep_bookkeeping, send_changes
from ..core.owned_create import MAX_GENERATIONS, create_owned, owned_tokens
from ..core.ownership import OWNER_KEY
from ..core.validation import Failure, is_unknown, model_failures

PLACEHOLDER_TOKEN = "check"

STATUS_KEY = "activationStatus"
"""Output only: ``NOT_ACTIVATED`` or ``ACTIVATED``, as GetContactChannel last said."""

COMPARED = ("contactId", "name", "type", "deliveryAddress")
"""What a live channel and a program must agree on (import; a create's own channel)."""

PHONE_TYPES = ("SMS", "VOICE")
_E164 = re.compile(r"\+[1-9][0-9]{0,14}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def idempotency_token(owner: str | None, generation: int) -> str:
    """The CreateContactChannel token of an owner's ``generation``-th try (see
    :mod:`owned_create`): never derived from the delivery address."""
    tokens = list(owned_tokens("ContactChannel", owner))
    return tokens[generation] if owner else tokens[0]


def create_request(bag: Mapping[str, Any], token: str) -> dict[str, Any]:
    """The ``create_contact_channel`` parameters for a normalized bag and a token."""
    request: dict[str, Any] = {
        "ContactId": bag.get("contactId"),
        "Name": bag.get("name"),
        "Type": bag.get("type"),
    }
    if bag.get("deliveryAddress") is not None:
        request["DeliveryAddress"] = {"SimpleAddress": bag["deliveryAddress"]}
    if bag.get("deferActivation") is not None:
        request["DeferActivation"] = bag["deferActivation"]
    request["IdempotencyToken"] = token
    return request


def address_failures(channel_type: Any, address: Any) -> list[Failure]:
    """The address format of the channel's type: E.164 for SMS and VOICE, email for EMAIL.

    Never shows the address (personal data): at most its length.
    """
    if not isinstance(address, str) or is_unknown(address) or is_unknown(channel_type):
        return []
    got = f"(got a string of {len(address)} characters)"
    if channel_type in PHONE_TYPES and not _E164.fullmatch(address):
        return [
            Failure(
                "deliveryAddress",
                f"must be a phone number in E.164 form for type {channel_type}: '+', then 1 to "
                f"15 digits, the first not 0 {got}",
            )
        ]
    if channel_type == "EMAIL" and not _EMAIL.fullmatch(address):
        return [
            Failure(
                "deliveryAddress",
                "must be an email address for type EMAIL: one '@', a non-empty local part, a "
                f"domain with a dot, no spaces {got}",
            )
        ]
    return []


def contact_id_failures(contact_id: Any) -> list[Failure]:
    """A contact ID is a contact's ARN (``...:contact/<alias>``), not a channel's or a
    rotation's (the model's pattern accepts any ssm-contacts ARN)."""
    if not isinstance(contact_id, str) or is_unknown(contact_id):
        return []
    resource = contact_id.split(":", 5)[5] if contact_id.count(":") >= 5 else ""
    if resource.startswith("contact/"):
        return []
    return [Failure("contactId", "must be the ARN of a contact (arn:...:contact/<alias>)")]


def live_bag(found: Mapping[str, Any]) -> dict[str, Any]:
    """A GetContactChannel answer as the bag keys a program sets (and the status)."""
    return {
        "contactId": found.get("ContactArn"),
        "name": found.get("Name"),
        "type": found.get("Type"),
        "deliveryAddress": (found.get("DeliveryAddress") or {}).get("SimpleAddress"),
        STATUS_KEY: found.get("ActivationStatus"),
    }


def differing(live: Mapping[str, Any], bag: Mapping[str, Any], keys: tuple[str, ...]) -> list[str]:
    """The keys whose values differ (names only: values may be personal data)."""
    return [k for k in keys if live.get(k) != bag.get(k)]


class ContactChannelEngine(Engine):
    """A contact's SMS, VOICE or EMAIL channel; the ID is the channel's ARN."""

    type_name = "ContactChannel"
    input_keys = ("contactId", "name", "type", "deliveryAddress", "deferActivation", "region")
    replace_keys = ("contactId", "type")
    update_keys = ("name", "deliveryAddress")
    id_operation = ("GetContactChannel", "ContactChannelId")
    output_keys = (STATUS_KEY,)
    outputs_changed_by = MappingProxyType({"deliveryAddress": (STATUS_KEY,)})
    secret_keys = ("deliveryAddress",)
    input_members = MappingProxyType(
        {
            "contactId": ("CreateContactChannel", "ContactId"),
            "name": ("CreateContactChannel", "Name"),
            "type": ("CreateContactChannel", "Type"),
            "deliveryAddress": ("CreateContactChannel", "DeliveryAddress.SimpleAddress"),
            "deferActivation": ("CreateContactChannel", "DeferActivation"),
        }
    )
    output_members = MappingProxyType(
        {
            "arn": ("GetContactChannel", "ContactChannelArn"),
            STATUS_KEY: ("GetContactChannel", "ActivationStatus"),
        }
    )

    def normalize(self, bag: Mapping[str, Any]) -> dict[str, Any]:
        """Inputs as set; ``deferActivation`` false and missing are the same (left out).

        ``activationStatus`` (an output) is carried through, so an update that does not
        read the channel keeps the last status read.
        """
        keys = ("contactId", "name", "type", "deliveryAddress", STATUS_KEY)
        out: dict[str, Any] = {k: bag[k] for k in keys if bag.get(k) is not None}
        defer = bag.get("deferActivation")
        if defer is not None and defer is not False:
            out["deferActivation"] = defer  # True, or a wrong value for check to name
        return keep_bookkeeping(out, bag)

    def rules(self, bag: Mapping[str, Any]) -> list[Failure]:
        """The CreateContactChannel shape, the contact ARN, and the address format."""
        failures = [
            Failure("deliveryAddress", f.reason)
            if f.property == "deliveryAddress.simpleAddress"
            else f
            for f in model_failures("CreateContactChannel", create_request(bag, PLACEHOLDER_TOKEN))
        ]
        failed = {f.property for f in failures}
        if "contactId" not in failed:
            failures += contact_id_failures(bag.get("contactId"))
        if "type" not in failed and "deliveryAddress" not in failed:
            failures += address_failures(bag.get("type"), bag.get("deliveryAddress"))
        return failures

    def delete_before_replace(self, replaces: list[str]) -> bool:
        """Always: the new channel's create would share the old one's idempotency token."""
        return True

    # -- create -------------------------------------------------------------------------

    def create(self, session: Session, bag: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """CreateContactChannel with this owner's token, then GetContactChannel to verify.

        Generation 0 first. The channel the token answers with is ours (only this
        resource uses the token): if it exists it is adopted and brought in line with the
        program (a re-run after a lost answer, perhaps with an edited program); if it has
        another contact or type it cannot be fixed in place and is deleted (it was never
        in state). If it no longer exists (an AWS that remembers tokens after a delete
        replayed a deleted channel's ARN), the next generation is tried.
        """
        owner = bag.get(OWNER_KEY) or None
        made = create_owned(
            owned_tokens("ContactChannel", owner),
            create=lambda token: self._create_call(session, bag, token),
            find=lambda arn: self._get(session, arn),
            usable=lambda found: not differing(live_bag(found), bag, tuple(self.replace_keys)),
            discard=lambda arn: self._delete(session, arn),
        )
        if made is None:
            raise self._tokens_spent(session, bag, bool(owner))
        arn, found = made
        live = live_bag(found)
        self._write(session, arn, live, bag)
        if owner:
            self._mark(session, live["contactId"] or bag["contactId"], arn, owner)
        return arn, {STATUS_KEY: live[STATUS_KEY]}

    def _create_call(self, session: Session, bag: Mapping[str, Any], token: str) -> str:
        """One CreateContactChannel; the ARN it answers (a new channel, or a replayed one)."""
        client = session.client
        request = create_request(bag, token)
        ctx = session.ctx("CreateContactChannel", _describe(bag))
        try:
            created = call(ctx, lambda: client.create_contact_channel(**request), creates=True)
        except NotFound:
            raise _no_contact(session, bag) from None
        except Conflict as refused:
            raise explain(refused.error, ctx) from None
        except ContactError:
            # The model gives CreateContactChannel no ResourceNotFoundException, so a missing
            # contact may answer ValidationException: name it if that is the cause.
            contact_id = str(bag.get("contactId"))
            get = session.ctx("GetContact", contact_id)
            if find(get, lambda: client.get_contact(ContactId=contact_id)) is None:
                raise _no_contact(session, bag) from None
            raise
        return created["ContactChannelArn"]

    def _tokens_spent(self, session: Session, bag: Mapping[str, Any], owned: bool) -> ContactError:
        where = f" in {session.region}" if session.region else ""
        if not owned:
            return ContactError(
                f"CreateContactChannel for {_describe(bag)}{where} failed: the channel AWS "
                "answered with no longer exists (deleted at once by someone else?).\n"
                "What to do: run `pulumi up` again."
            )
        return ContactError(
            f"CreateContactChannel for {_describe(bag)}{where} failed: AWS answered each of "
            f"this resource's {MAX_GENERATIONS} idempotency tokens with a channel that no longer "
            "exists. AWS remembers a token after the channel it made is deleted, and this "
            f"resource ({bag.get(OWNER_KEY)}) has had its channel created and deleted "
            f"{MAX_GENERATIONS} times while AWS still remembers them.\n"
            "What to do: wait for AWS to forget the tokens and run `pulumi up` again, or give "
            "the resource another name (its tokens derive from its name, project and stack)."
        )

    # -- read, update, delete, import ----------------------------------------------------

    def _get(self, session: Session, arn: str) -> dict[str, Any] | None:
        """GetContactChannel, or None when the channel is gone."""
        client = session.client
        found = find(
            session.ctx("GetContactChannel", arn),
            lambda: client.get_contact_channel(ContactChannelId=arn),
        )
        return dict(found) if found is not None else None

    def read(self, session: Session, id_: str, props: Mapping[str, Any]) -> Read | None:
        """GetContactChannel and its contact's tags, at once; gone reads as None (with a
        warning when its contact went too); a marker naming another owner fails.
        ``deferActivation`` is kept from state (AWS does not return it, and it matters only
        at create)."""
        contact_id = props.get("contactId")
        found, tags_call = alongside(
            lambda: self._get(session, id_),
            lambda: self._contact_tags(session, contact_id) if contact_id else {},
        )
        tags = tags_call.result()
        if found is None:
            if tags is None:
                pulumi.log.warn(
                    f"ContactChannel {id_} ({props.get(OWNER_KEY) or 'no owner'}) is gone: its "
                    f"contact {contact_id} was deleted (AWS deletes a contact's channels with "
                    "it), perhaps by the stack that manages the contact. Refresh drops the "
                    "channel from this stack; `pulumi up` makes it again once the contact "
                    "exists again."
                )
            return None
        self._check_marker(id_, found.get("ContactArn"), tags or {}, props, "Refresh")
        live = live_bag(found)
        status = live.pop(STATUS_KEY)
        if props.get("deferActivation") is not None:
            live["deferActivation"] = props["deferActivation"]
        live = keep_bookkeeping(live, {k: v for k, v in props.items() if k != IMPORT_KEY})
        return Read({**live, STATUS_KEY: status}, live)

    def update(
        self, session: Session, id_: str, old: dict[str, Any], new: dict[str, Any]
    ) -> dict[str, Any]:
        """One UpdateContactChannel with only what changed (name, address, or both).

        A new address may need activating again (the emulator resets it, AWS is silent):
        then one GetContactChannel reads the status; a rename keeps the last status read.
        First the contact's marker: another owner's refuses; none yet (a channel made
        before markers) gets ours.
        """
        if all(old.get(k) == new.get(k) for k in ("name", "deliveryAddress")):
            return {STATUS_KEY: old[STATUS_KEY]} if old.get(STATUS_KEY) else {}
        contact_id = old.get("contactId") or new.get("contactId")
        tags = self._contact_tags(session, contact_id) or {}
        self._check_marker(id_, contact_id, tags, old, "UpdateContactChannel")
        self._write(session, id_, old, new)
        owner = new.get(OWNER_KEY) or old.get(OWNER_KEY)
        if owner and marked_owner(tags, id_) != owner:
            self._mark(session, str(contact_id), id_, owner)
        if old.get("deliveryAddress") != new.get("deliveryAddress"):
            found = self._get(session, id_)
            return {STATUS_KEY: found.get("ActivationStatus")} if found else {}
        return {STATUS_KEY: old[STATUS_KEY]} if old.get(STATUS_KEY) else {}

    def _write(
        self, session: Session, id_: str, old: Mapping[str, Any], new: Mapping[str, Any]
    ) -> None:
        request: dict[str, Any] = {}
        if old.get("name") != new.get("name"):
            request["Name"] = new.get("name")
        if old.get("deliveryAddress") != new.get("deliveryAddress"):
            request["DeliveryAddress"] = {"SimpleAddress": new.get("deliveryAddress")}
        client = session.client
        send_changes(
            session,
            "UpdateContactChannel",
            client.update_contact_channel,
            request,
            ContactChannelId=id_,
        )

    def delete(self, session: Session, id_: str, props: Mapping[str, Any]) -> None:
        """DeleteContactChannel, then the contact's marker untagged; a channel already gone
        (its contact too) counts as deleted, and one whose marker names another owner is
        left alone (it is that resource's)."""
        contact_id = props.get("contactId")
        tags = self._contact_tags(session, contact_id) if contact_id else {}
        if tags is None:
            return  # the contact is gone, and its channels with it
        marked = marked_owner(tags, id_)
        if marked and props.get(OWNER_KEY) and marked != props[OWNER_KEY]:
            return
        self._delete(session, id_)
        if marked:
            client = session.client
            key = marker_key(id_)
            find(
                session.ctx("UntagResource", str(contact_id)),
                lambda: client.untag_resource(ResourceARN=str(contact_id), TagKeys=[key]),
            )

    def _delete(self, session: Session, arn: str) -> None:
        client = session.client
        find(
            session.ctx("DeleteContactChannel", arn),
            lambda: client.delete_contact_channel(ContactChannelId=arn),
        )

    def adopt(self, session: Session, id_: str, bag: dict[str, Any]) -> dict[str, Any]:
        """Take over an existing channel (``import_``): it must match the program; no write.

        A channel whose contact's marker names another owner is refused; an unmarked one
        gets our marker (one TagResource), so no second stack can import it too.
        """
        found = self._get(session, id_)
        if found is None:
            raise ContactError(
                f"Import of {id_} failed: no such contact channel in {session.region}.\nWhat to "
                "do: check the ARN (`aws ssm-contacts list-contact-channels --contact-id "
                "<contact ARN>`), or drop the import option to create the channel."
            )
        live = live_bag(found)
        contact_id = live["contactId"]
        tags = self._contact_tags(session, contact_id) or {}
        self._check_marker(id_, contact_id, tags, bag, "Import")
        differ = differing(live, bag, COMPARED)
        if differ:
            raise ContactError(
                f"Import of {id_} failed: the contact channel does not match the program in "
                f"{', '.join(differ)} (values are not shown: a delivery address is personal data; "
                f"compare `aws ssm-contacts get-contact-channel --contact-channel-id {id_}`).\n"
                "What to do: change the program to match the channel, run `pulumi up` to import "
                "it, then change what you want in a later `pulumi up`."
            )
        owner = bag.get(OWNER_KEY)
        if owner and marked_owner(tags, id_) != owner:
            self._mark(session, contact_id, id_, owner)
        return {STATUS_KEY: live[STATUS_KEY]}

    # -- the contact's marker (channel_markers.py) ---------------------------------------

    def _contact_tags(self, session: Session, contact_id: Any) -> dict[str, str] | None:
        """The tags of the channel's contact, or None when the contact is gone."""
        return self.live_tags(session, str(contact_id))

    def _check_marker(
        self,
        arn: str,
        contact_id: Any,
        tags: Mapping[str, str],
        props: Mapping[str, Any],
        operation: str,
    ) -> None:
        """Refuse when the contact's marker for this channel names another owner (an
        import without an owner too: it could not tell the marker is its own)."""
        marked = marked_owner(tags, arn)
        owner = props.get(OWNER_KEY)
        if marked and marked != owner and (owner or operation == "Import"):
            raise marked_elsewhere(arn, contact_id, marked, operation)

    def _mark(self, session: Session, contact_id: str, arn: str, owner: str) -> None:
        """Tag the contact with this channel's marker; a contact whose 50 tags are taken is
        explained (the channel exists: the next `pulumi up` finds it by its token)."""
        client = session.client
        ctx = session.ctx("TagResource", contact_id)
        tags = bags.tags_to_api({marker_key(arn): owner})

        def tag_contact() -> object:
            try:
                return client.tag_resource(ResourceARN=contact_id, Tags=tags)
            except ClientError as error:
                if error_code(error) != "ServiceQuotaExceededException":
                    raise
                raise ContactError(
                    f"TagResource for {contact_id} failed: the contact channel {arn} was "
                    f"created, but its contact already has AWS's 50 tags, so the marker "
                    f"{marker_key(arn)} that says which resource manages the channel does not "
                    "fit (each channel takes one of its contact's tags).\nWhat to do: remove a "
                    "tag from the contact (its `tags`) and run `pulumi up` again: the create "
                    "finds this channel again by its idempotency token and marks it."
                ) from None

        try:
            call(ctx, tag_contact)
        except NotFound:
            raise ContactError(
                f"TagResource for {contact_id} failed: the contact channel {arn} was created, "
                "but its contact is gone now (deleted meanwhile?), and its channels with it.\n"
                "What to do: run `pulumi refresh`, then `pulumi up`."
            ) from None


def _describe(bag: Mapping[str, Any]) -> str:
    """How a message names a channel not yet created: its name and contact, no address."""
    return f"contact channel '{bag.get('name')}' of {bag.get('contactId')}"


def _no_contact(session: Session, bag: Mapping[str, Any]) -> ContactError:
    """The contact a create names does not exist where the channel is being created."""
    contact_id = str(bag.get("contactId"))
    where = session.region or "the configured region"
    parts = contact_id.split(":")
    elsewhere = (
        f" The ARN names region {parts[3]}: a channel lives in its contact's region, so set "
        f"the resource's `region` to {parts[3]}."
        if len(parts) > 3 and parts[3] and parts[3] != session.region
        else ""
    )
    return ContactError(
        f"CreateContactChannel for {_describe(bag)} in {where} failed: the contact {contact_id} "
        f"does not exist in {where}.{elsewhere}\nWhat to do: create the Contact first (pass its "
        "`arn` as `contactId`), or fix the ARN."
    )
