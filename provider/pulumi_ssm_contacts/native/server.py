"""The gRPC server of ``pulumi-resource-ssm-contacts``: the SDK's, with our errors clean.

``pulumi.provider.experimental.server.ProviderServicer`` turns a provider into the
ResourceProvider service, but wraps every hook's error with its traceback
(``_raise_with_traceback``), and the CLI prints that. Our errors (``ContactError``, a
``pulumi.RunError``) are one paragraph written for the user: ``CleanErrorServicer``
aborts the call with exactly that paragraph. Anything else is a bug of ours: its type and
message, and where to report it, still without a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import Any

import grpc
import grpc.aio
from pulumi.errors import RunError
from pulumi.provider.experimental.provider import Provider
from pulumi.provider.experimental.server import ProviderServicer
from pulumi.runtime._grpc_settings import _GRPC_CHANNEL_OPTIONS
from pulumi.runtime.proto import provider_pb2_grpc

from ..plugin_process.plugin_signals import StopSignals

HOOKS = (
    "GetSchema",
    "CheckConfig",
    "DiffConfig",
    "Configure",
    "Invoke",
    "Check",
    "Diff",
    "Create",
    "Read",
    "Update",
    "Delete",
)
"""The SDK servicer's methods that wrap errors with a traceback."""


def user_message(error: BaseException) -> str:
    """What the CLI shows for a hook's error: ours as written, anyone else's as a bug."""
    if isinstance(error, RunError):
        return str(error)
    return (
        f"The ssm-contacts provider failed unexpectedly: {type(error).__name__}: {error}\n"
        "What to do: run again; if it keeps failing, report it to the pulumi-ssm-contacts "
        "maintainers with the command you ran (this is a bug in the provider)."
    )


def original_error(error: BaseException) -> BaseException:
    """The hook's own error under the SDK's traceback wrapper (which raises a new
    ``Exception`` while handling it, so the original is its ``__context__``)."""
    inner = error.__context__
    if type(error) is Exception and inner is not None and str(error).startswith(str(inner)):
        return inner
    return error


def _clean(
    hook: Callable[[Any, Any, grpc.aio.ServicerContext], Awaitable[Any]],
) -> Callable[[Any, Any, grpc.aio.ServicerContext], Awaitable[Any]]:
    async def clean(self: Any, request: Any, context: grpc.aio.ServicerContext) -> Any:
        try:
            return await hook(self, request, context)
        except NotImplementedError:
            raise
        except Exception as error:
            await context.abort(grpc.StatusCode.UNKNOWN, user_message(original_error(error)))

    clean.__name__ = hook.__name__
    clean.__doc__ = hook.__doc__
    return clean


class CleanErrorServicer(ProviderServicer):
    """The SDK's servicer; each hook's error reaches the CLI as its one paragraph."""


for _name in HOOKS:
    setattr(CleanErrorServicer, _name, _clean(getattr(ProviderServicer, _name)))


def serve(argv: list[str], version: str, provider: Provider, signals: StopSignals) -> None:
    """Serve ``provider`` on a free localhost port, printed on stdout for the engine, until
    SIGINT or SIGTERM (``signals``). The engine signals a plugin once it is done with it, so
    what is still running then has no one to answer to: its calls are cancelled."""
    parser = argparse.ArgumentParser(description="Pulumi resource provider for ssm-contacts")
    parser.add_argument("engine", help="the Pulumi engine's address")
    known, _ = parser.parse_known_args(argv)

    async def run() -> None:
        server = grpc.aio.server(options=_GRPC_CHANNEL_OPTIONS)
        servicer = CleanErrorServicer(argv, version, provider, engine_address=known.engine)
        provider_pb2_grpc.add_ResourceProviderServicer_to_server(servicer, server)
        port = server.add_insecure_port(address="127.0.0.1:0")
        await server.start()
        stopping = asyncio.Event()
        loop = asyncio.get_running_loop()
        signals.serving(lambda: loop.call_soon_threadsafe(stopping.set))
        sys.stdout.buffer.write(f"{port}\n".encode())
        sys.stdout.buffer.flush()
        await stopping.wait()
        await server.stop(grace=None)

    asyncio.run(run())
