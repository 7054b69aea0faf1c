"""The emulator over HTTP: moto's server app plus the ``/_emulator/*`` control routes."""

from __future__ import annotations

import json
import signal
import socket
import threading
from collections.abc import Callable
from typing import Any

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import BaseWSGIServer, make_server
from werkzeug.wrappers import Request, Response

from . import register, state
from .faults import FaultConfig
from .interception import ResponseDropped
from .models import activation_codes
from .preconditions import PreconditionConfig

CONTROL_PREFIX = "/_emulator/"


def _json(body: Any, status: int = 200) -> Response:
    return Response(json.dumps(body), status=status, mimetype="application/json")


def _control(request: Request) -> Response:
    """Serve one control request (docs/emulator.md, "Fault injection and the call log")."""
    route = (request.method, request.path[len(CONTROL_PREFIX) :].strip("/"))
    try:
        body = json.loads(request.get_data() or b"{}")
        if not isinstance(body, dict):
            raise ValueError("the request body must be a JSON object")
        if route == ("GET", "calls"):
            return _json({"calls": [c.to_json() for c in state.CALL_LOG.calls()]})
        if route == ("DELETE", "calls"):
            state.CALL_LOG.clear()
        elif route == ("POST", "reset"):
            state.reset()
        elif route == ("GET", "faults"):
            return _json(state.FAULTS.config().to_json())
        elif route == ("POST", "faults"):
            state.FAULTS.set_config(FaultConfig.from_json(body))
        elif route == ("DELETE", "faults"):
            state.FAULTS.clear()
        elif route == ("POST", "preconditions"):
            state.PRECONDITIONS.set_config(PreconditionConfig.from_json(body))
        elif route == ("DELETE", "preconditions"):
            state.PRECONDITIONS.clear()
        elif route == ("GET", "activation-codes"):
            return _json({"codes": activation_codes()})
        else:
            return _json({"error": f"no control route {request.method} {request.path}"}, 404)
    except (ValueError, TypeError) as error:
        return _json({"error": str(error)}, 400)
    return _json({"ok": True})


class EmulatorApp:
    """WSGI app: control routes, else moto's dispatcher (which drops faulted responses)."""

    def __init__(self) -> None:
        register()
        self.moto_app = DomainDispatcherApplication(create_backend_app)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        """Dispatch one request."""
        if environ.get("PATH_INFO", "").startswith(CONTROL_PREFIX):
            return _control(Request(environ))(environ, start_response)
        try:
            return self.moto_app(environ, start_response)
        except ResponseDropped:
            connection = environ.get("werkzeug.socket")
            if isinstance(connection, socket.socket):
                connection.shutdown(socket.SHUT_RDWR)
            # werkzeug treats a ConnectionError as a dropped connection and stays quiet.
            raise ConnectionAbortedError("response dropped by fault injection") from None


def make_emulator_server(host: str = "127.0.0.1", port: int = 0) -> BaseWSGIServer:
    """A threaded server for the emulator, bound but not yet serving."""
    state.load_env()
    return make_server(host, port, EmulatorApp(), threaded=True)


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
