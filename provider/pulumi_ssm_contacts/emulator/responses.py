"""Parse ssm-contacts JSON requests, validate them against the model, serialize results."""

from __future__ import annotations

import functools
import json
import threading
import uuid
from typing import Any
from urllib.parse import parse_qsl

from moto.core.common_types import TYPE_RESPONSE
from moto.core.request import Request
from moto.core.responses import BaseResponse
from moto.core.utils import camelcase_to_underscores
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.exceptions import HTTPException

from ..core.service_model import aws_validation_message, input_shape, service_model, validate_input
from ..oncall.shifts import RotationShift
from . import hooks, protocol
from .engagement_responses import EngagementResponses
from .exceptions import (
    CONTENT_TYPE,
    SSMContactsError,
    UnknownOperationException,
    ValidationException,
)
from .models import SSMContactsBackend, ssmcontacts_backends
from .pagination import token_errors as _token_errors

REQUEST_ID = "x-amzn-RequestId"

OPERATION_LOCK = threading.RLock()
"""Operations run one at a time: the threaded server must not interleave check-then-act
(e.g. two CreateContact calls for one alias). The interceptor (a harness's injected
latency) runs outside it."""


class SSMContactsResponse(EngagementResponses, BaseResponse):
    """One method per operation; X-Amz-Target ``SSMContacts.<Operation>`` selects it (the
    engagement, override and policy operations are in :class:`EngagementResponses`)."""

    use_raw_body = True
    """The body stays bytes: :mod:`.protocol` decodes it, strictly."""

    def __init__(self) -> None:
        super().__init__(service_name="ssm-contacts")
        # A compressed body would expand past the size limit after it was checked.
        self.allow_request_decompression = False
        self._operation = ""

    def setup_class(
        self,
        request: Request,
        full_url: str | None = None,
        headers: Any = None,
        use_raw_body: bool | None = None,
    ) -> None:
        """moto's setup, with the body read as bytes and never parsed as a form."""
        body = request.get_data(cache=True, parse_form_data=False)
        request.form = ImmutableMultiDict()
        request.files = ImmutableMultiDict()
        super().setup_class(request, full_url, headers, use_raw_body)
        self.body = self.raw_body = body

    @property
    def backend(self) -> SSMContactsBackend:
        """The backend of the request's account and region."""
        return ssmcontacts_backends[self.current_account][self.region]

    def get_region_from_url(self, request: Any, full_url: str) -> str:
        """The host's region, else the credential scope's; moto's guess could raise."""
        return protocol.request_region(full_url, request.headers, self._query(full_url))

    def _get_action(self) -> str:
        """The operation of ``X-Amz-Target`` only (moto would also read ``?Action=``)."""
        return self._operation

    @staticmethod
    def _query(url: str) -> dict[str, str]:
        return dict(parse_qsl(url.partition("?")[2]))

    def _region_served(self, region: str) -> bool:
        try:
            ssmcontacts_backends[self.current_account][region]
        except KeyError:
            return False
        return True

    def _admitted_operation(self) -> str:
        """The checks in front of the service (docs/emulator.md, "Malformed requests")."""
        protocol.check_size(self.raw_body)
        scope = protocol.credential_scope(self.headers, self._query(self.uri))
        protocol.check_scope(scope, self.region, self._region_served)
        return protocol.target_operation(self.headers)

    def call_action(self) -> TYPE_RESPONSE:
        """Check the request, let the interceptor admit it, run it, then tell the interceptor.
        Every answer, an error too, carries a request ID, a UUID as AWS's JSON services send
        (``x-amzn-RequestId``; the Amazon SQS Developer Guide, "Interpreting Amazon SQS JSON
        API responses")."""
        try:
            self._operation = self._admitted_operation()
            finish = hooks.interceptor().admit(self._operation, self.current_account, self.region)
            self.params = self._validated(self._operation)
        except SSMContactsError as error:
            status, headers, body = error.moto_response()
            headers[REQUEST_ID] = str(uuid.uuid4())
            return status, headers, body
        with OPERATION_LOCK:
            status, headers, body = self._run(self._operation)
        headers["Content-Type"] = CONTENT_TYPE
        headers[REQUEST_ID] = str(uuid.uuid4())
        finish(status, self.uri)
        return status, headers, body

    def _run(self, operation: str) -> TYPE_RESPONSE:
        """What moto's ``call_action`` does for an operation of ours (its IAM check, the
        method, the error's answer), without its scan of the class for method names on every
        request (``inspect.getmembers``: a third of the time of the call, under the lock):
        ``_validated`` has already found this operation's method."""
        headers = self.response_headers
        try:
            self._authenticate_and_authorize_normal_action("*")
            body = getattr(self, camelcase_to_underscores(operation))()
        except HTTPException as error:  # an SSMContactsError, or moto's IAM refusal
            answer = {**dict(error.get_headers() or []), "status": error.code}
            status, headers, body = self._transform_response(headers, (error.description, answer))
        else:
            status = 200
        return status, headers, body

    def _validated(self, operation: str) -> dict[str, Any]:
        if operation not in service_model().operation_names:
            raise ValidationException(f"Unknown operation {operation}", "UNKNOWN_OPERATION")
        if operation not in implemented_operations():
            raise UnknownOperationException.not_modelled(operation)
        parsed = protocol.parse_body(self.raw_body)
        params: dict[str, Any] = protocol.modeled(input_shape(operation), parsed)
        protocol.check_timestamps(input_shape(operation), params)
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

    # -- shifts --------------------------------------------------------------

    def list_preview_rotation_shifts(self) -> str:
        """ListPreviewRotationShifts."""
        p = self.params
        with _token_errors():
            found, token = self.backend.list_preview_rotation_shifts(
                rotation_start_time=p.get("RotationStartTime"),
                start_time=p.get("StartTime"),
                end_time=p["EndTime"],
                members=p["Members"],
                time_zone_id=p["TimeZoneId"],
                recurrence=p["Recurrence"],
                overrides=p.get("Overrides"),
                max_results=p.get("MaxResults"),
                next_token=p.get("NextToken"),
            )
        return self._page([_shift(s) for s in found], "RotationShifts", token)

    def list_rotation_shifts(self) -> str:
        """ListRotationShifts."""
        p = self.params
        with _token_errors():
            found, token = self.backend.list_rotation_shifts(
                rotation_id=p["RotationId"],
                start_time=p.get("StartTime"),
                end_time=p["EndTime"],
                max_results=p.get("MaxResults"),
                next_token=p.get("NextToken"),
            )
        return self._page([_shift(s) for s in found], "RotationShifts", token)

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


def _shift(shift: RotationShift) -> dict[str, Any]:
    """A ``RotationShift`` as JSON: times as epoch seconds, as the protocol sends them."""
    item = shift.to_api()
    item["StartTime"] = shift.start.timestamp()
    item["EndTime"] = shift.end.timestamp()
    return item


@functools.cache
def implemented_operations() -> frozenset[str]:
    """The model's operations that :class:`SSMContactsResponse` has a method for."""
    ours = (SSMContactsResponse, EngagementResponses)
    return frozenset(
        name
        for name in service_model().operation_names
        if any(callable(cls.__dict__.get(camelcase_to_underscores(name))) for cls in ours)
    )
