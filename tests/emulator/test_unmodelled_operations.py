"""Every operation of the botocore model answers as implemented or with a 4xx naming it as
not modelled, never a 5xx: no SDK retries it (issue 13, finding 10). Since issue 16 the
emulator implements all of them; the check stays for any the model adds."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

from pulumi_ssm_contacts.core.service_model import service_model
from pulumi_ssm_contacts.emulator.responses import implemented_operations

from .helpers import Emulator, personal

OPERATIONS = sorted(service_model().operation_names)
UNMODELLED = sorted(set(OPERATIONS) - implemented_operations())


def test_the_emulator_models_every_operation_of_the_model() -> None:
    """Issue 13 counted 16 not modelled; issue 16 implemented them (engagements, pages,
    rotation overrides, contact policies)."""
    assert "StartEngagement" in implemented_operations()
    assert UNMODELLED == []


def test_every_operation_answers_below_500_and_is_sent_once(emulator: Emulator) -> None:
    """Each operation of the model, with an empty input, through an SDK that would retry a
    5xx or a throttle up to 3 times: one call each in the call log, no 5xx, and an
    operation the emulator does not model answers 400 UnknownOperationException naming it."""
    client = emulator.new_client(retries=3, validate=False)
    emulator.clear_calls()
    for name in OPERATIONS:
        try:
            response = client._make_api_call(name, {})  # type: ignore[attr-defined]
        except ClientError as error:
            status = error.response["ResponseMetadata"]["HTTPStatusCode"]
            retried = error.response["ResponseMetadata"].get("RetryAttempts", 0)
            code = error.response["Error"]["Code"]
            assert status < 500, (name, status, code)
            assert retried == 0, name
            if name in UNMODELLED:
                assert (status, code) == (400, "UnknownOperationException"), name
                assert error.response["Error"]["Message"] == (
                    f"{name} is not modelled by the emulator (docs/emulator.md lists what is)"
                )
            else:
                assert code == "ValidationException", name  # members missing
        else:
            assert name not in UNMODELLED, name
            assert response["ResponseMetadata"]["HTTPStatusCode"] == 200, name
    assert emulator.counts() == dict.fromkeys(OPERATIONS, 1)


@pytest.mark.parametrize("name", ["StartEngagement", "PutContactPolicy", "ListPagesByContact"])
def test_once_unmodelled_operation_with_valid_input_answers_once(
    emulator: Emulator, name: str
) -> None:
    """Three of issue 13's 16, through a retrying SDK: answered 200, called once."""
    contact = personal(emulator.client, "akuam")
    params = {
        "StartEngagement": {"ContactId": contact, "Sender": "cli", "Subject": "s", "Content": "c"},
        "PutContactPolicy": {"ContactArn": contact, "Policy": "{}"},
        "ListPagesByContact": {"ContactId": contact},
    }[name]
    client = emulator.new_client(retries=3)
    emulator.clear_calls()

    response = client._make_api_call(name, params)  # type: ignore[attr-defined]

    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert emulator.counts() == {name: 1}
    assert [c["Alias"] for c in emulator.client.list_contacts()["Contacts"]] == ["akuam"]
