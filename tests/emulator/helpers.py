"""Helpers for the emulator tests: a mode-independent harness, shape checks, builders."""

from __future__ import annotations

import contextlib
import json
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import boto3
import pytest
from botocore import UNSIGNED
from botocore.config import Config
from botocore.exceptions import ClientError

from pulumi_ssm_contacts.core.service_model import validate_output
from pulumi_ssm_contacts.emulator_harness import state
from pulumi_ssm_contacts.emulator_harness.call_log import Call
from pulumi_ssm_contacts.emulator_harness.control import EmulatorControl
from pulumi_ssm_contacts.emulator_harness.faults import FaultConfig
from pulumi_ssm_contacts.emulator_harness.preconditions import PreconditionConfig
from pulumi_ssm_contacts.emulator_harness.settings import SettingError, SettingsHolder
from pulumi_ssm_contacts.emulator_harness.tokens import TokenPolicy

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient as SSMContactsClient
    from mypy_boto3_ssm_contacts.literals import ContactTypeType as ContactTypeType
    from mypy_boto3_ssm_contacts.type_defs import (
        ChannelTargetInfoTypeDef as ChannelTargetInfoTypeDef,
    )
    from mypy_boto3_ssm_contacts.type_defs import PlanTypeDef as PlanTypeDef
    from mypy_boto3_ssm_contacts.type_defs import (
        RecurrenceSettingsTypeDef as RecurrenceSettingsTypeDef,
    )
else:
    SSMContactsClient = ContactTypeType = PlanTypeDef = RecurrenceSettingsTypeDef = Any
    ChannelTargetInfoTypeDef = Any


@dataclass
class Emulator:
    """One emulator under test, driven the same way whatever its mode."""

    mode: str
    client: SSMContactsClient
    control: EmulatorControl | None

    def new_client(
        self,
        region: str = "us-east-1",
        *,
        retries: int = 3,
        validate: bool = True,
        signed: bool = True,
    ) -> SSMContactsClient:
        """Another client: other region, retry budget, no client-side validation, unsigned."""
        config = Config(
            retries={"total_max_attempts": retries, "mode": "standard"},
            parameter_validation=validate,
            **({} if signed else {"signature_version": UNSIGNED}),
        )
        client: SSMContactsClient = boto3.client("ssm-contacts", region_name=region, config=config)
        return checked(client)

    def calls(self) -> list[Call]:
        """The call log."""
        return self.control.calls() if self.control else state.CALL_LOG.calls()

    def counts(self) -> dict[str, int]:
        """Calls per operation."""
        return self.control.counts() if self.control else state.CALL_LOG.counts()

    def clear_calls(self) -> None:
        """Empty the call log."""
        if self.control:
            self.control.clear_calls()
        else:
            state.CALL_LOG.clear()

    def set_faults(self, config: FaultConfig | None = None, /, **settings: Any) -> None:
        """Configure fault injection."""
        if self.control:
            self.control.set_faults(config, **settings)
        else:
            state.FAULTS.configure(config, **settings)

    def faults(self) -> FaultConfig:
        """The fault settings in force."""
        return self.control.faults() if self.control else state.FAULTS.config()

    def set_preconditions(
        self, config: PreconditionConfig | None = None, /, **settings: Any
    ) -> None:
        """Configure account preconditions."""
        if self.control:
            self.control.set_preconditions(config, **settings)
        else:
            state.PRECONDITIONS.configure(config, **settings)

    def set_token_policy(self, policy: str, /, **settings: Any) -> None:
        """Choose how long idempotency tokens replay."""
        if self.control:
            self.control.set_token_policy(policy, **settings)
        else:
            state.TOKENS.configure(policy=policy, **settings)

    def token_policy(self) -> TokenPolicy:
        """The token policy in force."""
        return self.control.token_policy() if self.control else state.TOKENS.config()

    def refused_settings(self, route: str, settings: dict[str, Any]) -> str:
        """Set a settings group (``faults``, ``preconditions``, ``tokens``) to values it must
        refuse; return the refusal. In-process the holder raises SettingError; the server is
        sent the JSON itself (no client-side check) and must answer 400.
        """
        if self.control is None:
            holders: dict[str, SettingsHolder[Any]] = {
                "faults": state.FAULTS,
                "preconditions": state.PRECONDITIONS,
                "tokens": state.TOKENS,
            }
            with pytest.raises(SettingError) as refused:
                holders[route].configure(**settings)
            return str(refused.value)
        with _any_int_digits():
            body = json.dumps(settings).encode()
        request = urllib.request.Request(
            f"{self.control.endpoint}/_emulator/{route}",
            data=body,
            method="POST",
            headers={"Content-Type": "application/json"},
        )
        with pytest.raises(urllib.error.HTTPError) as refused_http:
            urllib.request.urlopen(request, timeout=10).close()
        answer = refused_http.value
        assert answer.code == 400, answer.read()
        error: str = json.loads(answer.read())["error"]
        return error

    def reset(self) -> None:
        """Drop every resource and the call log; every setting back to its default."""
        if self.control:
            self.control.reset()
        else:
            state.reset()

    def activation_code(self, channel_arn: str) -> str:
        """The last activation code sent to a channel."""
        codes = self.control.activation_codes() if self.control else state.activation_codes()
        return codes[channel_arn]


@contextlib.contextmanager
def _any_int_digits() -> Iterator[None]:
    """Let ``json.dumps`` write an int of any length (Python refuses past 4300 digits)."""
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        yield
    finally:
        sys.set_int_max_str_digits(limit)


def _check_output(http_response: Any, parsed: Any, model: Any, **_: Any) -> None:
    if http_response.status_code == 200:
        violations = validate_output(model.name, parsed)
        assert violations == [], f"{model.name} answered outside its output shape: {violations}"


def checked(client: SSMContactsClient) -> SSMContactsClient:
    """Make every successful response of ``client`` be checked against its output shape."""
    client.meta.events.register("after-call.ssm-contacts.*", _check_output)
    return client


def ok(operation: str, response: Any) -> Any:
    """Assert ``response`` has the botocore output shape of ``operation``; return it."""
    violations = validate_output(operation, response)
    assert violations == [], violations
    return response


def error_code(error: pytest.ExceptionInfo[ClientError]) -> str:
    """The AWS error code of a failed call."""
    code: str = error.value.response["Error"]["Code"]
    return code


def error_field(error: pytest.ExceptionInfo[ClientError], name: str) -> Any:
    """A modeled member of the error (``ResourceId``, ``Reason``...), parsed by botocore."""
    response: dict[str, Any] = dict(error.value.response)
    return response[name]


def error_message(error: pytest.ExceptionInfo[ClientError]) -> str:
    """The AWS error message of a failed call."""
    message: str = error.value.response["Error"]["Message"]
    return message


RECURRENCE: RecurrenceSettingsTypeDef = {
    "NumberOfOnCalls": 1,
    "RecurrenceMultiplier": 1,
    "DailySettings": [{"HourOfDay": 9, "MinuteOfHour": 0}],
}


def personal(client: SSMContactsClient, alias: str, **extra: Any) -> str:
    """A PERSONAL contact with an empty plan; returns its ARN."""
    arn: str = client.create_contact(Alias=alias, Type="PERSONAL", Plan={"Stages": []}, **extra)[
        "ContactArn"
    ]
    return arn


def email_channel(client: SSMContactsClient, contact_arn: str, **extra: Any) -> str:
    """An EMAIL channel on the contact; returns its ARN."""
    arn: str = client.create_contact_channel(
        ContactId=contact_arn,
        Name="email",
        Type="EMAIL",
        DeliveryAddress={"SimpleAddress": "oncall@example.com"},
        **extra,
    )["ContactChannelArn"]
    return arn


def rotation(client: SSMContactsClient, contact_arns: list[str], name: str = "primary") -> str:
    """A daily rotation of the contacts in UTC; returns its ARN."""
    arn: str = client.create_rotation(
        Name=name, ContactIds=contact_arns, TimeZoneId="UTC", Recurrence=RECURRENCE
    )["RotationArn"]
    return arn
