"""An engine served as a Pulumi dynamic provider: the hooks every resource shares.

State stores each provider by reference to its class (``__reduce__``): no configuration,
no clients, no credentials, and stacks written by older releases keep loading.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, ParamSpec, TypeVar

from pulumi.dynamic import (
    CheckFailure,
    CheckResult,
    ConfigureRequest,
    CreateResult,
    DiffResult,
    ReadResult,
    ResourceProvider,
    UpdateResult,
)

from ..core.aws_errors import ContactError
from ..core.engine import IMPORT_KEY, Engine, Session
from ..core.sessions import resource_region, session_for
from ..core.validation import python_words

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _python_names(hook: Callable[_P, _R]) -> Callable[_P, _R]:
    """``hook``, its errors naming properties as the Python program wrote them (the engine
    words them in the state's camelCase: ``validation.python_words`` renders them)."""

    @functools.wraps(hook)
    def named(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return hook(*args, **kwargs)
        except ContactError as error:
            raise ContactError(python_words(str(error))) from None

    return named


class EngineProvider(ResourceProvider):
    """Serves ``engine``'s hooks to the Pulumi engine. Subclasses set ``engine``."""

    engine: ClassVar[Engine]
    serialize_as_secret_always = False

    def __init__(self) -> None:
        super().__init__()
        self._region: str | None = None
        self._profile: str | None = None

    def __reduce__(self) -> tuple[type[EngineProvider], tuple[()]]:
        return (type(self), ())

    def configure(self, req: ConfigureRequest) -> None:
        """Takes ``aws:region`` and ``aws:profile`` from the stack's configuration."""
        self._region = req.config.get("aws:region") or None
        self._profile = req.config.get("aws:profile") or None

    def _session(self, props: Mapping[str, Any], arn: str | None = None) -> Session:
        """The client and region for a resource: its ARN's region, else input, config, env."""
        region = resource_region(props, arn, self._region)
        return session_for(self.engine.type_name, region, self._profile, "aws:region")

    # -- hooks --------------------------------------------------------------------------

    def check(self, olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        """Validates and normalizes the inputs; no API call.

        The engine prints the whole value of a failure's property when it is a top-level
        key, and that value may be a secret: so the path goes into the reason instead,
        named as the Python program wrote it (``Failure.python_text``: snake_case).
        """
        state = {k: v for k, v in olds.items() if k != "__provider"}
        bag, failures = self.engine.check(news, state)
        return CheckResult(bag, [CheckFailure("", f.python_text()) for f in failures])

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        """Replacements and in-place changes from the engine's declared keys; no API call."""
        change = self.engine.diff(olds, news)
        return DiffResult(
            changes=bool(change.changed),
            replaces=change.replaces,
            stables=change.stables,
            delete_before_replace=change.delete_before_replace,
        )

    @_python_names
    def create(self, props: dict[str, Any]) -> CreateResult:
        """Create (or with ``import_``, adopt) the resource; the ID is its ARN."""
        bag = self.engine.normalize(props)
        import_arn = bag.get(IMPORT_KEY)
        if import_arn:
            extra = self.engine.adopt(self._session(bag, import_arn), import_arn, bag)
            return CreateResult(import_arn, {**bag, **extra, "arn": import_arn})
        id_, extra = self.engine.create(self._session(bag), bag)
        return CreateResult(id_, {**bag, **extra, "arn": id_})

    @_python_names
    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        """The live resource; one that is gone reads empty, so refresh drops it."""
        found = self.engine.read(self._session(props, id_), id_, props)
        if found is None:
            return ReadResult("", {})
        return ReadResult(id_, {**found.outputs, "arn": id_}, found.inputs)

    @_python_names
    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        """Writes only what changed."""
        old = self.engine.normalize(olds)
        new = self.engine.normalize(news)
        extra = self.engine.update(self._session(new, id_), id_, old, new)
        return UpdateResult({**new, **extra, "arn": id_})

    @_python_names
    def delete(self, id_: str, props: dict[str, Any]) -> None:
        """Deletes the resource; one that is already gone counts as deleted."""
        self.engine.delete(self._session(props, id_), id_, props)
