"""Warnings of likely mistakes, shown by ``pulumi preview`` (and ``up``) on the resource.

A dynamic provider's ``check`` can refuse an input but cannot warn (its answer has no room
for a diagnostic), so a resource's likely mistakes (a target twice in a stage, a rotation
twice, an escalation plan that engages itself, a hand-off twice, overlapping shift
coverages, a start time in 1900) are found in the program, like the on-call coverage check
(``oncall_coverage``): once its inputs are known, the engine's own ``warnings`` rules run
on its normalized bag, and each is logged with ``pulumi.log.warn`` on the resource, named
as the program wrote it. It costs no API call; values unknown at preview are skipped.
Never a value in a warning: only the resource's name, the property path and the rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pulumi
from pulumi.runtime.rpc import UNKNOWN

if TYPE_CHECKING:
    from ..core.engine import Engine
    from ..core.validation import Failure


def warning_text(type_name: str, resource_name: str, warning: Failure) -> str:
    """``Rotation 'primary': recurrence.shift_coverages.MON[1]: overlaps ...``."""
    return f"{type_name} {resource_name!r}: {warning.python_text()}"


def warn_of_likely_mistakes(
    resource: pulumi.Resource, engine: Engine, resource_name: str, props: Mapping[str, Any]
) -> None:
    """Log the engine's warnings of ``props`` on ``resource`` once they are known."""
    inputs = dict(props)

    async def warn() -> bool:
        try:
            found = engine.warnings(engine.normalize(await _resolved(inputs)))
        except Exception:  # a warning never fails a program: check (or the input) says why
            return False
        for warning in found:
            pulumi.log.warn(warning_text(engine.type_name, resource_name, warning), resource)
        return True

    # An Output of the coroutine: the program waits for it before it ends, like any output.
    done: pulumi.Output[bool] = pulumi.Output.from_input(warn())
    del done


async def _resolved(value: Any) -> Any:
    """``value`` with every known Output replaced by its value, unknown ones by UNKNOWN."""
    if isinstance(value, pulumi.Output):
        if not await value.is_known():
            return UNKNOWN
        return await _resolved(await value.future())
    if isinstance(value, Mapping):
        return {k: await _resolved(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [await _resolved(v) for v in value]
    if hasattr(value, "__await__"):
        return UNKNOWN  # an awaitable input: the engine awaits it, we must not
    return value
