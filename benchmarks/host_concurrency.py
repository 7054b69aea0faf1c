"""How many Read calls a dynamic provider server serves at once, at 100 ms per AWS call.

The engine sends up to `--parallel` calls at a time (default: 4 per core). ``concurrent``
Read calls of existing contacts are sent at once to a fresh server; the wall time until the
last answer shows how many the server ran at a time and how long one Read takes.
"""

from __future__ import annotations

import os
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from pulumi_ssm_contacts.contact_provider import ContactProvider
from pulumi_ssm_contacts.core.ownership import OWNER_KEY, OWNER_TAG
from pulumi_ssm_contacts.emulator_harness.control import EmulatorControl

from .figures import Sample
from .hook_latency import emulator_environment
from .machine import REPO
from .provider_host import HOST_SERVER, SDK_SERVER, HostProcess, Server, serialized

LATENCY_MS = 100


def _contacts(control: EmulatorControl, count: int) -> list[tuple[str, dict[str, Any]]]:
    client = control.client()
    made = []
    for i in range(count):
        alias = f"conc-{i}"
        arn = client.create_contact(
            Alias=alias,
            Type="PERSONAL",
            Plan={"Stages": []},
            Tags=[{"Key": OWNER_TAG, "Value": alias}],
            IdempotencyToken=uuid.uuid4().hex,
        )["ContactArn"]
        made.append((arn, {"alias": alias, "type": "PERSONAL", "tags": {}, OWNER_KEY: alias}))
    return made


def host_concurrency(control: EmulatorControl, concurrent: int, rounds: int) -> dict[str, Sample]:
    """Server label -> seconds until ``concurrent`` simultaneous Reads have all answered."""
    control.reset()
    contacts = _contacts(control, concurrent)
    control.set_faults(latency_ms=LATENCY_MS)
    provider = serialized(ContactProvider())
    servers: tuple[Server, ...] = (SDK_SERVER, HOST_SERVER)
    times: dict[str, list[float]] = {server.label: [] for server in servers}
    with emulator_environment(control.endpoint), ThreadPoolExecutor(concurrent) as pool:
        env = dict(os.environ)
        for _ in range(rounds):
            for server in servers:
                with HostProcess(server, REPO, env) as host:
                    arn, props = contacts[0]
                    host.read(provider, arn, props)  # loads the provider: not timed
                    started = time.perf_counter()
                    answers = [
                        pool.submit(host.read, provider, arn, props) for arn, props in contacts
                    ]
                    for answer in answers:
                        answer.result()
                    times[server.label].append(time.perf_counter() - started)
    control.reset()
    return {label: Sample.of(values) for label, values in times.items()}
