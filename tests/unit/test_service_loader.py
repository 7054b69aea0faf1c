"""The clients' data loader: botocore's, with "is this service known?" asked of one service."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from pathlib import Path

import botocore.session
import pytest
from botocore.exceptions import UnknownServiceError
from botocore.loaders import create_loader as botocore_loader

from pulumi_ssm_contacts.core import aws_client
from pulumi_ssm_contacts.core.service_loader import create_loader


@pytest.fixture(autouse=True)
def no_clients(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"):
        monkeypatch.setenv(name, os.devnull)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.delenv("AWS_DATA_PATH", raising=False)
    aws_client.forget_clients()
    aws_client._loaders.clear()
    yield
    aws_client.forget_clients()
    aws_client._loaders.clear()


def _session(data_path: str | None = None) -> botocore.session.Session:
    session = botocore.session.Session()
    session.register_component("data_loader", create_loader(data_path))
    return session


def test_the_known_services_are_botocores(tmp_path: Path) -> None:
    (tmp_path / "notadir").write_text("")  # a stray file with a service's name
    (tmp_path / "custom" / "2020-01-01").mkdir(parents=True)
    (tmp_path / "custom" / "2020-01-01" / "service-2.json").write_text("{}")
    ours, theirs = create_loader(str(tmp_path)), botocore_loader(str(tmp_path))
    assert ours.list_available_services("service-2") == theirs.list_available_services("service-2")
    listed = set(theirs.list_available_services("service-2"))
    names = ["ssm-contacts", "sts", "custom", "notadir", "no-such-service", "ssm-contacts/"]
    names += ["./sts", "", ".", "SSM-Contacts", "custom/2020-01-01/.."]
    assert {n: ours.knows(n, "service-2") for n in names} == {n: n in listed for n in names}
    assert not ours.knows("ssm-contacts", "no-such-type")


@pytest.mark.parametrize(
    ("service", "type_name"),
    [
        ("ssm-contacts", "service-2"),
        ("ssm-contacts", "endpoint-rule-set-1"),
        ("ssm-contacts", "paginators-1"),
        ("sts", "service-2"),
    ],
)
def test_a_model_loads_as_botocore_loads_it(service: str, type_name: str) -> None:
    ours = create_loader(None).load_service_model(service, type_name)
    assert ours == botocore_loader().load_service_model(service, type_name)


def test_a_name_botocore_does_not_know_is_refused_as_botocore_refuses_it() -> None:
    with pytest.raises(UnknownServiceError, match=r"Valid service names are: .*ssm-contacts"):
        create_loader(None).load_service_model("ssm-contacts/", "service-2")


def test_the_ssm_contacts_check_does_not_list_every_service(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    listed: list[str] = []
    real = os.listdir

    def listdir(path: str) -> list[str]:
        listed.append(path)
        return real(path)

    monkeypatch.setattr(os, "listdir", listdir)
    _session().create_client("ssm-contacts", region_name="us-east-1")
    assert 0 < len(listed) < 10, listed  # botocore's own loader: one per service, 400 and more


def test_the_credential_chains_clients_still_load() -> None:
    """A role profile makes an STS client, SSO an SSO client, from the same session."""
    session = _session()
    assert session.create_client("sts", region_name="us-east-1").meta.service_model
    assert session.create_client("sso", region_name="us-east-1").meta.service_model
    assert isinstance(session.get_available_services(), list)


def test_a_model_on_aws_data_path_comes_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builtin = Path(botocore.__file__).parent / "data" / "ssm-contacts"
    (version,) = (p for p in builtin.iterdir() if p.is_dir())
    model = json.loads(gzip.decompress((version / "service-2.json.gz").read_bytes()))
    model["metadata"]["apiVersion"] = "2099-01-01"
    custom = tmp_path / "ssm-contacts" / "2099-01-01"
    custom.mkdir(parents=True)
    (custom / "service-2.json").write_text(json.dumps(model))
    monkeypatch.setenv("AWS_DATA_PATH", str(tmp_path))
    made = aws_client.client("us-east-1")
    assert made.meta.service_model.api_version == "2099-01-01"
    assert made.meta.region_name == "us-east-1"
