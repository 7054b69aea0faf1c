"""Registration with moto and the pytest plugin users rely on."""

from __future__ import annotations

import moto
import moto.backend_index
import moto.backends
import pytest

import pulumi_ssm_contacts.emulator as emulator
from pulumi_ssm_contacts.emulator.models import ssmcontacts_backends

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
