"""Pulumi's own import for a native resource: the engine's Read with no state.

``pulumi import`` and the ``import`` resource option read the live resource by its ID
and take the inputs Read returns as the program's: they must make the next preview a
no-op. So every part a program may leave unmanaged (a Contact's plan) is read, the
inputs are the engine's keys only (an empty tag map left out: no tags is the same), and
the read is done again as a refresh of the state the first one describes, so each
engine's owner checks run as for a resource in a stack (a channel's owner is on its
contact, whose ARN only the first read gives). The reads write nothing (it runs at preview too): a
resource whose owner tag names another Pulumi resource is refused, one with no owner
tag gets ours with the first update that writes it (``Engine.sync_tags``), so the
state records no owner yet.
"""

from __future__ import annotations

from typing import Any

from ..core.aws_errors import ContactError
from ..core.engine import IMPORT_KEY, Engine, Read, Session
from ..core.ownership import OWNER_KEY

_REFRESH = "Refresh"
"""How the engines' owner refusals start (``aws_errors.owned_elsewhere``), at refresh."""


def read_for_import(engine: Engine, session: Session, id_: str, owner: str) -> Read:
    """The live resource ``id_`` as an import records it, for the resource ``owner``."""
    managed: dict[str, Any] = {key: {} for key in engine.optional_managed_keys}
    first = _read(engine, session, id_, {**managed, OWNER_KEY: owner})
    found = _read(engine, session, id_, {**managed, **first.inputs, OWNER_KEY: owner})
    outputs = {k: v for k, v in found.outputs.items() if k not in (OWNER_KEY, IMPORT_KEY)}
    inputs = {
        k: v
        for k, v in found.inputs.items()
        if k in engine.input_keys and not (k == "tags" and not v)
    }
    return Read(outputs, inputs)


def _read(engine: Engine, session: Session, id_: str, props: dict[str, Any]) -> Read:
    """``engine.read`` for an import: gone is an error, a refusal is worded as an import's."""
    try:
        found = engine.read(session, id_, props)
    except ContactError as error:
        text = str(error)
        if text.startswith(_REFRESH):
            raise ContactError("Import" + text.removeprefix(_REFRESH)) from None
        raise
    if found is None:
        raise ContactError(
            f"Import of {id_} failed: no such {engine.type_name} in {session.region}.\n"
            "What to do: check the ID (an ARN: `aws ssm-contacts list-contacts`, "
            "`list-contact-channels`, `list-rotations`) and its region."
        )
    return found
