"""audit_aws: the listing makes the fewest calls and reads owner tags only where they matter."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pulumi_ssm_contacts.audit import AUDITED_TYPES, LiveResource
from pulumi_ssm_contacts.audit_aws import list_live
from pulumi_ssm_contacts.ownership import OWNER_TAG

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient
    from mypy_boto3_ssm_contacts.type_defs import TagTypeDef

CONTACT = AUDITED_TYPES[0].token


def create(client: SSMContactsClient, alias: str, owner: str | None = None) -> str:
    tags: list[TagTypeDef] = [{"Key": OWNER_TAG, "Value": owner}] if owner else []
    created = client.create_contact(Alias=alias, Type="PERSONAL", Plan={"Stages": []}, Tags=tags)
    return created["ContactArn"]


def test_basic_lists_contacts_then_tags_of_unheld_ones_only(
    ssm_contacts_client: SSMContactsClient,
) -> None:
    held = create(ssm_contacts_client, "akuam", "payments/prod/akuam")
    orphan = create(ssm_contacts_client, "oncall", "payments/prod/oncall")
    console = create(ssm_contacts_client, "console")
    operations: list[str] = []

    def record(model: Any, **_: Any) -> None:
        operations.append(model.name)

    ssm_contacts_client.meta.events.register("before-call.ssm-contacts", record)

    live = list_live(ssm_contacts_client, AUDITED_TYPES, {held})

    assert sorted(live[CONTACT], key=lambda r: r.arn) == [
        LiveResource(held, None),
        LiveResource(console, None),
        LiveResource(orphan, "payments/prod/oncall"),
    ]
    assert operations == ["ListContacts", "ListTagsForResource", "ListTagsForResource"]
