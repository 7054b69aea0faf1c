"""Which regions serve ssm-contacts, from botocore's endpoint data (never a hand-kept list)."""

from __future__ import annotations

import functools
import os

ENDPOINT_VARIABLES = ("AWS_ENDPOINT_URL_SSM_CONTACTS", "AWS_ENDPOINT_URL")
"""With either set (the emulator, a proxy), any well-formed region name is allowed."""


@functools.cache
def known_regions() -> frozenset[str]:
    """Every region of every partition where botocore knows an ssm-contacts endpoint."""
    import botocore.session

    session = botocore.session.get_session()
    return frozenset(
        region
        for partition in session.get_available_partitions()
        for region in session.get_available_regions("ssm-contacts", partition_name=partition)
    )


def region_problem(region: str) -> str | None:
    """Why ``region`` cannot serve ssm-contacts, or None when it can (or may)."""
    if any(os.environ.get(name) for name in ENDPOINT_VARIABLES):
        return None
    known = known_regions()
    if not known or region in known:
        return None
    return (
        "is not a region where ssm-contacts is available (botocore's endpoint data lists "
        f"{', '.join(sorted(known))}); with AWS_ENDPOINT_URL_SSM_CONTACTS set any name is allowed"
    )
