"""The resources the emulator stores, and how each is shown in API responses."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

JSON = dict[str, Any]


@dataclass
class Contact:
    """A personal contact, an escalation plan or an on-call schedule."""

    arn: str
    alias: str
    type: str
    display_name: str | None
    plan: JSON

    def summary(self) -> JSON:
        """The contact as ``ListContacts`` returns it."""
        out: JSON = {"ContactArn": self.arn, "Alias": self.alias, "Type": self.type}
        if self.display_name is not None:
            out["DisplayName"] = self.display_name
        return out

    def describe(self) -> JSON:
        """The contact as ``GetContact`` returns it."""
        return {**self.summary(), "Plan": copy.deepcopy(self.plan)}


@dataclass
class ContactChannel:
    """A way to engage a contact: SMS, VOICE or EMAIL."""

    arn: str
    contact_arn: str
    name: str
    type: str
    delivery_address: JSON
    activation_status: str = "NOT_ACTIVATED"
    activation_code: str | None = None

    def describe(self) -> JSON:
        """The channel as ``GetContactChannel`` and ``ListContactChannels`` return it."""
        return {
            "ContactChannelArn": self.arn,
            "ContactArn": self.contact_arn,
            "Name": self.name,
            "Type": self.type,
            "DeliveryAddress": dict(self.delivery_address),
            "ActivationStatus": self.activation_status,
        }


@dataclass
class Rotation:
    """An on-call rotation: who is on call, from when, and how shifts recur."""

    arn: str
    name: str
    contact_ids: list[str]
    start_time: float
    """Epoch seconds; the creation time when CreateRotation gave none."""
    time_zone_id: str
    recurrence: JSON = field(default_factory=dict)

    def summary(self) -> JSON:
        """The rotation as ``ListRotations`` returns it."""
        out: JSON = {
            "RotationArn": self.arn,
            "Name": self.name,
            "ContactIds": list(self.contact_ids),
            "TimeZoneId": self.time_zone_id,
            "Recurrence": copy.deepcopy(self.recurrence),
            "StartTime": self.start_time,
        }
        return out

    def describe(self) -> JSON:
        """The rotation as ``GetRotation`` returns it."""
        return self.summary()
