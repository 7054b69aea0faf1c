"""The dynamic provider behind ``Contact``: check, diff, create, read, update, delete.

check and diff make no API calls. Each hook that does call AWS makes the fewest
calls it can: create 1, read 2, delete 2 (the owner check, then the delete), update one
per thing that changed. Ownership (docs/contact.md): every contact carries the owner tag
of the one Pulumi resource that manages it.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from botocore.exceptions import ClientError, HTTPClientError, NoRegionError
from botocore.exceptions import ConnectionError as BotoConnectionError
from pulumi.dynamic import (
    CheckFailure,
    CheckResult,
    ConfigureRequest,
    CreateResult,
    DiffResult,
    ReadResult,
    ResourceProvider,
    UpdateResult,
)

from . import aws_client, contact_bag, contact_validation
from .aws_errors import (
    CallContext,
    ContactError,
    conflict,
    error_code,
    explain,
    explain_connection,
    owned_elsewhere,
)
from .ownership import OWNER_KEY, OWNER_TAG

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient

_T = TypeVar("_T")

REPLACE_KEYS = ("alias", "type", "region")
UPDATE_KEYS = ("displayName", "plan", "tags")


class ContactProvider(ResourceProvider):
    """Manages one Incident Manager contact per resource; the resource ID is its ARN."""

    serialize_as_secret_always = False

    def __init__(self) -> None:
        super().__init__()
        self._region: str | None = None
        self._profile: str | None = None

    def __reduce__(self) -> tuple[type[ContactProvider], tuple[()]]:
        # State stores the provider by reference to this class: no configuration, no
        # clients, no credentials, and older states keep loading in newer releases.
        return (ContactProvider, ())

    def configure(self, req: ConfigureRequest) -> None:
        """Takes ``aws:region`` and ``aws:profile`` from the stack's configuration."""
        self._region = req.config.get("aws:region") or None
        self._profile = req.config.get("aws:profile") or None

    # -- AWS settings -------------------------------------------------------------

    def _region_for(self, props: Mapping[str, Any], arn: str | None = None) -> str | None:
        if arn:
            return contact_bag.region_of(arn)
        return props.get("region") or self._region or _environment_region()

    def _client(self, region: str | None) -> SSMContactsClient:
        try:
            return aws_client.client(region, self._profile)
        except NoRegionError:
            raise ContactError(
                "No AWS region for the contact. Set the resource's `region`, run "
                "`pulumi config set aws:region us-east-2`, or set AWS_REGION."
            ) from None

    # -- hooks --------------------------------------------------------------------

    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        """Validates and normalizes the inputs; no API call."""
        bag = contact_bag.normalize(news)
        # The engine prints the whole value of a failure's property when the property is a
        # top-level key, and that value may be a secret: so the path goes into the reason.
        failures = [
            CheckFailure("", f"{f.property}: {f.reason}")
            for f in contact_validation.validate_news(news, bag)
        ]
        return CheckResult(bag, failures)

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        """Replacement for alias, type or region; in-place update for the rest. No API call."""
        old = contact_bag.normalize(olds)
        new = contact_bag.normalize(news)
        if "region" not in new:
            old.pop("region", None)  # an unset region follows config: not a change
        changed = [k for k in (*REPLACE_KEYS, *UPDATE_KEYS) if old.get(k) != new.get(k)]
        replaces = [k for k in REPLACE_KEYS if k in changed]
        # Aliases are unique per region: a replacement that keeps both must delete first.
        same_place = "alias" not in replaces and "region" not in replaces
        return DiffResult(
            changes=bool(changed),
            replaces=replaces,
            delete_before_replace=bool(replaces) and same_place,
        )

    def create(self, props: dict[str, Any]) -> CreateResult:
        """One ``create_contact`` call with the owner tag and a fresh IdempotencyToken.

        A token is new per create: botocore's retries of the call resend it, and no later
        create can ever be answered with a contact that an earlier one made (not even on
        an AWS that remembers tokens after a delete). When the alias is taken, the owner
        tag decides: our own contact (a create whose answer was lost) is adopted and
        brought in line with the program; anyone else's is a conflict.
        """
        bag = contact_bag.normalize(props)
        if bag.get(contact_bag.IMPORT_KEY):
            return self._adopt(bag[contact_bag.IMPORT_KEY], bag)
        region = self._region_for(bag)
        client = self._client(region)
        ctx = CallContext("CreateContact", f"contact '{bag.get('alias')}'", region)
        request = contact_bag.create_request(bag, uuid.uuid4().hex)
        try:
            created = _call(ctx, lambda: client.create_contact(**request), creates=True)
        except _Conflict as taken:
            error = taken.error
        else:
            arn = created["ContactArn"]
            return CreateResult(arn, {**bag, "arn": arn})
        return self._adopt_own(client, bag, region, error)

    def _adopt_own(
        self, client: SSMContactsClient, bag: dict[str, Any], region: str | None, error: ClientError
    ) -> CreateResult:
        """The alias is taken: adopt the contact if its owner tag is ours, else a conflict."""
        arn = _existing_arn(client, bag["alias"], error)
        if arn is None:
            raise conflict(bag["alias"], region, None)
        live = self._live(client, arn, region)
        owner = live.get(OWNER_KEY) if live else None
        if live is None or not owner or owner != bag.get(OWNER_KEY):
            raise conflict(bag["alias"], region, arn, owner)
        self._write_changes(client, arn, live, bag, region)
        return CreateResult(arn, {**bag, "arn": arn})

    def _live(
        self, client: SSMContactsClient, arn: str, region: str | None
    ) -> dict[str, Any] | None:
        """The contact's bag as AWS has it (owner included), or None when it is gone."""
        ctx = CallContext("GetContact", arn, region)
        try:
            contact = _call(ctx, lambda: client.get_contact(ContactId=arn))
            tags = _call(ctx, lambda: client.list_tags_for_resource(ResourceARN=arn)).get("Tags")
        except _NotFound:
            return None
        return contact_bag.bag_from_api(contact, tags)

    def _adopt(self, arn: str, bag: dict[str, Any]) -> CreateResult:
        """Take over an existing contact (``import_``): it must match the program already.

        A contact whose owner tag names another Pulumi resource is refused; one with no
        owner tag gets ours (one TagResource call), so no second stack can adopt it too.
        """
        region = self._region_for(bag, arn)
        client = self._client(region)
        live = self._live(client, arn, region)
        if live is None:
            raise ContactError(
                f"Import of {arn} failed: no such contact in {region}.\nWhat to do: check the "
                "ARN (`aws ssm-contacts list-contacts`), or remove `import_` to create it."
            )
        owner = live.get(OWNER_KEY)
        if owner and owner != bag.get(OWNER_KEY):
            raise owned_elsewhere(arn, owner, "Import")
        differ = contact_bag.differences(bag, live)
        if differ:
            raise ContactError(
                f"Import of {arn} failed: the contact does not match the program in "
                f"{', '.join(differ)} (values are not shown: they may be secret; compare "
                f"`aws ssm-contacts get-contact --contact-id {arn}`).\n"
                "What to do: change the program to match the contact, run `pulumi up` to import "
                "it, then change what you want in a later `pulumi up`."
            )
        if not owner and bag.get(OWNER_KEY):
            tags = contact_bag.tags_to_api(contact_bag.owner_tags(bag))
            ctx = CallContext("TagResource", arn, region)
            _call(ctx, lambda: client.tag_resource(ResourceARN=arn, Tags=tags))
        return CreateResult(arn, {**bag, "arn": arn})

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        """``get_contact`` and ``list_tags_for_resource``; a contact that is gone reads empty.

        A contact whose owner tag names another Pulumi resource is not ours (it was
        deleted and its alias taken again): read fails and says what to do.
        """
        region = self._region_for(props, id_)
        live = self._live(self._client(region), id_, region)
        if live is None:
            return ReadResult("", {})
        owner = live.pop(OWNER_KEY, None)
        if owner and props.get(OWNER_KEY) and owner != props[OWNER_KEY]:
            raise owned_elsewhere(id_, owner, "Refresh")
        if props.get(OWNER_KEY):
            live[OWNER_KEY] = props[OWNER_KEY]
        if props.get("region"):
            live["region"] = props["region"]
        return ReadResult(id_, {**live, "arn": id_}, live)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        """``update_contact`` if display name or plan changed; tag calls for changed keys only."""
        old = contact_bag.normalize(olds)
        new = contact_bag.normalize(news)
        region = self._region_for(new, id_)
        self._write_changes(self._client(region), id_, old, new, region)
        return UpdateResult({**new, "arn": id_})

    def _write_changes(
        self,
        client: SSMContactsClient,
        arn: str,
        old: dict[str, Any],
        new: dict[str, Any],
        region: str | None,
    ) -> None:
        """One UpdateContact if the display name or plan differ; tag calls for changed keys."""
        request: dict[str, Any] = {}
        if old.get("displayName", "") != new.get("displayName", ""):
            request["DisplayName"] = new.get("displayName", "")
        if old["plan"] != new["plan"]:
            request["Plan"] = contact_bag.to_api(new["plan"])
        old_tags = {**old["tags"], **contact_bag.owner_tags(old)}
        new_tags = {**new["tags"], **contact_bag.owner_tags(new)}
        if OWNER_KEY not in new:
            new_tags.update(contact_bag.owner_tags(old))  # never drop a recorded owner
        to_tag = {k: v for k, v in new_tags.items() if old_tags.get(k) != v}
        to_untag = sorted(set(old_tags) - set(new_tags))
        if request:
            ctx = CallContext("UpdateContact", arn, region)
            _call(ctx, lambda: client.update_contact(ContactId=arn, **request))
        if to_untag:
            ctx = CallContext("UntagResource", arn, region)
            _call(ctx, lambda: client.untag_resource(ResourceARN=arn, TagKeys=to_untag))
        if to_tag:
            tags = contact_bag.tags_to_api(to_tag)
            ctx = CallContext("TagResource", arn, region)
            _call(ctx, lambda: client.tag_resource(ResourceARN=arn, Tags=tags))

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        """``delete_contact`` after checking the owner tag; a contact already gone is deleted.

        A contact whose owner tag names another Pulumi resource is left alone: ours was
        deleted and someone else made a new one with the alias (and so the same ARN).
        """
        region = self._region_for(props, id_)
        client = self._client(region)
        ctx = CallContext("DeleteContact", id_, region)
        try:
            tags = _call(ctx, lambda: client.list_tags_for_resource(ResourceARN=id_)).get("Tags")
            owner = contact_bag.tags_from_api(tags).get(OWNER_TAG)
            if owner and props.get(OWNER_KEY) and owner != props[OWNER_KEY]:
                return
            _call(ctx, lambda: client.delete_contact(ContactId=id_))
        except _NotFound:
            return


class _NotFound(Exception):
    """The call answered ResourceNotFoundException."""


class _Conflict(Exception):
    """The call answered ConflictException."""

    def __init__(self, error: ClientError) -> None:
        super().__init__(error_code(error))
        self.error = error


def _call(ctx: CallContext, call: Callable[[], _T], *, creates: bool = False) -> _T:
    """Run one boto3 call; not-found and conflict become values, the rest ContactErrors."""
    try:
        return call()
    except ClientError as error:
        code = error_code(error)
        if code == "ResourceNotFoundException":
            raise _NotFound(code) from None
        if code == "ConflictException":
            raise _Conflict(error) from None
        raise explain(error, ctx) from None
    except (BotoConnectionError, HTTPClientError) as error:
        raise explain_connection(error, ctx, creates=creates) from None


def _environment_region() -> str | None:
    return os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")


def _existing_arn(client: SSMContactsClient, alias: str, error: ClientError) -> str | None:
    """The ARN of the contact that holds ``alias``: from the ConflictException, else listed."""
    named = error.response.get("ResourceId")
    if isinstance(named, str) and named.startswith("arn:"):
        return named
    try:
        found = client.list_contacts(AliasPrefix=alias)["Contacts"]
    except ClientError:
        return None
    return next((c["ContactArn"] for c in found if c["Alias"] == alias), None)
