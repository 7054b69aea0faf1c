"""The ``ssm-contacts`` package's hooks over the resource engines (resources/*.py).

The model is the dynamic front end's ``EngineProvider``: the same engine calls, the
same outputs (the bag, what the engine adds, and ``arn``). What differs is the wire and
what the engine of a native provider does with it: the owner comes from the URN (not an
input), an import is the engine's Read with no state (not an adoption inside create),
errors name properties in the program's camelCase, and secret inputs stay secret.

Each hook runs its engine call on a thread of a pool as wide as any ``--parallel`` the
engine is given, so hooks run at once as the engine asks.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
from collections.abc import Callable, Collection, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol, TypeVar

from pulumi.provider.experimental.property_value import PropertyValue
from pulumi.provider.experimental.provider import (
    CheckFailure,
    CheckRequest,
    CheckResponse,
    ConfigureRequest,
    ConfigureResponse,
    CreateRequest,
    CreateResponse,
    DeleteRequest,
    DiffRequest,
    DiffResponse,
    GetSchemaRequest,
    GetSchemaResponse,
    InvokeRequest,
    InvokeResponse,
    PropertyDiff,
    PropertyDiffKind,
    Provider,
    ReadRequest,
    ReadResponse,
    UpdateRequest,
    UpdateResponse,
)
from pulumi.runtime.rpc import UNKNOWN

from ..core import aws_client
from ..core.aws_errors import ContactError
from ..core.engine import IMPORT_KEY, Change, Engine, Session
from ..core.ownership import OWNER_KEY
from ..core.sessions import resource_region, session_for
from ..core.validation import Failure, region_failures
from .engine_log import warn
from .imports import read_for_import
from .urns import owner_of_urn, resource_name
from .values import from_bag, to_bag

PACKAGE = "ssm-contacts"
"""The package name: resource tokens are ``ssm-contacts:index:<type name>``."""

CONFIG_KEYS = ("region", "profile")
"""The provider's settings (``ssm-contacts:region``, ``ssm-contacts:profile``)."""

MAX_WORKERS = 256
"""Threads for engine calls: more than any ``--parallel`` a deploy uses (the engine's
default is unbounded within the CPU-scaled limit), as wide as the dynamic provider host's
pool (core/aws_client.MAX_POOL_CONNECTIONS is sized for it)."""

_T = TypeVar("_T")


class Functions(Protocol):
    """The package's functions (native/functions.py is one)."""

    def invoke(
        self,
        function_token: str,
        args: Mapping[str, Any],
        session_for: Callable[[str | None], Session],
    ) -> dict[str, Any]:
        """One lookup's outputs; a ContactError when there is no answer."""
        ...

    def secret_outputs(self, function_token: str) -> tuple[str, ...]:
        """The outputs of a function that are always secret."""
        ...


def resource_token(engine: Engine) -> str:
    """``ssm-contacts:index:Contact`` for the Contact engine."""
    return f"{PACKAGE}:index:{engine.type_name}"


def type_of_urn(urn: str) -> str:
    """The resource's own type token in a URN (the last of its type chain)."""
    parts = urn.split("::", 3)
    return parts[2].rsplit("$", 1)[-1] if len(parts) == 4 else ""


def secret_keys(engine: Engine) -> tuple[str, ...]:
    """The keys an engine always keeps secret (a channel's delivery address)."""
    keys: tuple[str, ...] = getattr(engine, "secret_keys", ())
    return keys


def reserved_failures(news: Mapping[str, Any]) -> list[Failure]:
    """The bookkeeping keys a native program cannot set: the provider sets the owner, and
    an import is Pulumi's own (the ``import`` resource option, ``pulumi import``)."""
    failures = []
    if OWNER_KEY in news:
        failures.append(
            Failure(OWNER_KEY, "is set by the provider from the resource's URN; remove it")
        )
    if IMPORT_KEY in news:
        failures.append(
            Failure(IMPORT_KEY, "is not an input here: use the `import` resource option")
        )
    return failures


def warn_of_likely_mistakes(engine: Engine, urn: str, bag: Mapping[str, Any]) -> None:
    """The engine's warnings of a valid bag (what AWS accepts but is likely a mistake: a
    target twice in a stage, overlapping shift coverages), each on the resource, named as the
    program wrote it; no API call. A rule that cannot judge a bag (values unknown at
    preview) warns of nothing: check's failures are what refuse inputs."""
    try:
        found = engine.warnings(bag)
    except Exception:
        return
    name = resource_name(urn)
    for warning in found:
        warn(urn, f"{engine.type_name} {name!r}: {warning.text()}")


def detailed_diff(
    change: Change, old: Mapping[str, Any], new: Mapping[str, Any]
) -> dict[str, PropertyDiff]:
    """The engine's change per key, as the CLI shows it (added, deleted, updated; replacing)."""
    out = {}
    for key in change.changed:
        replaces = key in change.replaces
        if key not in old:
            kind = PropertyDiffKind.ADD_REPLACE if replaces else PropertyDiffKind.ADD
        elif key not in new:
            kind = PropertyDiffKind.DELETE_REPLACE if replaces else PropertyDiffKind.DELETE
        else:
            kind = PropertyDiffKind.UPDATE_REPLACE if replaces else PropertyDiffKind.UPDATE
        out[key] = PropertyDiff(kind, input_diff=True)
    return out


def previewed_create(engine: Engine, bag: Mapping[str, Any]) -> dict[str, Any]:
    """What a create will answer, as far as it is known before it runs: the inputs, and
    unknown for what AWS makes (the ARN, the engine's other outputs)."""
    return {**bag, **dict.fromkeys(("arn", *engine.output_keys), UNKNOWN)}


def previewed_update(
    engine: Engine, id_: str, olds: Mapping[str, Any], news: Mapping[str, Any]
) -> dict[str, Any]:
    """What an in-place update will answer, before it runs: the new inputs, the ARN (the
    ID), every output the update leaves as it is (``Change.stables``) and unknown for the
    others, so a dependent previews exactly what ``up`` then does to it."""
    stables = engine.diff(olds, news).stables
    kept = {k: olds[k] for k in stables if k in olds}
    moved = dict.fromkeys((k for k in engine.output_keys if k not in stables), UNKNOWN)
    return {**kept, **engine.normalize(news), **moved, "arn": id_}


class NativeProvider(Provider):
    """Serves every engine of ``engines`` as the resource ``ssm-contacts:index:<type>``."""

    def __init__(
        self,
        engines: Collection[Engine],
        schema: Callable[[], str] | None = None,
        functions: Functions | None = None,
        started: Callable[[], object] | None = None,
    ) -> None:
        """``started`` runs once, when the client Configure asked for is made (or failed)."""
        self._engines = {resource_token(engine): engine for engine in engines}
        self._schema = schema
        self._functions = functions
        self._started = started
        self._region: str | None = None
        self._profile: str | None = None
        self._pool = ThreadPoolExecutor(MAX_WORKERS, thread_name_prefix="hook")

    # -- plumbing -----------------------------------------------------------------------

    async def _run(self, fn: Callable[..., _T], *args: Any) -> _T:
        """``fn(*args)`` on a pool thread, with this task's context (the engine's log)."""
        call = functools.partial(contextvars.copy_context().run, fn, *args)
        return await asyncio.get_running_loop().run_in_executor(self._pool, call)

    def _engine(self, urn: str) -> Engine:
        token = type_of_urn(urn)
        engine = self._engines.get(token)
        if engine is None:
            raise ContactError(
                f"{token or urn} is not a resource of the {PACKAGE} package (it has "
                f"{', '.join(sorted(self._engines))})."
            )
        return engine

    def session(self, type_name: str, props: Mapping[str, Any], arn: str | None = None) -> Session:
        """The client and region for a resource: its ARN's, else its input, config, env."""
        region = resource_region(props, arn, self._region)
        return session_for(type_name, region, self._profile, f"{PACKAGE}:region")

    def _region_failures(self, engine: Engine, bag: Mapping[str, Any]) -> list[Failure]:
        """A new resource needs a region (one the stack has takes its ARN's): with none
        anywhere its preview fails as its create would, with no call."""
        if resource_region(bag, None, self._region):
            return []
        try:
            self.session(engine.type_name, bag)
        except ContactError as error:
            return [Failure("region", str(error))]
        return []

    def session_for_region(self, region: str | None) -> Session:
        """The session a function call works in: ``region`` or the provider's."""
        return self.session("lookup", {"region": region} if region else {})

    def _outputs(
        self, engine: Engine, outs: Mapping[str, Any], secret: Collection[str]
    ) -> dict[str, PropertyValue]:
        return from_bag(outs, {*secret, *secret_keys(engine)})

    # -- configuration ------------------------------------------------------------------

    async def configure(self, request: ConfigureRequest) -> ConfigureResponse:
        """``ssm-contacts:region`` and ``ssm-contacts:profile`` (the engine sends only the
        package's own settings: ``aws:region`` never reaches a native provider, so the
        environment is the fallback)."""
        args, _ = to_bag(request.args)
        settings: dict[str, str | None] = {}
        for key in CONFIG_KEYS:
            value = args.get(key) or request.variables.get(f"{PACKAGE}:config:{key}")
            settings[key] = value if isinstance(value, str) and value else None
        self._region, self._profile = settings["region"], settings["profile"]
        started, self._started = self._started, None
        aws_client.warm(resource_region({}, None, self._region), self._profile, then=started)
        # Create and Update preview themselves (no call): a dependent of an in-place update
        # keeps the ARN it names, where the engine would otherwise pass the inputs as outputs.
        return ConfigureResponse(accept_secrets=True, supports_preview=True)

    async def check_config(self, request: CheckRequest) -> CheckResponse:
        """A configured region must be one that serves ssm-contacts."""
        news, _ = to_bag(request.new_inputs)
        failures = region_failures(news.get("region") or None)
        return CheckResponse(
            inputs=request.new_inputs,
            failures=[CheckFailure("", f"{PACKAGE}:{f.text()}") for f in failures],
        )

    async def get_schema(self, request: GetSchemaRequest) -> GetSchemaResponse:
        if self._schema is None:
            raise ContactError(f"The {PACKAGE} provider has no schema in this build.")
        return GetSchemaResponse(schema=self._schema())

    # -- resources ----------------------------------------------------------------------

    async def check(self, request: CheckRequest) -> CheckResponse:
        """Validates and normalizes the inputs; no API call. A failure's path goes into its
        reason (the engine would print a top-level property's whole value, maybe a secret),
        named as the program wrote it (camelCase)."""
        engine = self._engine(request.urn)
        news, secret = to_bag(request.new_inputs)
        olds, _ = to_bag(request.old_inputs)
        failures = reserved_failures(news)
        news[OWNER_KEY] = owner_of_urn(request.urn)
        news.pop(IMPORT_KEY, None)
        bag, found = await self._run(engine.check, news, olds)
        failures += found
        if not failures and not olds:
            failures += await self._run(self._region_failures, engine, bag)
        if not failures:
            await self._run(warn_of_likely_mistakes, engine, request.urn, bag)
        return CheckResponse(
            inputs=self._outputs(engine, bag, secret),
            failures=[CheckFailure("", f.text()) for f in failures],
        )

    async def diff(self, request: DiffRequest) -> DiffResponse:
        """Replacements, in-place changes and the outputs an update leaves (stables); no
        API call."""
        engine = self._engine(request.urn)
        olds, _ = to_bag(request.old_state)
        news, _ = to_bag(request.new_inputs)
        change = engine.diff(olds, news)
        return DiffResponse(
            changes=bool(change.changed),
            replaces=change.replaces,
            stables=change.stables,
            delete_before_replace=change.delete_before_replace,
            diffs=change.changed,
            detailed_diff=detailed_diff(change, engine.normalize(olds), engine.normalize(news)),
        )

    async def create(self, request: CreateRequest) -> CreateResponse:
        """Creates the resource; the ID is its ARN. At preview, no call: what it will be."""
        engine = self._engine(request.urn)
        props, secret = to_bag(request.properties)
        bag = engine.normalize(props)
        if request.preview:
            return CreateResponse("", self._outputs(engine, previewed_create(engine, bag), secret))
        id_, extra = await self._run(
            lambda: engine.create(self.session(engine.type_name, bag), bag)
        )
        return CreateResponse(id_, self._outputs(engine, {**bag, **extra, "arn": id_}, secret))

    async def read(self, request: ReadRequest) -> ReadResponse:
        """The live resource (refresh), or with no state an import: the inputs that make
        the next preview a no-op. One that is gone reads empty, so refresh drops it."""
        engine = self._engine(request.urn)
        id_ = request.resource_id
        props, secret = to_bag(request.properties)
        _, input_secret = to_bag(request.inputs)
        secret = {*secret, *input_secret}
        if not props:
            owner = owner_of_urn(request.urn)
            imported = await self._run(
                lambda: read_for_import(engine, self.session(engine.type_name, {}, id_), id_, owner)
            )
            return ReadResponse(
                id_,
                self._outputs(engine, {**imported.outputs, "arn": id_}, secret),
                self._outputs(engine, imported.inputs, secret),
            )
        found = await self._run(
            lambda: engine.read(self.session(engine.type_name, props, id_), id_, props)
        )
        if found is None:
            return ReadResponse("", {}, {})
        return ReadResponse(
            id_,
            self._outputs(engine, {**found.outputs, "arn": id_}, secret),
            self._outputs(engine, found.inputs, secret),
        )

    async def update(self, request: UpdateRequest) -> UpdateResponse:
        """Writes only what changed. At preview, no call: what it will answer."""
        engine = self._engine(request.urn)
        olds, _ = to_bag(request.olds)
        news, secret = to_bag(request.news)
        id_ = request.resource_id
        if request.preview:
            previewed = previewed_update(engine, id_, olds, news)
            return UpdateResponse(self._outputs(engine, previewed, secret))
        old, new = engine.normalize(olds), engine.normalize(news)
        extra = await self._run(
            lambda: engine.update(self.session(engine.type_name, new, id_), id_, old, new)
        )
        return UpdateResponse(self._outputs(engine, {**new, **extra, "arn": id_}, secret))

    async def delete(self, request: DeleteRequest) -> None:
        """Deletes the resource; one that is already gone counts as deleted."""
        engine = self._engine(request.urn)
        props, _ = to_bag(request.properties)
        id_ = request.resource_id
        await self._run(
            lambda: engine.delete(self.session(engine.type_name, props, id_), id_, props)
        )

    # -- functions ----------------------------------------------------------------------

    async def invoke(self, request: InvokeRequest) -> InvokeResponse:
        """A lookup (``ssm-contacts:index:getContact`` ...); its secret outputs (a channel's
        delivery address) are returned secret."""
        if self._functions is None:
            raise ContactError(f"The {PACKAGE} provider has no functions in this build.")
        args, _ = to_bag(request.args)
        functions = self._functions
        result = await self._run(
            lambda: functions.invoke(request.tok, args, self.session_for_region)
        )
        return InvokeResponse(return_value=from_bag(result, functions.secret_outputs(request.tok)))
