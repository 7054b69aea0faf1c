"""Python dynamic provider plugin: the SDK's dynamic provider server, more workers, a watchdog.

The SDK's server (`python -m pulumi.dynamic`) serves at most 4 calls at once
(``ThreadPoolExecutor(max_workers=4)`` in its ``main``), while the engine sends up to
``--parallel`` (4 per core by default, and users raise it). So this launcher runs the SDK's
own module, servicer and all, as `-m` would, but without its last statement (the call to
``main()``), and then serves that servicer the way ``main`` does with more workers:
``PULUMI_DYNAMIC_PROVIDER_WORKERS`` (default 256; threads start only when calls need them).
Should a later SDK's module not end with ``main()``, it runs unchanged (4 workers).

It first answers SIGINT and SIGTERM (``pulumi_ssm_contacts.plugin_process.plugin_signals``, loaded
by plugin_process.py: the engine's way to stop a plugin, at any moment; never a
``KeyboardInterrupt`` traceback) and starts the engine watchdog, so the process exits when the
engine that started it is gone (after ``kill -9`` of the CLI, say) instead of serving nobody. It
serves every Python dynamic provider, so it imports nothing of any particular one.
"""

from __future__ import annotations

import ast
import builtins
import importlib.util
import os
import runpy
import sys
import threading
import traceback
import types
from concurrent import futures
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # mypy reads the package's modules; the plugin loads the same files
    from pulumi_ssm_contacts.plugin_process.plugin_signals import (
        StopSignals,
        leave,
        stop_by_signal,
    )
else:
    from plugin_process import StopSignals, leave, stop_by_signal

SDK_SERVER = "pulumi.dynamic"
WORKERS_VARIABLE = "PULUMI_DYNAMIC_PROVIDER_WORKERS"
DEFAULT_WORKERS = 256
"""Calls served at once. Higher than any `--parallel` a provider's API would bear."""


def workers() -> int:
    """``PULUMI_DYNAMIC_PROVIDER_WORKERS`` if it is a positive integer, else the default."""
    raw = os.environ.get(WORKERS_VARIABLE, "").strip()
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_WORKERS


def sdk_module_without_main() -> types.ModuleType | None:
    """The SDK server's ``__main__`` run as `-m` runs it, minus its final ``main()`` call.

    It becomes ``sys.modules["__main__"]`` as under `-m` (providers pickled from a
    program's ``__main__`` are unpickled there). None when the module does not end with a
    bare ``main()`` call: then it is not the server this launcher knows.
    """
    spec = importlib.util.find_spec(f"{SDK_SERVER}.__main__")
    if spec is None or spec.origin is None or spec.loader is None:
        return None
    source = spec.loader.get_source(spec.name) if hasattr(spec.loader, "get_source") else None
    if source is None:
        return None
    tree = ast.parse(source, spec.origin)
    last = tree.body[-1] if tree.body else None
    if not (
        isinstance(last, ast.Expr)
        and isinstance(last.value, ast.Call)
        and isinstance(last.value.func, ast.Name)
        and last.value.func.id == "main"
        and not last.value.args
        and not last.value.keywords
    ):
        return None
    tree.body.pop()
    module = types.ModuleType("__main__")
    module.__dict__.update(
        __file__=spec.origin,
        __spec__=spec,
        __loader__=spec.loader,
        __package__=SDK_SERVER,
        __builtins__=builtins,
    )
    sys.modules["__main__"] = module
    sys.argv[0] = spec.origin
    exec(compile(tree, spec.origin, "exec"), module.__dict__)
    module.traceback = PlainRunErrors()  # type: ignore[attr-defined]
    return module


class PlainRunErrors:
    """The ``traceback`` module as the SDK's server sees it, except that ``format_exc`` of a
    ``pulumi.RunError`` is its message alone.

    The server aborts every failed hook with ``traceback.format_exc()``, so an error a
    provider wrote for the user (what failed, what to do) reached the CLI behind a dozen
    frames of the provider's code. A ``RunError`` is Pulumi's mark for such a message (a
    program's is printed without its traceback too); any other exception keeps its traceback.
    """

    def __getattr__(self, name: str) -> object:
        return getattr(traceback, name)

    @staticmethod
    def format_exc(limit: int | None = None, chain: bool = True) -> str:
        from pulumi.errors import RunError

        error = sys.exc_info()[1]
        if isinstance(error, RunError):
            return str(error)
        return traceback.format_exc(limit, chain)


def serve(sdk: types.ModuleType, max_workers: int, signals: StopSignals) -> None:
    """What the SDK's ``main`` does, with ``max_workers`` threads: print the port, serve
    until SIGINT or SIGTERM (where the SDK waits for KeyboardInterrupt)."""
    import grpc

    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="provider"),
        options=sdk._GRPC_CHANNEL_OPTIONS,
    )
    sdk.provider_pb2_grpc.add_ResourceProviderServicer_to_server(
        sdk.DynamicResourceProviderServicer(), server
    )
    port = server.add_insecure_port(address="127.0.0.1:0")
    server.start()
    stopping = threading.Event()
    signals.serving(stopping.set)
    sys.stdout.buffer.write(f"{port}\n".encode())
    sys.stdout.flush()
    stopping.wait()
    server.stop(0)


def main() -> None:
    parent = os.getppid()  # before the imports: the engine_watchdog compares it with later ones
    # Answer SIGINT/SIGTERM before the imports below: the engine may stop us at any moment.
    signals = StopSignals()
    if TYPE_CHECKING:
        from pulumi_ssm_contacts.plugin_process.engine_watchdog import engine_address, watch_engine
    else:
        from plugin_process import engine_address, watch_engine
    # Look like `python -m pulumi.dynamic` started in this directory: the working directory
    # first on sys.path (user providers may be pickled by reference to the program's modules),
    # not this launcher's directory.
    sys.path[0] = os.getcwd()
    watch_engine(engine_address(sys.argv[1:]), stop=stop_by_signal, parent=parent)
    sdk = sdk_module_without_main()
    if sdk is None:
        runpy.run_module(SDK_SERVER, run_name="__main__", alter_sys=True)
        return
    serve(sdk, workers(), signals)
    # Stopped: a hook still running on a server thread has no one to answer to, and the
    # interpreter would wait for it at exit while the engine waits 5 s to kill us.
    leave(0)


if __name__ == "__main__":
    main()
