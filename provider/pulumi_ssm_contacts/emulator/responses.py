"""Parse ssm-contacts JSON requests, validate them against the model, serialize results."""

from __future__ import annotations

import json
import threading
from typing import Any

from moto.core.common_types import TYPE_RESPONSE
from moto.core.exceptions import InvalidToken
from moto.core.responses import BaseResponse

from ..service_model import aws_validation_message, service_model, validate_input
from . import interception
from .exceptions import SSMContactsError, ValidationException
from .models import SSMContactsBackend, ssmcontacts_backends

OPERATION_LOCK = threading.RLock()
"""Operations run one at a time: the threaded server must not interleave check-then-act
(e.g. two CreateContact calls for one alias). Injected latency is slept outside it."""


class SSMContactsResponse(BaseResponse):
    """One method per operation; X-Amz-Target ``SSMContacts.<Operation>`` selects it."""

    def __init__(self) -> None:
        super().__init__(service_name="ssm-contacts")

    @property
    def backend(self) -> SSMContactsBackend:
        """The backend of the request's account and region."""
        return ssmcontacts_backends[self.current_account][self.region]

    def call_action(self) -> TYPE_RESPONSE:
        """Log and guard the request, run it, then apply a dropped-response fault."""
        operation = self._get_action()
        try:
            decision = interception.admit(operation, self.current_account, self.region)
            self.params = self._validated(operation)
        except SSMContactsError as error:
            return error.code, dict(error.get_headers()), error.get_body()
        with OPERATION_LOCK:
            status, headers, body = super().call_action()
        interception.finish(decision, status, self.uri)
        return status, headers, body

    def _validated(self, operation: str) -> dict[str, Any]:
        if operation not in service_model().operation_names:
            raise ValidationException(f"Unknown operation {operation}", "UNKNOWN_OPERATION")
        try:
            params = json.loads(self.body or "{}")
        except ValueError:
            raise ValidationException("Could not parse request body", "CANNOT_PARSE") from None
        if not isinstance(params, dict):
            raise ValidationException("Request body must be a JSON object", "CANNOT_PARSE")
        violations = validate_input(operation, params)
        if violations:
            fields = [{"Name": v.aws_path(), "Message": v.rule} for v in violations]
            raise ValidationException(aws_validation_message(violations), fields=fields)
        return params

    def _page(self, items: list[dict[str, Any]], key: str, token: str | None) -> str:
        out: dict[str, Any] = {key: items}
        if token:
            out["NextToken"] = token
        return json.dumps(out)

    # -- contacts ------------------------------------------------------------

    def create_contact(self) -> str:
        """CreateContact."""
        p = self.params
        result = self.backend.create_contact(
            alias=p["Alias"],
            display_name=p.get("DisplayName"),
            contact_type=p["Type"],
            plan=p["Plan"],
            tags=p.get("Tags"),
            idempotency_token=p.get("IdempotencyToken"),
        )
        return json.dumps(result)

    def get_contact(self) -> str:
        """GetContact."""
        return json.dumps(self.backend.get_contact(self.params["ContactId"]).describe())

    def update_contact(self) -> str:
        """UpdateContact."""
        p = self.params
        self.backend.update_contact(p["ContactId"], p.get("DisplayName"), p.get("Plan"))
        return "{}"

    def delete_contact(self) -> str:
        """DeleteContact."""
        self.backend.delete_contact(self.params["ContactId"])
        return "{}"

    def list_contacts(self) -> str:
        """ListContacts."""
        p = self.params
        with _token_errors():
            contacts, token = self.backend.list_contacts(
                alias_prefix=p.get("AliasPrefix"),
                contact_type=p.get("Type"),
                max_results=p.get("MaxResults"),
                next_token=p.get("NextToken"),
            )
        return self._page([c.summary() for c in contacts], "Contacts", token)

    # -- contact channels ----------------------------------------------------

    def create_contact_channel(self) -> str:
        """CreateContactChannel."""
        p = self.params
        result = self.backend.create_contact_channel(
            contact_id=p["ContactId"],
            name=p["Name"],
            channel_type=p["Type"],
            delivery_address=p["DeliveryAddress"],
            defer_activation=p.get("DeferActivation"),
            idempotency_token=p.get("IdempotencyToken"),
        )
        return json.dumps(result)

    def get_contact_channel(self) -> str:
        """GetContactChannel."""
        channel = self.backend.get_contact_channel(self.params["ContactChannelId"])
        return json.dumps(channel.describe())

    def update_contact_channel(self) -> str:
        """UpdateContactChannel."""
        p = self.params
        self.backend.update_contact_channel(
            p["ContactChannelId"], p.get("Name"), p.get("DeliveryAddress")
        )
        return "{}"

    def delete_contact_channel(self) -> str:
        """DeleteContactChannel."""
        self.backend.delete_contact_channel(self.params["ContactChannelId"])
        return "{}"

    def list_contact_channels(self) -> str:
        """ListContactChannels."""
        p = self.params
        with _token_errors():
            channels, token = self.backend.list_contact_channels(
                contact_id=p["ContactId"],
                max_results=p.get("MaxResults"),
                next_token=p.get("NextToken"),
            )
        return self._page([c.describe() for c in channels], "ContactChannels", token)

    def send_activation_code(self) -> str:
        """SendActivationCode."""
        self.backend.send_activation_code(self.params["ContactChannelId"])
        return "{}"

    def activate_contact_channel(self) -> str:
        """ActivateContactChannel."""
        p = self.params
        self.backend.activate_contact_channel(p["ContactChannelId"], p["ActivationCode"])
        return "{}"

    def deactivate_contact_channel(self) -> str:
        """DeactivateContactChannel."""
        self.backend.deactivate_contact_channel(self.params["ContactChannelId"])
        return "{}"

    # -- rotations -----------------------------------------------------------

    def create_rotation(self) -> str:
        """CreateRotation."""
        p = self.params
        result = self.backend.create_rotation(
            name=p["Name"],
            contact_ids=p["ContactIds"],
            start_time=p.get("StartTime"),
            time_zone_id=p["TimeZoneId"],
            recurrence=p["Recurrence"],
            tags=p.get("Tags"),
            idempotency_token=p.get("IdempotencyToken"),
        )
        return json.dumps(result)

    def get_rotation(self) -> str:
        """GetRotation."""
        return json.dumps(self.backend.get_rotation(self.params["RotationId"]).describe())

    def update_rotation(self) -> str:
        """UpdateRotation."""
        p = self.params
        self.backend.update_rotation(
            rotation_id=p["RotationId"],
            contact_ids=p.get("ContactIds"),
            start_time=p.get("StartTime"),
            time_zone_id=p.get("TimeZoneId"),
            recurrence=p["Recurrence"],
        )
        return "{}"

    def delete_rotation(self) -> str:
        """DeleteRotation."""
        self.backend.delete_rotation(self.params["RotationId"])
        return "{}"

    def list_rotations(self) -> str:
        """ListRotations."""
        p = self.params
        with _token_errors():
            rotations, token = self.backend.list_rotations(
                rotation_name_prefix=p.get("RotationNamePrefix"),
                max_results=p.get("MaxResults"),
                next_token=p.get("NextToken"),
            )
        return self._page([r.summary() for r in rotations], "Rotations", token)

    # -- tags ----------------------------------------------------------------

    def tag_resource(self) -> str:
        """TagResource."""
        self.backend.tag_resource(self.params["ResourceARN"], self.params["Tags"])
        return "{}"

    def untag_resource(self) -> str:
        """UntagResource."""
        self.backend.untag_resource(self.params["ResourceARN"], self.params["TagKeys"])
        return "{}"

    def list_tags_for_resource(self) -> str:
        """ListTagsForResource."""
        tags = self.backend.list_tags_for_resource(self.params["ResourceARN"])
        return json.dumps({"Tags": tags})


class _token_errors:
    """Answer a NextToken the backend cannot use as AWS would: ValidationException."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, error: Any, tb: Any) -> None:
        if kind is not None and issubclass(kind, InvalidToken):
            raise ValidationException("Invalid NextToken", "OTHER") from error
