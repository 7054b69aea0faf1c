"""A native resource's owner, from the URN every request carries.

The dynamic front end computes the owner in the program (``dynamic.resource.owner_of``:
project, stack, name and the parent's type chain). A native resource's URN holds all four
(``urn:pulumi:<stack>::<project>::<parent types$...$own type>::<name>``), so the owner is the
same string for a resource of the same name under the same parents: a stack can move
between the front ends and keep its owner tags.
"""

from __future__ import annotations

from ..core.ownership import owner_id, parents_of_urn


def owner_of_urn(urn: str) -> str:
    """The owner tag's value for the resource ``urn`` names (``ownership.owner_id``)."""
    parts = urn.split("::", 3)
    if len(parts) != 4 or not parts[0].startswith("urn:pulumi:"):
        raise ValueError(f"not a Pulumi URN: {urn!r}")
    stack = parts[0].removeprefix("urn:pulumi:")
    project, name = parts[1], parts[3]
    parents = parents_of_urn(urn)[:-1]  # the URN's own last type is the resource's
    return owner_id(project, stack, name, parents)


def resource_name(urn: str) -> str:
    """The name a program gave the resource (a URN's last part)."""
    return urn.rsplit("::", 1)[-1]
