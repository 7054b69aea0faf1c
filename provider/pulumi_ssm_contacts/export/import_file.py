"""The JSON ``pulumi import --file`` reads, for teams that prefer Pulumi's own import.

One entry per resource: the native provider's type, the resource's name and its ID (an ARN;
a ContactPlan's is its contact's). Every resource is top-level under the default provider,
so none needs ``parent`` or ``provider``. Pulumi's import writes references as the literal
ARNs, and reads the delivery addresses into state; the program ``export`` writes does
neither.
"""

from __future__ import annotations

import json
from typing import Any

from .declarations import Export
from .yaml_program import type_token


def render(export: Export) -> str:
    """The import file's text."""
    body: dict[str, Any] = {
        "resources": [
            {"type": type_token(d.kind), "name": d.name, "id": d.import_id}
            for d in export.declarations
        ]
    }
    return json.dumps(body, indent=2) + "\n"
