"""A dynamic provider server as a process of its own, spoken to over gRPC like the engine does.

Used for start-up (time to the port, to the first answer, to the first Check of a provider)
and for the server's concurrency (how many Read calls it serves at once).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
from google.protobuf import empty_pb2, struct_pb2
from pulumi.dynamic.dynamic import serialize_provider
from pulumi.runtime.proto import provider_pb2, provider_pb2_grpc

from .child_process import ChildProcess
from .machine import REPO

HOST = REPO / "tools" / "plugins" / "dynamic_provider_host.py"
PROVIDER_KEY = "__provider"


@dataclass(frozen=True)
class Server:
    """How a dynamic provider server is started."""

    label: str
    argv: tuple[str, ...]
    env: tuple[tuple[str, str], ...] = ()


SDK_SERVER = Server("SDK server (`python -m pulumi.dynamic`)", ("-m", "pulumi.dynamic"))
HOST_SERVER = Server("our host (tools/plugins/dynamic_provider_host.py)", (str(HOST),))


def serialized(provider: Any) -> str:
    """A provider as a resource's ``__provider`` holds it."""
    text: str = serialize_provider(provider)
    return text


def struct(values: dict[str, Any]) -> struct_pb2.Struct:
    message = struct_pb2.Struct()
    message.update(values)
    return message


class HostProcess(ChildProcess):
    """A started server: ``port_seconds`` after spawn its port was printed."""

    def __init__(self, server: Server, cwd: Path, env: dict[str, str] | None = None) -> None:
        started = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-u", *server.argv],
            cwd=cwd,
            env={**os.environ, **dict(server.env), **(env or {})},
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.started = started
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        if not line.isdigit():
            self.close()
            raise RuntimeError(f"{server.label} printed no port (first line: {line!r})")
        self.port_seconds = time.perf_counter() - started
        self.channel = grpc.insecure_channel(f"127.0.0.1:{line}")
        self.stub = provider_pb2_grpc.ResourceProviderStub(self.channel)

    def since_start(self) -> float:
        return time.perf_counter() - self.started

    def plugin_info(self) -> None:
        self.stub.GetPluginInfo(empty_pb2.Empty(), timeout=30)

    def check(self, provider: str, props: dict[str, Any]) -> None:
        news = struct({**props, PROVIDER_KEY: provider})
        answer = self.stub.Check(
            provider_pb2.CheckRequest(urn=_urn("c"), olds=struct({}), news=news), timeout=60
        )
        if answer.failures:
            raise RuntimeError(f"Check failed: {answer.failures}")

    def read(self, provider: str, id_: str, props: dict[str, Any]) -> None:
        properties = struct({**props, PROVIDER_KEY: provider})
        self.stub.Read(
            provider_pb2.ReadRequest(id=id_, urn=_urn(id_), properties=properties), timeout=60
        )


def _urn(name: str) -> str:
    return f"urn:pulumi:bench::bench::pulumi-python:dynamic:Resource::{name}"
