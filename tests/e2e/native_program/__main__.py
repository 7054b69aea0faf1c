"""Native ``ssm-contacts`` resources from config, with no generated SDK.

Config ``resources``: a JSON list of ``{"type": "Contact", "name": ..., "props": {...}}``;
each becomes ``pulumi.CustomResource("ssm-contacts:index:<type>", name, props)``, served by
the ``pulumi-resource-ssm-contacts`` plugin on PATH. No stack outputs: with
``--continue-on-error`` the SDK fails the stack's outputs of a failed resource with a
traceback of the program's own (test_native_errors.py looks for the provider's).
"""

from __future__ import annotations

import json

import pulumi

for spec in json.loads(pulumi.Config().require("resources")):
    pulumi.CustomResource(
        f"ssm-contacts:index:{spec['type']}", spec["name"], {**spec["props"], "arn": None}
    )
