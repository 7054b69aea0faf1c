"""What a user writes without this package: a boto3 dynamic provider in `__main__`.

No validation, no diff (the engine compares inputs), a client per call, no ownership,
no retries beyond botocore's defaults. Config: `count`, `display`.
"""

from typing import Any

import boto3
import pulumi
from pulumi.dynamic import CreateResult, ReadResult, Resource, ResourceProvider, UpdateResult


class ContactProvider(ResourceProvider):
    def create(self, props: dict[str, Any]) -> CreateResult:
        client = boto3.client("ssm-contacts")
        created = client.create_contact(
            Alias=props["alias"],
            DisplayName=props["display_name"],
            Type=props["type"],
            Plan={"Stages": []},
        )
        return CreateResult(created["ContactArn"], {**props, "arn": created["ContactArn"]})

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        found = boto3.client("ssm-contacts").get_contact(ContactId=id_)
        live = {
            "alias": found["Alias"],
            "type": found["Type"],
            "display_name": found.get("DisplayName", ""),
        }
        return ReadResult(id_, {**live, "arn": id_})

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        boto3.client("ssm-contacts").update_contact(ContactId=id_, DisplayName=news["display_name"])
        return UpdateResult({**news, "arn": id_})

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        boto3.client("ssm-contacts").delete_contact(ContactId=id_)


class Contact(Resource):
    arn: pulumi.Output[str]

    def __init__(self, name: str, alias: str, display_name: str, type: str) -> None:
        props = {"alias": alias, "display_name": display_name, "type": type, "arn": None}
        super().__init__(ContactProvider(), name, props)


config = pulumi.Config()
for i in range(config.require_int("count")):
    Contact(f"c{i}", alias=f"bench-{i}", display_name=config.require("display"), type="PERSONAL")
