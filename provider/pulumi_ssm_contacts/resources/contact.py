"""The engine side of ``Contact``: its keys, its rules, and its calls.

create 1 call (the owner tag rides along), read 2 (at once), delete 2 (the owner check, then
the delete), update one per thing that changed. An omitted ``plan`` is not managed: create
sends the empty plan the API requires, and nothing after reads it into the inputs or
writes it (a ``ContactPlan`` may own it). docs/contact.md has the property bag contract.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ..core import bag as bags
from ..core.aws_errors import ContactError, conflict, owned_elsewhere
from ..core.calls import Conflict, call, find
from ..core.channel_markers import refuse_delete_over_other_stacks
from ..core.engine import (
    Engine,
    Read,
    Session,
    keep_bookkeeping,
    owner_tags,
    send_changes,
    split_owner,
)
from ..core.ownership import OWNER_KEY, OWNER_TAG, PLAN_OWNER_TAG
from ..core.validation import Failure, is_unknown, model_failures
from .plan_rules import normalize_plan, plan_failures, plan_request, plan_warnings

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts.type_defs import GetContactResultTypeDef

PLACEHOLDER_TOKEN = "check"


class ContactEngine(Engine):
    """An Incident Manager contact or escalation plan; the ID is its ARN."""

    type_name = "Contact"
    input_keys = ("alias", "type", "displayName", "plan", "tags", "region")
    replace_keys = ("alias", "type")
    update_keys = ("displayName", "plan", "tags")
    optional_managed_keys = ("plan",)
    tags_operation = "CreateContact"
    id_operation = ("GetContact", "ContactId")
    output_keys = ()  # arn and the inputs only: an update changes only the keys it writes
    input_members = MappingProxyType(
        {
            "alias": ("CreateContact", "Alias"),
            "type": ("CreateContact", "Type"),
            "displayName": ("CreateContact", "DisplayName"),
            "plan": ("CreateContact", "Plan"),
            "tags": ("CreateContact", "Tags"),
        }
    )
    output_members = MappingProxyType({"arn": ("GetContact", "ContactArn")})

    def normalize(self, bag: Mapping[str, Any]) -> dict[str, Any]:
        """Missing and empty tags and display name are the same; an omitted plan stays
        omitted (unmanaged); other keys outside the inputs and bookkeeping are dropped."""
        out: dict[str, Any] = {k: bag[k] for k in ("alias", "type") if bag.get(k) is not None}
        if bag.get("displayName"):
            out["displayName"] = bag["displayName"]
        if bag.get("plan") is not None:
            out["plan"] = normalize_plan(bag["plan"])
        out["tags"] = bags.normalize_tags(bag.get("tags"))
        return keep_bookkeeping(out, bag)

    def rules(self, bag: Mapping[str, Any]) -> list[Failure]:
        """The CreateContact shape (tags apart) and the plan's type rules."""
        request = create_request({**bag, "tags": None}, PLACEHOLDER_TOKEN, {})
        failures = model_failures("CreateContact", request)
        plan = bag.get("plan")
        if isinstance(plan, Mapping):
            failures += plan_failures(bag.get("type"), plan, "plan.", bag.get("alias"))
        return failures

    def warnings(self, bag: Mapping[str, Any]) -> list[Failure]:
        """Likely mistakes AWS accepts: a target twice in a stage, a rotation twice, an
        escalation plan that engages its own contact."""
        plan = bag.get("plan")
        return plan_warnings(plan, "plan.", bag.get("alias")) if isinstance(plan, Mapping) else []

    def create_rules(self, bag: Mapping[str, Any]) -> list[Failure]:
        """AWS makes no on-call schedule without a rotation (an imported one may omit it)."""
        if bag.get("plan") is None and bag.get("type") == "ONCALL_SCHEDULE":
            return [
                Failure(
                    "plan.rotationIds",
                    "an ONCALL_SCHEDULE contact needs at least one rotation when it is created",
                )
            ]
        return []

    def ownership_tags(self, bag: Mapping[str, Any]) -> dict[str, str]:
        """The owner tag, and the plan-owner tag while this resource manages the plan."""
        tags = owner_tags(bag)
        if tags and bag.get("plan") is not None:
            tags[PLAN_OWNER_TAG] = tags[OWNER_TAG]
        return tags

    def delete_before_replace(self, replaces: list[str]) -> bool:
        """Aliases are unique per region: a replacement that keeps the alias deletes first."""
        return "alias" not in replaces and "region" not in replaces

    def create(self, session: Session, bag: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """One ``create_contact`` call with the owner tag and a fresh IdempotencyToken.

        A token is new per create: botocore's retries of the call resend it, and no later
        create can ever be answered with a contact an earlier one made (not even on an AWS
        that remembers tokens after a delete). When the alias is taken, the owner tag
        decides: our own contact (a create whose answer was lost) is adopted and brought in
        line with the program; anyone else's is a conflict.
        """
        client = session.client
        request = create_request(bag, uuid.uuid4().hex, self.ownership_tags(bag))
        ctx = session.ctx("CreateContact", f"contact '{bag.get('alias')}'")
        try:
            created = call(ctx, lambda: client.create_contact(**request), creates=True)
        except Conflict as taken:
            error = taken.error
        else:
            return created["ContactArn"], {}
        return self._adopt_own(session, bag, error.response.get("ResourceId")), {}

    def _adopt_own(self, session: Session, bag: dict[str, Any], named: object) -> str:
        """The alias is taken: adopt the contact if its owner tag is ours, else a conflict."""
        alias = bag["alias"]
        arn = named if isinstance(named, str) and named.startswith("arn:") else None
        arn = arn or _arn_of_alias(session, alias)
        if arn is None:
            raise conflict(alias, session.region, None)
        found = self._live_with_tags(session, arn)
        owner = found[0].get(OWNER_KEY) if found else None
        if found is None or not owner or owner != bag.get(OWNER_KEY):
            raise conflict(alias, session.region, arn, owner)
        live, tags = found
        self.write(session, arn, live, bag)
        self.sync_tags(session, arn, live, bag, tags)
        return arn

    def _live(self, session: Session, arn: str) -> dict[str, Any] | None:
        """The contact as AWS has it (``owner`` from its tag, plan included), or None."""
        found = self._live_with_tags(session, arn)
        return found[0] if found else None

    def _live_with_tags(
        self, session: Session, arn: str
    ) -> tuple[dict[str, Any], dict[str, str]] | None:
        """The contact's bag and its whole tag map, or None when it is gone (2 calls, at
        once)."""
        found = contact_with_tags(self, session, arn)
        if found is None:
            return None
        contact, tags = found
        user_tags, owner = split_owner(tags)
        live: dict[str, Any] = {
            "alias": contact["Alias"],
            "type": contact["Type"],
            "displayName": contact.get("DisplayName"),
            "plan": bags.from_api(contact.get("Plan")) or {},
            "tags": user_tags,
            OWNER_KEY: owner,
        }
        return self.normalize(live), tags

    def read(self, session: Session, id_: str, props: Mapping[str, Any]) -> Read | None:
        """``get_contact`` and ``list_tags_for_resource``; gone reads as None.

        A contact whose owner tag names another Pulumi resource is not ours (ours was
        deleted and its alias taken again): read fails and says what to do. The live plan
        is read only where the state manages it.
        """
        live = self._live(session, id_)
        if live is None:
            return None
        if props.get("plan") is None:
            live.pop("plan", None)  # not managed here: refresh leaves it out
        return self.read_owned(id_, live, props)

    def write(
        self, session: Session, id_: str, old: Mapping[str, Any], new: Mapping[str, Any]
    ) -> None:
        """One UpdateContact if the display name or a managed plan differ."""
        request: dict[str, Any] = {}
        if old.get("displayName", "") != new.get("displayName", ""):
            request["DisplayName"] = new.get("displayName", "")
        if "plan" in new and old.get("plan") != new["plan"]:
            request["Plan"] = plan_request(new["plan"])
        client = session.client
        send_changes(session, "UpdateContact", client.update_contact, request, ContactId=id_)

    def delete(self, session: Session, id_: str, props: Mapping[str, Any]) -> None:
        """``delete_contact`` after the owner and channel checks; a contact already gone is
        deleted.

        A contact whose owner tag names another Pulumi resource is left alone: ours was
        deleted and someone made a new one with the alias (and so the same ARN). A contact
        that live channels of other stacks are marked on is refused (AWS would delete them
        with it): channel_markers.py.
        """
        tags = self.live_tags(session, id_)
        if tags is None:
            return
        _, owner = split_owner(tags)
        if owner and props.get(OWNER_KEY) and owner != props[OWNER_KEY]:
            return
        refuse_delete_over_other_stacks(session, id_, tags, props.get(OWNER_KEY))
        client = session.client
        find(session.ctx("DeleteContact", id_), lambda: client.delete_contact(ContactId=id_))

    def adopt(self, session: Session, id_: str, bag: dict[str, Any]) -> dict[str, Any]:
        """Take over an existing contact (``import_``): it must match the program already.

        A contact whose owner tag names another Pulumi resource is refused; one with no
        owner tag gets ours (one TagResource call), so no second stack can adopt it too.
        A program that omits ``plan`` accepts any plan.
        """
        found = self._live_with_tags(session, id_)
        if found is None:
            raise ContactError(
                f"Import of {id_} failed: no such contact in {session.region}.\nWhat to do: "
                "check the ARN (`aws ssm-contacts list-contacts`), or drop the import option to "
                "create it."
            )
        live, tags = found
        owner = live.get(OWNER_KEY)
        if owner and owner != bag.get(OWNER_KEY):
            raise owned_elsewhere(id_, owner, "Import")
        differ = [
            k
            for k in ("alias", "type", "displayName", "plan", "tags")
            if live.get(k) != bag.get(k) and (k != "plan" or "plan" in bag)
        ]
        if differ:
            raise ContactError(
                f"Import of {id_} failed: the contact does not match the program in "
                f"{', '.join(differ)} (values are not shown: they may be secret; compare "
                f"`aws ssm-contacts get-contact --contact-id {id_}`).\n"
                "What to do: change the program to match the contact, run `pulumi up` to import "
                "it, then change what you want in a later `pulumi up`."
            )
        if bag.get(OWNER_KEY):
            self.sync_tags(session, id_, live, bag, tags)
        return {}


def contact_with_tags(
    engine: Engine, session: Session, arn: str
) -> tuple[GetContactResultTypeDef, dict[str, str]] | None:
    """GetContact and the contact's tags, at once; None when the contact is gone."""
    client = session.client
    return engine.get_with_tags(
        session,
        arn,
        lambda: find(session.ctx("GetContact", arn), lambda: client.get_contact(ContactId=arn)),
    )


def create_request(
    bag: Mapping[str, Any], token: str, ownership: Mapping[str, str]
) -> dict[str, Any]:
    """The ``create_contact`` parameters for a normalized bag, ownership tags and token.

    An unmanaged (omitted) plan is sent as the empty plan the API requires.
    """
    plan = bag.get("plan")
    request: dict[str, Any] = {
        "Alias": bag.get("alias"),
        "Type": bag.get("type"),
        "Plan": (
            {"Stages": []}
            if plan is None
            else plan_request(plan)
            if isinstance(plan, Mapping)
            else bags.to_api(plan)  # unknown at preview, or a type error check reports
        ),
    }
    if bag.get("displayName"):
        request["DisplayName"] = bag["displayName"]
    tags = bag.get("tags")
    if isinstance(tags, Mapping):
        tags = {**tags, **ownership}
    if tags and not is_unknown(tags):
        request["Tags"] = bags.tags_to_api(tags) if isinstance(tags, Mapping) else tags
    request["IdempotencyToken"] = token
    return request


def _arn_of_alias(session: Session, alias: str) -> str | None:
    """The ARN of the contact that holds ``alias`` (one ListContacts call)."""
    client = session.client
    found = call(
        session.ctx("ListContacts", f"alias '{alias}'"),
        lambda: client.list_contacts(AliasPrefix=alias),
    )
    return next((c["ContactArn"] for c in found["Contacts"] if c["Alias"] == alias), None)
