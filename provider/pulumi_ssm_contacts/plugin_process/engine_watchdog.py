"""Exit a plugin process once the Pulumi engine that started it is gone.

Pulumi's Go plugins poll the engine's gRPC health service (`rpcutil.Healthcheck`) and stop when it
fails. Python plugins have no such thing, so after `kill -9` of the CLI they would keep serving
for as long as their gRPC server lets them. `watch_engine` gives ours (the native provider plugin,
and this repository's language host and dynamic provider host) the same behaviour: a daemon thread
that, about once a second, checks that

- the parent process is still the one that started us (the CLI, since the bash wrappers `exec`
  python; a dead parent's children are re-parented), and
- the engine's address (the plugin's last positional argument) still accepts the gRPC health
  check: a few UNAVAILABLE answers in a row (nothing listens there) mean it is gone. Any answer,
  UNIMPLEMENTED included, counts as alive, and so does a check that times out: a stopped CLI
  (Ctrl-Z) still holds its port, and Pulumi's Go plugins wait for it too.

When either fails it calls `stop` (stopping the gRPC server, if the caller can), waits a short
grace for in-flight calls, then ends the process with `os._exit`. This module imports only the
standard library and grpc, so any Python plugin can use it.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence

import grpc

HEALTH_CHECK = "/grpc.health.v1.Health/Check"
POLL_SECONDS = 1.0
FAILURES_TO_GIVE_UP = 3
GRACE_SECONDS = 2.0
EXIT_STATUS = 1


def engine_address(argv: Sequence[str]) -> str | None:
    """The engine address the CLI passes a plugin: its last positional argument, if any."""
    positional = [arg for arg in argv if not arg.startswith("-")]
    return positional[-1] if positional else None


class EngineProbe:
    """Answers "is the engine still there?" with one health check per call."""

    def __init__(self, address: str | None, timeout: float = POLL_SECONDS) -> None:
        self._timeout = timeout
        # The engine is local: never route the check through an HTTP proxy from the environment.
        options = [("grpc.enable_http_proxy", 0)]
        self._channel = grpc.insecure_channel(address, options=options) if address else None
        self._check = (
            self._channel.unary_unary(
                HEALTH_CHECK,
                # An empty HealthCheckRequest (all services) is zero bytes; the answer is unused.
                request_serializer=lambda request: request,
                response_deserializer=lambda response: response,
            )
            if self._channel
            else None
        )

    def answers(self) -> bool:
        """False only when nothing accepts the check at the engine's address (UNAVAILABLE)."""
        if self._check is None:
            return True
        try:
            self._check(b"", timeout=self._timeout)
        except grpc.RpcError as error:
            code = error.code() if isinstance(error, grpc.Call) else None
            return bool(code != grpc.StatusCode.UNAVAILABLE)
        return True


def engine_gone_reason(
    parent: int,
    probe: EngineProbe,
    *,
    poll: float = POLL_SECONDS,
    failures_to_give_up: int = FAILURES_TO_GIVE_UP,
) -> str:
    """Block until the engine is gone; return why (parent changed, or address unreachable)."""
    failures = 0
    while True:
        if os.getppid() != parent:
            return f"parent process {parent} is gone"
        started = time.monotonic()
        failures = 0 if probe.answers() else failures + 1
        if failures >= failures_to_give_up:
            return f"nothing answered at the engine's address {failures} times in a row"
        time.sleep(max(0.0, poll - (time.monotonic() - started)))


def watch_engine(
    address: str | None,
    stop: Callable[[], object] | None = None,
    *,
    grace: float = GRACE_SECONDS,
    poll: float = POLL_SECONDS,
    parent: int | None = None,
) -> threading.Thread:
    """Start the watchdog thread: once the engine is gone, `stop()`, wait `grace`, `os._exit`.

    `parent` is the pid of the process that started us, read as early as the plugin can (a
    parent that is gone before the plugin gets here has already been replaced); default: now.
    """
    parent = os.getppid() if parent is None else parent
    probe = EngineProbe(address, timeout=poll)
    name = os.path.basename(sys.argv[0])

    def watch() -> None:
        reason = engine_gone_reason(parent, probe, poll=poll)
        _say(f"{name}: exiting, {reason}")
        if stop is not None:
            # Stopping may block (a graceful server stop); the grace bounds it either way.
            threading.Thread(target=stop, name="engine-watchdog-stop", daemon=True).start()
        time.sleep(grace)
        os._exit(EXIT_STATUS)

    thread = threading.Thread(target=watch, name="engine-watchdog", daemon=True)
    thread.start()
    return thread


def _say(message: str) -> None:
    """Best-effort note on stderr: the engine that read it may be gone, with its pipe."""
    with contextlib.suppress(OSError, ValueError):
        print(message, file=sys.stderr, flush=True)
