"""The shared botocore client: one per region and profile, made ahead of the first hook."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from pulumi_ssm_contacts.core import aws_client


@pytest.fixture(autouse=True)
def no_clients(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("AWS_CONFIG_FILE", "/dev/null")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
    monkeypatch.delenv("AWS_ENDPOINT_URL_SSM_CONTACTS", raising=False)
    aws_client.forget_clients()
    yield
    aws_client.forget_clients()


def test_warm_makes_the_client_the_first_hook_then_gets() -> None:
    aws_client.warm("us-east-2").join()
    assert [key[:2] for key in aws_client._clients] == [("us-east-2", None)]
    warmed = aws_client._clients[("us-east-2", None, None)]
    assert aws_client.client("us-east-2") is warmed


def test_warm_drops_a_failure_for_the_hook_to_report() -> None:
    aws_client.warm("us-east-2", profile="no-such-profile").join()
    assert aws_client._clients == {}
    with pytest.raises(Exception, match="no-such-profile"):
        aws_client.client("us-east-2", profile="no-such-profile")


@pytest.mark.parametrize("profile", [None, "no-such-profile"], ids=["made", "failed"])
def test_warm_calls_then_once_the_client_is_made_or_has_failed(profile: str | None) -> None:
    seen: list[bool] = []
    key = ("us-east-2", profile, None)
    aws_client.warm(
        "us-east-2", profile, then=lambda: seen.append(key in aws_client._clients)
    ).join()
    assert seen == [profile is None]


def test_clients_of_two_regions_share_what_botocore_loaded() -> None:
    east, west = aws_client.client("us-east-1"), aws_client.client("eu-west-1")
    assert east.meta.region_name == "us-east-1" and west.meta.region_name == "eu-west-1"
    assert east._loader is west._loader  # type: ignore[attr-defined]


def test_a_client_is_made_without_importing_boto3() -> None:
    """boto3 would bring s3transfer, 0.12 s of import on the first hook's time."""
    code = (
        "import sys\n"
        "from pulumi_ssm_contacts.core import aws_client\n"
        "aws_client.client('us-east-1')\n"
        "print(sorted(m for m in ('boto3', 's3transfer', 'botocore') if m in sys.modules))"
    )
    env = {"AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null", "PATH": ""}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.split() == ["['botocore']"]
