"""What the plugin process serves: every resource engine, the schema, the functions.

The schema and the functions are other modules' (native/schema.py, native/functions.py);
each loads when the engine first asks for it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from .provider import NativeProvider

if TYPE_CHECKING:
    from ..core.engine import Session


def schema_text() -> str:
    """The package schema as the engine's GetSchema returns it (JSON)."""
    from .schema import package_schema

    return json.dumps(package_schema())


class LazyFunctions:
    """native/functions.py, loaded with the first function call."""

    def invoke(
        self,
        function_token: str,
        args: Mapping[str, Any],
        session_for: Callable[[str | None], Session],
    ) -> dict[str, Any]:
        from .functions import invoke

        return invoke(function_token, args, session_for)

    def secret_outputs(self, function_token: str) -> tuple[str, ...]:
        from .functions import secret_outputs

        return secret_outputs(function_token)


def make_provider(started: Callable[[], object] | None = None) -> NativeProvider:
    """The provider over every engine of the package (native/schema.py's ``ENGINES``);
    ``started`` runs once its first client is made (``NativeProvider``)."""
    from .schema import ENGINES

    return NativeProvider(
        [engine() for engine in ENGINES],
        schema=schema_text,
        functions=LazyFunctions(),
        started=started,
    )


def connect_engine(argv: list[str]) -> None:
    """Point the SDK's ambient settings at the engine (``argv[0]``), so what an engine
    logs with ``pulumi.log`` (a warning at refresh) reaches the CLI."""
    if not argv or argv[0].startswith("-"):
        return
    from pulumi.runtime.settings import Settings, configure

    configure(
        Settings(project="project", stack="stack", organization="organization", engine=argv[0])
    )
