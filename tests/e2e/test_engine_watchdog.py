"""Our plugins (tools/plugins, and the native provider plugin) against a stand-in engine: they
leave when the engine is gone, and quietly when it stops them.

The stand-in is a bare gRPC server: it answers the health check with UNIMPLEMENTED, which counts
as alive (as in Pulumi's Go `rpcutil.Healthcheck`). test_killed_cli.py covers the real CLI.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent import futures
from pathlib import Path
from typing import Any

import grpc
import pytest
from google.protobuf import empty_pb2
from pulumi.runtime.proto import (
    engine_pb2,
    engine_pb2_grpc,
    language_pb2,
    language_pb2_grpc,
    resource_pb2,
    resource_pb2_grpc,
)

from .harness import REPO, wait_for
from .processes import Process, is_alive, read_process

pytestmark = pytest.mark.e2e

NATIVE = "pulumi-resource-ssm-contacts"
PLUGINS = ("pulumi-language-python", "pulumi-resource-pulumi-python", NATIVE)
GONE_WITHIN = 10.0
VENV_BIN = Path(sys.executable).parent
"""Where `make venv` put the native plugin (the package's console script)."""


def plugin_path(plugin: str) -> Path:
    """The executable the engine would start for `plugin`."""
    return VENV_BIN / plugin if plugin == NATIVE else REPO / "tools" / "plugins" / plugin


@pytest.fixture
def engine() -> Iterator[tuple[str, grpc.Server]]:
    """A stand-in engine: a gRPC server with no services, and its address."""
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    yield f"127.0.0.1:{port}", server
    server.stop(grace=None)


@contextlib.contextmanager
def plugin_started(plugin: str, address: str) -> Iterator[subprocess.Popen[str]]:
    """`plugin` started as the engine starts it, its stdout and stderr piped; killed on the way
    out if it is still running (a plugin that does not exit fails its test, never hangs it)."""
    with subprocess.Popen(
        [plugin_path(plugin), address],
        env=plugin_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as started:
        try:
            yield started
        finally:
            if started.poll() is None:
                started.kill()


def plugin_env() -> dict[str, str]:
    """This interpreter for the plugins, and no project virtualenv."""
    env = {**os.environ, "PULUMI_PYTHON_CMD": sys.executable}
    env.pop("PULUMI_RUNTIME_VIRTUALENV", None)
    return env


def gone_within(process: Process, seconds: float) -> bool:
    """Wait up to `seconds` for `process` to end; True if it did."""
    deadline = time.monotonic() + seconds
    while is_alive(process) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not is_alive(process)


@pytest.mark.parametrize("plugin", PLUGINS)
def test_plugin_serves_while_the_engine_answers_and_exits_once_it_does_not(
    plugin: str, engine: tuple[str, grpc.Server]
) -> None:
    address, server = engine
    with plugin_started(plugin, address) as started:
        assert started.stdout is not None and started.stderr is not None
        assert started.stdout.readline().strip().isdigit()  # the port: it serves
        time.sleep(4)  # more than the polls it takes to give up on an engine
        assert started.poll() is None, started.stderr.read()

        server.stop(grace=None)

        started.wait(timeout=GONE_WITHIN)
        assert "nothing answered at the engine's address 3 times in a row" in started.stderr.read()


@pytest.mark.parametrize("plugin", PLUGINS)
def test_plugin_exits_when_its_parent_is_gone(
    plugin: str, engine: tuple[str, grpc.Server], tmp_path: Path
) -> None:
    address, _ = engine
    log = tmp_path / "plugin.log"
    # A parent that starts the plugin, then exits while the engine keeps answering.
    with subprocess.Popen(
        ["bash", "-c", '"$0" "$1" >"$2" 2>&1 & echo $!; sleep 2', plugin, address, log],
        env={**plugin_env(), "PATH": f"{plugin_path(plugin).parent}:{os.environ['PATH']}"},
        stdout=subprocess.PIPE,
        text=True,
    ) as parent:
        assert parent.stdout is not None
        process = read_process(int(parent.stdout.readline()))
        assert process is not None and process.parent == parent.pid
    assert parent.returncode == 0

    gone = gone_within(process, GONE_WITHIN)
    if not gone:
        os.kill(process.pid, signal.SIGKILL)  # no orphan outlives a failed test
    assert gone, process.command
    assert "parent process" in log.read_text()


def has_loaded_grpc(pid: int) -> bool:
    """True once the process has mapped grpc's extension module (it is importing grpc)."""
    try:
        return "cygrpc" in Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return False


@pytest.mark.parametrize(
    ("plugin", "signum", "moment"),
    [
        pytest.param(plugin, signum, moment, id=f"{plugin}-{signum.name}-{moment}")
        for plugin in PLUGINS
        for signum, moment in (
            (signal.SIGINT, "importing"),
            (signal.SIGINT, "serving"),
            (signal.SIGTERM, "serving"),
        )
    ],
)
def test_plugin_stopped_by_the_engine_exits_quietly(
    plugin: str, signum: signal.Signals, moment: str, engine: tuple[str, grpc.Server]
) -> None:
    """The engine stops a plugin with SIGINT or SIGTERM at any moment: no traceback, exit 0."""
    address, _ = engine
    with plugin_started(plugin, address) as started:
        assert started.stdout is not None and started.stderr is not None
        if moment == "importing":
            wait_for("the plugin imports grpc", lambda: has_loaded_grpc(started.pid), timeout=30)
        else:
            assert started.stdout.readline().strip().isdigit()  # the port: it serves
        started.send_signal(signum)
        _, stderr = started.communicate(timeout=GONE_WITHIN)
        status = started.returncode

    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert status == 0, f"{plugin} exited {status} after {signum.name} while {moment}: {stderr}"


class _StandInEngine(engine_pb2_grpc.EngineServicer):
    """Just enough of the engine for a program to start."""

    def Log(self, request: Any, context: Any) -> empty_pb2.Empty:
        return empty_pb2.Empty()

    def GetRootResource(self, request: Any, context: Any) -> Any:
        return engine_pb2.GetRootResourceResponse()

    def SetRootResource(self, request: Any, context: Any) -> Any:
        return engine_pb2.SetRootResourceResponse()


class _StandInMonitor(resource_pb2_grpc.ResourceMonitorServicer):
    def SupportsFeature(self, request: Any, context: Any) -> Any:
        return resource_pb2.SupportsFeatureResponse(hasSupport=False)


def test_language_host_stopped_while_its_program_runs_exits_at_once(tmp_path: Path) -> None:
    """After a failed preview the engine stops the language host while the program's Run is
    still going; the host must leave then, not wait for the program (the engine would wait
    5 s and kill it, after every failed preview)."""
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    engine_pb2_grpc.add_EngineServicer_to_server(_StandInEngine(), server)
    resource_pb2_grpc.add_ResourceMonitorServicer_to_server(_StandInMonitor(), server)
    address = f"127.0.0.1:{server.add_insecure_port('127.0.0.1:0')}"
    server.start()
    (tmp_path / "Pulumi.yaml").write_text("name: busy\nruntime: python\n")
    (tmp_path / "__main__.py").write_text(
        "import time\nprint('program started', flush=True)\ntime.sleep(120)\n"
    )
    try:
        with subprocess.Popen(
            [REPO / "tools" / "plugins" / "pulumi-language-python", address],
            env=plugin_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        ) as host:
            assert host.stdout is not None and host.stderr is not None
            port = host.stdout.readline().strip()
            channel = grpc.insecure_channel(f"127.0.0.1:{port}")
            info = language_pb2.ProgramInfo(
                root_directory=str(tmp_path), program_directory=str(tmp_path), entry_point="."
            )
            run = language_pb2_grpc.LanguageRuntimeStub(channel).Run.future(
                language_pb2.RunRequest(
                    project="busy",
                    stack="dev",
                    pwd=str(tmp_path),
                    program=".",
                    monitor_address=address,
                    info=info,
                )
            )
            assert host.stdout.readline().strip() == "program started"
            host.send_signal(signal.SIGINT)
            try:
                status = host.wait(timeout=GONE_WITHIN)
            except subprocess.TimeoutExpired:
                host.kill()
                pytest.fail("the host waited for its program instead of leaving")
            stderr = host.stderr.read()
            run.cancel()
            channel.close()
    finally:
        server.stop(grace=None)

    assert status == 0, stderr
    assert "Traceback" not in stderr, stderr
