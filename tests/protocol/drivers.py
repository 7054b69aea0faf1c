"""Three ways to drive a resource's hooks against the emulator server.

``hooks``: the dynamic provider's methods called in this process. ``grpc``: the real
``python -m pulumi.dynamic`` server, driven through the SDK's protobuf stubs with the
provider serialized exactly as ``pulumi.dynamic.Resource`` serializes it. ``native``: the
real ``pulumi-resource-ssm-contacts`` plugin process, driven as the engine drives it (the
owner is not an input there: the URN carries it, so the driver names each resource by a
URN made from the owner the inputs give).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from concurrent import futures
from dataclasses import dataclass, field
from typing import Any, Protocol

import grpc
from google.protobuf import struct_pb2
from pulumi.dynamic import ConfigureRequest, ResourceProvider
from pulumi.dynamic.config import Config
from pulumi.runtime import rpc
from pulumi.runtime.proto import provider_pb2, provider_pb2_grpc

from pulumi_ssm_contacts import ContactProvider
from pulumi_ssm_contacts.core.bag import camel
from pulumi_ssm_contacts.core.engine import IMPORT_KEY
from pulumi_ssm_contacts.core.ownership import OWNER_KEY

REGION = "us-east-1"
URN = "urn:pulumi:test::contacts::pulumi-python:dynamic/ssm-contacts:Contact::c"
PROVIDER_KEY = "__provider"


@dataclass(frozen=True)
class Diff:
    changes: bool
    replaces: list[str]
    delete_before_replace: bool
    diffs: list[str] = field(default_factory=list)


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

    front_end: str
    """``dynamic`` or ``native``: which front end the hooks are."""

    def written(self, python_path: str) -> str:
        """A property path (as a Python program writes it) as this front end's programs
        write it: snake_case for the dynamic classes, camelCase for native resources."""
        ...

    def import_(self, id_: str, inputs: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """Import the existing resource ``id_`` for a program with ``inputs``: its ID and
        outputs; HookError naming what differs when it does not match the program."""
        ...

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


class _DynamicImport:
    """What the dynamic drivers share: an import is ``import_`` adopting in create."""

    front_end = "dynamic"

    def written(self, python_path: str) -> str:
        return python_path

    def import_(self, id_: str, inputs: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        checked, failures = self.check({}, {**inputs, IMPORT_KEY: id_})  # type: ignore[attr-defined]
        if failures:
            raise HookError(str(failures))
        created: tuple[str, dict[str, Any]] = self.create(checked)  # type: ignore[attr-defined]
        return created


class HooksDriver(_DynamicImport):
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


class GrpcDriver(_DynamicImport):
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


# -- the native plugin ------------------------------------------------------------------


def plugin_command() -> list[str]:
    """The ``pulumi-resource-ssm-contacts`` console script of this venv, as the engine runs
    it (beside this interpreter, else on PATH)."""
    beside = os.path.join(os.path.dirname(sys.executable), "pulumi-resource-ssm-contacts")
    found = beside if os.path.exists(beside) else shutil.which("pulumi-resource-ssm-contacts")
    assert found, "pulumi-resource-ssm-contacts is not installed: pip install -e ."
    return [found]


def stand_in_engine() -> tuple[grpc.Server, str]:
    """A gRPC server with no services and its address: the plugin's watchdog finds an engine
    there (any answer to its health check counts, as in Pulumi's Go plugins), and its logging,
    best effort, gets UNIMPLEMENTED."""
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    return server, f"127.0.0.1:{port}"


class NativePlugin:
    """One ``pulumi-resource-ssm-contacts`` process, configured for REGION (many drivers
    can share it, as the engine shares one per deploy)."""

    def __init__(self, env: dict[str, str], region: str | None = REGION) -> None:
        self.engine, address = stand_in_engine()
        self.process = subprocess.Popen(
            [*plugin_command(), address], stdout=subprocess.PIPE, env=env
        )
        assert self.process.stdout is not None
        port = int(self.process.stdout.readline())
        self.channel = grpc.insecure_channel(f"127.0.0.1:{port}")
        self.stub = provider_pb2_grpc.ResourceProviderStub(self.channel)
        self.stub.Configure(
            provider_pb2.ConfigureRequest(
                args=_struct({"region": region} if region else {}),
                variables={"ssm-contacts:config:region": region} if region else {},
                acceptSecrets=True,
            )
        )

    def close(self) -> None:
        self.channel.close()
        self.process.terminate()
        self.process.wait(timeout=10)
        self.engine.stop(grace=None)


def unwrap(value: Any, path: str, secrets: set[str]) -> Any:
    """``value`` with the wire's secrets unwrapped; each secret's path goes in ``secrets``."""
    if rpc.is_rpc_secret(value):
        secrets.add(path)
        return unwrap(rpc.unwrap_rpc_secret(value), path, secrets)
    if isinstance(value, dict):
        return {k: unwrap(v, f"{path}.{k}" if path else k, secrets) for k, v in value.items()}
    if isinstance(value, list):
        return [unwrap(v, f"{path}[{i}]", secrets) for i, v in enumerate(value)]
    return value


class NativeDriver:
    """Drives the native plugin over gRPC as the engine does, for one resource type.

    Inputs carry ``owner`` as the dynamic front end's do (``project/stack/name``); here it
    names the URN instead, and the plugin computes it back. ``secrets`` holds the paths the
    last response marked secret.
    """

    front_end = "native"

    def __init__(self, plugin: NativePlugin, type_name: str) -> None:
        self.stub = plugin.stub
        self.token = f"ssm-contacts:index:{type_name}"
        self.secrets: set[str] = set()

    def urn(self, props: dict[str, Any]) -> str:
        """The URN of the resource the owner in ``props`` names."""
        owner = props.get(OWNER_KEY) or "contacts/test/c"
        project, stack, name = owner.split("/", 2)
        return f"urn:pulumi:{stack}::{project}::{self.token}::{name}"

    def written(self, python_path: str) -> str:
        return ".".join(camel(part) for part in python_path.split("."))

    def _rpc(self, method: Any, request: Any) -> Any:
        try:
            return method(request)
        except grpc.RpcError as error:
            raise HookError(error.details()) from error

    def _props(self, struct: struct_pb2.Struct) -> dict[str, Any]:
        self.secrets = set()
        out: dict[str, Any] = unwrap(
            dict(rpc.deserialize_properties(struct, keep_unknowns=True)), "", self.secrets
        )
        return out

    def check(
        self, olds: dict[str, Any], news: dict[str, Any]
    ) -> tuple[dict[str, Any], dict[str, str]]:
        urn = self.urn(news)
        program = {k: v for k, v in news.items() if k != OWNER_KEY}
        response = self._rpc(
            self.stub.Check,
            provider_pb2.CheckRequest(urn=urn, olds=_struct(olds), news=_struct(program)),
        )
        return self._props(response.inputs), failures_by_path(response.failures)

    def diff(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> Diff:
        response = self._rpc(
            self.stub.Diff,
            provider_pb2.DiffRequest(
                id=id_, urn=self.urn(olds), olds=_struct(olds), news=_struct(news)
            ),
        )
        return Diff(
            response.changes == provider_pb2.DiffResponse.DIFF_SOME,
            list(response.replaces),
            response.deleteBeforeReplace,
            list(response.diffs),
        )

    def create(self, inputs: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        response = self._rpc(
            self.stub.Create,
            provider_pb2.CreateRequest(urn=self.urn(inputs), properties=_struct(inputs)),
        )
        return response.id, self._props(response.properties)

    def read(
        self, id_: str, props: dict[str, Any], urn: str | None = None
    ) -> tuple[str, dict[str, Any], dict[str, Any] | None]:
        response = self._rpc(
            self.stub.Read,
            provider_pb2.ReadRequest(id=id_, urn=urn or self.urn(props), properties=_struct(props)),
        )
        inputs = self._props(response.inputs) if response.HasField("inputs") else None
        return response.id, self._props(response.properties), inputs

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> dict[str, Any]:
        response = self._rpc(
            self.stub.Update,
            provider_pb2.UpdateRequest(
                id=id_, urn=self.urn(news), olds=_struct(olds), news=_struct(news)
            ),
        )
        return self._props(response.properties)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        self._rpc(
            self.stub.Delete,
            provider_pb2.DeleteRequest(id=id_, urn=self.urn(props), properties=_struct(props)),
        )

    def import_(self, id_: str, inputs: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """As the engine imports: Read with no state, then Check the program against the
        inputs read and Diff; a difference fails the import, naming the properties."""
        read_id, outs, read_inputs = self.read(id_, {}, urn=self.urn(inputs))
        if not read_id:
            raise HookError(f"resource '{id_}' does not exist")
        checked, failures = self.check(read_inputs or {}, inputs)
        if failures:
            raise HookError(str(failures))
        diff = self.diff(read_id, outs, checked)
        if diff.changes:
            raise HookError(
                "inputs to import do not match the existing resource: " + ", ".join(diff.diffs)
            )
        return read_id, outs
