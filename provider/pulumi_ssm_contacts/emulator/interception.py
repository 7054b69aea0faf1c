"""What happens to every request before and after the backend sees it.

Log the call, apply injected faults (latency, throttling, internal errors), then the
opt-in preconditions (denied operations, no replication set). After a successful
operation, a "dropped response" fault discards the answer: the change is committed
but the client sees a closed connection and retries.
"""

from __future__ import annotations

import time

from botocore.exceptions import ConnectionClosedError

from .call_log import Call
from .exceptions import AccessDeniedException, InternalServerException, ThrottlingException
from .faults import FaultDecision
from .rules import invalid
from .state import CALL_LOG, FAULTS, PRECONDITIONS

NO_REPLICATION_SET_DETAIL = "Account not found for the request"


class ResponseDropped(ConnectionClosedError):
    """The operation committed, then its response was dropped (an injected fault)."""

    def __init__(self, endpoint_url: str) -> None:
        super().__init__(endpoint_url=endpoint_url)


def admit(operation: str, account: str, region: str) -> FaultDecision:
    """Log the request, then raise the AWS error it should get, if any."""
    CALL_LOG.record(Call(operation, account, region))
    decision = FAULTS.decide(operation)
    if decision.latency_s:
        time.sleep(decision.latency_s)
    if decision.error == "throttle":
        raise ThrottlingException()
    if decision.error == "internal":
        raise InternalServerException()
    preconditions = PRECONDITIONS.config()
    if operation in preconditions.access_denied:
        raise AccessDeniedException(account, operation)
    if not preconditions.replication_set:
        raise invalid(NO_REPLICATION_SET_DETAIL)
    return decision


def finish(decision: FaultDecision, status: int, endpoint_url: str) -> None:
    """Drop the response of a committed (2xx) operation if the fault says so."""
    if decision.drop_response and 200 <= status < 300:
        raise ResponseDropped(endpoint_url)
