"""Registration with moto and the pytest plugin users rely on."""

from __future__ import annotations

import os
import subprocess
import sys

import moto
import moto.backend_index
import moto.backends
import pytest

import pulumi_ssm_contacts.emulator as emulator
from pulumi_ssm_contacts.emulator.models import ssmcontacts_backends
from pulumi_ssm_contacts.emulator_harness.pytest_plugin import DUMMY_ENV

pytest_plugins = ["pytester"]


def test_register_is_idempotent() -> None:
    emulator.register()
    emulator.register()
    names = [name for name, _ in moto.backend_index.backend_url_patterns]
    assert names.count("ssmcontacts") == 1
    assert moto.backends.get_backend("ssmcontacts") is ssmcontacts_backends  # type: ignore[call-overload]


def test_users_test_with_the_client_fixture(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        def test_my_stack(ssm_contacts_client):
            arn = ssm_contacts_client.create_contact(
                Alias="oncall", Type="PERSONAL", Plan={"Stages": []}
            )["ContactArn"]
            assert ssm_contacts_client.get_contact(ContactId=arn)["Alias"] == "oncall"

        def test_state_is_fresh(ssm_contacts_client):
            assert ssm_contacts_client.list_contacts()["Contacts"] == []
        """
    )
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "-q")
    result.assert_outcomes(passed=2)


SERVICE_ALONE = """
import sys

import boto3
import moto

import pulumi_ssm_contacts.emulator

with moto.mock_aws():
    client = boto3.client("ssm-contacts", region_name="us-east-1")
    arn = client.create_contact(
        Alias="oncall", Type="PERSONAL", Plan={"Stages": []}, IdempotencyToken="t"
    )["ContactArn"]
    client.delete_contact(ContactId=arn)
    again = client.create_contact(
        Alias="oncall", Type="PERSONAL", Plan={"Stages": []}, IdempotencyToken="t"
    )["ContactArn"]
    assert client.get_contact(ContactId=again)["Alias"] == "oncall"
harness = sorted(m for m in sys.modules if m.startswith("pulumi_ssm_contacts.emulator_harness"))
print(harness)
"""


def test_the_service_runs_without_the_harness() -> None:
    """Like a moto service, the emulator needs nothing from its server or test harness:
    under mock_aws it answers with AWS's documented behaviour (here a token forgotten
    once its contact is deleted, the default) and never imports the harness."""
    done = subprocess.run(
        [sys.executable, "-c", SERVICE_ALONE],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **DUMMY_ENV},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
