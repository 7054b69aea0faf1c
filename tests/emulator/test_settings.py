"""Settings take one path: a checked dataclass, whether set in-process or over HTTP."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest
from botocore.exceptions import ClientError

from pulumi_ssm_contacts.emulator_harness.faults import FaultConfig
from pulumi_ssm_contacts.emulator_harness.preconditions import PreconditionConfig
from pulumi_ssm_contacts.emulator_harness.settings import SettingError
from pulumi_ssm_contacts.emulator_harness.tokens import TokenPolicy

from .helpers import Emulator, error_code, personal

EVERY_FAULT_SET = FaultConfig(
    throttle_rate=0.125,
    internal_error_rate=0.25,
    latency_ms=7,
    drop_response_rate=0.5,
    operations=frozenset({"GetContact", "ListContacts"}),
    seed=11,
)


def test_every_fault_setting_round_trips(emulator: Emulator) -> None:
    defaults = FaultConfig()
    changed = [f.name for f in dataclasses.fields(FaultConfig)]
    assert all(getattr(EVERY_FAULT_SET, n) != getattr(defaults, n) for n in changed)
    emulator.set_faults(EVERY_FAULT_SET)
    assert emulator.faults() == EVERY_FAULT_SET
    assert FaultConfig.from_json(EVERY_FAULT_SET.to_json()) == EVERY_FAULT_SET


def test_keyword_settings_and_a_config_are_the_same(emulator: Emulator) -> None:
    emulator.set_faults(**EVERY_FAULT_SET.to_json())
    assert emulator.faults() == EVERY_FAULT_SET


def test_config_and_keywords_together_are_refused(emulator: Emulator) -> None:
    with pytest.raises(TypeError):
        emulator.set_faults(EVERY_FAULT_SET, seed=1)
    assert emulator.faults() == FaultConfig()


def test_operations_given_as_a_list_fire(emulator: Emulator) -> None:
    emulator.set_faults(throttle_rate=1.0, operations=["CreateContact"])
    with pytest.raises(ClientError) as error:
        personal(emulator.new_client(retries=1), "akuam")
    assert error_code(error) == "ThrottlingException"
    assert emulator.client.list_contacts()["Contacts"] == []


def _bad(settings: dict[str, Any], said: str | None = None, id: str | None = None) -> Any:
    """A bad settings case; ``said``: a pattern the refusal matches (default: the name)."""
    return pytest.param(settings, said or next(iter(settings)), id=id or repr(settings))


@pytest.mark.parametrize(
    ("settings", "said"),
    [
        _bad({"operations": "CreateContact"}),
        _bad({"operations": ["CreateContact", "MakeCoffee"]}),
        _bad({"throttle_rate": True}),
        _bad({"throttle_rate": float("nan")}),
        _bad({"latency_ms": 1e308}),
        _bad({"latency_ms": 10**400}),
        # The server's JSON parser refuses an int this long before the setting sees it.
        _bad({"latency_ms": 10**5000}, "latency_ms|5001 digits", "latency_ms=10**5000"),
        _bad({"latency_ms": 60_001}),
        _bad({"seed": 1.5}),
        _bad({"colour": "blue"}),
    ],
)
def test_bad_fault_setting_is_refused_and_changes_nothing(
    emulator: Emulator, settings: dict[str, Any], said: str
) -> None:
    emulator.set_faults(EVERY_FAULT_SET)
    assert re.search(said, emulator.refused_settings("faults", settings))
    assert emulator.faults() == EVERY_FAULT_SET


def test_control_client_refuses_before_sending(emulator: Emulator) -> None:
    """EmulatorControl builds the same FaultConfig: a bad value never leaves the client."""
    emulator.set_faults(EVERY_FAULT_SET)
    with pytest.raises(SettingError):
        emulator.set_faults(throttle_rate=2)
    assert emulator.faults() == EVERY_FAULT_SET


@pytest.mark.parametrize(
    "settings",
    [{"access_denied": "CreateContact"}, {"access_denied": ["Nope"]}, {"replication_set": 1}],
    ids=repr,
)
def test_bad_precondition_is_refused(emulator: Emulator, settings: dict[str, Any]) -> None:
    assert next(iter(settings)) in emulator.refused_settings("preconditions", settings)
    personal(emulator.client, "akuam")


def test_precondition_config_object_applies(emulator: Emulator) -> None:
    emulator.set_preconditions(PreconditionConfig(access_denied=frozenset({"CreateContact"})))
    with pytest.raises(ClientError) as error:
        personal(emulator.client, "akuam")
    assert error_code(error) == "AccessDeniedException"


@pytest.mark.parametrize(
    "settings", [{"policy": "forever"}, {"window_s": 0}, {"window_s": 2.5}], ids=repr
)
def test_bad_token_setting_is_refused(emulator: Emulator, settings: dict[str, Any]) -> None:
    refusal = emulator.refused_settings("tokens", {"policy": "remember", **settings})
    assert next(iter(settings)) in refusal
    assert emulator.token_policy() == TokenPolicy()


def test_reset_restores_every_default(emulator: Emulator) -> None:
    emulator.set_faults(EVERY_FAULT_SET)
    emulator.set_preconditions(replication_set=False)
    emulator.set_token_policy("remember", window_s=60)
    emulator.reset()
    assert emulator.faults() == FaultConfig()
    assert emulator.token_policy() == TokenPolicy()
    personal(emulator.client, "akuam")
