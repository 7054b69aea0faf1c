"""The dynamic provider behind ``Contact``: check, diff, create, read, update, delete.

check and diff make no API calls. Each hook that does call AWS makes the fewest
calls it can: create 1, read 2, delete 1, update one per thing that changed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError, NoRegionError
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
from .aws_errors import CallContext, ContactError, conflict, error_code, explain

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient

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
        failures = [CheckFailure(f.property, f.reason) for f in contact_validation.validate(bag)]
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
        """One ``create_contact`` call, tags included; the ID is the returned ARN."""
        bag = contact_bag.normalize(props)
        if bag.get(contact_bag.IMPORT_KEY):
            return self._adopt(bag[contact_bag.IMPORT_KEY], bag)
        region = self._region_for(bag)
        client = self._client(region)
        ctx = CallContext("CreateContact", f"contact '{bag.get('alias')}'", region)
        try:
            arn = client.create_contact(**contact_bag.create_request(bag))["ContactArn"]
        except ClientError as error:
            if error_code(error) == "ConflictException":
                raise conflict(bag["alias"], region, _find_arn(client, bag["alias"])) from None
            raise explain(error, ctx) from None
        return CreateResult(arn, {**bag, "arn": arn})

    def _adopt(self, arn: str, bag: dict[str, Any]) -> CreateResult:
        """Take over an existing contact (``import_``): it must match the program already."""
        client = self._client(self._region_for(bag, arn))
        try:
            contact = client.get_contact(ContactId=arn)
            tags = client.list_tags_for_resource(ResourceARN=arn).get("Tags")
        except ClientError as error:
            raise explain(error, CallContext("GetContact", f"import of {arn}")) from None
        live = contact_bag.bag_from_api(contact, tags)
        differ = contact_bag.differences(bag, live)
        if differ:
            detail = "; ".join(
                f"{k}: AWS has {live.get(k)!r}, the program {bag.get(k)!r}" for k in differ
            )
            raise ContactError(
                f"Import of {arn} failed: the contact does not match the program ({detail}).\n"
                "What to do: change the program to match the contact, run `pulumi up` to import "
                "it, then change what you want in a later `pulumi up`."
            )
        return CreateResult(arn, {**bag, "arn": arn})

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        """``get_contact`` and ``list_tags_for_resource``; a contact that is gone reads empty."""
        client = self._client(self._region_for(props, id_))
        try:
            contact = client.get_contact(ContactId=id_)
            tags = client.list_tags_for_resource(ResourceARN=id_).get("Tags")
        except ClientError as error:
            if error_code(error) == "ResourceNotFoundException":
                return ReadResult("", {})
            raise explain(error, CallContext("GetContact", id_)) from None
        bag = contact_bag.bag_from_api(contact, tags)
        if props.get("region"):
            bag["region"] = props["region"]
        return ReadResult(id_, {**bag, "arn": contact["ContactArn"]}, bag)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        """``update_contact`` if display name or plan changed; tag calls for changed keys only."""
        old = contact_bag.normalize(olds)
        new = contact_bag.normalize(news)
        client = self._client(self._region_for(new, id_))
        request: dict[str, Any] = {}
        if old.get("displayName", "") != new.get("displayName", ""):
            request["DisplayName"] = new.get("displayName", "")
        if old["plan"] != new["plan"]:
            request["Plan"] = contact_bag.to_api(new["plan"])
        old_tags, new_tags = old["tags"], new["tags"]
        to_tag = {k: v for k, v in new_tags.items() if old_tags.get(k) != v}
        to_untag = sorted(set(old_tags) - set(new_tags))
        calls: list[tuple[str, Any]] = []
        if request:
            calls.append(("UpdateContact", lambda: client.update_contact(ContactId=id_, **request)))
        if to_untag:
            calls.append(
                ("UntagResource", lambda: client.untag_resource(ResourceARN=id_, TagKeys=to_untag))
            )
        if to_tag:
            tags = contact_bag.tags_to_api(to_tag)
            calls.append(("TagResource", lambda: client.tag_resource(ResourceARN=id_, Tags=tags)))
        for operation, call in calls:
            try:
                call()
            except ClientError as error:
                raise explain(error, CallContext(operation, id_)) from None
        return UpdateResult({**new, "arn": id_})

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        """``delete_contact``; a contact that is already gone counts as deleted."""
        client = self._client(self._region_for(props, id_))
        try:
            client.delete_contact(ContactId=id_)
        except ClientError as error:
            if error_code(error) != "ResourceNotFoundException":
                raise explain(error, CallContext("DeleteContact", id_)) from None


def _environment_region() -> str | None:
    return os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")


def _find_arn(client: SSMContactsClient, alias: str) -> str | None:
    """The ARN of the contact that holds ``alias``, for the conflict message (best effort)."""
    try:
        found = client.list_contacts(AliasPrefix=alias)["Contacts"]
    except ClientError:
        return None
    return next((c["ContactArn"] for c in found if c["Alias"] == alias), None)
