"""The engine's floor: `count` resources of a provider whose hooks do nothing.

Config: `count`, `display` (the one input an update changes). The provider lives in a module
of its own, so state refers to it by reference, as it does to this package's providers.
"""

from typing import TYPE_CHECKING

import pulumi

if TYPE_CHECKING:  # mypy sees the bench's package; the engine runs this from its directory
    from benchmarks.programs.noop.noop_provider import NoopResource
else:
    from noop_provider import NoopResource

config = pulumi.Config()
for i in range(config.require_int("count")):
    NoopResource(f"c{i}", alias=f"bench-{i}", display_name=config.require("display"))
