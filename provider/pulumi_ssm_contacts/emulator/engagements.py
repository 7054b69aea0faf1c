"""Engagements, pages and receipts: what StartEngagement sets going, on the emulator's clock.

StartEngagement computes the whole engagement at once with the paging engine
(:mod:`pulumi_ssm_contacts.oncall.paging`, the one ``page`` prints), nobody acknowledging;
what the API shows is what the clock has reached: a page exists once its contact is engaged,
a ``SENT`` receipt once its send time is past, and an acknowledgement (AcceptPage ``READ``) or
StopEngagement cancels what would come after it. docs/emulator.md, "Engagements", gives the
rules and their sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..oncall import paging
from .resources import JSON


def epoch(moment: datetime) -> float:
    """Epoch seconds, as the JSON protocol sends timestamps."""
    return moment.timestamp()


def moment(epoch_seconds: float) -> datetime:
    """A UTC datetime."""
    return datetime.fromtimestamp(epoch_seconds, UTC)


@dataclass
class Acceptance:
    """An AcceptPage: a ``DELIVERED`` or ``READ`` receipt, its ReceiptInfo the AcceptCode
    given (as the AWS CLI's list-page-receipts example shows)."""

    time: float
    type: str
    channel_arn: str | None
    accept_code: str
    note: str | None


@dataclass
class Page:
    """One PERSONAL contact engaged by an engagement (``page/<alias>/<id>``)."""

    arn: str
    engagement: Engagement
    engaged: paging.Engaged
    accept_code: str
    message_ids: tuple[str, ...] = ()
    """The ReceiptInfo of each SENT receipt (a message ID, as the AWS CLI example shows)."""
    acceptances: list[Acceptance] = field(default_factory=list)
    stopped_at: float | None = None
    """When StopEngagement stopped it while it was unread (a ``STOP`` receipt)."""

    @property
    def sent_time(self) -> float:
        """When the contact was engaged."""
        return epoch(self.engaged.time)

    def _first(self, kind: str) -> float | None:
        return next((a.time for a in self.acceptances if a.type == kind), None)

    def read_time(self) -> float | None:
        """The first READ acceptance (the acknowledgement)."""
        return self._first("READ")

    def summary(self) -> JSON:
        """The page as ListPagesByContact and ListPagesByEngagement return it."""
        e = self.engagement
        out: JSON = {
            "PageArn": self.arn,
            "EngagementArn": e.arn,
            "ContactArn": self.engaged.contact_arn,
            "Sender": e.sender,
            "SentTime": self.sent_time,
        }
        if e.incident_id is not None:
            out["IncidentId"] = e.incident_id
        delivered, read = self._first("DELIVERED"), self.read_time()
        if delivered is not None:
            out["DeliveryTime"] = delivered
        if read is not None:
            out["ReadTime"] = read
        return out

    def describe(self) -> JSON:
        """The page as DescribePage returns it."""
        return {**self.summary(), **self.engagement.texts()}

    def receipts(self, now: float) -> list[JSON]:
        """SENT receipts the clock has reached, then the acceptances and a STOP, by time."""
        items: list[JSON] = []
        for send, message_id in zip(self.engaged.sends, self.message_ids, strict=True):
            at = epoch(send.time)
            if at <= now and not self.engagement.cancels(self, send.time):
                sent = {"ContactChannelArn": send.channel_arn, "ReceiptType": "SENT"}
                items.append({**sent, "ReceiptInfo": message_id, "ReceiptTime": at})
        for a in self.acceptances:
            item: JSON = {"ReceiptType": a.type, "ReceiptTime": a.time}
            if a.channel_arn:
                item["ContactChannelArn"] = a.channel_arn
            item["ReceiptInfo"] = a.accept_code
            items.append(item)
        if self.stopped_at is not None:
            items.append({"ReceiptType": "STOP", "ReceiptTime": self.stopped_at})
        items.sort(key=lambda r: r["ReceiptTime"])
        for index, item in enumerate(items):
            item["key"] = f"{index:06d}"
        return items

    def resolutions(self, setup_types: dict[str, str]) -> list[JSON]:
        """ListPageResolutions: the path from the engaged contact down to this one."""
        out: list[JSON] = []
        for step in self.engaged.path:
            item: JSON = {"ContactArn": step.contact_arn, "Type": step.contact_type}
            if step.stage_index is not None:
                item["StageIndex"] = step.stage_index
            out.append(item)
        contact = self.engaged.contact_arn
        out.append({"ContactArn": contact, "Type": setup_types.get(contact, "PERSONAL")})
        return out


@dataclass
class Engagement:
    """A StartEngagement (``engagement/<alias>/<id>``) and everything it pages."""

    arn: str
    contact_arn: str
    sender: str
    subject: str
    content: str
    public_subject: str | None
    public_content: str | None
    incident_id: str | None
    start_time: float
    timeline: paging.Timeline
    pages: list[Page] = field(default_factory=list)
    stop_time: float | None = None

    def texts(self) -> JSON:
        """Subject and content, public ones too when given."""
        out: JSON = {"Subject": self.subject, "Content": self.content}
        if self.public_subject is not None:
            out["PublicSubject"] = self.public_subject
        if self.public_content is not None:
            out["PublicContent"] = self.public_content
        return out

    def summary(self) -> JSON:
        """The engagement as ListEngagements returns it."""
        out: JSON = {
            "EngagementArn": self.arn,
            "ContactArn": self.contact_arn,
            "Sender": self.sender,
            "StartTime": self.start_time,
        }
        if self.incident_id is not None:
            out["IncidentId"] = self.incident_id
        if self.stop_time is not None:
            out["StopTime"] = self.stop_time
        return out

    def describe(self) -> JSON:
        """The engagement as DescribeEngagement returns it."""
        return {**self.summary(), **self.texts()}

    def cancels(self, page: Page, when: datetime) -> bool:
        """Whether what ``page`` would do at ``when`` is cancelled: by StopEngagement, or by
        an acknowledgement (:func:`pulumi_ssm_contacts.oncall.paging.stops`)."""
        if self.stop_time is not None and epoch(when) > self.stop_time:
            return True
        for other in self.pages:
            read = other.read_time()
            if read is not None and paging.stops(other.engaged, moment(read), page.engaged, when):
                return True
        return False

    def visible_pages(self, now: float) -> list[Page]:
        """The pages the clock has reached and nothing cancelled, in time order."""
        return [p for p in self.pages if p.sent_time <= now and not self.cancels(p, p.engaged.time)]


def receipt_fields(item: dict[str, Any]) -> JSON:
    """A receipt as the API shows it (without the pagination key)."""
    return {k: v for k, v in item.items() if k != "key"}
