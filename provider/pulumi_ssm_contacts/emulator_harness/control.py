"""A client for the emulator server's control API (``/_emulator/*``)."""

from __future__ import annotations

import json
import urllib.request
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from .call_log import Call
from .faults import FaultConfig
from .preconditions import PreconditionConfig
from .tokens import TokenPolicy

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient


class EmulatorControl:
    """Read the call log and change the settings of a running emulator server."""

    def __init__(self, endpoint: str, timeout: float = 10.0) -> None:
        self.endpoint = endpoint.rstrip("/")
        self.timeout = timeout

    def client(self, region: str = "us-east-1") -> SSMContactsClient:
        """A boto3 ssm-contacts client for this server, with dummy credentials."""
        import boto3

        made: SSMContactsClient = boto3.client(
            "ssm-contacts",
            region_name=region,
            endpoint_url=self.endpoint,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
        return made

    def _request(self, method: str, route: str, body: Any = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            f"{self.endpoint}/_emulator/{route}",
            data=data,
            method=method,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            return json.loads(response.read() or b"null")

    def calls(self) -> list[Call]:
        """Every request the server received since the last clear, oldest first."""
        return [Call(**c) for c in self._request("GET", "calls")["calls"]]

    def counts(self) -> dict[str, int]:
        """How many times each operation was called."""
        counts: dict[str, int] = {}
        for call in self.calls():
            counts[call.operation] = counts.get(call.operation, 0) + 1
        return counts

    def clear_calls(self) -> None:
        """Empty the call log."""
        self._request("DELETE", "calls")

    def reset(self) -> None:
        """Drop all resources (every account and region) and the call log; default settings."""
        self._request("POST", "reset")

    def set_faults(self, config: FaultConfig | None = None, /, **settings: Any) -> None:
        """Replace the server's fault settings: a FaultConfig, or its fields as keywords.

        Rates are probabilities per request. Checked here, then again by the server.
        """
        self._request("POST", "faults", FaultConfig.resolve(config, settings).to_json())

    def faults(self) -> FaultConfig:
        """The server's current fault settings."""
        return FaultConfig.from_json(self._request("GET", "faults"))

    def clear_faults(self) -> None:
        """Inject no more faults."""
        self._request("DELETE", "faults")

    def set_preconditions(
        self, config: PreconditionConfig | None = None, /, **settings: Any
    ) -> None:
        """Simulate an account without a replication set and/or denied operations."""
        body = PreconditionConfig.resolve(config, settings).to_json()
        self._request("POST", "preconditions", body)

    def preconditions(self) -> PreconditionConfig:
        """The server's current preconditions."""
        return PreconditionConfig.from_json(self._request("GET", "preconditions"))

    def clear_preconditions(self) -> None:
        """Back to a ready account."""
        self._request("DELETE", "preconditions")

    def set_token_policy(
        self, policy: str | TokenPolicy = "forget_on_delete", /, **settings: Any
    ) -> None:
        """How long idempotency tokens replay: ``"forget_on_delete"`` or ``"remember"``.

        ``window_s`` (seconds, default a day) bounds ``remember``.
        """
        if isinstance(policy, TokenPolicy):
            config = TokenPolicy.resolve(policy, settings)
        else:
            config = TokenPolicy.of(policy=policy, **settings)
        self._request("POST", "tokens", config.to_json())

    def token_policy(self) -> TokenPolicy:
        """The server's current token policy."""
        return TokenPolicy.from_json(self._request("GET", "tokens"))

    def clear_token_policy(self) -> None:
        """Back to ``forget_on_delete``."""
        self._request("DELETE", "tokens")

    def activation_codes(self) -> dict[str, str]:
        """The last activation code "sent" to each contact channel, by channel ARN."""
        codes: dict[str, str] = self._request("GET", "activation-codes")["codes"]
        return codes

    def accept_codes(self) -> dict[str, str]:
        """The accept code each page carries (what a responder would reply with), by page ARN."""
        codes: dict[str, str] = self._request("GET", "accept-codes")["codes"]
        return codes

    def clock(self) -> datetime:
        """The emulator's clock (UTC)."""
        return datetime.fromtimestamp(self._request("GET", "clock")["now"], UTC)

    def set_clock(self, when: datetime | float) -> datetime:
        """Stand the emulator's clock at ``when`` (timezone-aware, or epoch seconds): it stays
        there until moved, so engagements advance only when a test says."""
        now = when.timestamp() if isinstance(when, datetime) else float(when)
        return datetime.fromtimestamp(self._request("POST", "clock", {"now": now})["now"], UTC)

    def advance_clock(self, *, minutes: float = 0, seconds: float = 0) -> datetime:
        """Move the emulator's clock forward; the new time."""
        body = {"seconds": minutes * 60 + seconds}
        return datetime.fromtimestamp(self._request("POST", "clock/advance", body)["now"], UTC)

    def release_clock(self) -> None:
        """Back to real time."""
        self._request("DELETE", "clock")
