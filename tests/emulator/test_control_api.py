"""The server's control API: refuses browsers (CSRF), malformed bodies and bad settings.

Every refusal is a JSON ``{"error": ...}`` with a 4xx status, and changes nothing.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from pulumi_ssm_contacts.emulator_harness.control_api import MAX_CONTROL_BYTES
from pulumi_ssm_contacts.emulator_harness.faults import FaultConfig
from pulumi_ssm_contacts.emulator_harness.process import EmulatorServer

from .helpers import personal
from .raw_http import RawResponse, send_to_server

JSON = {"Content-Type": "application/json"}
KNOWN_FAULTS = FaultConfig(throttle_rate=0.25, operations=frozenset({"GetContact"}), seed=3)


@pytest.fixture
def server(ssm_contacts_server: EmulatorServer, ssm_contacts_endpoint: str) -> EmulatorServer:
    """The session's server, reset, with known fault settings and one contact."""
    ssm_contacts_server.control.set_faults(KNOWN_FAULTS)
    personal(ssm_contacts_server.control.client(), "akuam")
    return ssm_contacts_server


def control(
    server: EmulatorServer, method: str, route: str, body: bytes = b"", **headers: str
) -> RawResponse:
    """One raw control request; ``headers`` use ``_`` for ``-``."""
    named = {name.replace("_", "-"): value for name, value in headers.items()}
    return send_to_server(server.endpoint, body, named, method=method, path=f"/_emulator/{route}")


def assert_refused(response: RawResponse, status: int) -> None:
    assert response.status == status, response.body
    assert response.headers["content-type"] == "application/json"
    assert isinstance(response.json()["error"], str)


def assert_unchanged(server: EmulatorServer) -> None:
    assert server.control.faults() == KNOWN_FAULTS
    aliases = [c["Alias"] for c in server.control.client().list_contacts()["Contacts"]]
    assert aliases == ["akuam"]


# -- CSRF -----------------------------------------------------------------------------


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded"])
def test_reset_without_json_content_type_is_refused(
    server: EmulatorServer, content_type: str | None
) -> None:
    headers = {} if content_type is None else {"Content_Type": content_type}
    assert_refused(control(server, "POST", "reset", b"x", **headers), 415)
    assert_unchanged(server)


def test_delete_without_json_content_type_is_refused(server: EmulatorServer) -> None:
    assert_refused(control(server, "DELETE", "faults"), 415)
    assert_unchanged(server)


@pytest.mark.parametrize(
    ("method", "route"), [("POST", "reset"), ("DELETE", "faults"), ("GET", "activation-codes")]
)
@pytest.mark.parametrize("origin", ["http://evil.example", "null", "http://127.0.0.1:1"])
def test_foreign_origin_is_refused(
    server: EmulatorServer, method: str, route: str, origin: str
) -> None:
    response = control(server, method, route, b"{}", Origin=origin, **JSON)
    assert_refused(response, 403)
    assert_unchanged(server)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_own_origin_is_served(server: EmulatorServer, host: str) -> None:
    port = server.endpoint.rsplit(":", 1)[1]
    response = control(server, "POST", "reset", b"{}", Origin=f"http://{host}:{port}", **JSON)
    assert response.status == 200, response.body
    assert server.control.client().list_contacts()["Contacts"] == []


def test_json_without_origin_is_served(server: EmulatorServer) -> None:
    body = json.dumps({"throttle_rate": 0.5}).encode()
    assert control(server, "POST", "faults", body, **JSON).status == 200
    assert server.control.faults() == FaultConfig(throttle_rate=0.5)


# -- malformed bodies and routes ------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b'{"throttle_rate": "\xff"}', id="not-utf8"),
        pytest.param(b"[" * 30_000 + b"]" * 30_000, id="deeply-nested"),
        pytest.param(b'{"throttle_rate": ', id="not-json"),
        pytest.param(b'{"latency_ms": 1' + b"0" * 5000 + b"}", id="5001-digit-int"),
        pytest.param(b'["throttle_rate", 1]', id="not-an-object"),
    ],
)
def test_unreadable_body_is_400(server: EmulatorServer, body: bytes) -> None:
    assert_refused(control(server, "POST", "faults", body, **JSON), 400)
    assert_unchanged(server)


def test_body_over_the_limit_is_413(server: EmulatorServer) -> None:
    body = b'{"seed": 1, "pad": "' + b"x" * MAX_CONTROL_BYTES + b'"}'
    assert_refused(control(server, "POST", "faults", body, **JSON), 413)
    assert_unchanged(server)


def test_unknown_route_is_404_and_wrong_method_405(server: EmulatorServer) -> None:
    assert_refused(control(server, "GET", "nothing-here"), 404)
    assert_refused(control(server, "PUT", "faults", b"{}", **JSON), 405)
    assert_unchanged(server)


# -- settings: types and ranges ---------------------------------------------------------


@pytest.mark.parametrize(
    "settings",
    [
        {"operations": "CreateContact"},
        {"operations": ["MakeCoffee"]},
        {"operations": [1]},
        {"throttle_rate": True},
        {"throttle_rate": "0.5"},
        {"internal_error_rate": 1.5},
        {"drop_response_rate": -0.1},
        {"latency_ms": 1e308},
        {"latency_ms": 10**400},
        {"latency_ms": 60_001},
        {"latency_ms": 5.5},
        {"latency_ms": -1},
        {"seed": "x"},
        {"seed": True},
        {"unknown": 1},
    ],
    ids=repr,
)
def test_bad_fault_setting_is_400(server: EmulatorServer, settings: dict[str, Any]) -> None:
    body = json.dumps(settings).encode()
    assert_refused(control(server, "POST", "faults", body, **JSON), 400)
    assert_unchanged(server)


@pytest.mark.parametrize(
    ("route", "settings"),
    [
        ("preconditions", {"access_denied": "CreateContact"}),
        ("preconditions", {"access_denied": ["MakeCoffee"]}),
        ("preconditions", {"replication_set": "no"}),
        ("preconditions", {"replication_set": 0}),
        ("tokens", {"policy": "forever"}),
        ("tokens", {"window_s": 0}),
        ("tokens", {"window_s": 1.5}),
        ("tokens", {"window_s": True}),
        ("tokens", {"window": 60}),
    ],
    ids=repr,
)
def test_bad_precondition_or_token_setting_is_400(
    server: EmulatorServer, route: str, settings: dict[str, Any]
) -> None:
    before = server.control.preconditions(), server.control.token_policy()
    body = json.dumps(settings).encode()
    assert_refused(control(server, "POST", route, body, **JSON), 400)
    assert (server.control.preconditions(), server.control.token_policy()) == before
    assert_unchanged(server)
