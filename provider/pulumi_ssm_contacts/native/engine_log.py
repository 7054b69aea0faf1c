"""Warnings from the plugin to the CLI, on the resource they are about.

The engine's address is the plugin's first argument (``plugin.connect_engine`` points the SDK's
settings at it). A warning is best effort: an engine that cannot be reached (a test driving
the plugin alone) or a failed Log call costs the warning, never the hook.
"""

from __future__ import annotations

import contextlib

from pulumi.runtime.proto import engine_pb2
from pulumi.runtime.settings import get_engine


def warn(urn: str, message: str) -> None:
    """Log ``message`` as a warning on the resource ``urn`` (shown under it by the CLI)."""
    engine = get_engine()
    if engine is None:
        return
    with contextlib.suppress(Exception):
        engine.Log(engine_pb2.LogRequest(severity=engine_pb2.WARNING, message=message, urn=urn))
