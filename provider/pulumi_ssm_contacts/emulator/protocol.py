"""What a request must be before ssm-contacts sees it: AWS JSON 1.1 over SigV4.

Checked in this order, each answering the AWS error docs/emulator.md gives it: the body's
size, a signature, its credential scope (service and region), the ``X-Amz-Target``, then the
body itself (strict UTF-8 JSON, an object, timestamps as epoch seconds). Members the input
shape does not model are dropped, as AWS's deserializers drop them. No signature is verified.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from botocore.model import ListShape, MapShape, Shape, StructureShape

from ..core.service_model import Violation, service_model
from .exceptions import (
    IncompleteSignatureException,
    InvalidSignatureException,
    MissingAuthenticationTokenException,
    RequestEntityTooLargeException,
    SerializationException,
    UnknownOperationException,
    ValidationException,
)

MAX_REQUEST_BYTES = 10 * 1024 * 1024
"""10 MiB: API Gateway's documented payload limit; ssm-contacts documents none, and its
model leaves plan stages and targets unbounded, so no largest valid request follows."""

DEFAULT_REGION = "us-east-1"
EARLIEST_TIMESTAMP = -62_135_596_800.0
"""0001-01-01T00:00:00Z in epoch seconds: the earliest instant every client can read back."""
LATEST_TIMESTAMP = 253_402_300_799.999
"""9999-12-31T23:59:59.999Z: the latest one (Python's ``datetime``, so botocore's parser)."""

_SIGV4 = re.compile(
    r"AWS4-HMAC-SHA256\s+Credential=(?P<credential>[^,\s]+)\s*,\s*"
    r"SignedHeaders=[^,\s]+\s*,\s*Signature=[0-9a-fA-F]+\s*"
)
_SERVICE_HOST = re.compile(r"ssm-contacts\.(?P<region>[a-z0-9-]+)\.amazonaws\.com(?:\.cn)?")


@dataclass(frozen=True)
class CredentialScope:
    """``<access key>/<date>/<region>/<service>/aws4_request`` of a SigV4 signature."""

    access_key: str
    date: str
    region: str
    service: str


def check_size(body: bytes) -> None:
    """Refuse a body larger than :data:`MAX_REQUEST_BYTES`."""
    if len(body) > MAX_REQUEST_BYTES:
        raise RequestEntityTooLargeException(MAX_REQUEST_BYTES)


def _credential(headers: Mapping[str, str], query: Mapping[str, str]) -> str:
    authorization = headers.get("Authorization")
    if authorization is None:
        presigned = query.get("X-Amz-Credential")
        if presigned is None:
            raise MissingAuthenticationTokenException()
        return presigned
    match = _SIGV4.fullmatch(authorization.strip())
    if match is None:
        raise IncompleteSignatureException(
            "expected 'AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...'"
        )
    return match["credential"]


def credential_scope(headers: Mapping[str, str], query: Mapping[str, str]) -> CredentialScope:
    """The request's credential scope, or the AWS error for a missing or malformed one."""
    parts = _credential(headers, query).split("/")
    if len(parts) != 5 or parts[4] != "aws4_request" or not all(parts):
        raise IncompleteSignatureException(
            "the credential must be '<key>/<date>/<region>/<service>/aws4_request'"
        )
    return CredentialScope(*parts[:4])


def host_region(url: str) -> str | None:
    """The region an AWS host name ``ssm-contacts.<region>.amazonaws.com`` names."""
    match = _SERVICE_HOST.fullmatch(urlparse(url).hostname or "")
    return match["region"] if match else None


def request_region(url: str, headers: Mapping[str, str], query: Mapping[str, str]) -> str:
    """The region the request is for: the host's, else the credential scope's (never fails)."""
    region = host_region(url)
    if region:
        return region
    try:
        return credential_scope(headers, query).region
    except (MissingAuthenticationTokenException, IncompleteSignatureException):
        return DEFAULT_REGION


def check_scope(scope: CredentialScope, region: str, region_served: Callable[[str], bool]) -> None:
    """The scope must name ssm-contacts and the endpoint's region, one ssm-contacts serves."""
    signing_name = service_model().signing_name
    if scope.service != signing_name:
        raise InvalidSignatureException(
            f"Credential should be scoped to correct service: '{signing_name}'. "
        )
    if scope.region != region or not region_served(region):
        raise InvalidSignatureException(
            f"Credential should be scoped to a valid region, not '{scope.region}'. "
        )


def target_operation(headers: Mapping[str, str]) -> str:
    """The operation ``X-Amz-Target: SSMContacts.<Operation>`` names (maybe no real one)."""
    target = headers.get("X-Amz-Target")
    prefix, dot, operation = (target or "").partition(".")
    if prefix != service_model().metadata["targetPrefix"] or not dot or not operation:
        raise UnknownOperationException.for_target(target)
    return operation


def cannot_parse(detail: str) -> ValidationException:
    """The service's answer to a body it cannot read (``Reason: CANNOT_PARSE``)."""
    return ValidationException(f"Could not parse request body: {detail}", "CANNOT_PARSE")


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_body(body: bytes) -> dict[str, Any]:
    """The body as a JSON object: strict UTF-8, no NaN/Infinity; empty means ``{}``."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise cannot_parse("it is not UTF-8") from None
    if not text.strip():
        return {}
    try:
        value = json.loads(text, parse_constant=_no_constants)
    except RecursionError:
        raise cannot_parse("it nests too deeply") from None
    except ValueError as error:
        raise cannot_parse(f"it is not JSON ({error})") from None
    if not isinstance(value, dict):
        raise cannot_parse("it must be a JSON object")
    return value


def modeled(shape: Shape, value: Any) -> Any:
    """``value`` without the members ``shape`` does not model (at any depth)."""
    if isinstance(shape, StructureShape) and isinstance(value, dict):
        return {k: modeled(shape.members[k], v) for k, v in value.items() if k in shape.members}
    if isinstance(shape, ListShape) and isinstance(value, list):
        return [modeled(shape.member, item) for item in value]
    if isinstance(shape, MapShape) and isinstance(value, dict):
        return {key: modeled(shape.value, item) for key, item in value.items()}
    return value


def check_timestamps(shape: Shape, value: Any, path: tuple[str | int, ...] = ()) -> None:
    """Every timestamp member must be epoch seconds (a JSON number, the JSON protocol's
    form) that names an instant a client can read back.

    Not a number: SerializationException, as AWS's JSON services answer it. A number
    outside years 1 to 9999: ValidationException (it could be stored, but no later read of
    it would parse). Messages name the member, never the value.
    """
    if shape.type_name == "timestamp":
        where = Violation(path, "").aws_path()
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            kind = "null" if value is None else type(value).__name__
            raise SerializationException(
                f"{where} must be a timestamp in epoch seconds (a JSON number), "
                f"not a JSON {_JSON_KINDS.get(kind, kind)}"
            )
        if not EARLIEST_TIMESTAMP <= value <= LATEST_TIMESTAMP:
            raise ValidationException(
                f"{where} must be an instant from year 1 to year 9999 "
                "(epoch seconds from -62135596800 to 253402300799)",
                fields=[{"Name": where, "Message": "Member must be a valid timestamp"}],
            )
    elif isinstance(shape, StructureShape) and isinstance(value, dict):
        for name, item in value.items():
            if name in shape.members and item is not None:
                check_timestamps(shape.members[name], item, (*path, name))
    elif isinstance(shape, ListShape) and isinstance(value, list):
        for index, item in enumerate(value):
            check_timestamps(shape.member, item, (*path, index))
    elif isinstance(shape, MapShape) and isinstance(value, dict):
        for key, item in value.items():
            check_timestamps(shape.value, item, (*path, key))


_JSON_KINDS = {"str": "string", "list": "array", "dict": "object", "bool": "boolean"}
