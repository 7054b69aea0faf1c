"""Fixtures for the protocol tier: a driver per way of reaching the provider's hooks."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from pulumi.dynamic import ResourceProvider
from pulumi.dynamic.dynamic import serialize_provider

from pulumi_ssm_contacts import ContactProvider
from pulumi_ssm_contacts.core import aws_client
from pulumi_ssm_contacts.dynamic.provider import EngineProvider
from pulumi_ssm_contacts.emulator_harness.control import EmulatorControl
from tests.protocol.drivers import (
    REGION,
    Driver,
    GrpcDriver,
    HooksDriver,
    NativeDriver,
    NativePlugin,
)

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient

    from pulumi_ssm_contacts.emulator_harness.process import EmulatorServer


def _provider_env(endpoint: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        AWS_ENDPOINT_URL_SSM_CONTACTS=endpoint,
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_REGION=REGION,
        AWS_MAX_ATTEMPTS="3",  # keeps retry tests short; the default is 6
    )
    return env


@pytest.fixture(scope="session")
def native_plugin(ssm_contacts_server: EmulatorServer) -> Iterator[NativePlugin]:
    """One ``pulumi-resource-ssm-contacts`` process per test session (per xdist worker),
    pointed at the session's emulator server (each test resets the server)."""
    plugin = NativePlugin(_provider_env(ssm_contacts_server.endpoint))
    yield plugin
    plugin.close()


@pytest.fixture
def emulator_env(
    ssm_contacts_endpoint: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[dict[str, str]]:
    """The environment a provider process gets: the emulator's endpoint, dummy credentials."""
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "3")  # keeps retry tests short; the default is 6
    env = _provider_env(ssm_contacts_endpoint)
    aws_client.forget_clients()
    yield env
    aws_client.forget_clients()


@contextlib.contextmanager
def driving(
    kind: str,
    provider: ResourceProvider,
    env: dict[str, str],
    plugin: NativePlugin | None = None,
) -> Iterator[Driver]:
    """A driver of ``kind`` (``hooks``, ``grpc``, or ``native``: ``plugin`` serving the
    engine of ``provider``) for ``provider``, closed afterwards."""
    if kind == "native":
        assert plugin is not None, "the native driver needs the plugin process"
        assert isinstance(provider, EngineProvider), "the native plugin serves engines"
        yield NativeDriver(plugin, provider.engine.type_name)
        return
    if kind == "hooks":
        yield HooksDriver(provider)
        return
    grpc_driver = GrpcDriver(env, serialize_provider(provider))
    try:
        yield grpc_driver
    finally:
        grpc_driver.close()


@pytest.fixture(params=["hooks", "grpc"])
def driver(request: pytest.FixtureRequest, emulator_env: dict[str, str]) -> Iterator[Driver]:
    """Each scenario runs twice: in-process hooks, then the dynamic provider's gRPC server."""
    with driving(request.param, ContactProvider(), emulator_env) as made:
        yield made


@pytest.fixture
def control(ssm_contacts_endpoint: str) -> EmulatorControl:
    """The emulator server's control API (call log, faults)."""
    return EmulatorControl(ssm_contacts_endpoint)


@pytest.fixture
def aws(ssm_contacts_endpoint: str) -> Iterator[SSMContactsClient]:
    """A client for out-of-band changes, as a person with the console would make."""
    client = EmulatorControl(ssm_contacts_endpoint).client(REGION)
    yield client
    client.close()
