"""The Contact provider's hooks called in-process against the emulator server, against the
bare boto3 calls each hook makes (the same calls, one after the other, on one plain client).

What the hooks add is validation of nothing (create, read, update and delete do not check;
the engine calls check separately), normalization, the owner check, and error handling; what
they may save is time, where they make their calls at once.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import boto3

from pulumi_ssm_contacts.contact_provider import ContactProvider
from pulumi_ssm_contacts.core import aws_client
from pulumi_ssm_contacts.core.ownership import OWNER_KEY, OWNER_TAG
from pulumi_ssm_contacts.emulator_harness.control import EmulatorControl

from .figures import Sample

HOOKS = ("create", "read", "update", "delete")
BARE_CALLS = {
    "create": "CreateContact",
    "read": "GetContact, ListTagsForResource",
    "update": "UpdateContact",
    "delete": "ListTagsForResource, DeleteContact",
}


@contextmanager
def emulator_environment(endpoint: str) -> Iterator[None]:
    """boto3 (ours and the bare client) pointed at the emulator with dummy credentials."""
    values = {
        "AWS_ENDPOINT_URL_SSM_CONTACTS": endpoint,
        "AWS_ACCESS_KEY_ID": "bench",
        "AWS_SECRET_ACCESS_KEY": "bench",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    }
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    aws_client.forget_clients()
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        aws_client.forget_clients()


def _timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


class _Ours:
    def __init__(self) -> None:
        self.provider = ContactProvider()

    def lifecycle(self, alias: str) -> dict[str, float]:
        p = self.provider
        news = {"alias": alias, "type": "PERSONAL", "displayName": "Before", OWNER_KEY: alias}
        bag = p.check({}, news).inputs
        seconds: dict[str, float] = {}
        seconds["create"], created = _timed(lambda: p.create(bag))
        arn, outs = created.id, created.outs
        seconds["read"], _ = _timed(lambda: p.read(arn, outs))
        changed = p.check(outs, {**news, "displayName": "After"}).inputs
        seconds["update"], updated = _timed(lambda: p.update(arn, outs, changed))
        seconds["delete"], _ = _timed(lambda: p.delete(arn, updated.outs))
        return seconds


class _Bare:
    def __init__(self) -> None:
        self.client: Any = boto3.client("ssm-contacts")

    def lifecycle(self, alias: str) -> dict[str, float]:
        c = self.client
        tags = [{"Key": OWNER_TAG, "Value": alias}]
        seconds: dict[str, float] = {}
        seconds["create"], created = _timed(
            lambda: c.create_contact(
                Alias=alias,
                Type="PERSONAL",
                DisplayName="Before",
                Plan={"Stages": []},
                Tags=tags,
                IdempotencyToken=uuid.uuid4().hex,
            )
        )
        arn = created["ContactArn"]
        seconds["read"], _ = _timed(
            lambda: (c.get_contact(ContactId=arn), c.list_tags_for_resource(ResourceARN=arn))
        )
        seconds["update"], _ = _timed(lambda: c.update_contact(ContactId=arn, DisplayName="After"))
        seconds["delete"], _ = _timed(
            lambda: (c.list_tags_for_resource(ResourceARN=arn), c.delete_contact(ContactId=arn))
        )
        return seconds


def hook_latency(
    control: EmulatorControl, latency_ms: int, iterations: int
) -> dict[str, dict[str, Sample]]:
    """``{"ours"|"bare": {hook: Sample}}`` at one injected latency, interleaved."""
    control.reset()
    control.set_faults(latency_ms=latency_ms)
    times: dict[str, dict[str, list[float]]] = {
        "ours": {h: [] for h in HOOKS},
        "bare": {h: [] for h in HOOKS},
    }
    with emulator_environment(control.endpoint):
        ours, bare = _Ours(), _Bare()
        # One untimed lifecycle each: clients, the service model and connections warm up.
        ours.lifecycle("warm-ours")
        bare.lifecycle("warm-bare")
        for i in range(iterations):
            for label, runner in (("ours", ours), ("bare", bare)):
                for hook, seconds in runner.lifecycle(f"hook-{label}-{i}").items():
                    times[label][hook].append(seconds)
    control.reset()
    return {
        label: {hook: Sample.of(values) for hook, values in hooks.items()}
        for label, hooks in times.items()
    }
