"""Which region and client a hook works with: what every front end resolves the same way.

A resource's ARN names its region; else the resource's ``region`` input, then the
provider's configured region (``aws:region`` for the dynamic providers, ``ssm-contacts:region``
for the native one), then AWS_REGION / AWS_DEFAULT_REGION, then the profile's region
(boto3's own chain). Without any of them a hook fails with one paragraph saying how to
set one.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from botocore.exceptions import NoRegionError

from . import aws_client
from . import bag as bags
from .aws_errors import ContactError
from .engine import Session


def environment_region() -> str | None:
    """AWS_REGION, else AWS_DEFAULT_REGION (None when neither is set)."""
    return os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")


def resource_region(
    props: Mapping[str, Any], arn: str | None, configured: str | None
) -> str | None:
    """The region of a resource: its ARN's, else its input, the configured one, the env's."""
    if arn:
        return bags.region_of(arn)
    region = props.get("region")
    return (region if isinstance(region, str) and region else None) or (
        configured or environment_region()
    )


def session_for(
    type_name: str,
    region: str | None,
    profile: str | None,
    config_key: str,
) -> Session:
    """The shared client for ``region`` and ``profile``; no region anywhere is one paragraph
    that names ``config_key`` (``aws:region``, ``ssm-contacts:region``) as one way to set it."""
    try:
        return Session(aws_client.client(region, profile), region)
    except NoRegionError:
        raise ContactError(
            f"No AWS region for the {type_name}. Set the resource's `region`, "
            f"run `pulumi config set {config_key} us-east-2`, or set AWS_REGION."
        ) from None
