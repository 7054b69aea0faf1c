"""The emulator over HTTP: the ``/_emulator/*`` control API, and ssm-contacts for the rest.

Every other request goes to :class:`SSMContactsResponse` whatever its host, path or
headers: unlike moto's server, no other moto service (S3, moto's own API) ever answers.
"""

from __future__ import annotations

import logging
import signal
import socket
import threading
import traceback
from collections.abc import Callable
from typing import Any

from moto.moto_server.werkzeug_app import BackendRequest
from werkzeug.serving import BaseWSGIServer
from werkzeug.wrappers import Response

from pulumi_ssm_contacts.emulator import register
from pulumi_ssm_contacts.emulator.exceptions import (
    InternalFailure,
    RequestEntityTooLargeException,
    SSMContactsError,
)
from pulumi_ssm_contacts.emulator.protocol import MAX_REQUEST_BYTES
from pulumi_ssm_contacts.emulator.responses import SSMContactsResponse

from . import state
from .control_api import CONTROL_PREFIX, ControlApi, own_origins
from .interception import ResponseDropped
from .keep_alive import KeepAliveServer
from .wsgi_body import read_at_most

log = logging.getLogger(__name__)


def _error_response(error: SSMContactsError, *, close: bool = False) -> Response:
    status, headers, body = error.moto_response()
    response = Response(body, status=status, headers=headers)
    if close:
        # The unread rest of the body must not be taken for the next request.
        response.headers["Connection"] = "close"
    return response


def _api_response(environ: dict[str, Any]) -> Response:
    """Answer one ssm-contacts request, reading at most MAX_REQUEST_BYTES of its body."""
    if read_at_most(environ, MAX_REQUEST_BYTES) is None:
        return _error_response(RequestEntityTooLargeException(MAX_REQUEST_BYTES), close=True)
    request = BackendRequest(environ)
    try:
        status, headers, content = SSMContactsResponse.dispatch(
            request, request.raw_url, dict(request.headers)
        )
    except ResponseDropped:
        raise
    except Exception as error:  # the emulator's own failure: still an AWS-shaped answer
        if isinstance(error, NotImplementedError):
            log.warning("ssm-contacts emulator: %s", error)
        else:
            log.error("ssm-contacts emulator failed:\n%s", traceback.format_exc())
        return _error_response(InternalFailure(f"{type(error).__name__}: {error}"))
    headers = {k: v for k, v in headers.items() if k.lower() != "status"}
    return Response(content, status=status, headers=headers)


class EmulatorApp:
    """WSGI app: control routes, else ssm-contacts (which drops faulted responses)."""

    def __init__(self) -> None:
        register()
        self.control = ControlApi()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        """Dispatch one request."""
        if environ.get("PATH_INFO", "").startswith(CONTROL_PREFIX):
            return self.control(environ, start_response)
        try:
            response = _api_response(environ)
        except ResponseDropped:
            connection = environ.get("werkzeug.socket")
            if isinstance(connection, socket.socket):
                connection.shutdown(socket.SHUT_RDWR)
            # werkzeug treats a ConnectionError as a dropped connection and stays quiet.
            raise ConnectionAbortedError("response dropped by fault injection") from None
        return response(environ, start_response)


def make_emulator_server(host: str = "127.0.0.1", port: int = 0) -> KeepAliveServer:
    """A threaded server for the emulator that keeps connections open, bound but not yet
    serving."""
    state.load_env()
    app = EmulatorApp()
    server = KeepAliveServer(host, port, app, max_body_bytes=MAX_REQUEST_BYTES)
    app.control.own_origins = own_origins(host, server.server_port)
    return server


def endpoint_of(server: BaseWSGIServer) -> str:
    """The URL clients use (``AWS_ENDPOINT_URL_SSM_CONTACTS``)."""
    return f"http://{server.host}:{server.server_port}"


def serve(host: str = "127.0.0.1", port: int = 0) -> None:
    """Serve until SIGINT or SIGTERM, printing the endpoint as the first line of stdout."""
    server = make_emulator_server(host, port)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.1}, name="ssm-contacts-emulator"
    )
    thread.start()
    print(endpoint_of(server), flush=True)
    try:
        stop.wait()
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
