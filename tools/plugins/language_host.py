"""Pulumi language host for `runtime: python` projects, started as `pulumi-language-python`.

Pulumi's own host is a Go module the Go proxy here will not serve (see docs/engine.md), so this one
reuses the SDK's LanguageRuntime server (`pulumi.automation._server.LanguageServer`, the one inline
Automation API programs use): its Run already configures the runtime, loads the stack config and
runs a program inside a stack. Ours makes that program the project's `__main__.py`, run in this
interpreter. The engine starts us with its address as the last argument and reads our port from the
first line of stdout; everything printed afterwards is shown as program output. Like Pulumi's Go
plugins, we exit once the engine is gone (`kill -9` of the CLI): see engine_watchdog.py.
"""

from __future__ import annotations

import os
import runpy
import signal
import sys
import traceback
from collections.abc import Sequence
from concurrent import futures
from pathlib import Path
from typing import TYPE_CHECKING

import grpc
import pulumi
from pulumi._version import _VERSION as SDK_VERSION
from pulumi.automation._server import LanguageServer
from pulumi.runtime._grpc_settings import _GRPC_CHANNEL_OPTIONS
from pulumi.runtime.proto import language_pb2, language_pb2_grpc, plugin_pb2

if TYPE_CHECKING:  # mypy sees tools/plugins as a namespace package; the plugin runs from it
    from tools.plugins.engine_watchdog import engine_address, watch_engine
else:
    from engine_watchdog import engine_address, watch_engine


class ProjectLanguageServer(LanguageServer):
    """LanguageRuntime service whose Run executes the project's program from disk."""

    def __init__(self, engine_address: str) -> None:
        super().__init__(program=_no_program)
        self._engine_address = engine_address

    def Run(
        self, request: language_pb2.RunRequest, context: grpc.ServicerContext
    ) -> language_pb2.RunResponse:
        problem = _virtualenv_mismatch(request.info)
        if problem:
            return language_pb2.RunResponse(error=problem)
        program = program_path(request)
        run_request = language_pb2.RunRequest()
        run_request.CopyFrom(request)
        # The SDK's server reads the engine address from the first program argument (inline
        # programs put it there); a plugin receives it on its command line instead.
        del run_request.args[:]
        run_request.args.append(self._engine_address)
        self.program = lambda: _run_program(program, Path(request.pwd or program.parent))
        response: language_pb2.RunResponse = super().Run(run_request, context)  # type: ignore[no-untyped-call]
        if response.error:
            # The SDK's server has already logged the error to the engine; `bail` stops the
            # engine from printing it a second time as "an unhandled error occurred".
            return language_pb2.RunResponse(bail=True)
        return response

    def GetPluginInfo(
        self, request: object, context: grpc.ServicerContext
    ) -> plugin_pb2.PluginInfo:
        return plugin_pb2.PluginInfo(version=SDK_VERSION)


def program_path(request: language_pb2.RunRequest) -> Path:
    """The program to run: `info.program_directory`/`entry_point`, else legacy `pwd`/`program`."""
    info = request.info
    if info.program_directory:
        return Path(info.program_directory, info.entry_point or ".").resolve()
    return Path(request.pwd or ".", request.program or ".").resolve()


def _virtualenv_mismatch(info: language_pb2.ProgramInfo) -> str:
    """An error message when the project's `virtualenv` option is not the interpreter we run in."""
    options = dict(info.options) if info.HasField("options") else {}
    virtualenv = options.get("virtualenv")
    if not isinstance(virtualenv, str) or not virtualenv:
        return ""
    wanted = Path(info.root_directory or ".", virtualenv).resolve()
    running = Path(sys.prefix).resolve()
    if wanted == running:
        return ""
    return (
        f"the project's virtualenv is {wanted}, but this language host runs {sys.executable}; "
        f"set PULUMI_PYTHON_CMD to {wanted / 'bin' / 'python'} (or create {wanted} with "
        "`make venv`) so the program runs with its own dependencies"
    )


def _run_program(program: Path, cwd: Path) -> None:
    """Run `program` (a directory with `__main__.py`, or a file) as `python <program>` would."""
    directory = program if program.is_dir() else program.parent
    if not (program / "__main__.py").is_file() and not program.is_file():
        raise pulumi.RunError(f"no Python program at {program}: expected a __main__.py there")
    os.chdir(cwd)
    sys.path.insert(0, str(directory))
    sys.argv = [str(program)]
    try:
        runpy.run_path(str(program), run_name="__main__")
    except pulumi.RunError:
        raise
    except Exception as exc:
        raise pulumi.RunError(f"the program {program} failed:\n{_program_traceback(exc)}") from exc


def _program_traceback(exc: BaseException) -> str:
    """The traceback from the program's first frame on, without this host's and runpy's frames."""
    tb = exc.__traceback__
    while tb is not None and (
        tb.tb_frame.f_code.co_filename in (__file__, runpy.__file__)
        or tb.tb_frame.f_code.co_filename.startswith("<frozen runpy")
    ):
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(exc), exc, tb)).rstrip()


def _no_program() -> None:
    raise pulumi.RunError("no program: Run was not called")


def serve(argv: Sequence[str]) -> None:
    """Serve until the engine stops us or is gone; the port goes to stdout first, as it must."""
    engine = engine_address(argv)
    if engine is None:
        sys.exit("usage: pulumi-language-python [flags] ENGINE_ADDRESS")
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4), options=_GRPC_CHANNEL_OPTIONS)
    language_pb2_grpc.add_LanguageRuntimeServicer_to_server(ProjectLanguageServer(engine), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    print(port, flush=True)
    # A killed CLI never stops us: leave when it is gone, as Pulumi's Go plugins do.
    watch_engine(engine, stop=lambda: server.stop(grace=None))
    # The engine stops plugins with SIGINT/SIGTERM once it is done with them: a normal exit.
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: server.stop(grace=None))
    server.wait_for_termination()


if __name__ == "__main__":
    serve(sys.argv[1:])
