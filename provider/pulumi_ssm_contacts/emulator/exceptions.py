"""The AWS error codes the ssm-contacts emulator answers with, one class per code.

The model gives its errors no HTTP status, so, as in every AWS JSON 1.1 service, client
errors answer 400 and server errors 500. The errors of the protocol and authentication
layer, in front of the service, carry the status AWS's Common Errors page gives them.
"""

from __future__ import annotations

import json
from typing import Any

from moto.core.common_types import TYPE_RESPONSE
from moto.core.exceptions import JsonRESTError

CONTENT_TYPE = "application/x-amz-json-1.1"
"""What every ssm-contacts response, success or error, is sent as."""


class SSMContactsError(JsonRESTError):
    """A JSON-protocol AWS error whose body also carries the error shape's modeled members."""

    def __init__(self, error_type: str, message: str, **fields: Any) -> None:
        super().__init__(error_type, message)
        body = {"__type": error_type, "message": message}
        body.update({k: v for k, v in fields.items() if v is not None})
        self.description = json.dumps(body)
        self.content_type = CONTENT_TYPE

    def moto_response(self) -> TYPE_RESPONSE:
        """The error as moto's ``(status, headers, body)``."""
        return self.code, dict(self.get_headers()), self.get_body()


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


# -- in front of the service: size, authentication, routing -------------------------


class RequestEntityTooLargeException(SSMContactsError):
    """The request body is larger than the emulator accepts (docs/emulator.md, limits)."""

    code = 413

    def __init__(self, limit: int) -> None:
        super().__init__(
            "RequestEntityTooLargeException", f"Request body is larger than {limit} bytes"
        )


class MissingAuthenticationTokenException(SSMContactsError):
    """The request is not signed: no ``Authorization`` header, no presigned query."""

    code = 403

    def __init__(self) -> None:
        super().__init__("MissingAuthenticationTokenException", "Missing Authentication Token")


class IncompleteSignatureException(SSMContactsError):
    """The ``Authorization`` header is not an AWS Signature Version 4 header."""

    code = 403

    def __init__(self, detail: str) -> None:
        super().__init__(
            "IncompleteSignatureException",
            f"The request signature does not conform to AWS standards: {detail}",
        )


class InvalidSignatureException(SSMContactsError):
    """The credential scope names another service, or a region ssm-contacts is not in."""

    code = 403

    def __init__(self, message: str) -> None:
        super().__init__("InvalidSignatureException", message)


class UnknownOperationException(SSMContactsError):
    """The request names no operation the emulator serves: no ssm-contacts operation at all
    (:meth:`for_target`), or one of the model's that the emulator does not model
    (:meth:`not_modelled`). A 4xx, so no SDK retries it."""

    code = 400

    def __init__(self, message: str) -> None:
        super().__init__("UnknownOperationException", message)

    @classmethod
    def for_target(cls, target: str | None) -> UnknownOperationException:
        """The ``X-Amz-Target`` header is missing or names no ssm-contacts operation."""
        shown = "no X-Amz-Target header" if target is None else f"X-Amz-Target {target!r}"
        return cls(
            f"The request names no ssm-contacts operation ({shown}); "
            "expected X-Amz-Target: SSMContacts.<Operation>"
        )

    @classmethod
    def not_modelled(cls, operation: str) -> UnknownOperationException:
        """An operation of the service model that the emulator does not implement."""
        return cls(f"{operation} is not modelled by the emulator (docs/emulator.md lists what is)")


class SerializationException(SSMContactsError):
    """A member's JSON value cannot be read as its shape's type (a timestamp that is not
    epoch seconds), as AWS's JSON services answer it."""

    code = 400

    def __init__(self, message: str) -> None:
        super().__init__("SerializationException", message)


class InternalFailure(SSMContactsError):
    """The emulator itself failed (a bug)."""

    code = 500

    def __init__(self, detail: str) -> None:
        super().__init__("InternalFailure", detail)
