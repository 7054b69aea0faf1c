"""The AWS error codes the ssm-contacts emulator answers with, one class per code.

The model gives these errors no HTTP status, so, as in every AWS JSON 1.1 service,
client errors answer 400 and server errors 500.
"""

from __future__ import annotations

import json
from typing import Any

from moto.core.exceptions import JsonRESTError


class SSMContactsError(JsonRESTError):
    """A JSON-protocol AWS error whose body also carries the error shape's modeled members."""

    def __init__(self, error_type: str, message: str, **fields: Any) -> None:
        super().__init__(error_type, message)
        body = {"__type": error_type, "message": message}
        body.update({k: v for k, v in fields.items() if v is not None})
        self.description = json.dumps(body)


class ValidationException(SSMContactsError):
    """The input breaks a rule of the service model or of the service."""

    code = 400

    def __init__(
        self,
        message: str,
        reason: str = "FIELD_VALIDATION_FAILED",
        fields: list[dict[str, str]] | None = None,
    ) -> None:
        super().__init__("ValidationException", message, Reason=reason, Fields=fields)


class ResourceNotFoundException(SSMContactsError):
    """The contact, channel or rotation the request names does not exist."""

    code = 400

    def __init__(self, resource_type: str, resource_id: str) -> None:
        super().__init__(
            "ResourceNotFoundException",
            f"Resource {resource_id} of type {resource_type} not found",
            ResourceId=resource_id,
            ResourceType=resource_type,
        )


class ConflictException(SSMContactsError):
    """The request clashes with an existing resource (e.g. an alias already in use)."""

    code = 400

    def __init__(self, message: str, resource_type: str, resource_id: str) -> None:
        super().__init__(
            "ConflictException", message, ResourceId=resource_id, ResourceType=resource_type
        )


class ServiceQuotaExceededException(SSMContactsError):
    """The request would exceed a service quota."""

    code = 400

    def __init__(self, message: str, resource_type: str, resource_id: str, quota_code: str) -> None:
        super().__init__(
            "ServiceQuotaExceededException",
            message,
            ResourceId=resource_id,
            ResourceType=resource_type,
            QuotaCode=quota_code,
            ServiceCode="ssm-contacts",
        )


class AccessDeniedException(SSMContactsError):
    """The caller may not perform the operation (an opt-in precondition)."""

    code = 400

    def __init__(self, account_id: str, operation: str) -> None:
        super().__init__(
            "AccessDeniedException",
            f"User: arn:aws:iam::{account_id}:user/emulator is not authorized to perform: "
            f"ssm-contacts:{operation} because no identity-based policy allows the "
            f"ssm-contacts:{operation} action",
        )


class ThrottlingException(SSMContactsError):
    """Injected fault: the request was throttled."""

    code = 400

    def __init__(self) -> None:
        super().__init__(
            "ThrottlingException", "Rate exceeded", ServiceCode="ssm-contacts", RetryAfterSeconds=1
        )


class InternalServerException(SSMContactsError):
    """Injected fault: the service failed internally."""

    code = 500

    def __init__(self) -> None:
        super().__init__(
            "InternalServerException", "Unexpected error occurred", RetryAfterSeconds=1
        )
