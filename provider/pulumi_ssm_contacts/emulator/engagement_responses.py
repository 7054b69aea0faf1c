"""The responses of the engagement, page, rotation-override and contact-policy operations.

A mixin of :class:`~pulumi_ssm_contacts.emulator.responses.SSMContactsResponse`: parse
``self.params`` (already checked against the model), call the backend, serialize.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .engagements import receipt_fields
from .pagination import token_errors

if TYPE_CHECKING:
    from .models import SSMContactsBackend


class EngagementResponses:
    """One method per operation, as in :class:`SSMContactsResponse`."""

    params: dict[str, Any]

    if TYPE_CHECKING:

        @property
        def backend(self) -> SSMContactsBackend: ...

        def _page(self, items: list[dict[str, Any]], key: str, token: str | None) -> str: ...

    # -- engagements ----------------------------------------------------------

    def start_engagement(self) -> str:
        """StartEngagement."""
        p = self.params
        result = self.backend.start_engagement(
            contact_id=p["ContactId"],
            sender=p["Sender"],
            subject=p["Subject"],
            content=p["Content"],
            public_subject=p.get("PublicSubject"),
            public_content=p.get("PublicContent"),
            incident_id=p.get("IncidentId"),
            idempotency_token=p.get("IdempotencyToken"),
        )
        return json.dumps(result)

    def describe_engagement(self) -> str:
        """DescribeEngagement."""
        return json.dumps(self.backend.describe_engagement(self.params["EngagementId"]).describe())

    def stop_engagement(self) -> str:
        """StopEngagement."""
        self.backend.stop_engagement(self.params["EngagementId"], self.params.get("Reason"))
        return "{}"

    def list_engagements(self) -> str:
        """ListEngagements."""
        p = self.params
        with token_errors():
            found, token = self.backend.list_engagements(
                incident_id=p.get("IncidentId"),
                time_range=p.get("TimeRangeValue"),
                max_results=p.get("MaxResults"),
                next_token=p.get("NextToken"),
            )
        return self._page([e.summary() for e in found], "Engagements", token)

    def list_pages_by_engagement(self) -> str:
        """ListPagesByEngagement."""
        p = self.params
        with token_errors():
            found, token = self.backend.list_pages_by_engagement(
                engagement_id=p["EngagementId"],
                max_results=p.get("MaxResults"),
                next_token=p.get("NextToken"),
            )
        return self._page([page.summary() for page in found], "Pages", token)

    def list_pages_by_contact(self) -> str:
        """ListPagesByContact."""
        p = self.params
        with token_errors():
            found, token = self.backend.list_pages_by_contact(
                contact_id=p["ContactId"],
                max_results=p.get("MaxResults"),
                next_token=p.get("NextToken"),
            )
        return self._page([page.summary() for page in found], "Pages", token)

    def describe_page(self) -> str:
        """DescribePage."""
        return json.dumps(self.backend.describe_page(self.params["PageId"]).describe())

    def list_page_receipts(self) -> str:
        """ListPageReceipts."""
        p = self.params
        with token_errors():
            found, token = self.backend.list_page_receipts(
                page_id=p["PageId"], max_results=p.get("MaxResults"), next_token=p.get("NextToken")
            )
        return self._page([receipt_fields(r) for r in found], "Receipts", token)

    def list_page_resolutions(self) -> str:
        """ListPageResolutions (one page of results: a path is a few contacts long)."""
        found = self.backend.list_page_resolutions(self.params["PageId"])
        return json.dumps({"PageResolutions": found})

    def accept_page(self) -> str:
        """AcceptPage."""
        p = self.params
        self.backend.accept_page(
            page_id=p["PageId"],
            channel_id=p.get("ContactChannelId"),
            accept_type=p["AcceptType"],
            note=p.get("Note"),
            accept_code=p["AcceptCode"],
            validation=p.get("AcceptCodeValidation"),
        )
        return "{}"

    # -- rotation overrides ---------------------------------------------------

    def create_rotation_override(self) -> str:
        """CreateRotationOverride."""
        p = self.params
        result = self.backend.create_rotation_override(
            rotation_id=p["RotationId"],
            new_contact_ids=p["NewContactIds"],
            start_time=p["StartTime"],
            end_time=p["EndTime"],
            idempotency_token=p.get("IdempotencyToken"),
        )
        return json.dumps(result)

    def get_rotation_override(self) -> str:
        """GetRotationOverride."""
        p = self.params
        found = self.backend.get_rotation_override(p["RotationId"], p["RotationOverrideId"])
        return json.dumps(found.describe())

    def delete_rotation_override(self) -> str:
        """DeleteRotationOverride."""
        p = self.params
        self.backend.delete_rotation_override(p["RotationId"], p["RotationOverrideId"])
        return "{}"

    def list_rotation_overrides(self) -> str:
        """ListRotationOverrides."""
        p = self.params
        with token_errors():
            found, token = self.backend.list_rotation_overrides(
                rotation_id=p["RotationId"],
                start_time=p["StartTime"],
                end_time=p["EndTime"],
                max_results=p.get("MaxResults"),
                next_token=p.get("NextToken"),
            )
        return self._page([o.summary() for o in found], "RotationOverrides", token)

    # -- contact policies -----------------------------------------------------

    def put_contact_policy(self) -> str:
        """PutContactPolicy."""
        self.backend.put_contact_policy(self.params["ContactArn"], self.params["Policy"])
        return "{}"

    def get_contact_policy(self) -> str:
        """GetContactPolicy."""
        return json.dumps(self.backend.get_contact_policy(self.params["ContactArn"]))
