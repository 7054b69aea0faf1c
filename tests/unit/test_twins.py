"""Program-time claims under Pulumi's mocks: what a twin's message says, and what it never says."""

from __future__ import annotations

import asyncio
from typing import Any

import pulumi
import pytest

from pulumi_ssm_contacts import Contact, Rotation
from pulumi_ssm_contacts.dynamic.claims import ClaimConflict


class Mocks(pulumi.runtime.Mocks):
    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        return f"arn:{args.name}", {**args.inputs, "arn": f"arn:{args.name}"}

    def call(
        self, args: pulumi.runtime.MockCallArgs
    ) -> tuple[dict[Any, Any], list[tuple[str, str]] | None]:
        return {}, None


@pytest.fixture(autouse=True)
def mocks() -> None:
    pulumi.runtime.set_mocks(Mocks(), preview=True)


def failure_of(*resources: pulumi.CustomResource) -> BaseException | None:
    """The exception registering ``resources`` ends with (None when all register)."""
    outputs = pulumi.Output.all(*(r.urn for r in resources))
    try:
        asyncio.get_event_loop().run_until_complete(outputs.future())
    except Exception as error:  # the test looks at which one
        return error
    return None


def test_conflict_secret_aliases_are_named_but_never_shown() -> None:
    first = Contact("first", alias=pulumi.Output.secret("oncall-7"), type="PERSONAL")
    second = Contact("second", alias=pulumi.Output.secret("oncall-7"), type="PERSONAL")

    error = failure_of(first, second)

    assert isinstance(error, ClaimConflict)
    assert "Contact 'first'" in str(error) and "Contact 'second'" in str(error)
    assert "(a secret)" in str(error)
    assert "oncall-7" not in str(error)


def test_basic_one_alias_in_two_regions_and_two_aliases_register() -> None:
    resources = [
        Contact("east", alias="oncall", type="PERSONAL", region="us-east-1"),
        Contact("west", alias="oncall", type="PERSONAL", region="us-west-2"),
        Contact("other", alias="other", type="PERSONAL", region="us-east-1"),
    ]

    assert failure_of(*resources) is None


def test_conflict_rotation_name_twins_register_both() -> None:
    def rotation(name: str) -> Rotation:
        return Rotation(
            name,
            name="follow-the-sun",
            contact_ids=["arn:aws:ssm-contacts:us-east-1:123456789012:contact/a"],
            start_time="2026-12-07T00:00:00Z",
            time_zone_id="UTC",
            recurrence={"number_of_on_calls": 1, "recurrence_multiplier": 1},
            region="us-east-1",
        )

    assert failure_of(rotation("london"), rotation("sydney")) is None
