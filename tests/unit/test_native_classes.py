"""The native resources' Python classes: generated from the schema, the same arguments as the
dynamic classes, registering ``ssm-contacts:index:*`` with the camelCase bag."""

from __future__ import annotations

import dataclasses
import filecmp
import inspect
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pulumi
import pytest
from pulumi.runtime import rpc

import pulumi_ssm_contacts as dynamic
from pulumi_ssm_contacts import native

REPO = Path(__file__).resolve().parents[2]
SDK = REPO / "provider" / "pulumi_ssm_contacts" / "native" / "sdk"
RESOURCES = ("Contact", "ContactChannel", "ContactPlan", "Rotation")


def _files(root: Path) -> set[str]:
    return {
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_the_committed_classes_are_what_the_schema_generates(tmp_path: Path) -> None:
    """tools/gen_python_sdk.py (Pulumi's generator over package_schema()) writes native/sdk."""
    out = tmp_path / "sdk"
    subprocess.run(
        [sys.executable, str(REPO / "tools" / "gen_python_sdk.py"), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    generated, committed = _files(out), _files(SDK)
    assert generated == committed, "rerun `python tools/gen_python_sdk.py`"
    _, differ, errors = filecmp.cmpfiles(out, SDK, sorted(generated), shallow=False)
    assert not differ and not errors, f"rerun `python tools/gen_python_sdk.py`: {differ}"


@pytest.mark.parametrize("name", RESOURCES)
def test_each_class_is_the_native_resource(name: str) -> None:
    cls = getattr(native, name)
    assert issubclass(cls, pulumi.CustomResource)
    assert not issubclass(cls, pulumi.dynamic.Resource)
    source = inspect.getsource(cls.__init__) + inspect.getsource(cls._internal_init)
    assert f"'ssm-contacts:index:{name}'" in source


def _dynamic_args_types() -> dict[str, type]:
    """Every ``...Args`` class the dynamic front end exports, by its own name (not aliases)."""
    found = {}
    for name in dynamic.__all__:
        value = getattr(dynamic, name)
        if name.endswith("Args") and isinstance(value, type) and value.__name__ == name:
            found[name] = value
    return found


@pytest.mark.parametrize("name", sorted(_dynamic_args_types()))
def test_args_take_the_dynamic_classes_arguments(name: str) -> None:
    """Moving a program to the native classes changes its imports, not its arguments."""
    dynamic_args = _dynamic_args_types()[name]
    native_args = getattr(native, name)
    dynamic_names = {f.name for f in dataclasses.fields(dynamic_args)}
    native_names = set(inspect.signature(native_args.__init__).parameters) - {"__self__"}
    assert native_names == dynamic_names


@pytest.mark.parametrize("name", RESOURCES)
def test_resource_takes_the_dynamic_classes_keywords(name: str) -> None:
    dynamic_args = getattr(dynamic, f"{name}Args")
    resource_init = getattr(native, name)._internal_init
    keywords = set(inspect.signature(resource_init).parameters)
    keywords -= {"__self__", "resource_name", "opts", "__props__"}
    assert keywords == {f.name for f in dataclasses.fields(dynamic_args)}


class Recorder(pulumi.runtime.Mocks):
    """Records what each resource registers; answers with its inputs plus an ARN."""

    def __init__(self) -> None:
        self.registered: dict[str, pulumi.runtime.MockResourceArgs] = {}

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        self.registered[args.name] = args
        arn = f"arn:aws:ssm-contacts:us-east-1:123456789012:contact/{args.name}"
        return arn, {**args.inputs, "arn": arn}

    def call(
        self, args: pulumi.runtime.MockCallArgs
    ) -> tuple[dict[Any, Any], list[tuple[str, str]] | None]:
        return {}, None


@pytest.fixture
def recorder() -> Recorder:
    mocks = Recorder()
    pulumi.runtime.set_mocks(mocks, preview=False)
    return mocks


@pulumi.runtime.test  # type: ignore[untyped-decorator]
def test_arguments_become_the_engines_camel_case_bag(recorder: Recorder) -> pulumi.Output[Any]:
    contact = native.Contact(
        "akuam",
        alias="akuam",
        type=native.ContactType.PERSONAL,
        display_name="Akua Mansa",
        plan=native.ContactEngagementPlanArgs(
            stages=[
                native.PlanStageArgs(
                    duration_in_minutes=5,
                    targets=[
                        native.PlanStageTargetArgs(
                            channel_target_info=native.PlanStageTargetChannelTargetInfoArgs(
                                contact_channel_id="arn:channel", retry_interval_in_minutes=1
                            )
                        )
                    ],
                )
            ]
        ),
        tags={"team": "payments"},
    )
    channel = native.ContactChannel(
        "akuam-email",
        contact_id=contact.arn,
        name="email",
        type=native.ChannelType.EMAIL,
        delivery_address="akuam@example.com",
    )

    def verify(arns: list[str]) -> None:
        arn = arns[0]
        registered = recorder.registered["akuam"]
        assert registered.typ == "ssm-contacts:index:Contact"
        assert registered.inputs == {
            "alias": "akuam",
            "type": "PERSONAL",
            "displayName": "Akua Mansa",
            "plan": {
                "stages": [
                    {
                        "durationInMinutes": 5,
                        "targets": [
                            {
                                "channelTargetInfo": {
                                    "contactChannelId": "arn:channel",
                                    "retryIntervalInMinutes": 1,
                                }
                            }
                        ],
                    }
                ]
            },
            "tags": {"team": "payments"},
        }
        registered = recorder.registered["akuam-email"]
        assert registered.typ == "ssm-contacts:index:ContactChannel"
        assert registered.inputs["contactId"] == arn
        # The delivery address is registered as a secret (the schema says it is one).
        assert registered.inputs["deliveryAddress"] == {
            rpc._special_sig_key: rpc._special_secret_sig,
            "value": "akuam@example.com",
        }

    return pulumi.Output.all(contact.arn, channel.arn).apply(verify)


def test_the_plugin_never_loads_the_classes() -> None:
    """The provider plugin imports ``pulumi_ssm_contacts.native``'s modules, not its classes."""
    code = (
        "import sys, pulumi_ssm_contacts.native.schema, pulumi_ssm_contacts.native.provider;"
        "print('pulumi_ssm_contacts.native.sdk' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(REPO / "provider")},
    )
    assert done.stdout.strip() == "False"
