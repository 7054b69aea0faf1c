"""Two ways to drive ContactProvider's hooks against the emulator server.

``hooks``: the provider's methods called in this process. ``grpc``: the real
``python -m pulumi.dynamic`` server, driven through the SDK's protobuf stubs with the
provider serialized exactly as ``pulumi.dynamic.Resource`` serializes it.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from dataclasses import dataclass
from typing import Any, Protocol

import grpc
from google.protobuf import struct_pb2
from pulumi.dynamic import ConfigureRequest, ResourceProvider
from pulumi.dynamic.config import Config
from pulumi.runtime import rpc
from pulumi.runtime.proto import provider_pb2, provider_pb2_grpc

from pulumi_ssm_contacts import ContactProvider

REGION = "us-east-1"
URN = "urn:pulumi:test::contacts::pulumi-python:dynamic/ssm-contacts:Contact::c"
PROVIDER_KEY = "__provider"


@dataclass(frozen=True)
class Diff:
    changes: bool
    replaces: list[str]
    delete_before_replace: bool


def failures_by_path(failures: Any) -> dict[str, str]:
    """Check failures as ``{path: reasons}``: each reason reads ``"<path>: <rule>"``."""
    found: dict[str, str] = {}
    for failure in failures:
        path, _, rule = failure.reason.partition(": ")
        found[path] = f"{found[path]}; {rule}" if path in found else rule
    return found


class HookError(Exception):
    """A hook failed; the message is what the engine would show."""


class Driver(Protocol):
    """The provider's hooks, whichever way they are reached."""

    def check(
        self, olds: dict[str, Any], news: dict[str, Any]
    ) -> tuple[dict[str, Any], dict[str, str]]: ...

    def diff(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> Diff: ...

    def create(self, inputs: dict[str, Any]) -> tuple[str, dict[str, Any]]: ...

    def read(
        self, id_: str, props: dict[str, Any]
    ) -> tuple[str, dict[str, Any], dict[str, Any] | None]: ...

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> dict[str, Any]: ...

    def delete(self, id_: str, props: dict[str, Any]) -> None: ...


class HooksDriver:
    """Calls a provider's methods directly (ContactProvider unless told otherwise)."""

    def __init__(self, provider: ResourceProvider | None = None) -> None:
        self.provider = provider or ContactProvider()
        self.provider.configure(ConfigureRequest(Config({"aws:region": REGION}, "contacts")))

    def _call(self, fn: Any, *args: Any) -> Any:
        try:
            return fn(*args)
        except Exception as error:
            raise HookError(str(error)) from error

    def check(
        self, olds: dict[str, Any], news: dict[str, Any]
    ) -> tuple[dict[str, Any], dict[str, str]]:
        result = self._call(self.provider.check, olds, news)
        return result.inputs, failures_by_path(result.failures)

    def diff(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> Diff:
        result = self._call(self.provider.diff, id_, olds, news)
        return Diff(
            bool(result.changes), list(result.replaces or []), bool(result.delete_before_replace)
        )

    def create(self, inputs: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        result = self._call(self.provider.create, inputs)
        return result.id, dict(result.outs or {})

    def read(
        self, id_: str, props: dict[str, Any]
    ) -> tuple[str, dict[str, Any], dict[str, Any] | None]:
        result = self._call(self.provider.read, id_, props)
        return result.id or "", dict(result.outs or {}), result.inputs

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> dict[str, Any]:
        return dict(self._call(self.provider.update, id_, olds, news).outs or {})

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        self._call(self.provider.delete, id_, props)


def _struct(props: dict[str, Any]) -> struct_pb2.Struct:
    # A private loop: asyncio.run would leave the main thread without a current loop,
    # which Pulumi's mocks in other tests need.
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(rpc.serialize_properties(props, {}))
    finally:
        loop.close()


def _props(struct: struct_pb2.Struct) -> dict[str, Any]:
    out = rpc.deserialize_properties(struct, keep_unknowns=True)
    out.pop(PROVIDER_KEY, None)
    return dict(out)


class GrpcDriver:
    """Drives a ``python -m pulumi.dynamic`` process over gRPC, as the engine does."""

    def __init__(self, env: dict[str, str], serialized_provider: str) -> None:
        self.serialized = serialized_provider
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pulumi.dynamic"],
            stdout=subprocess.PIPE,
            env=env,
        )
        assert self.process.stdout is not None
        port = int(self.process.stdout.readline())
        self.channel = grpc.insecure_channel(f"127.0.0.1:{port}")
        self.stub = provider_pb2_grpc.ResourceProviderStub(self.channel)
        self.stub.Configure(provider_pb2.ConfigureRequest(args=_struct({"aws:region": REGION})))

    def close(self) -> None:
        self.channel.close()
        self.process.terminate()
        self.process.wait(timeout=10)

    def _with_provider(self, props: dict[str, Any]) -> struct_pb2.Struct:
        return _struct({**props, PROVIDER_KEY: self.serialized})

    def _rpc(self, method: Any, request: Any) -> Any:
        try:
            return method(request)
        except grpc.RpcError as error:
            raise HookError(error.details()) from error

    def check(
        self, olds: dict[str, Any], news: dict[str, Any]
    ) -> tuple[dict[str, Any], dict[str, str]]:
        response = self._rpc(
            self.stub.Check,
            provider_pb2.CheckRequest(
                urn=URN, olds=self._with_provider(olds), news=self._with_provider(news)
            ),
        )
        return _props(response.inputs), failures_by_path(response.failures)

    def diff(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> Diff:
        response = self._rpc(
            self.stub.Diff,
            provider_pb2.DiffRequest(
                id=id_, urn=URN, olds=self._with_provider(olds), news=self._with_provider(news)
            ),
        )
        return Diff(
            response.changes == provider_pb2.DiffResponse.DIFF_SOME,
            list(response.replaces),
            response.deleteBeforeReplace,
        )

    def create(self, inputs: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        response = self._rpc(
            self.stub.Create,
            provider_pb2.CreateRequest(urn=URN, properties=self._with_provider(inputs)),
        )
        return response.id, _props(response.properties)

    def read(
        self, id_: str, props: dict[str, Any]
    ) -> tuple[str, dict[str, Any], dict[str, Any] | None]:
        response = self._rpc(
            self.stub.Read,
            provider_pb2.ReadRequest(id=id_, urn=URN, properties=self._with_provider(props)),
        )
        inputs = _props(response.inputs) if response.HasField("inputs") else None
        return response.id, _props(response.properties), inputs

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> dict[str, Any]:
        response = self._rpc(
            self.stub.Update,
            provider_pb2.UpdateRequest(
                id=id_, urn=URN, olds=self._with_provider(olds), news=self._with_provider(news)
            ),
        )
        return _props(response.properties)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        self._rpc(
            self.stub.Delete,
            provider_pb2.DeleteRequest(id=id_, urn=URN, properties=self._with_provider(props)),
        )
