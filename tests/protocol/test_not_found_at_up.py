"""A resource that names another that does not exist fails at `up` in one paragraph (issue 13,
finding 19): what is missing, of which kind, for which resource, what to do; never a bare
``NotFound: ResourceNotFoundException``. In process and over the dynamic provider's gRPC."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from pulumi_ssm_contacts import RotationProvider
from tests.protocol.conftest import driving
from tests.protocol.drivers import Driver, HookError
from tests.protocol.resource_cases import WEEKLY

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient


@pytest.fixture(params=["hooks", "grpc"])
def rotations(request: pytest.FixtureRequest, emulator_env: dict[str, str]) -> Iterator[Driver]:
    with driving(request.param, RotationProvider(), emulator_env) as made:
        yield made


def rotation(contact_ids: list[str]) -> dict[str, Any]:
    return {
        "name": "primary",
        "contactIds": contact_ids,
        "startTime": "2026-12-07T09:00:00Z",
        "timeZoneId": "Europe/Paris",
        "recurrence": WEEKLY,
        "owner": "contacts/prod/primary",
    }


def test_rotation_with_a_missing_member_names_it_and_says_what_to_do(
    rotations: Driver, aws: SSMContactsClient
) -> None:
    akuam = aws.create_contact(Alias="akuam", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    ghost = akuam.replace("contact/akuam", "contact/ghost")
    inputs, failures = rotations.check({}, rotation([akuam, ghost]))
    assert failures == {}, "a contact ARN of the right shape: only AWS knows it is missing"

    with pytest.raises(HookError) as raised:
        rotations.create(inputs)

    message = str(raised.value)
    said = f"CreateRotation for rotation 'primary' in us-east-1 failed: AWS has no contact {ghost}"
    assert f"{said} (ResourceNotFoundException)" in message
    assert "What to do: the contact" in message and "Create it first" in message
    assert "NotFound: ResourceNotFoundException" not in message
    assert aws.list_rotations()["Rotations"] == [], "nothing made"


def test_a_resource_gone_at_up_says_refresh(rotations: Driver, aws: SSMContactsClient) -> None:
    akuam = aws.create_contact(Alias="akuam", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    inputs, _ = rotations.check({}, rotation([akuam]))
    arn, outs = rotations.create(inputs)
    aws.delete_rotation(RotationId=arn)
    news, _ = rotations.check(outs, {**rotation([akuam]), "timeZoneId": "Asia/Tokyo"})

    with pytest.raises(HookError) as raised:
        rotations.update(arn, outs, news)

    message = str(raised.value)
    assert f"UpdateRotation for {arn} in us-east-1 failed: AWS has no rotation {arn}" in message
    assert "`pulumi refresh`" in message
    assert "NotFound: ResourceNotFoundException" not in message
