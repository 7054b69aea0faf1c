"""The engine side of ``ContactPlan``: the plan of an existing contact, owned on its own.

The contact's ``pulumi-ssm-contacts/plan-owner`` tag names the one resource that manages
its plan, so two ContactPlans (or a ContactPlan and a Contact with an inline ``plan``)
can never fight over one contact, in one stack or in two (docs/contact.md says what a race
of two stacks leaves). create: ListTagsForResource, TagResource, ListTagsForResource (read
back), UpdateContact, ListTagsForResource (read back) (5); update: UpdateContact (1); read:
GetContact and ListTagsForResource (2, at once); delete: ListTagsForResource, UpdateContact
to the empty plan, UntagResource (3).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ..core import bag as bags
from ..core.aws_errors import ContactError, owned_elsewhere
from ..core.calls import call, find
from ..core.engine import Engine, Read, Session, keep_bookkeeping, tag
from ..core.ownership import OWNER_KEY, PLAN_OWNER_TAG
from ..core.validation import CONTACT_TYPE_HINT, Failure, is_unknown, model_failures
from .contact import contact_with_tags
from .plan_rules import (
    arn_kind_failure,
    normalize_plan,
    plan_failures,
    plan_request,
    plan_warnings,
)


class ContactPlanEngine(Engine):
    """The engagement plan of a contact; the ID is the contact's ARN."""

    type_name = "ContactPlan"
    input_keys = ("contactId", "stages", "rotationIds", "region")
    replace_keys = ("contactId",)
    update_keys = ("stages", "rotationIds")
    id_operation = ("GetContact", "ContactId")
    output_keys = ()  # arn and the inputs only: an update changes only the keys it writes
    input_members = MappingProxyType(
        {
            "contactId": ("UpdateContact", "ContactId"),
            "stages": ("UpdateContact", "Plan.Stages"),
            "rotationIds": ("UpdateContact", "Plan.RotationIds"),
        }
    )
    output_members = MappingProxyType({"arn": ("GetContact", "ContactArn")})

    def normalize(self, bag: Mapping[str, Any]) -> dict[str, Any]:
        """Missing and empty stages are the same; no empty ``rotationIds``."""
        plan = normalize_plan({"stages": bag.get("stages"), "rotationIds": bag.get("rotationIds")})
        out: dict[str, Any] = {"contactId": bag["contactId"]} if bag.get("contactId") else {}
        out.update(plan)
        return keep_bookkeeping(out, bag)

    def rules(self, bag: Mapping[str, Any]) -> list[Failure]:
        """The UpdateContact shape and the plan's rules (the contact's type is not known here:
        the plan must at least agree with itself)."""
        contact_id = bag.get("contactId")
        request = {"ContactId": contact_id, "Plan": bags.to_api(_plan(bag))}
        failures = model_failures("UpdateContact", request)
        return (
            [
                Failure(f.property.removeprefix("plan."), f.reason)
                if f.property.startswith("plan.")
                else f
                for f in failures
            ]
            + arn_kind_failure("contactId", contact_id, "contact")
            + plan_failures(None, _plan(bag), "", bags.arn_alias(contact_id))
        )

    def check(
        self, news: Mapping[str, Any], olds: Mapping[str, Any] | None = None
    ) -> tuple[dict[str, Any], list[Failure]]:
        """The shared check, with the contact's type when the program knows it (the
        ``contactType`` hint: the Contact resource behind ``contact_id``), so its plan rules
        apply as a Contact's inline plan's do: an on-call schedule's rotations and no stages,
        rotations only on a schedule, a PERSONAL plan's channels, an ESCALATION's contacts.

        Without the hint, an explicit ``rotationIds: []``: normalize drops it (no rotations
        and an empty list are one plan), but a program that writes it means an on-call
        schedule with none, which AWS refuses.
        """
        bag, failures = super().check(news, olds)
        contact_type = news.get(CONTACT_TYPE_HINT)
        if isinstance(contact_type, str) and not is_unknown(contact_type):
            alias = bags.arn_alias(bag.get("contactId"))
            untyped = set(plan_failures(None, _plan(bag), "", alias))
            typed = plan_failures(contact_type, _plan(bag), "", alias)
            return bag, [f for f in failures if f not in untyped] + typed
        if news.get("rotationIds") == [] and not bag.get("stages"):
            failures.append(
                Failure(
                    "rotationIds",
                    "must name at least one rotation: an ONCALL_SCHEDULE contact needs one "
                    "(leave rotationIds out for a PERSONAL or ESCALATION contact's plan)",
                )
            )
        return bag, failures

    def warnings(self, bag: Mapping[str, Any]) -> list[Failure]:
        """Likely mistakes AWS accepts: a target twice in a stage, a rotation twice, an
        escalation plan that engages its own contact."""
        return plan_warnings(_plan(bag), "", bags.arn_alias(bag.get("contactId")))

    def create(self, session: Session, bag: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """Claim the contact's plan (refused if another resource owns it), then write it.

        AWS has no conditional tag write, so two stacks creating at once could both claim:
        the plan-owner tag is written first and read back before and after the plan is
        written, and a create that finds another owner's tag there fails naming it.
        """
        contact_id = bag["contactId"]
        owner = bag.get(OWNER_KEY)
        tags = self._tags_of_contact(session, contact_id)
        _claim(contact_id, tags, bag, "CreateContactPlan")
        if owner and tags.get(PLAN_OWNER_TAG) != owner:
            self._tag_plan_owner(session, contact_id, owner)
            self._confirm_claim(session, contact_id, owner, written=False)
        self._write(session, contact_id, _plan(bag))
        if owner:
            self._confirm_claim(session, contact_id, owner, written=True)
        return contact_id, {}

    def read(self, session: Session, id_: str, props: Mapping[str, Any]) -> Read | None:
        """The contact's plan as AWS has it; a contact that is gone reads as None."""
        found = contact_with_tags(self, session, id_)
        if found is None:
            return None
        contact, tags = found
        plan_owner = tags.get(PLAN_OWNER_TAG)
        if plan_owner and props.get(OWNER_KEY) and plan_owner != props[OWNER_KEY]:
            raise owned_elsewhere(id_, plan_owner, "Refresh of the plan")
        live = self.normalize({"contactId": id_, **bags.from_api(contact.get("Plan") or {})})
        live = keep_bookkeeping(live, {k: v for k, v in props.items() if k != "importArn"})
        return Read(live, dict(live))

    def update(
        self, session: Session, id_: str, old: dict[str, Any], new: dict[str, Any]
    ) -> dict[str, Any]:
        """One UpdateContact with the whole new plan."""
        self._write(session, id_, _plan(new))
        return {}

    def delete(self, session: Session, id_: str, props: Mapping[str, Any]) -> None:
        """Reset the plan to empty and give it up; a contact already gone counts as done.

        An on-call schedule keeps its rotations (AWS requires at least one): only the
        plan-owner tag is removed.
        """
        tags = self.live_tags(session, id_)
        if tags is None:
            return
        plan_owner = tags.get(PLAN_OWNER_TAG)
        if plan_owner and props.get(OWNER_KEY) and plan_owner != props[OWNER_KEY]:
            return  # someone else's now: ours is gone already
        client = session.client
        if not props.get("rotationIds"):
            find(
                session.ctx("UpdateContact", id_),
                lambda: client.update_contact(ContactId=id_, Plan={"Stages": []}),
            )
        if plan_owner:
            find(
                session.ctx("UntagResource", id_),
                lambda: client.untag_resource(ResourceARN=id_, TagKeys=[PLAN_OWNER_TAG]),
            )

    def adopt(self, session: Session, id_: str, bag: dict[str, Any]) -> dict[str, Any]:
        """Take over a contact's existing plan: it must match the program already."""
        found = self.read(session, id_, {})
        if found is None:
            raise ContactError(
                f"Import of the plan of {id_} failed: no such contact in {session.region}."
            )
        tags = self._tags_of_contact(session, id_)
        _claim(id_, tags, bag, "Import of the plan")
        differ = [k for k in ("stages", "rotationIds") if found.outputs.get(k) != bag.get(k)]
        if differ:
            raise ContactError(
                f"Import of the plan of {id_} failed: it does not match the program in "
                f"{', '.join(differ)}.\nWhat to do: change the program to match the plan "
                f"(`aws ssm-contacts get-contact --contact-id {id_}`), import, then change it."
            )
        if bag.get(OWNER_KEY) and tags.get(PLAN_OWNER_TAG) != bag[OWNER_KEY]:
            self._tag_plan_owner(session, id_, bag[OWNER_KEY])
        return {}

    # -- the plan-owner tag ---------------------------------------------------------------

    def _tags_of_contact(self, session: Session, contact_id: str) -> dict[str, str]:
        tags = self.live_tags(session, contact_id)
        if tags is None:
            raise ContactError(
                f"The contact {contact_id} does not exist in {session.region}: a ContactPlan "
                "needs an existing contact.\nWhat to do: create the Contact first (pass its "
                "`arn` as `contactId`), or fix the ARN."
            )
        return tags

    def _tag_plan_owner(self, session: Session, contact_id: str, owner: str) -> None:
        tag(session, contact_id, {PLAN_OWNER_TAG: owner})

    def _confirm_claim(self, session: Session, contact_id: str, owner: str, written: bool) -> None:
        """Read the plan-owner tag back: another owner's there means it claimed the plan at
        the same time (its TagResource came after ours)."""
        now = self._tags_of_contact(session, contact_id).get(PLAN_OWNER_TAG)
        if now == owner:
            return
        who = (
            f"another Pulumi resource ({now}) claimed its plan"
            if now
            else "another Pulumi resource removed its plan-owner tag"
        )
        if written:
            happened = (
                "while this one was writing the plan: the plan now holds whichever write came "
                "last.\nWhat to do: a plan has one owner, so keep one of the two ContactPlans; "
                "then run `pulumi up --refresh` in the stack that keeps it, so its plan is "
                "written again"
            )
        else:
            happened = (
                "before this one wrote the plan: nothing was written.\nWhat to do: a plan has "
                "one owner, so keep one of the two ContactPlans"
            )
        raise ContactError(
            f"CreateContactPlan for {contact_id} failed: {who} at the same time, {happened}."
        )

    def _write(self, session: Session, contact_id: str, plan: Mapping[str, Any]) -> None:
        client = session.client
        api_plan = plan_request(plan)
        call(
            session.ctx("UpdateContact", contact_id),
            lambda: client.update_contact(ContactId=contact_id, Plan=api_plan),
        )


def _claim(
    contact_id: str, tags: Mapping[str, str], bag: Mapping[str, Any], operation: str
) -> None:
    """Refuse a plan whose plan-owner tag names another resource."""
    plan_owner = tags.get(PLAN_OWNER_TAG)
    if plan_owner and plan_owner != bag.get(OWNER_KEY):
        raise owned_elsewhere(contact_id, plan_owner, operation)


def _plan(bag: Mapping[str, Any]) -> dict[str, Any]:
    """The bag's plan in the Contact bag's form: ``{"stages": [...], "rotationIds": [...]}``."""
    plan: dict[str, Any] = {"stages": bag.get("stages") or []}
    if bag.get("rotationIds"):
        plan["rotationIds"] = bag["rotationIds"]
    return plan
