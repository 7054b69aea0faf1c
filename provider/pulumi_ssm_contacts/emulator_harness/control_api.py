"""The control API (``/_emulator/*``): the call log, the settings, activation codes, the clock,
reset.

It is for programs on the developer's machine, never for a web page: every state-changing
request (POST, DELETE) must be ``Content-Type: application/json``, which a page cannot send
to another origin without a CORS preflight this API never grants, and a request whose
``Origin`` header is not the emulator's own is refused (docs/emulator.md, "Control API").
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from typing import Any

from werkzeug.wrappers import Request, Response

from pulumi_ssm_contacts.emulator.clock import CLOCK

from . import state
from .settings import SettingError, SettingsHolder
from .wsgi_body import read_at_most

log = logging.getLogger(__name__)

CONTROL_PREFIX = "/_emulator/"
MAX_CONTROL_BYTES = 64 * 1024
"""A settings body is a few hundred bytes."""
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
WILDCARD_HOSTS = ("0.0.0.0", "::", "")

Route = Callable[[dict[str, Any]], Any]
"""A control route: the request's JSON object in, a JSON value out (``None``: ok)."""


class ControlError(Exception):
    """A control request refused with ``status`` and ``{"error": message}``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def own_origins(host: str, port: int) -> frozenset[str]:
    """The origins a page served by the emulator at ``host:port`` would have."""
    names = {f"[{host}]" if ":" in host else host}
    if host in (*LOOPBACK_NAMES, "::1", *WILDCARD_HOSTS):
        names.update(LOOPBACK_NAMES)
    return frozenset(f"http://{name}:{port}" for name in names if name)


def _settings_routes(name: str, holder: SettingsHolder[Any]) -> dict[tuple[str, str], Route]:
    return {
        ("GET", name): lambda _: holder.config().to_json(),
        ("POST", name): lambda body: holder.set_json(body),
        ("DELETE", name): lambda _: holder.clear(),
    }


def _routes() -> dict[tuple[str, str], Route]:
    return {
        ("GET", "calls"): lambda _: {"calls": [c.to_json() for c in state.CALL_LOG.calls()]},
        ("DELETE", "calls"): lambda _: state.CALL_LOG.clear(),
        ("POST", "reset"): lambda _: state.reset(),
        ("GET", "activation-codes"): lambda _: {"codes": state.activation_codes()},
        ("GET", "accept-codes"): lambda _: {"codes": state.accept_codes()},
        ("GET", "clock"): lambda _: _clock_json(),
        ("POST", "clock"): _set_clock,
        ("POST", "clock/advance"): _advance_clock,
        ("DELETE", "clock"): lambda _: CLOCK.release(),
        **_settings_routes("faults", state.FAULTS),
        **_settings_routes("preconditions", state.PRECONDITIONS),
        **_settings_routes("tokens", state.TOKENS),
    }


def _clock_json() -> dict[str, Any]:
    return {"now": CLOCK.now(), "fixed": CLOCK.is_fixed()}


def _number(body: dict[str, Any], name: str) -> float:
    value = body.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ControlError(400, f"{name!r} must be a number, not {value!r}")
    return float(value)


def _set_clock(body: dict[str, Any]) -> dict[str, Any]:
    """``{"now": epoch seconds}``: stand the clock there."""
    CLOCK.set(_number(body, "now"))
    return _clock_json()


def _advance_clock(body: dict[str, Any]) -> dict[str, Any]:
    """``{"seconds": n}``: move the clock forward."""
    seconds = _number(body, "seconds")
    if seconds < 0:
        raise ControlError(400, f"the clock only moves forward, not by {seconds} seconds")
    CLOCK.advance(seconds)
    return _clock_json()


def _json(body: Any, status: int = 200, headers: Iterable[tuple[str, str]] = ()) -> Response:
    response = Response(json.dumps(body), status=status, mimetype="application/json")
    response.headers.extend(headers)
    return response


class ControlApi:
    """WSGI app for ``/_emulator/*``; ``own_origins`` is set once the server has its port."""

    def __init__(self, origins: Iterable[str] = ()) -> None:
        self.own_origins = frozenset(origins)
        self.routes = _routes()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        """Serve one control request."""
        request = Request(environ)
        try:
            result = self._serve(request)
        except ControlError as error:
            closing = [("Connection", "close")] if error.status == 413 else []
            return _json({"error": str(error)}, error.status, closing)(environ, start_response)
        except SettingError as error:
            return _json({"error": str(error)}, 400)(environ, start_response)
        except Exception as error:  # a bug: still a JSON answer
            log.exception("control request %s %s failed", request.method, request.path)
            return _json({"error": f"{type(error).__name__}: {error}"}, 500)(
                environ, start_response
            )
        return _json({"ok": True} if result is None else result)(environ, start_response)

    def _serve(self, request: Request) -> Any:
        origin = request.headers.get("Origin")
        if origin is not None and origin.rstrip("/").lower() not in self.own_origins:
            raise ControlError(403, f"cross-origin control requests are refused (Origin {origin})")
        name = request.path[len(CONTROL_PREFIX) :].strip("/")
        route = self.routes.get((request.method, name))
        if route is None:
            allowed = sorted(method for method, known in self.routes if known == name)
            if allowed:
                raise ControlError(405, f"{request.method} {request.path}: use {allowed}")
            raise ControlError(404, f"no control route {request.method} {request.path}")
        body: dict[str, Any] = {}
        if request.method in ("POST", "DELETE"):
            if request.mimetype != "application/json":
                raise ControlError(415, "control requests that change state must be JSON")
            body = _json_object(request.environ)
        return route(body)


def _json_object(environ: dict[str, Any]) -> dict[str, Any]:
    """The body as a JSON object (empty: ``{}``), or a ControlError."""
    raw = read_at_most(environ, MAX_CONTROL_BYTES)
    if raw is None:
        raise ControlError(413, f"the body is larger than {MAX_CONTROL_BYTES} bytes")
    try:
        body = json.loads(raw.decode("utf-8")) if raw.strip() else {}
    except UnicodeDecodeError:
        raise ControlError(400, "the body is not UTF-8") from None
    except RecursionError:
        raise ControlError(400, "the body nests too deeply") from None
    except ValueError as error:
        raise ControlError(400, f"the body is not JSON: {error}") from None
    if not isinstance(body, dict):
        raise ControlError(400, "the body must be a JSON object")
    return body
