"""Raw HTTP to the emulator in either mode: exact bytes and headers, no botocore in between.

In-process, ``moto.mock_aws`` serves ``requests`` calls to ``https://<host>/`` for the
ssm-contacts host names; against the server, ``http.client`` sends exactly what it is
given (any Host header, a Content-Length that lies).
"""

from __future__ import annotations

import contextlib
import http.client
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import requests

from .helpers import Emulator

AWS_HOST = "ssm-contacts.us-east-1.amazonaws.com"
JSON_1_1 = "application/x-amz-json-1.1"


@dataclass(frozen=True)
class RawResponse:
    """Status, headers (lower-case names) and body of one answer."""

    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        """The body as JSON."""
        return json.loads(self.body)

    @property
    def error_type(self) -> str:
        """The AWS error code (``__type``) of a JSON error body."""
        error_type: str = self.json()["__type"]
        return error_type


def signature(region: str = "us-east-1", service: str = "ssm-contacts") -> str:
    """A SigV4 ``Authorization`` header (the emulator checks its form, not its signature)."""
    return (
        f"AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240101/{region}/{service}/"
        f"aws4_request, SignedHeaders=host;x-amz-date, Signature={'0' * 64}"
    )


def api_headers(operation: str = "ListContacts", **changes: str | None) -> dict[str, str]:
    """The headers boto3 would send; ``changes`` replace them (``None`` removes one)."""
    headers: dict[str, str | None] = {
        "Content-Type": JSON_1_1,
        "X-Amz-Target": f"SSMContacts.{operation}",
        "X-Amz-Date": "20240101T000000Z",
        "Authorization": signature(),
    }
    headers.update({name.replace("_", "-"): value for name, value in changes.items()})
    return {name: value for name, value in headers.items() if value is not None}


def send(
    emulator: Emulator,
    body: bytes,
    headers: Mapping[str, str],
    *,
    host: str | None = None,
    method: str = "POST",
    path: str = "/",
) -> RawResponse:
    """Send one request as given; ``host`` replaces the emulator's host name."""
    if emulator.control is None:
        return _in_process(body, headers, host or AWS_HOST, method, path)
    return send_to_server(
        emulator.control.endpoint, body, headers, host=host, method=method, path=path
    )


def send_to_server(
    endpoint: str,
    body: bytes,
    headers: Mapping[str, str],
    *,
    host: str | None = None,
    method: str = "POST",
    path: str = "/",
    chunked: bool = False,
) -> RawResponse:
    """Send one request to a server, byte for byte (a given Content-Length is kept).

    ``chunked`` sends the body with ``Transfer-Encoding: chunked`` in 1 MiB chunks.
    """
    url = urlparse(endpoint)
    connection = http.client.HTTPConnection(url.hostname or "", url.port, timeout=30)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", host or url.netloc)
        for name, value in headers.items():
            connection.putheader(name, value)
        if chunked:
            connection.putheader("Transfer-Encoding", "chunked")
        elif not any(name.lower() == "content-length" for name in headers):
            connection.putheader("Content-Length", str(len(body)))
        connection.endheaders()
        # The server may answer (and close) before reading it all.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            connection.send(_chunks(body) if chunked else body)
        response = connection.getresponse()
        answer = RawResponse(
            response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        )
    finally:
        connection.close()
    return answer


def _chunks(body: bytes, size: int = 1 << 20) -> bytes:
    pieces = [body[i : i + size] for i in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"


def _in_process(
    body: bytes, headers: Mapping[str, str], host: str, method: str, path: str
) -> RawResponse:
    response = requests.request(method, f"https://{host}{path}", data=body, headers=dict(headers))
    return RawResponse(
        int(response.status_code),
        {str(k).lower(): str(v) for k, v in response.headers.items()},
        bytes(response.content),
    )
