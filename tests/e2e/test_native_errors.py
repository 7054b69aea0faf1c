"""The native plugin's errors reach the real CLI as the paragraph we write, never a traceback.

The SDK's provider server wraps each hook's error with its stack frames; ours must not
(native/server.py). One `up` with `--continue-on-error` meets three errors at once (an
owner conflict, an AWS refusal, throttling that outlasts the retries); a stack with no
region anywhere meets the fourth.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pulumi import automation as auto

from .harness import ACCOUNT, REGION, Emulator, StackFactory, contact_arn

NATIVE_PROGRAM = Path(__file__).with_name("native_program")
GHOST = f"arn:aws:ssm-contacts:{REGION}:{ACCOUNT}:contact/ghost"
"""A contact that does not exist: a channel for it is refused by AWS."""


def _stack(
    new_stack: StackFactory, resources: list[dict[str, object]], name: str = "e2e"
) -> auto.Stack:
    return new_stack(NATIVE_PROGRAM, stack_name=name, config={"resources": json.dumps(resources)})


def _failed_up(stack: auto.Stack) -> str:
    with pytest.raises(auto.CommandError) as failure:
        stack.up(continue_on_error=True)
    return str(failure.value)


def _no_tracebacks(output: str) -> None:
    assert "Traceback" not in output
    assert 'File "' not in output, "no stack frames of any kind"
    assert "site-packages" not in output


def test_conflict_refusal_and_throttling_are_one_paragraph_each(
    new_stack: StackFactory, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "2")  # the plugin inherits the CLI's environment
    emulator.client.create_contact(
        Alias="taken",
        Type="PERSONAL",
        Plan={"Stages": []},
        Tags=[{"Key": "pulumi-ssm-contacts/owner", "Value": "other/prod/taken"}],
    )
    stack = _stack(
        new_stack,
        [
            {"type": "Contact", "name": "taken", "props": {"alias": "taken", "type": "PERSONAL"}},
            {
                "type": "ContactChannel",
                "name": "ghost-sms",
                "props": {
                    "contactId": GHOST,
                    "name": "sms",
                    "type": "SMS",
                    "deliveryAddress": "+15550100",
                },
            },
            {
                "type": "Rotation",
                "name": "primary",
                "props": {
                    "name": "primary",
                    "contactIds": [contact_arn("taken")],
                    "startTime": "2026-12-07T09:00:00Z",
                    "timeZoneId": "Europe/Paris",
                    "recurrence": {
                        "numberOfOnCalls": 1,
                        "recurrenceMultiplier": 1,
                        "dailySettings": [{"hourOfDay": 9, "minuteOfHour": 0}],
                    },
                },
            },
        ],
    )
    emulator.control.set_faults(throttle_rate=1.0, operations=["CreateRotation"])

    output = _failed_up(stack)
    emulator.control.clear_faults()

    _no_tracebacks(output)
    assert "names another Pulumi resource" in output or "another Pulumi resource" in output
    assert "ghost" in output and "What to do" in output
    assert "Throttl" in output or "throttl" in output
    assert "+15550100" not in output, "a delivery address is never shown"
    operations = emulator.operations()
    assert operations.count("CreateRotation") == 2, "retried, then given up"


def test_no_region_anywhere_and_an_unknown_region_are_one_paragraph_each(
    new_stack: StackFactory, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AWS_DEFAULT_REGION", raising=False)
    regionless = {k: v for k, v in new_stack.env.items() if k != "AWS_DEFAULT_REGION"}
    stack = _stack(
        StackFactory(new_stack.root, new_stack.command, regionless),
        [{"type": "Contact", "name": "akuam", "props": {"alias": "akuam", "type": "PERSONAL"}}],
    )

    output = _failed_up(stack)

    _no_tracebacks(output)
    assert "No AWS region for the Contact" in output
    assert "pulumi config set ssm-contacts:region" in output
    assert emulator.aliases() == []

    # An unknown region is refused at preview, by name. (Where ssm-contacts is served comes
    # from botocore's endpoint data, which an endpoint override, the emulator's, replaces.)
    monkeypatch.delenv("AWS_ENDPOINT_URL_SSM_CONTACTS", raising=False)  # the plugin inherits
    endpointless = {k: v for k, v in regionless.items() if k != "AWS_ENDPOINT_URL_SSM_CONTACTS"}
    stack = _stack(
        StackFactory(
            new_stack.root,
            new_stack.command,
            endpointless,
        ),
        [],
        "unknown",
    )
    stack.set_config(
        "resources",
        auto.ConfigValue(
            json.dumps(
                [
                    {
                        "type": "Contact",
                        "name": "akuam",
                        "props": {"alias": "akuam", "type": "PERSONAL", "region": "mars-north-1"},
                    }
                ]
            )
        ),
    )
    emulator.control.clear_calls()
    with pytest.raises(auto.CommandError) as unknown:
        stack.preview()
    _no_tracebacks(str(unknown.value))
    assert "region: is not a region where ssm-contacts is available" in str(unknown.value)
    assert emulator.operations() == []
