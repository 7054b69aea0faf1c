"""ARNs as AWS forms them for ssm-contacts resources.

Forms from the service's IAM resource types and the API reference examples:
``arn:aws:ssm-contacts:us-east-2:111122223333:contact/akuam``,
``...:contact-channel/akuam/fc7405c4-46b2-48b7-87b2-93e2f225b90d``,
``...:rotation/<rotation id>``.
"""

from __future__ import annotations

from moto.utilities.utils import get_partition


def _prefix(region: str, account_id: str) -> str:
    return f"arn:{get_partition(region)}:ssm-contacts:{region}:{account_id}"


def contact_arn(region: str, account_id: str, alias: str) -> str:
    """The ARN of a contact, escalation plan or on-call schedule."""
    return f"{_prefix(region, account_id)}:contact/{alias}"


def channel_arn(region: str, account_id: str, alias: str, channel_id: str) -> str:
    """The ARN of a contact channel of the contact ``alias``."""
    return f"{_prefix(region, account_id)}:contact-channel/{alias}/{channel_id}"


def rotation_arn(region: str, account_id: str, rotation_id: str) -> str:
    """The ARN of an on-call rotation."""
    return f"{_prefix(region, account_id)}:rotation/{rotation_id}"


def engagement_arn(region: str, account_id: str, alias: str, engagement_id: str) -> str:
    """The ARN of an engagement of the contact ``alias`` (AWS CLI's start-engagement example)."""
    return f"{_prefix(region, account_id)}:engagement/{alias}/{engagement_id}"


def page_arn(region: str, account_id: str, alias: str, page_id: str) -> str:
    """The ARN of a page to the contact ``alias`` (AWS CLI's list-pages-by-engagement example)."""
    return f"{_prefix(region, account_id)}:page/{alias}/{page_id}"


RESOURCE_TYPES = {
    "contact": "CONTACT",
    "contact-channel": "CONTACT_CHANNEL",
    "rotation": "ROTATION",
    "engagement": "ENGAGEMENT",
    "page": "PAGE",
}
"""The ResourceType a ResourceNotFoundException names, by the ARN's resource kind."""


def resource_type(arn: str) -> str:
    """The ResourceType of what ``arn`` names (``CONTACT`` for a kind it does not know)."""
    resource = arn.split(":", 5)[-1] if arn.count(":") >= 5 else ""
    return RESOURCE_TYPES.get(resource.partition("/")[0], "CONTACT")
