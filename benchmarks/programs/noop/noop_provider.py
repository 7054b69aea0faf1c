"""A dynamic provider that makes no call: create answers a fixed ID, the rest do nothing."""

from typing import Any

import pulumi
from pulumi.dynamic import CreateResult, Resource, ResourceProvider


class NoopProvider(ResourceProvider):
    """Every hook but create is the SDK's default (read and update echo, delete passes)."""

    def create(self, props: dict[str, Any]) -> CreateResult:
        return CreateResult("noop", props)


class NoopResource(Resource):
    """The same inputs as the other programs' contacts (alias, type, display name)."""

    def __init__(self, name: str, alias: str, display_name: str) -> None:
        props = {"alias": alias, "type": "PERSONAL", "display_name": display_name}
        super().__init__(NoopProvider(), name, props, pulumi.ResourceOptions())
