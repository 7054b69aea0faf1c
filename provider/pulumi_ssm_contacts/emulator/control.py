"""A client for the emulator server's control API (``/_emulator/*``)."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .call_log import Call
from .faults import FaultConfig

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient


class EmulatorControl:
    """Read the call log and set faults and preconditions on a running emulator server."""

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
        """Drop all resources (every account and region), the call log, faults, preconditions."""
        self._request("POST", "reset")

    def set_faults(
        self,
        *,
        throttle_rate: float = 0.0,
        internal_error_rate: float = 0.0,
        latency_ms: int = 0,
        drop_response_rate: float = 0.0,
        operations: Iterable[str] | None = None,
        seed: int | None = None,
    ) -> None:
        """Replace the server's fault settings (rates are probabilities per request)."""
        config = FaultConfig(
            throttle_rate=throttle_rate,
            internal_error_rate=internal_error_rate,
            latency_ms=latency_ms,
            drop_response_rate=drop_response_rate,
            operations=frozenset(operations) if operations is not None else None,
            seed=seed,
        )
        self._request("POST", "faults", config.to_json())

    def faults(self) -> FaultConfig:
        """The server's current fault settings."""
        return FaultConfig.from_json(self._request("GET", "faults"))

    def clear_faults(self) -> None:
        """Inject no more faults."""
        self._request("DELETE", "faults")

    def set_preconditions(
        self, *, replication_set: bool = True, access_denied: Iterable[str] = ()
    ) -> None:
        """Simulate an account without a replication set and/or denied operations."""
        self._request(
            "POST",
            "preconditions",
            {"replication_set": replication_set, "access_denied": list(access_denied)},
        )

    def clear_preconditions(self) -> None:
        """Back to a ready account."""
        self._request("DELETE", "preconditions")

    def activation_codes(self) -> dict[str, str]:
        """The last activation code "sent" to each contact channel, by channel ARN."""
        codes: dict[str, str] = self._request("GET", "activation-codes")["codes"]
        return codes
