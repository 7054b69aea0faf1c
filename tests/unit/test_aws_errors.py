"""Every documented create_contact error ends in a message a person can act on."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from pulumi_ssm_contacts.core.aws_errors import CallContext, conflict, explain, validation_property
from pulumi_ssm_contacts.core.service_model import operation


def client_error(code: str, message: str, retries: int = 0) -> ClientError:
    response: Any = {
        "Error": {"Code": code, "Message": message},
        "ResponseMetadata": {"RetryAttempts": retries},
    }
    return ClientError(response, "CreateContact")


CTX = CallContext("CreateContact", "contact 'akuam'", "us-east-2")


@pytest.mark.parametrize(
    ("code", "advice"),
    [
        ("AccessDeniedException", "IAM action ssm-contacts:CreateContact"),
        ("InternalServerException", "run `pulumi up` again"),
        ("ServiceQuotaExceededException", "Service Quotas"),
        ("ThrottlingException", "lower `--parallel`"),
        ("ValidationException", "Fix the value"),
        ("DataEncryptionException", "KMS key"),
    ],
)
def test_documented_errors_carry_advice(code: str, advice: str) -> None:
    message = str(explain(client_error(code, "reason from AWS", retries=5), CTX))
    assert "CreateContact for contact 'akuam' in us-east-2 failed" in message
    assert f"{code}: reason from AWS" in message
    assert advice in message


def test_every_error_create_contact_documents_is_covered() -> None:
    documented = {shape.name for shape in operation("CreateContact").error_shapes}
    for code in documented - {"ConflictException"}:  # conflict has its own message
        assert "see AWS's message" not in str(explain(client_error(code, "x"), CTX)), code


def test_retried_errors_say_how_often_they_were_tried() -> None:
    message = str(explain(client_error("ThrottlingException", "Rate exceeded", retries=5), CTX))
    assert "after 6 attempts" in message


@pytest.mark.parametrize(
    "said",
    ["Invalid value provided - Account not found for the request", "Replication set not found"],
)
def test_missing_replication_set_is_named(said: str) -> None:
    error = client_error("ValidationException", said)
    assert "not set up in us-east-2" in str(explain(error, CTX))


def test_validation_names_the_property() -> None:
    said = (
        "1 validation error detected: Value '45' at 'plan.stages.1.member.durationInMinutes' "
        "failed to satisfy constraint: Member must have value less than or equal to 30"
    )
    assert validation_property(said) == "plan.stages[0].durationInMinutes"
    assert "property plan.stages[0].durationInMinutes" in str(
        explain(client_error("ValidationException", said), CTX)
    )


def test_conflict_explains_how_to_adopt_the_existing_contact() -> None:
    arn = "arn:aws:ssm-contacts:us-east-2:111122223333:contact/akuam"
    message = str(conflict("akuam", "us-east-2", arn))
    assert "alias 'akuam' already exists" in message
    assert f'import_="{arn}"' in message


def test_one_client_per_region_and_profile_across_threads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from pulumi_ssm_contacts.core import aws_client

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    aws_client.forget_clients()
    with ThreadPoolExecutor(max_workers=8) as pool:
        east = set(map(id, pool.map(lambda _: aws_client.client("us-east-1"), range(32))))
        west = set(map(id, pool.map(lambda _: aws_client.client("us-west-2"), range(32))))
    assert len(east) == 1
    assert len(west) == 1
    assert east != west
    aws_client.forget_clients()


def test_aws_validation_messages_lose_the_values_they_quote() -> None:
    said = (
        "2 validation errors detected: Value '+15550100 secret; x' at 'displayName' failed to "
        "satisfy constraint: Member must satisfy regular expression pattern: [a-z]*; "
        "Value 'hunter2' at 'tags.1.member.value' failed to satisfy constraint: Member must "
        "have length less than or equal to 256"
    )
    message = str(explain(client_error("ValidationException", said), CTX))
    assert "secret" not in message and "hunter2" not in message and "+1555" not in message
    assert "displayName: Member must satisfy regular expression pattern" in message
    assert "tags[0].value: Member must have length" in message


def test_a_lost_connection_ends_in_advice_not_a_traceback() -> None:
    from botocore.exceptions import ConnectionClosedError

    from pulumi_ssm_contacts.core.aws_errors import explain_connection

    error = ConnectionClosedError(endpoint_url="https://ssm-contacts.us-east-2.amazonaws.com/")
    message = str(explain_connection(error, CTX, creates=True))
    assert message.startswith("CreateContact for contact 'akuam' in us-east-2 failed")
    assert "ConnectionClosedError" in message
    assert "adopts it, with no duplicate" in message
    assert len(message.splitlines()) == 2
