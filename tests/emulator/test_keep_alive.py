"""The server keeps connections open between requests, as AWS endpoints do, and only then.

werkzeug's server closed every connection after one answer; the emulator's answers on a
kept connection must be whole, in order, and never mix with the next request's bytes.
"""

from __future__ import annotations

import http.client
import json
import logging
import re
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any, BinaryIO

import boto3
import pytest
from botocore.config import Config

from pulumi_ssm_contacts.emulator.protocol import MAX_REQUEST_BYTES
from pulumi_ssm_contacts.emulator_harness import state
from pulumi_ssm_contacts.emulator_harness.keep_alive import KeepAliveHandler, KeepAliveServer
from pulumi_ssm_contacts.emulator_harness.server import endpoint_of, make_emulator_server

from .raw_http import api_headers

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


class Counted(KeepAliveServer):
    """The emulator's server, counting the connections it has accepted."""

    accepted = 0

    def finish_request(self, request: Any, client_address: Any) -> None:
        type(self).accepted += 1
        super().finish_request(request, client_address)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[KeepAliveServer]:
    """An emulator server on a thread of this process, counting its connections."""
    import pulumi_ssm_contacts.emulator_harness.server as server_module

    Counted.accepted = 0
    monkeypatch.setattr(server_module, "KeepAliveServer", Counted)
    served = make_emulator_server()
    thread = threading.Thread(target=served.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    state.reset()  # this process's emulator state: other tests' contacts must not show
    yield served
    state.reset()
    served.shutdown()
    served.server_close()
    thread.join(timeout=10)


def _connection(server: KeepAliveServer) -> http.client.HTTPConnection:
    return http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=10)


def _list_contacts(
    connection: http.client.HTTPConnection, **headers: str
) -> http.client.HTTPResponse:
    connection.request("POST", "/", body=b"{}", headers={**api_headers(), **headers})
    response = connection.getresponse()
    response.read()
    return response


def test_requests_on_one_connection_each_get_their_whole_answer(server: KeepAliveServer) -> None:
    connection = _connection(server)
    first = _list_contacts(connection)
    sock = connection.sock
    second = _list_contacts(connection)
    assert (first.status, second.status) == (200, 200)
    assert first.getheader("Connection") is None
    assert connection.sock is sock  # not reopened: http.client drops a closed socket
    assert Counted.accepted == 1
    connection.close()


def test_botocore_makes_its_calls_on_one_connection(server: KeepAliveServer) -> None:
    client = boto3.client(
        "ssm-contacts",
        endpoint_url=endpoint_of(server),
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(retries={"total_max_attempts": 1}),
    )
    arn = client.create_contact(Alias="kept", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    for _ in range(5):
        assert client.get_contact(ContactId=arn)["Alias"] == "kept"
    assert Counted.accepted == 1


def test_a_request_that_asks_to_close_is_answered_then_closed(server: KeepAliveServer) -> None:
    connection = _connection(server)
    response = _list_contacts(connection, Connection="close")
    assert response.status == 200
    assert response.getheader("Connection") == "close"
    assert connection.sock is None  # http.client closes when the server says so


def test_a_body_over_the_limit_is_refused_and_the_connection_closed(
    server: KeepAliveServer,
) -> None:
    with socket.create_connection(("127.0.0.1", server.server_port), timeout=10) as sock:
        head = (
            "POST / HTTP/1.1\r\nHost: x\r\n"
            + "".join(f"{k}: {v}\r\n" for k, v in api_headers().items())
            + f"Content-Length: {MAX_REQUEST_BYTES + 1}\r\n\r\n"
        )
        sock.sendall(head.encode())
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    status_line, _, rest = answer.partition(b"\r\n")
    assert b" 413 " in status_line
    assert b"Connection: close" in rest


def test_the_body_is_read_whole_so_the_next_request_is_not_mistaken_for_it(
    server: KeepAliveServer,
) -> None:
    body = json.dumps({"Alias": "one", "Type": "PERSONAL", "Plan": {"Stages": []}}).encode()
    create = {**api_headers("CreateContact"), "Content-Length": str(len(body))}
    head = "".join(f"{k}: {v}\r\n" for k, v in create.items())
    listing = "".join(f"{k}: {v}\r\n" for k, v in api_headers().items())
    # Both requests in one write: the second must start right where the first body ends.
    wire = (
        f"POST / HTTP/1.1\r\nHost: x\r\n{head}\r\n".encode()
        + body
        + f"POST / HTTP/1.1\r\nHost: x\r\n{listing}Content-Length: 2\r\n\r\n{{}}".encode()
    )
    with socket.create_connection(("127.0.0.1", server.server_port), timeout=10) as sock:
        sock.sendall(wire)
        reader = sock.makefile("rb")
        answers = [_answer(reader), _answer(reader)]
    assert answers[0][0] == 200 and "ContactArn" in answers[0][1]
    assert answers[1][0] == 200
    assert [c["Alias"] for c in answers[1][1]["Contacts"]] == ["one"]


def _answer(reader: BinaryIO) -> tuple[int, Any]:
    """One HTTP/1.1 answer off ``reader``: its status and JSON body (of Content-Length)."""
    status = int(reader.readline().split()[1])
    length = 0
    while (line := reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return status, json.loads(reader.read(length))


def test_closing_the_server_ends_the_connections_it_kept(server: KeepAliveServer) -> None:
    connection = _connection(server)
    assert _list_contacts(connection).status == 200
    assert connection.sock is not None
    sock = connection.sock
    server.shutdown()
    server.server_close()
    sock.settimeout(10)
    assert sock.recv(1) == b""  # the server's end is gone, not left serving a stopped emulator


def test_every_answer_carries_its_own_request_id(server: KeepAliveServer) -> None:
    connection = _connection(server)
    ids = [_list_contacts(connection).getheader("x-amzn-RequestId") for _ in range(2)]
    connection.request(
        "POST", "/", body=b"{}", headers=api_headers("GetContact")
    )  # ContactId missing: a ValidationException
    refused = connection.getresponse()
    refused.read()
    ids.append(refused.getheader("x-amzn-RequestId"))
    assert refused.status == 400
    assert all(i is not None and UUID.fullmatch(i) for i in ids), ids
    assert len(set(ids)) == 3


def test_a_head_answer_keeps_its_length_and_sends_no_body(server: KeepAliveServer) -> None:
    connection = _connection(server)
    connection.request("HEAD", "/_emulator/calls")
    head = connection.getresponse()
    head.read()
    connection.request("GET", "/_emulator/calls")
    get = connection.getresponse()
    body = get.read()
    assert int(head.getheader("Content-Length") or 0) > 0  # the length a GET would get
    # Had the HEAD answer carried its body, this answer would be read from those bytes.
    assert (get.status, json.loads(body)) == (200, {"calls": []})
    connection.close()


def test_an_idle_kept_connection_is_closed_quietly(
    server: KeepAliveServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(KeepAliveHandler, "timeout", 0.3)
    connection = _connection(server)
    assert _list_contacts(connection).status == 200
    sock = connection.sock
    assert sock is not None
    sock.settimeout(10)
    with caplog.at_level(logging.INFO, logger="werkzeug"):
        assert sock.recv(1) == b""  # closed by the server once idle past its timeout
        time.sleep(0.1)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text
