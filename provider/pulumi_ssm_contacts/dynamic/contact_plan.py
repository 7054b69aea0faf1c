"""``ContactPlan``: the engagement plan of an existing contact, as a resource of its own.

A contact's plan can target the contact's own channels, which exist only after the
contact: a separate plan resource breaks that cycle (as ``aws.ssmcontacts.Plan`` does).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any, NotRequired, TypedDict, overload

import pulumi

from ..contact_plan_provider import ContactPlanProvider
from ..core.validation import CONTACT_TYPE_HINT
from ..oncall.coverage import with_coverage_check
from .claims import PLAN, Claimant, ClaimConflict, claimed
from .contact import Contact
from .inputs import StageList
from .resource import SsmContactsResource, resolve_args, to_bag


@dataclasses.dataclass(frozen=True)
class ContactPlanArgs:
    """All inputs of a :class:`ContactPlan`."""

    contact_id: pulumi.Input[str]
    """ARN of the contact whose plan this is; changing it replaces the plan."""
    stages: StageList | None = None
    """Stages of a PERSONAL (channels) or ESCALATION (contacts) contact's plan."""
    rotation_ids: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None
    """Rotations of an ONCALL_SCHEDULE contact."""
    region: pulumi.Input[str] | None = None
    """AWS region; defaults to the contact ARN's region."""


class ContactPlanArgsDict(TypedDict):
    """Dict form of :class:`ContactPlanArgs`."""

    contact_id: pulumi.Input[str]
    """ARN of the contact whose plan this is; changing it replaces the plan."""
    stages: NotRequired[StageList | None]
    """Stages of a PERSONAL (channels) or ESCALATION (contacts) contact's plan."""
    rotation_ids: NotRequired[pulumi.Input[Sequence[pulumi.Input[str]]] | None]
    """Rotations of an ONCALL_SCHEDULE contact."""
    region: NotRequired[pulumi.Input[str] | None]
    """AWS region; defaults to the contact ARN's region."""


class ContactPlan(SsmContactsResource, module="ssm-contacts", name="ContactPlan"):
    """The engagement plan of a contact (``update_contact``'s ``Plan``), owned on its own.

    The ID is the contact's ARN. Deleting the resource empties the plan. Never declare
    both this and ``Contact(plan=...)`` for one contact: one owner per plan.
    """

    contact_id: pulumi.Output[str]
    """ARN of the contact."""
    stages: pulumi.Output[list[dict[str, Any]]]
    """The stages as stored in state (camelCase keys)."""
    rotation_ids: pulumi.Output[list[str] | None]
    """The rotations of an on-call schedule."""

    @overload
    def __init__(
        self, resource_name: str, args: ContactPlanArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None: ...

    @overload
    def __init__(
        self,
        resource_name: str,
        *,
        contact_id: pulumi.Input[str],
        stages: StageList | None = None,
        rotation_ids: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None,
        region: pulumi.Input[str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None: ...

    def __init__(
        self,
        resource_name: str,
        args: ContactPlanArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Any,
    ) -> None:
        """Declare the plan of a contact.

        :param resource_name: The Pulumi name of the resource.
        :param contact_id: ARN of the contact (usually ``contact.arn``).
        :param stages: Stages that engage channels (PERSONAL) or contacts (ESCALATION).
        :param rotation_ids: Rotation ARNs of an ONCALL_SCHEDULE contact.
        :param region: AWS region; defaults to ``aws:region`` config, then the environment.
        :param opts: Resource options (``import_`` adopts the contact's plan by contact ARN).
        """
        args = resolve_args(ContactPlanArgs, args, kwargs)
        rotation_ids = with_coverage_check(
            resource_name, args.rotation_ids, args.rotation_ids, self
        )
        claimant = Claimant("ContactPlan", resource_name, opts.parent if opts else None)
        contact_id = claimed(PLAN, args.contact_id, claimant, self)
        props: dict[str, Any] = {
            "contactId": _one_plan_owner(resource_name, contact_id),
            "stages": to_bag(args.stages),
            "rotationIds": rotation_ids,
            "region": args.region,
            CONTACT_TYPE_HINT: _contact_type(args.contact_id),
        }
        super().__init__(ContactPlanProvider(), resource_name, props, opts)


def _contact_type(contact_id: pulumi.Input[str]) -> pulumi.Input[str] | None:
    """The ``type`` of the Contact resource whose ARN ``contact_id`` is, when the program
    declares it (check applies that type's plan rules; state never holds the hint)."""
    if not isinstance(contact_id, pulumi.Output):
        return None

    async def contact_type() -> Any:
        for dependency in await contact_id.resources():
            if isinstance(dependency, Contact):
                found = dependency.contact_type
                if isinstance(found, pulumi.Output):
                    return await found.future() if await found.is_known() else None
                return found
        return None

    hint: pulumi.Output[Any] = pulumi.Output.from_input(contact_type())
    return hint


def _one_plan_owner(resource_name: str, contact_id: pulumi.Input[str]) -> pulumi.Input[str]:
    """``contact_id``, refused when it is the ARN of a Contact that sets ``plan`` itself."""
    if not isinstance(contact_id, pulumi.Output):
        return contact_id

    async def no_inline_plan() -> bool:
        for dependency in await contact_id.resources():
            if isinstance(dependency, Contact) and dependency.manages_plan:
                raise ClaimConflict(
                    f"ContactPlan {resource_name!r}: its contact sets `plan` itself; a plan has "
                    f"one owner. Remove `plan` from Contact {dependency.pulumi_resource_name!r}, "
                    "or remove this ContactPlan."
                )
        return True

    guard: pulumi.Output[bool] = pulumi.Output.from_input(no_inline_plan())
    return pulumi.Output.all(contact_id, guard).apply(lambda values: values[0])
