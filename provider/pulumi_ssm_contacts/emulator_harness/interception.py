"""The harness's interceptor: what happens to every request before and after the service runs it.

Log the call, apply injected faults (latency, throttling, internal errors), then the
opt-in preconditions (denied operations, no replication set). After a successful
operation, a "dropped response" fault discards the answer: the change is committed
but the client sees a closed connection and retries. :func:`.state.install` puts it in
front of the service (:mod:`pulumi_ssm_contacts.emulator.hooks`).
"""

from __future__ import annotations

import time
from functools import partial

from botocore.exceptions import ConnectionClosedError

from pulumi_ssm_contacts.emulator.exceptions import (
    AccessDeniedException,
    InternalServerException,
    ThrottlingException,
)
from pulumi_ssm_contacts.emulator.hooks import Finish
from pulumi_ssm_contacts.emulator.rules import invalid

from .call_log import Call, CallLog
from .faults import FaultDecision, FaultInjector
from .preconditions import Preconditions

NO_REPLICATION_SET_DETAIL = "Account not found for the request"


class ResponseDropped(ConnectionClosedError):
    """The operation committed, then its response was dropped (an injected fault)."""

    def __init__(self, endpoint_url: str) -> None:
        super().__init__(endpoint_url=endpoint_url)


class HarnessInterceptor:
    """Logs to ``calls``, injects ``faults``, applies ``preconditions``."""

    def __init__(self, calls: CallLog, faults: FaultInjector, preconditions: Preconditions) -> None:
        self.calls = calls
        self.faults = faults
        self.preconditions = preconditions

    def admit(self, operation: str, account: str, region: str) -> Finish:
        """Log the request, then raise the AWS error it should get, if any."""
        self.calls.record(Call(operation, account, region))
        decision = self.faults.decide(operation)
        if decision.latency_s:
            time.sleep(decision.latency_s)
        if decision.error == "throttle":
            raise ThrottlingException()
        if decision.error == "internal":
            raise InternalServerException()
        preconditions = self.preconditions.config()
        if operation in preconditions.access_denied:
            raise AccessDeniedException(account, operation)
        if not preconditions.replication_set:
            raise invalid(NO_REPLICATION_SET_DETAIL)
        return partial(_finish, decision)


def _finish(decision: FaultDecision, status: int, endpoint_url: str) -> None:
    """Drop the response of a committed (2xx) operation if the fault says so."""
    if decision.drop_response and 200 <= status < 300:
        raise ResponseDropped(endpoint_url)
