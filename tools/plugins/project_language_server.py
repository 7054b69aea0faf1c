"""The LanguageRuntime service of our `pulumi-language-python` (entry point: language_host.py).

Pulumi's own host is a Go module the Go proxy here will not serve (see docs/engine.md), so this one
reuses the SDK's LanguageRuntime server (`pulumi.automation._server.LanguageServer`, the one inline
Automation API programs use): its Run already configures the runtime, loads the stack config and
runs a program inside a stack. Ours makes that program the project's `__main__.py`.

The program runs in the project's virtualenv, as with Pulumi's host (project_virtualenv.py). When
that is the interpreter running this host, in this process; otherwise Run is handed to a second
host started with the virtualenv's `python` (`VirtualenvHost`), which runs it there, and its answer
is passed back. Everything either host prints after its port is shown as program output.
"""

from __future__ import annotations

import os
import runpy
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from concurrent import futures
from pathlib import Path
from typing import IO, TYPE_CHECKING

import grpc
import pulumi
from pulumi._version import _VERSION as SDK_VERSION
from pulumi.automation._server import LanguageServer
from pulumi.runtime._grpc_settings import _GRPC_CHANNEL_OPTIONS
from pulumi.runtime.proto import (
    engine_pb2,
    engine_pb2_grpc,
    language_pb2,
    language_pb2_grpc,
    plugin_pb2,
)

if TYPE_CHECKING:  # mypy sees tools/plugins as a namespace package; the plugin runs from it
    from pulumi_ssm_contacts.plugin_process.engine_watchdog import engine_address, watch_engine
    from pulumi_ssm_contacts.plugin_process.plugin_signals import StopSignals
    from tools.plugins.program_codegen import generate_program
    from tools.plugins.project_virtualenv import Virtualenv, VirtualenvError, project_virtualenv
else:
    from plugin_process import StopSignals, engine_address, watch_engine
    from program_codegen import generate_program
    from project_virtualenv import Virtualenv, VirtualenvError, project_virtualenv

ENTRY_POINT = Path(__file__).with_name("language_host.py")
DELEGATED_VIRTUALENV = "PULUMI_SSM_CONTACTS_LANGUAGE_HOST_VIRTUALENV"
"""Set for a host started by `VirtualenvHost`: the virtualenv it was started to run programs in."""


class ProjectLanguageServer(LanguageServer):
    """LanguageRuntime service whose Run executes the project's program from disk."""

    def __init__(self, engine_address: str) -> None:
        super().__init__(program=_no_program)
        self._engine_address = engine_address
        self._lock = threading.Lock()
        self._delegates: dict[Path, VirtualenvHost] = {}

    def Run(
        self, request: language_pb2.RunRequest, context: grpc.ServicerContext
    ) -> language_pb2.RunResponse:
        try:
            virtualenv = _virtualenv_of(request.info)
            if virtualenv is not None and not _runs_in(virtualenv):
                virtualenv.check()
                return self._delegate(virtualenv).run(request)
        except VirtualenvError as error:
            return language_pb2.RunResponse(error=str(error))
        return self._run_here(request, context)

    def _run_here(
        self, request: language_pb2.RunRequest, context: grpc.ServicerContext
    ) -> language_pb2.RunResponse:
        program = program_path(request)
        run_request = language_pb2.RunRequest()
        run_request.CopyFrom(request)
        # The SDK's server reads the engine address from the first program argument (inline
        # programs put it there); a plugin receives it on its command line instead.
        del run_request.args[:]
        run_request.args.append(self._engine_address)
        self.program = lambda: _run_program(program, Path(request.pwd or program.parent))
        try:
            response: language_pb2.RunResponse = super().Run(run_request, context)  # type: ignore[no-untyped-call]
        except Exception as error:  # any error: never a traceback
            # Raised by the SDK server's clean-up of the program's leftover tasks, after the
            # run's own error was logged: a second resource's failure (both twins of a
            # claim fail, say). Logged as that resource's error, not as gRPC's
            # "Exception calling application" with a traceback.
            self._log_error(str(error) or type(error).__name__)
            return language_pb2.RunResponse(bail=True)
        if response.error:
            # The SDK's server has already logged the error to the engine; `bail` stops the
            # engine from printing it a second time as "an unhandled error occurred".
            return language_pb2.RunResponse(bail=True)
        return response

    def _log_error(self, message: str) -> None:
        """``message`` as an error in the engine's diagnostics (the run's settings, and so
        ``pulumi.log``, are gone once the SDK's Run has returned)."""
        try:
            with grpc.insecure_channel(
                self._engine_address, options=_GRPC_CHANNEL_OPTIONS
            ) as channel:
                engine_pb2_grpc.EngineStub(channel).Log(
                    engine_pb2.LogRequest(severity=engine_pb2.ERROR, message=message)
                )
        except grpc.RpcError:  # the engine is gone or not listening: stderr is all there is
            print(message, file=sys.stderr, flush=True)

    def _delegate(self, virtualenv: Virtualenv) -> VirtualenvHost:
        with self._lock:
            host = self._delegates.get(virtualenv.path)
            if host is None:
                host = VirtualenvHost.start(virtualenv, self._engine_address)
                self._delegates[virtualenv.path] = host
            return host

    def close(self) -> None:
        """Stop the hosts started for other virtualenvs."""
        with self._lock:
            hosts, self._delegates = list(self._delegates.values()), {}
        for host in hosts:
            host.close()

    def GetPluginInfo(
        self, request: object, context: grpc.ServicerContext
    ) -> plugin_pb2.PluginInfo:
        return plugin_pb2.PluginInfo(version=SDK_VERSION)

    def GenerateProgram(
        self, request: language_pb2.GenerateProgramRequest, context: grpc.ServicerContext
    ) -> language_pb2.GenerateProgramResponse:
        """Python code for a PCL program (`pulumi import --generate-code`): program_codegen.py."""
        return generate_program(request, context)


class VirtualenvHost:
    """This language host, run by a virtualenv's `python`, to run programs there."""

    def __init__(self, process: subprocess.Popen[bytes], port: str, stderr: _Forward) -> None:
        self._process = process
        self._stderr = stderr
        self._channel = grpc.insecure_channel(
            f"127.0.0.1:{port}", options=[*_GRPC_CHANNEL_OPTIONS, ("grpc.enable_http_proxy", 0)]
        )
        self._stub = language_pb2_grpc.LanguageRuntimeStub(self._channel)

    @classmethod
    def start(cls, virtualenv: Virtualenv, engine: str) -> VirtualenvHost:
        """Start it and read its port; VirtualenvError (with its last words) if it cannot serve."""
        env = virtualenv.activated(os.environ)
        env[DELEGATED_VIRTUALENV] = str(virtualenv.path)
        process = subprocess.Popen(
            [str(virtualenv.python), "-u", str(ENTRY_POINT), engine],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None and process.stderr is not None
        stderr = _Forward(process.stderr, sys.stderr.buffer)
        port = process.stdout.readline().decode(errors="replace").strip()
        if not port.isdigit():
            process.wait()
            stderr.join()
            raise VirtualenvError(
                f"the project's virtualenv {virtualenv.path} could not run this language host "
                f"(exit {process.returncode}: {stderr.last_line() or 'no output'}); it needs the "
                f"program's dependencies, pulumi among them: `{virtualenv.python} -m pip install "
                "-r requirements.txt`"
            )
        _Forward(process.stdout, sys.stdout.buffer)
        return cls(process, port, stderr)

    def run(self, request: language_pb2.RunRequest) -> language_pb2.RunResponse:
        """Its Run of `request`, as it answers."""
        response: language_pb2.RunResponse = self._stub.Run(request)
        return response

    def close(self) -> None:
        """Stop it as the engine stops a plugin (SIGTERM), and wait for it."""
        self._channel.close()
        if self._process.poll() is None:
            self._process.terminate()
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


class _Forward:
    """Copies a child's output stream to ours as it comes; remembers the last line."""

    def __init__(self, source: IO[bytes], target: IO[bytes]) -> None:
        self._source, self._target = source, target
        self._last = b""
        self._thread = threading.Thread(target=self._copy, name="forward", daemon=True)
        self._thread.start()

    def _copy(self) -> None:
        for line in iter(self._source.readline, b""):
            if line.strip():
                self._last = line
            try:
                self._target.write(line)
                self._target.flush()
            except (OSError, ValueError):
                return

    def join(self) -> None:
        self._thread.join()

    def last_line(self) -> str:
        return self._last.decode(errors="replace").strip()


def program_path(request: language_pb2.RunRequest) -> Path:
    """The program to run: `info.program_directory`/`entry_point`, else legacy `pwd`/`program`."""
    info = request.info
    if info.program_directory:
        return Path(info.program_directory, info.entry_point or ".").resolve()
    return Path(request.pwd or ".", request.program or ".").resolve()


def _virtualenv_of(info: language_pb2.ProgramInfo) -> Virtualenv | None:
    """The virtualenv the project's runtime options name (see project_virtualenv.py)."""
    options = dict(info.options) if info.HasField("options") else {}
    root = Path(info.root_directory or ".").resolve()
    return project_virtualenv(options, root, Path(info.program_directory or root))


def _runs_in(virtualenv: Virtualenv) -> bool:
    """True when this interpreter is the virtualenv's (or was started to stand for it)."""
    wanted = virtualenv.path.resolve()
    delegated = os.environ.get(DELEGATED_VIRTUALENV)
    if delegated and Path(delegated).resolve() == wanted:
        return True
    return Path(sys.prefix).resolve() == wanted


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


def serve(argv: Sequence[str], signals: StopSignals, parent: int) -> None:
    """Serve until the engine stops us or is gone; the port goes to stdout first, as it must."""
    engine = engine_address(argv)
    if engine is None:
        sys.exit("usage: pulumi-language-python [flags] ENGINE_ADDRESS")
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4), options=_GRPC_CHANNEL_OPTIONS)
    service = ProjectLanguageServer(engine)
    language_pb2_grpc.add_LanguageRuntimeServicer_to_server(service, server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    stop = _stopper(server, service)
    # The engine stops plugins with SIGINT/SIGTERM once it is done with them: a normal exit.
    signals.serving(stop)
    print(port, flush=True)
    # A killed CLI never stops us: leave when it is gone, as Pulumi's Go plugins do.
    watch_engine(engine, stop=stop, parent=parent)
    server.wait_for_termination()
    service.close()


def _stopper(server: grpc.Server, service: ProjectLanguageServer) -> Callable[[], None]:
    def stop() -> None:
        server.stop(grace=None)
        service.close()

    return stop
