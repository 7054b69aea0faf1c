"""What every resource's engine side shares, free of ``pulumi.dynamic``.

A resource declares itself as data (type name, inputs, which keys replace, which update
in place, whether it has tags) and fills in the few functions that are its own:
normalize, its rules, create, read, update, delete and adopt. This base does the rest:
check (the model, unknown keys, region, tags, owner), diff, and tag sync with the
owner tag. ``dynamic_provider.EngineProvider`` serves an engine as a Pulumi dynamic
provider; a schema'd provider plugin can serve the same engines later.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from . import bag as bags
from .aws_errors import CallContext, owned_elsewhere
from .calls import call
from .channel_markers import is_marker
from .concurrent_calls import alongside
from .ownership import OWNER_KEY, OWNER_TAG, RESERVED_PREFIX
from .validation import (
    Failure,
    member_failures,
    owner_failures,
    region_failures,
    tag_failures,
    unknown_keys,
)

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient

_Found = TypeVar("_Found")

IMPORT_KEY = "importArn"
"""Set from ``ResourceOptions.import_``: create adopts this resource instead of making one."""


@dataclass(frozen=True)
class Session:
    """The client and region one hook works with."""

    client: SSMContactsClient
    region: str | None

    def ctx(self, operation: str, resource: str) -> CallContext:
        """The context errors of one call are explained with."""
        return CallContext(operation, resource, self.region)


@dataclass(frozen=True)
class Change:
    """What diff found: changed keys, those that replace, the replacement's order, and the
    outputs an in-place update leaves as they are (``stables``; none for a replacement)."""

    changed: list[str]
    replaces: list[str]
    delete_before_replace: bool
    stables: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Read:
    """A live resource as read: its outputs, and the inputs that refresh records."""

    outputs: dict[str, Any]
    inputs: dict[str, Any] = field(default_factory=dict)


def lived_in(olds: Mapping[str, Any]) -> str | None:
    """The region a resource in the state lives in: its ARN's (None without one)."""
    arn = olds.get("arn")
    try:
        return bags.region_of(arn) if isinstance(arn, str) else None
    except ValueError:
        return None


class Engine(ABC):
    """The engine side of one resource type. Subclasses set the class data and the hooks."""

    type_name: ClassVar[str]
    """``Contact``: the resource's name in messages and type tokens."""
    input_keys: ClassVar[tuple[str, ...]]
    """The bag keys a program sets."""
    replace_keys: ClassVar[tuple[str, ...]]
    """Keys whose change replaces the resource (``region`` always does)."""
    update_keys: ClassVar[tuple[str, ...]]
    """Keys updated in place."""
    optional_managed_keys: ClassVar[tuple[str, ...]] = ()
    """Keys a program may leave out to leave that part unmanaged: not compared when absent."""
    tags_operation: ClassVar[str | None] = None
    """The create operation whose ``Tags`` shape tags follow; None for untaggable resources."""
    id_operation: ClassVar[tuple[str, str]]
    """An operation and member whose shape an ID (an import ARN) must fit."""
    output_keys: ClassVar[tuple[str, ...]] = ()
    """Outputs beyond ``arn`` and the inputs (which the outputs echo as normalized)."""
    outputs_changed_by: ClassVar[Mapping[str, tuple[str, ...]]] = MappingProxyType({})
    """Per in-place key, the outputs besides itself that its update can change (a
    channel's new address may need activating again). ``arn`` never changes in place."""
    secret_keys: ClassVar[tuple[str, ...]] = ()
    """Inputs (and their echoed outputs) that are always secret: a delivery address."""
    input_members: ClassVar[Mapping[str, tuple[str, str]]]
    """Per input key but ``region`` (ours: a string that replaces), the operation and
    member (a dotted path into its input) whose botocore shape gives the key's type,
    documentation, enum and whether it is required (its first member is)."""
    output_members: ClassVar[Mapping[str, tuple[str, str]]] = MappingProxyType({})
    """Per output key, the operation and member of its output shape that describe it;
    ``arn`` first, then each of ``output_keys``."""

    # -- what each resource fills in ----------------------------------------------------

    @abstractmethod
    def normalize(self, bag: Mapping[str, Any]) -> dict[str, Any]:
        """The inputs in canonical form: equivalent programs give equal bags."""

    @abstractmethod
    def rules(self, bag: Mapping[str, Any]) -> list[Failure]:
        """The resource's own failures of a normalized bag (its model shape, its type rules)."""

    @abstractmethod
    def create(self, session: Session, bag: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """Create the resource; return its ID (an ARN) and any outputs beyond the inputs."""

    @abstractmethod
    def read(self, session: Session, id_: str, props: Mapping[str, Any]) -> Read | None:
        """The live resource, or None when it is gone."""

    def update(
        self, session: Session, id_: str, old: dict[str, Any], new: dict[str, Any]
    ) -> dict[str, Any]:
        """Write what changed between two normalized bags (``write``, then tags by changed
        key); return outputs beyond the inputs."""
        self.write(session, id_, old, new)
        if self.tags_operation:
            self.sync_tags(session, id_, old, new)
        return {}

    def write(
        self, session: Session, id_: str, old: Mapping[str, Any], new: Mapping[str, Any]
    ) -> None:
        """The update call(s) for what changed, tags apart; resources that override
        ``update`` need not fill it in."""
        raise NotImplementedError(f"{self.type_name} updates through its own update()")

    @abstractmethod
    def delete(self, session: Session, id_: str, props: Mapping[str, Any]) -> None:
        """Delete the resource; one that is already gone counts as deleted."""

    @abstractmethod
    def adopt(self, session: Session, id_: str, bag: dict[str, Any]) -> dict[str, Any]:
        """Take over an existing resource (``import_``), or raise why not; return outputs
        beyond the inputs."""

    def delete_before_replace(self, replaces: list[str]) -> bool:
        """Whether a replacement must delete first (a unique name kept, say)."""
        return False

    def create_rules(self, bag: Mapping[str, Any]) -> list[Failure]:
        """Failures that only a create has (not an update, not an import)."""
        return []

    def warnings(self, bag: Mapping[str, Any]) -> list[Failure]:
        """Likely mistakes of a normalized bag that AWS accepts (``preview_warnings`` shows
        them); a path and a rule each, like failures."""
        return []

    # -- what every resource shares -----------------------------------------------------

    def check(
        self, news: Mapping[str, Any], olds: Mapping[str, Any] | None = None
    ) -> tuple[dict[str, Any], list[Failure]]:
        """The normalized bag and every failure of a program's inputs; no API call.

        ``olds`` (the state's) is empty for a resource the engine is about to create. An
        existing resource keeps the owner its state records: the owner rule may change
        between releases (a parent's type chain), the tags and tokens in AWS do not.
        """
        bag = self.normalize(news)
        recorded = (olds or {}).get(OWNER_KEY)
        if isinstance(recorded, str) and recorded and OWNER_KEY in bag:
            bag[OWNER_KEY] = recorded
        failures = unknown_keys(news, self.type_name, self.input_keys)
        failures += self.rules(bag)
        if not olds and not bag.get(IMPORT_KEY):
            failures += self.create_rules(bag)
        failures += region_failures(bag.get("region"))
        failures += owner_failures(bag.get(OWNER_KEY))
        if self.tags_operation:
            failures += tag_failures(bag.get("tags"), self.tags_operation)
        operation, member = self.id_operation
        failures += member_failures(
            IMPORT_KEY, bag.get(IMPORT_KEY), operation, member, prefix="import_ "
        )
        return bag, failures

    def diff(self, olds: Mapping[str, Any], news: Mapping[str, Any]) -> Change:
        """Changed, replacing and in-place keys between state and program; no API call."""
        old = self.normalize(olds)
        new = self.normalize(news)
        if "region" not in new:
            old.pop("region", None)  # an unset region follows config: not a change
        elif "region" not in old:
            # A region written down where there was none: a change only if it is not the one
            # the resource lives in. Else its replacement's create would find this very
            # resource (same alias, same owner token) and the old one's delete remove it.
            old["region"] = lived_in(olds)
        keys = [*self.replace_keys, "region", *self.update_keys]
        changed = [
            k
            for k in dict.fromkeys(keys)
            if old.get(k) != new.get(k) and not (k in self.optional_managed_keys and k not in new)
        ]
        replaces = [k for k in (*self.replace_keys, "region") if k in changed]
        return Change(
            changed,
            replaces,
            bool(replaces) and self.delete_before_replace(replaces),
            [] if replaces else self.stables(olds, old, new, changed),
        )

    def stables(
        self,
        olds: Mapping[str, Any],
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        changed: list[str],
    ) -> list[str]:
        """The state's outputs an in-place update from ``old`` to ``new`` (normalized) leaves
        as they are: ``arn``, every echoed input whose value stays, and every other output
        no changed key can change (``outputs_changed_by``)."""
        moved = {out for key in changed for out in self.outputs_changed_by.get(key, ())}
        derived = ("arn", *self.output_keys)
        return [
            k
            for k in olds
            if k != "__provider"
            and k not in moved
            and (k in derived or (k in old and k not in changed and old[k] == new.get(k)))
        ]

    def ownership_tags(self, bag: Mapping[str, Any]) -> dict[str, str]:
        """The tags this package sets on the resource for a bag: its owner tag."""
        return owner_tags(bag)

    def sync_tags(
        self,
        session: Session,
        arn: str,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        live: Mapping[str, str] | None = None,
    ) -> None:
        """Untag removed keys and tag changed ones (ownership tags included), one call each.

        ``live`` is the resource's whole tag map when it was just read (it replaces what
        ``old`` implies). This package's tags in it that name another owner are that
        owner's and stay: a channel's marker (channel_markers.py), a ContactPlan's
        plan-owner tag on a Contact that leaves its plan unmanaged. A new bag without an
        owner (direct provider use) keeps the recorded owner.
        """
        kept = new if new.get(OWNER_KEY) else {**new, OWNER_KEY: old.get(OWNER_KEY)}
        old_tags = (
            dict(live) if live is not None else {**old.get("tags", {}), **self.ownership_tags(old)}
        )
        new_tags = {**new.get("tags", {}), **self.ownership_tags(kept)}
        to_tag = {k: v for k, v in new_tags.items() if old_tags.get(k) != v}
        to_untag = sorted(
            k
            for k in set(old_tags) - set(new_tags)
            if not k.startswith(RESERVED_PREFIX)
            or (old_tags[k] == kept.get(OWNER_KEY) and not is_marker(k))
        )
        if to_untag:
            client = session.client
            call(
                session.ctx("UntagResource", arn),
                lambda: client.untag_resource(ResourceARN=arn, TagKeys=to_untag),
            )
        if to_tag:
            tag(session, arn, to_tag)

    def read_owned(self, id_: str, live: dict[str, Any], props: Mapping[str, Any]) -> Read:
        """A live bag as refresh records it, after the owner check: a resource whose owner
        tag names another Pulumi resource is not ours (ours was deleted, its name reused)."""
        owner = live.pop(OWNER_KEY, None)
        if owner and props.get(OWNER_KEY) and owner != props[OWNER_KEY]:
            raise owned_elsewhere(id_, owner, "Refresh")
        live = keep_bookkeeping(live, {k: v for k, v in props.items() if k != IMPORT_KEY})
        return Read(live, dict(live))

    def delete_owned(
        self, session: Session, id_: str, props: Mapping[str, Any], delete: Callable[[], object]
    ) -> None:
        """``delete()`` after the owner check (one ListTagsForResource); a resource already
        gone, or one whose owner tag names another Pulumi resource, is left alone."""
        tags = self.live_tags(session, id_)
        if tags is None:
            return
        _, owner = split_owner(tags)
        if owner and props.get(OWNER_KEY) and owner != props[OWNER_KEY]:
            return
        delete()

    def get_with_tags(
        self, session: Session, arn: str, get: Callable[[], _Found | None]
    ) -> tuple[_Found, dict[str, str]] | None:
        """``get()`` (a find: None when gone) and the resource's tags, both at once; None
        when the resource is gone."""
        found, tags_call = alongside(get, lambda: self.live_tags(session, arn))
        tags = tags_call.result() if found is not None else None
        if found is None or tags is None:
            return None
        return found, tags

    def live_tags(self, session: Session, arn: str) -> dict[str, str] | None:
        """The resource's tags (owner tag included), or None when it is gone."""
        from .calls import find

        client = session.client
        found = find(
            session.ctx("ListTagsForResource", arn),
            lambda: client.list_tags_for_resource(ResourceARN=arn),
        )
        return None if found is None else bags.tags_from_api(found.get("Tags"))


def tag(session: Session, arn: str, tags: Mapping[str, str]) -> None:
    """One TagResource call that adds or overwrites ``tags``."""
    client = session.client
    api_tags = bags.tags_to_api(tags)
    call(
        session.ctx("TagResource", arn), lambda: client.tag_resource(ResourceARN=arn, Tags=api_tags)
    )


def send_changes(
    session: Session, operation: str, send: Any, request: Mapping[str, Any], **ids: str
) -> None:
    """One update call, ``send(**ids, **request)``, with the changed members; none when
    nothing changed."""
    if request:
        call(session.ctx(operation, next(iter(ids.values()))), lambda: send(**ids, **request))


def owner_tags(bag: Mapping[str, Any]) -> dict[str, str]:
    """The owner tag of a bag, as a one-entry tag map (empty when the bag has no owner)."""
    owner = bag.get(OWNER_KEY)
    return {OWNER_TAG: owner} if isinstance(owner, str) and owner else {}


def split_owner(tags: Mapping[str, str]) -> tuple[dict[str, str], str | None]:
    """A live tag map as ``(user tags, owner)``: this package's tags are not the user's."""
    user = {k: v for k, v in tags.items() if not k.startswith(RESERVED_PREFIX)}
    return user, tags.get(OWNER_TAG)


def keep_bookkeeping(out: dict[str, Any], bag: Mapping[str, Any]) -> dict[str, Any]:
    """``out`` with the bag's region, owner and import kept (they are not the API's)."""
    for key in ("region", OWNER_KEY, IMPORT_KEY):
        if bag.get(key):
            out[key] = bag[key]
    return out
