"""Malformed and foreign requests get the JSON error AWS sends, and change nothing.

Each test runs in-process and against the server; ``raw_http`` sends the exact bytes.
"""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError

from pulumi_ssm_contacts.emulator.protocol import MAX_REQUEST_BYTES

from .helpers import Emulator, error_code, personal
from .raw_http import JSON_1_1, RawResponse, api_headers, send, send_to_server, signature

CREATE = json.dumps({"Alias": "akuam", "Type": "PERSONAL", "Plan": {"Stages": []}}).encode()


def assert_aws_error(response: RawResponse, status: int, error_type: str) -> None:
    """An AWS JSON 1.1 error: the status, ``__type`` and a message, in x-amz-json-1.1."""
    assert (response.status, response.error_type) == (status, error_type), response.body[:300]
    assert response.headers["content-type"] == JSON_1_1
    assert response.json()["message"]


def assert_unchanged(emulator: Emulator, *, logged: bool = False) -> None:
    """No contact was created; the request reached the call log only if ``logged``."""
    emulator_calls = emulator.calls()
    assert emulator.client.list_contacts()["Contacts"] == []
    assert bool(emulator_calls) is logged


# -- the body -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b'{"Alias": "\xff\xfe", "Type": "PERSONAL", "Plan": {}}', id="not-utf8"),
        pytest.param(b"[" * 100_000 + b"]" * 100_000, id="100000-nested-lists"),
        pytest.param(b'{"Alias": "a", "Junk": ' + b"[" * 5000 + b"]" * 5000 + b"}", id="nested"),
        pytest.param(b'{"Alias": "akuam", "Type": "PERSONAL", "Plan": {}', id="truncated"),
        pytest.param(b'{"Alias": NaN}', id="nan"),
        pytest.param(b'["Alias", "akuam"]', id="a-list"),
        pytest.param(b"null", id="null"),
        pytest.param(b"\xef\xbb\xbf{}", id="bom"),
    ],
)
def test_unreadable_body_is_cannot_parse_and_creates_nothing(
    emulator: Emulator, body: bytes
) -> None:
    response = send(emulator, body, api_headers("CreateContact"))
    assert_aws_error(response, 400, "ValidationException")
    assert response.json()["Reason"] == "CANNOT_PARSE"
    assert_unchanged(emulator, logged=True)


def test_readable_body_still_creates(emulator: Emulator) -> None:
    response = send(emulator, CREATE, api_headers("CreateContact"))
    assert response.status == 200, response.body
    assert response.headers["content-type"] == JSON_1_1
    assert response.json()["ContactArn"].endswith(":contact/akuam")


def test_unknown_members_are_ignored_and_not_stored(emulator: Emulator) -> None:
    member = emulator.client.create_contact(Alias="member", Type="PERSONAL", Plan={})
    target = {"ContactTargetInfo": {"ContactId": member["ContactArn"], "IsEssential": True}}
    body = {
        "Alias": "escalation",
        "Type": "ESCALATION",
        "Colour": "blue",
        "Plan": {
            "Stages": [{"DurationInMinutes": 5, "Targets": [target], "Priority": "high"}],
            "Comment": {"nested": ["anything"]},
        },
    }
    response = send(emulator, json.dumps(body).encode(), api_headers("CreateContact"))
    assert response.status == 200, response.body
    # Read raw: botocore's parser would hide members the output shape does not model.
    get = json.dumps({"ContactId": response.json()["ContactArn"]}).encode()
    stored = send(emulator, get, api_headers("GetContact")).json()
    assert stored["Plan"] == {"Stages": [{"DurationInMinutes": 5, "Targets": [target]}]}
    assert "Colour" not in stored


# -- sizes --------------------------------------------------------------------------


def _padded_create(size: int) -> bytes:
    """A valid CreateContact body of exactly ``size`` bytes (padded in an unknown member)."""
    head, tail = CREATE[:-1] + b', "Padding": "', b'"}'
    return head + b"x" * (size - len(head) - len(tail)) + tail


def test_body_over_the_limit_is_413_and_changes_nothing(emulator: Emulator) -> None:
    response = send(emulator, _padded_create(MAX_REQUEST_BYTES + 1), api_headers("CreateContact"))
    assert_aws_error(response, 413, "RequestEntityTooLargeException")
    assert_unchanged(emulator)


def test_body_at_the_limit_is_accepted(emulator: Emulator) -> None:
    response = send(emulator, _padded_create(MAX_REQUEST_BYTES), api_headers("CreateContact"))
    assert response.status == 200, response.body[:300]
    assert [c["Alias"] for c in emulator.client.list_contacts()["Contacts"]] == ["akuam"]


def test_declared_length_over_the_limit_is_refused_unread(emulator: Emulator) -> None:
    if emulator.control is None:
        pytest.skip("in-process there is no Content-Length to lie with")
    headers = {**api_headers("CreateContact"), "Content-Length": str(10**12)}
    response = send(emulator, CREATE, headers)
    assert_aws_error(response, 413, "RequestEntityTooLargeException")
    assert response.headers["connection"] == "close"
    assert_unchanged(emulator)


@pytest.mark.parametrize(("extra", "status"), [(0, 200), (100, 413)])
def test_chunked_body_is_bounded_too(emulator: Emulator, extra: int, status: int) -> None:
    if emulator.control is None:
        pytest.skip("in-process there is no transfer encoding")
    body = _padded_create(MAX_REQUEST_BYTES + extra)
    endpoint = emulator.control.endpoint
    response = send_to_server(endpoint, body, api_headers("CreateContact"), chunked=True)
    assert response.status == status, response.body[:300]
    contacts = emulator.client.list_contacts()["Contacts"]
    assert [c["Alias"] for c in contacts] == (["akuam"] if status == 200 else [])


# -- authentication and credential scope --------------------------------------------


def test_unsigned_request_is_missing_authentication_token(emulator: Emulator) -> None:
    response = send(emulator, CREATE, api_headers("CreateContact", Authorization=None))
    assert_aws_error(response, 403, "MissingAuthenticationTokenException")
    assert_unchanged(emulator)


def test_unsigned_sdk_client_is_refused(emulator: Emulator) -> None:
    with pytest.raises(ClientError) as error:
        personal(emulator.new_client(signed=False), "akuam")
    assert error_code(error) == "MissingAuthenticationTokenException"
    assert error.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
    assert_unchanged(emulator)


@pytest.mark.parametrize(
    "authorization",
    ["AWS4", "Bearer abc", signature().replace("aws4_request", "aws5_request")],
    ids=["truncated", "bearer", "bad-terminator"],
)
def test_malformed_signature_is_incomplete_signature(
    emulator: Emulator, authorization: str
) -> None:
    response = send(emulator, CREATE, api_headers("CreateContact", Authorization=authorization))
    assert_aws_error(response, 403, "IncompleteSignatureException")
    assert_unchanged(emulator)


def test_unknown_region_in_credential_scope_is_invalid_signature(emulator: Emulator) -> None:
    headers = api_headers("CreateContact", Authorization=signature(region="xx-nowhere-9"))
    response = send(emulator, CREATE, headers)
    assert_aws_error(response, 403, "InvalidSignatureException")
    assert "xx-nowhere-9" in response.json()["message"]
    assert_unchanged(emulator)


def test_unknown_region_in_host_is_invalid_signature(emulator: Emulator) -> None:
    headers = api_headers("CreateContact", Authorization=signature(region="xx-nowhere-9"))
    response = send(emulator, CREATE, headers, host="ssm-contacts.xx-nowhere-9.amazonaws.com")
    assert_aws_error(response, 403, "InvalidSignatureException")
    assert_unchanged(emulator)


def test_host_region_must_match_the_scope(emulator: Emulator) -> None:
    response = send(
        emulator, CREATE, api_headers("CreateContact"), host="ssm-contacts.eu-west-1.amazonaws.com"
    )
    assert_aws_error(response, 403, "InvalidSignatureException")
    assert_unchanged(emulator)


def test_sdk_client_in_unknown_region_is_invalid_signature(emulator: Emulator) -> None:
    with pytest.raises(ClientError) as error:
        emulator.new_client("xx-nowhere-9", retries=1).list_contacts()
    assert error_code(error) == "InvalidSignatureException"
    assert_unchanged(emulator)


def test_credential_for_another_service_is_invalid_signature(emulator: Emulator) -> None:
    headers = api_headers("CreateContact", Authorization=signature(service="s3"))
    response = send(emulator, CREATE, headers)
    assert_aws_error(response, 403, "InvalidSignatureException")
    assert "'ssm-contacts'" in response.json()["message"]
    assert_unchanged(emulator)


# -- routing: only ssm-contacts answers -----------------------------------------------


@pytest.mark.parametrize(
    "target",
    [None, "", "SSMContacts", "SSMContacts.", "DynamoDB_20120810.ListTables", "ListContacts"],
)
def test_request_for_no_ssm_contacts_operation_is_unknown_operation(
    emulator: Emulator, target: str | None
) -> None:
    response = send(emulator, b"{}", api_headers(X_Amz_Target=target))
    assert_aws_error(response, 400, "UnknownOperationException")
    assert_unchanged(emulator)


def test_unknown_ssm_contacts_operation_is_validation_error(emulator: Emulator) -> None:
    response = send(emulator, b"{}", api_headers("MakeCoffee"))
    assert_aws_error(response, 400, "ValidationException")
    assert response.json()["Reason"] == "UNKNOWN_OPERATION"


def test_unsigned_plain_post_is_not_answered_by_s3(emulator: Emulator) -> None:
    """moto's server used to answer this with S3's ListAllMyBuckets."""
    response = send(emulator, b"", {"X-Amz-Target": "SSMContacts.ListContacts"})
    assert_aws_error(response, 403, "MissingAuthenticationTokenException")
    assert b"ListAllMyBuckets" not in response.body


def test_s3_list_buckets_request_is_not_answered_by_s3(emulator: Emulator) -> None:
    headers = {"Authorization": signature(service="s3"), "X-Amz-Date": "20240101T000000Z"}
    response = send(emulator, b"", headers, method="GET")
    assert_aws_error(response, 403, "InvalidSignatureException")


def test_moto_api_is_not_served(emulator: Emulator) -> None:
    if emulator.control is None:
        pytest.skip("in-process, moto routes by host and path before the emulator sees it")
    personal(emulator.client, "akuam")
    response = send(emulator, b"", {}, path="/moto-api/reset")
    assert_aws_error(response, 403, "MissingAuthenticationTokenException")
    assert [c["Alias"] for c in emulator.client.list_contacts()["Contacts"]] == ["akuam"]


def test_query_string_action_does_not_pick_the_operation(emulator: Emulator) -> None:
    arn = personal(emulator.client, "akuam")
    body = json.dumps({"ContactId": arn}).encode()
    response = send(emulator, body, api_headers("GetContact"), path="/?Action=DeleteContact")
    assert response.status == 200, response.body
    assert emulator.client.get_contact(ContactId=arn)["Alias"] == "akuam"


def test_form_content_type_is_still_read_as_json(emulator: Emulator) -> None:
    headers = api_headers("CreateContact", Content_Type="application/x-www-form-urlencoded")
    response = send(emulator, CREATE, headers)
    assert response.status == 200, response.body
    assert [c["Alias"] for c in emulator.client.list_contacts()["Contacts"]] == ["akuam"]
